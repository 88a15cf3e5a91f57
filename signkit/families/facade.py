"""The facade name sign (门头): the centre's name over the main door.

In:  the profile's ``[center]`` and ``[entrance]``; tokens ``[signs.facade.tokens]``.
Out: one ``facade`` job.  RULES.md TAX-02, FT-02, PL-08: the letter height follows the
street viewing distance, ``max(min_letter_height, D / distance_factor)``; the panel is that
times ``height_per_letter`` tall and as wide as the facade allows within the brand's limits;
its bottom edge sits ``above_door_mm`` over the door head.  The template centres one lock-up
on it: the emblem as tall as the text block (name over the identity line), a fixed gap.
The identity line's tracking is the brand's (``[identity] tracking_em``), one for every sign.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import spec
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from .base import Family, PlanInput


@dataclass(frozen=True, slots=True)
class Tokens:
    min_width_mm: float = spec(gt=0, doc="narrowest panel, mm")
    max_width_mm: float = spec(gt=0, doc="widest panel, mm (PDF pages stop at 5080 mm with bleed and marks)")
    side_clearance_mm: float = spec(ge=0, doc="free facade left and right of the sign, mm")
    min_letter_height_mm: float = spec(gt=0, doc="smallest letter height, mm (PL-08, §3 table row 1)")
    distance_factor: float = spec(gt=0, doc="PL-08: primary text Z = D / h")
    min_distance_factor: float = spec(gt=0, doc="PL-08: never smaller than D / this")
    min_char_height_mm: float = spec(gt=0, doc="PL-04 floor for signs mounted above 3050 mm")
    height_per_letter: float = spec(gt=0, doc="panel height = letter height × this")
    above_door_mm: float = spec(ge=0, doc="gap between the door head and the sign's bottom edge, mm")
    margin_ratio: float = spec(ge=0, le=0.5, doc="margin = panel height × this")
    slogan_ratio: float = spec(gt=0, doc="height of the identity artwork ÷ the name's letter height")
    slogan_gap_ratio: float = spec(0.25, ge=0, doc="between the name and the identity line, × letter height")
    emblem_gap_ratio: float = spec(0.4, ge=0, doc="between the emblem and the text block, × letter height "
                                                  "(the emblem is as tall as the text block)")
    max_tracking_em: float = spec(0.35, ge=0, doc="letter-spacing of the name, em")


@dataclass(frozen=True, slots=True)
class Content:
    letter_height_mm: float  # the name's letter height the street distance asks for
    min_letter_height_mm: float  # the least it may shrink to
    facade_width_mm: float  # for FACADE_TOO_WIDE


def plan(inp: PlanInput) -> list[SignJob]:
    profile, brand = inp.profile, inp.brand
    sign = brand.signs["facade"]
    t: Tokens = sign.tokens
    distance = profile.center.street_distance_mm
    letter = max(t.min_letter_height_mm, distance / t.distance_factor)
    height = round(letter * t.height_per_letter)
    available = profile.entrance.facade_width_mm - 2 * t.side_clearance_mm
    width = min(t.max_width_mm, max(t.min_width_mm, available))
    entrance = profile.entrance
    placement = Placement(
        wall="entrance", location=Location("facade"), anchor="bottom",
        height_mm=entrance.door_height_mm + t.above_door_mm, offset_mm=0.0, side="centre",
        viewing_distance_mm=distance)
    texts = {"name": Text(profile.center.name, "center.name")}
    if profile.center.slogan.strip():
        texts["slogan"] = Text(profile.center.slogan, "center.slogan")
    return [make_job(
        id="facade", kind="facade", width_mm=width, height_mm=float(height), style=brand.style_of("facade"),
        texts=texts, source="center", placement=placement, material=sign.material, quantity=sign.quantity, floor=1,
        content=Content(letter, max(t.min_char_height_mm, distance / t.min_distance_factor),
                        entrance.facade_width_mm))]


FAMILY = Family(kind="facade", tokens=Tokens, content=Content, plan=plan, template="facade.svg.j2", order=10,
                # PL-03 gives no facade height; the sign's bottom sits over the door head, reachable by a ladder
                band=Band("bottom", 2000.0, 6000.0, "TAX-02, §3 table row 1"))
