"""Vertical organisation plaques (竖牌) beside the main door.

In:  the profile's ``[[organisations]]`` and ``[entrance]``; tokens ``[signs.plaque.tokens]``.
Out: ``plaque-<n>-<kind>`` jobs.  RULES.md VP-01 (party plaques white with red text, the
others black: the party style role), VP-04 (village size below the township preset), VP-05
(the party plaque takes the position of honour, ``honour_side``, nearest the door; the
others follow in profile order moving away from it; when the honour side's free wall is
full the row continues on the other side, nearest the door first).  Top edges level with
the door head.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import spec
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from .base import Family, PlanInput

KIND_IDS = {"party": "party", "villagers_committee": "villagers", "supervision_committee": "supervision",
            "economic_cooperative": "cooperative", "other": "other"}


@dataclass(frozen=True, slots=True)
class Tokens:
    margin_x_mm: float = spec(ge=0, doc="side margin of the column, mm")
    margin_y_mm: float = spec(ge=0, doc="top and bottom margin of the column, mm")
    frame_inset_mm: float = spec(ge=0, doc="trim edge to the frame line, mm")
    frame_width_mm: float = spec(gt=0, doc="frame line width, mm")
    min_char_height_mm: float = spec(gt=0, doc="PL-04: characters above 1780 mm need 51 mm (read from < 4.6 m)")
    max_char_height_mm: float = spec(gt=0, doc="largest character height, mm")
    min_gap_em: float = spec(ge=0, doc="least space between characters, em: never set the column solid")
    door_gap_mm: float = spec(ge=0, doc="door frame to the nearest plaque edge, mm")
    gap_mm: float = spec(ge=0, doc="between plaques, mm")
    township_size_mm: tuple[float, float] = spec(gt=0, doc="the township preset (VP-04), mm")


@dataclass(frozen=True, slots=True)
class Content:
    position: int  # 1 = first in precedence (the party organisation)
    organisation: str  # its kind: party, villagers_committee …
    party: bool
    honour_side: str
    size_key: str  # where the size came from, for SIGN_SIZE findings


def plan(inp: PlanInput) -> list[SignJob]:
    profile, brand = inp.profile, inp.brand
    if not profile.organisations:
        return []
    sign = brand.signs["plaque"]
    t: Tokens = sign.tokens
    entrance = profile.entrance
    honour = entrance.honour_side
    other = "left" if honour == "right" else "right"
    free = {"left": entrance.wall_left_mm, "right": entrance.wall_right_mm}
    # party organisations first (VP-05), then the rest in profile order
    order = sorted(range(len(profile.organisations)), key=lambda i: profile.organisations[i].kind != "party")
    used = {"left": t.door_gap_mm, "right": t.door_gap_mm}
    jobs = []
    for position, index in enumerate(order, start=1):
        org = profile.organisations[index]
        width, height = org.size_mm or sign.size_mm
        side = honour if used[honour] + width <= free[honour] or used[other] + width > free[other] else other
        offset = used[side] + width / 2  # from the door frame to the plaque's centre
        used[side] += width + t.gap_mm
        nth = sum(1 for j in jobs if j.placement.side == side) + 1
        placement = Placement(
            wall="entrance", location=Location("plaque", {"side": side, "nth": nth}),
            anchor="top", height_mm=entrance.door_height_mm, offset_mm=offset, side=side,
            viewing_distance_mm=sign.placement.viewing_distance_mm, free_wall_mm=free[side],
            free_wall_key=f"entrance.wall_{side}_mm")
        party = org.kind == "party"
        jobs.append(make_job(
            id=f"plaque-{position}-{KIND_IDS[org.kind]}", kind="plaque", width_mm=width, height_mm=height,
            style=brand.style_of("plaque", brand.roles.party_style if party else ""),
            texts={"name": Text(org.name, f"organisations[{index}].name")}, source=f"organisations[{index}]",
            placement=placement, material=sign.material, quantity=sign.quantity, floor=1,
            content=Content(position, org.kind, party, honour,
                            f"organisations[{index}].size_mm" if org.size_mm else "brand: signs.plaque.size_mm")))
    return jobs


FAMILY = Family(kind="plaque", tokens=Tokens, content=Content, plan=plan, template="plaque.svg.j2", order=20,
                band=Band("top", 1800.0, 3000.0, "VP-05 (top edge level with the door head)"))
