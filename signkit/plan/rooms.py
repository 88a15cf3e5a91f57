"""Room signs: a door plate (门牌) for every room with a door, a zone sign (功能区标识) for
every open area without one.

In:  Profile, Brand.  Out: ``plate-<room-id>`` and ``zone-<room-id>`` jobs.
RULES.md DP-01 (300 × 120), DP-02 (party rooms red with the emblem, others blue: the style
comes from the room's function in the brand), PL-01 (latch side), PL-03 (centre at 1500 mm).
"""

from __future__ import annotations

from ..brand import Brand
from ..profile import Profile
from .jobs import Placement, SignJob, Text, make_job


def plan_door_plates(profile: Profile, brand: Brand) -> list[SignJob]:
    if "door-plate" not in brand.signs:
        return []
    sign = brand.signs["door-plate"]
    width, height = sign.size_mm
    gap = float(sign.tokens.get("door_gap_mm", 100))  # from the door frame to the plate's near edge
    jobs = []
    for i, room in enumerate(profile.rooms):
        if room.door is None:
            continue
        key = f"rooms[{i}]"
        placement = Placement(
            wall=f"door-{room.id}",
            location=f"{room.floor}F, beside the door of {room.name}, {room.door.latch_side} (latch) side",
            anchor=sign.placement.anchor, height_mm=sign.placement.height_mm,
            offset_mm=gap + width / 2, side=room.door.latch_side,
            viewing_distance_mm=sign.placement.viewing_distance_mm)
        jobs.append(make_job(
            id=f"plate-{room.id}", kind="door-plate", width_mm=width, height_mm=height,
            style=brand.functions[room.function].style,
            texts={"name": Text(room.name, f"{key}.name")}, source=key, placement=placement,
            material=sign.material, quantity=sign.quantity, room=room.id, floor=room.floor))
    return jobs


def plan_zone_signs(profile: Profile, brand: Brand) -> list[SignJob]:
    if "zone" not in brand.signs:
        return []
    sign = brand.signs["zone"]
    width, height = sign.size_mm
    jobs = []
    for i, room in enumerate(profile.rooms):
        if room.door is not None:
            continue
        key = f"rooms[{i}]"
        pictogram = f"pictogram-{room.function.split('_')[0]}"
        placement = Placement(
            wall=f"zone-{room.id}", location=f"{room.floor}F, hung over {room.name}",
            anchor=sign.placement.anchor, height_mm=sign.placement.height_mm,
            viewing_distance_mm=sign.placement.viewing_distance_mm)
        jobs.append(make_job(
            id=f"zone-{room.id}", kind="zone", width_mm=width, height_mm=height,
            style=brand.functions[room.function].style,
            texts={"name": Text(room.name, f"{key}.name")}, source=key, placement=placement,
            material=sign.material, quantity=sign.quantity, room=room.id, floor=room.floor,
            data={"pictogram": pictogram if pictogram in brand.assets else ""}))
    return jobs
