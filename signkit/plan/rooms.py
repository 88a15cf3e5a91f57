"""Room signs: a door plate (门牌) for every room with a door, a zone sign (功能区标识) for
every open area without one.

In:  Profile, Brand.  Out: ``plate-<room-id>`` and ``zone-<room-id>`` jobs.
RULES.md DP-01 (300 × 120), DP-02 (party rooms red with the emblem, others blue: the style
comes from the room's function in the brand), DP-04 (rooms sharing a door: plates stack
beside it, red first unless the profile orders them), PL-01 (latch side; the hinge side
only when the latch-side wall is too narrow and the hinge side is not), PL-03 (centre at
1500 mm unless the profile gives the site's height).
"""

from __future__ import annotations

from ..brand import Brand
from ..profile import Profile, Room
from .jobs import Placement, SignJob, Text, make_job

STACK_GAP_MM = 20.0  # between plates stacked beside one door


def plan_door_plates(profile: Profile, brand: Brand) -> list[SignJob]:
    if "door-plate" not in brand.signs:
        return []
    sign = brand.signs["door-plate"]
    width, height = sign.size_mm
    gap = float(sign.tokens.get("door_gap_mm", 100))  # from the door frame to the plate's near edge
    stacks = _stacks(profile, brand)
    jobs = []
    for i, room in enumerate(profile.rooms):
        if room.door is None or not room.plate:
            continue
        door, key = room.door, f"rooms[{i}]"
        side, free, note = door.latch_side, door.wall_mm, ""
        hinge = "left" if side == "right" else "right"
        if door.wall_mm < gap + width and (door.hinge_wall_mm or 0) >= gap + width:
            side, free = hinge, door.hinge_wall_mm
            note = f"latch-side wall only {door.wall_mm:g} mm"
        position, count = stacks[room.id]
        centre = door.plate_centre_mm or sign.placement.height_mm
        centre += ((count - 1) / 2 - (position - 1)) * (height + STACK_GAP_MM)  # first plate on top
        wall = f"door-{door.id or room.id}"
        where = f"{room.floor}F, beside the door of {room.name}, {side} ({'latch' if side == door.latch_side else 'hinge'}) side"
        if count > 1:
            where += f", plate {position} of {count}"
        placement = Placement(
            wall=wall, location=where, anchor="centre", height_mm=centre, offset_mm=gap + width / 2, side=side,
            viewing_distance_mm=sign.placement.viewing_distance_mm, free_wall_mm=free, note=note)
        jobs.append(make_job(
            id=f"plate-{room.id}", kind="door-plate", width_mm=width, height_mm=height,
            style=brand.functions[room.function].style,
            texts={"name": Text(room.name, f"{key}.name")}, source=key, placement=placement,
            material=sign.material, quantity=sign.quantity, room=room.id, floor=room.floor,
            data={"door": door.id or room.id, "plate_position": position, "latch_side": door.latch_side,
                  "function": room.function}))
    return jobs


def _stacks(profile: Profile, brand: Brand) -> dict[str, tuple[int, int]]:
    """Room id → (position, plates on that door).  Rooms sharing a ``door.id`` stack: in the
    profile's ``plate_order`` where given, otherwise party plates first (DP-04)."""
    doors: dict[str, list[Room]] = {}
    for room in profile.rooms:
        if room.door is not None and room.plate:
            doors.setdefault(room.door.id or f"room:{room.id}", []).append(room)
    out = {}
    for rooms in doors.values():
        ordered = sorted(rooms, key=lambda r: (r.door.plate_order if r.door.plate_order is not None else 1000,  # type: ignore[union-attr]
                                               brand.functions[r.function].style != "party"))
        out.update({r.id: (n, len(ordered)) for n, r in enumerate(ordered, start=1)})
    return out


def plan_zone_signs(profile: Profile, brand: Brand) -> list[SignJob]:
    if "zone" not in brand.signs:
        return []
    sign = brand.signs["zone"]
    width, height = sign.size_mm
    jobs = []
    for i, room in enumerate(profile.rooms):
        if room.door is not None or not room.plate:
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
