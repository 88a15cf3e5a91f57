"""Zone signs (功能区标识): hung over every open area of the centre that has no door.

In:  the profile's ``[[rooms]]`` without ``door``; tokens ``[signs.zone.tokens]``.
Out: ``zone-<room-id>`` jobs, double-sided (read from both directions), in the colours of
the room's function like a door plate, with the function's pictogram when the brand has one
(an asset named ``pictogram-<function word>``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import spec
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from .base import Family, PlanInput
from .door_plate import RoomSign, is_party


@dataclass(frozen=True, slots=True, kw_only=True)
class Tokens:
    margin_mm: float = spec(ge=0, doc="safe zone inside the trim, mm")
    rule_inset_mm: float = spec(ge=0, doc="trim edge to the inset rule, mm")
    rule_width_mm: float = spec(gt=0, doc="inset rule width, mm")
    pictogram_ratio: float = spec(gt=0, le=1, doc="pictogram height ÷ sign height")
    name_min_char_height_mm: float = spec(gt=0, doc="PL-04: mounted 1780–3050 mm")
    name_max_char_height_mm: float = spec(gt=0, doc="largest character height, mm")
    name_max_tracking_em: float = spec(0.5, ge=0, doc="(unused since names are set on the family's type scale)")
    name_house_min_mm: float = spec(60.0, gt=0, doc="the zone signs' character height never drops below this for one long name")
    name_spread_upto: int = spec(4, ge=1, doc="names of 2 to this many characters are spread to the measure")
    name_measure_em: float = spec(4.0, gt=0, doc="the measure short names are spread across, ems of the house size")
    name_solid_upto: int = spec(7, ge=1, doc="names of up to this many characters stay on one line")
    name_side_clearance: float = spec(0.5, ge=0, le=1, doc="side clearance of the name ≥ this share of the vertical one")


@dataclass(frozen=True, slots=True)
class Content(RoomSign):
    pictogram: str  # brand asset name, "" for none


def plan(inp: PlanInput) -> list[SignJob]:
    profile, brand = inp.profile, inp.brand
    sign = brand.signs["zone"]
    width, height = sign.size_mm
    jobs = []
    for i, room in enumerate(profile.rooms):
        if room.door is not None or not room.plate:
            continue
        key = f"rooms[{i}]"
        pictogram = f"pictogram-{room.function.split('_')[0]}"
        placement = Placement(
            wall=f"zone-{room.id}", location=Location("zone", {"floor": room.floor, "room": room.name}),
            anchor=sign.placement.anchor, height_mm=sign.placement.height_mm,
            viewing_distance_mm=sign.placement.viewing_distance_mm)
        jobs.append(make_job(
            id=f"zone-{room.id}", kind="zone", width_mm=width, height_mm=height,
            style=brand.style_of("zone", brand.functions[room.function].style),
            texts={"name": Text(room.name, f"{key}.name")}, source=key, placement=placement,
            material=sign.material, quantity=sign.quantity, room=room.id, floor=room.floor, faces=2,
            content=Content(room.function, is_party(brand, room.function),
                            pictogram if pictogram in brand.assets else "")))
    return jobs


FAMILY = Family(kind="zone", tokens=Tokens, content=Content, plan=plan, template="zone.svg.j2", order=50,
                double_sided=True,
                # hung signs: bottom edge above head height (ADA 307.4: 2030 mm clear headroom)
                band=Band("bottom", 2030.0, 3000.0, "PL-06 (hung signs clear of heads)"))
