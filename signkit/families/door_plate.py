"""Door plates (门牌): one beside the door of every room that has one.

In:  the profile's ``[[rooms]]`` with ``door = {…}``; tokens ``[signs.door-plate.tokens]``.
Out: ``plate-<room-id>`` jobs.  RULES.md DP-01 (300 × 120), DP-02 (party rooms red with the
emblem, others blue: the style comes from the room's function in the brand), DP-04 (rooms
sharing a door: plates stack beside it, the party plate first unless the profile orders
them), PL-01 (latch side; the hinge side only when the latch-side wall is too narrow and the
hinge side is not), PL-03 (centre at 1500 mm unless the profile gives the site's height).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import spec
from ..i18n import _
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from ..model.profile import Profile, Room
from .base import Family, PlanInput


@dataclass(frozen=True, slots=True, kw_only=True)
class Tokens:
    margin_mm: float = spec(ge=0, doc="safe zone inside the trim, mm")
    rule_inset_mm: float = spec(ge=0, doc="trim edge to the fine inset rule, mm")
    rule_width_mm: float = spec(gt=0, doc="inset rule width, mm")
    emblem_height_ratio: float = spec(gt=0, le=1, doc="emblem height ÷ plate height")
    emblem_inset_mm: float = spec(ge=0, doc="trim edge to the emblem, mm")
    emblem_gap_mm: float = spec(ge=0, doc="emblem to name, mm")
    name_min_char_height_mm: float = spec(gt=0, doc="PL-04: ≥ 16 mm at < 1830 mm viewing distance")
    name_max_char_height_mm: float = spec(gt=0, doc="largest character height of the name, mm")
    name_max_tracking_em: float = spec(0.6, ge=0, doc="(unused since names are set on the family's type scale)")
    name_house_min_mm: float = spec(26.0, gt=0, doc="the plates' character height never drops below this for one long name")
    name_spread_upto: int = spec(4, ge=1, doc="names of 2 to this many characters are spread to the measure")
    name_measure_em: float = spec(4.0, gt=0, doc="the measure short names are spread across, ems of the house size")
    name_solid_upto: int = spec(7, ge=1, doc="names of up to this many characters stay on one line")
    name_side_clearance: float = spec(0.75, ge=0, le=1, doc="side clearance of the name ≥ this share of the vertical one")
    door_gap_mm: float = spec(ge=0, doc="door frame to the plate's near edge, mm (PL-01)")
    stack_gap_mm: float = spec(20.0, ge=0, doc="between plates stacked beside one door, mm")


@dataclass(frozen=True, slots=True)
class RoomSign:
    """Content of a sign that names a room (TAX-07: every room keeps or gets one)."""

    function: str
    party: bool  # the room's function has the party style


@dataclass(frozen=True, slots=True)
class Content(RoomSign):
    door: str  # the door's id (rooms sharing a door share it)
    position: int  # 1 = top of the stack beside that door
    count: int
    latch_side: str


def is_party(brand, function: str) -> bool:
    return brand.functions[function].style == brand.roles.party_style


def plan(inp: PlanInput) -> list[SignJob]:
    profile, brand = inp.profile, inp.brand
    sign = brand.signs["door-plate"]
    t: Tokens = sign.tokens
    width, height = sign.size_mm
    stacks = _stacks(profile, brand)
    jobs = []
    for i, room in enumerate(profile.rooms):
        if room.door is None or not room.plate:
            continue
        door, key = room.door, f"rooms[{i}]"
        side, free, note, free_key = door.latch_side, door.wall_mm, "", f"{key}.door.wall_mm"
        hinge = "left" if side == "right" else "right"
        if door.wall_mm < t.door_gap_mm + width and (door.hinge_wall_mm or 0) >= t.door_gap_mm + width:
            side, free, free_key = hinge, door.hinge_wall_mm, f"{key}.door.hinge_wall_mm"
            note = _("latch-side wall only {width} mm").format(width=f"{door.wall_mm:g}")
        position, count = stacks[room.id]
        centre = door.plate_centre_mm or sign.placement.height_mm
        centre += ((count - 1) / 2 - (position - 1)) * (height + t.stack_gap_mm)  # first plate on top
        values = {"floor": room.floor, "room": room.name, "side": side,
                  "hand": "latch" if side == door.latch_side else "hinge"}
        location = Location("plate-stack", {**values, "position": position, "count": count}) if count > 1 \
            else Location("plate", values)
        placement = Placement(
            wall=f"door-{door.id or room.id}", location=location, anchor="centre", height_mm=centre,
            offset_mm=t.door_gap_mm + width / 2, side=side, viewing_distance_mm=sign.placement.viewing_distance_mm,
            free_wall_mm=free, free_wall_key=free_key, note=note)
        function = brand.functions[room.function]
        jobs.append(make_job(
            id=f"plate-{room.id}", kind="door-plate", width_mm=width, height_mm=height,
            style=brand.style_of("door-plate", function.style),
            texts={"name": Text(room.name, f"{key}.name")}, source=key, placement=placement,
            material=sign.material, quantity=sign.quantity, room=room.id, floor=room.floor,
            content=Content(room.function, is_party(brand, room.function), door.id or room.id, position, count,
                            door.latch_side)))
    return jobs


def _stacks(profile: Profile, brand) -> dict[str, tuple[int, int]]:
    """Room id → (position, plates on that door).  Rooms sharing a ``door.id`` stack: in the
    profile's ``plate_order`` where given, otherwise party plates first (DP-04)."""
    doors: dict[str, list[Room]] = {}
    for room in profile.rooms:
        if room.door is not None and room.plate:
            doors.setdefault(room.door.id or f"room:{room.id}", []).append(room)
    out = {}
    for rooms in doors.values():
        ordered = sorted(rooms, key=lambda r: (r.door.plate_order if r.door.plate_order is not None else 1000,  # type: ignore[union-attr]
                                               not is_party(brand, r.function)))
        out.update({r.id: (n, len(ordered)) for n, r in enumerate(ordered, start=1)})
    return out


FAMILY = Family(kind="door-plate", tokens=Tokens, content=Content, plan=plan, template="door-plate.svg.j2",
                order=40, band=Band("centre", 1400.0, 1600.0, "PL-03"))
