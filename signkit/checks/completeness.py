"""Completeness checks over the whole centre (no sheets needed).

In:  a rule, the profile and the planned jobs.
Out: findings.  ROOM_MISSING (FA-01: required and recommended room functions),
FLOOR_AREA (FA-02), ROOM_AREA (FA-03), BOARD_ROOM_UNKNOWN (boards in rooms that exist),
ROOM_WITHOUT_SIGN (TAX-07: every room keeps or gets a plate).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import did_you_mean, spec
from ..i18n import _
from ..families.door_plate import RoomSign
from ..model.brand import Brand
from ..model.job import SignJob
from ..model.profile import Profile
from .findings import Finding
from .rules import Rule, centre_check


@dataclass(frozen=True, slots=True)
class RoomsPresent:
    required: tuple[str, ...] = spec((), ref="function", doc="room functions every centre must have")
    recommended: tuple[str, ...] = spec((), ref="function", doc="room functions the standard recommends")


@centre_check("ROOM_MISSING", params=RoomsPresent)
def check_rooms_present(rule: Rule, profile: Profile, jobs: tuple[SignJob, ...], brand: Brand) -> Iterator[Finding]:
    present = {r.function for r in profile.rooms}
    for required, functions, severity in ((True, rule.params.required, rule.severity),
                                          (False, rule.params.recommended, "info")):
        for function in functions:
            if function not in present:
                label = brand.functions[function].label if function in brand.functions else function
                message = (_("no {label} ({function}): the standard requires one") if required else
                           _("no {label} ({function}): the standard recommends one"))
                yield rule.finding("", "rooms", message.format(label=label, function=function),
                                   _("add a [[rooms]] entry with function = \"{function}\"").format(function=function),
                                   severity=severity)


@dataclass(frozen=True, slots=True)
class FloorArea:
    min_m2: float = spec(gt=0, doc="least built floor area of a centre, m²")


@centre_check("FLOOR_AREA", params=FloorArea)
def check_floor_area(rule: Rule, profile: Profile, jobs: tuple[SignJob, ...], brand: Brand) -> Iterator[Finding]:
    area, need = profile.center.floor_area_m2, rule.params.min_m2
    if area is not None and area < need:
        yield rule.finding("", "center.floor_area_m2", _("the centre has {area} m², below {need} m²").format(
            area=f"{area:g}", need=f"{need:g}"),
                           _("FA-02: Jiangsu practice treats village centres under 400 m² as not up to standard"))


@dataclass(frozen=True, slots=True)
class RoomArea:
    min_m2: dict[str, float] = spec(default_factory=dict, ref="function", doc="least area by room function, m²")


@centre_check("ROOM_AREA", params=RoomArea)
def check_room_areas(rule: Rule, profile: Profile, jobs: tuple[SignJob, ...], brand: Brand) -> Iterator[Finding]:
    for i, room in enumerate(profile.rooms):
        minimum = rule.params.min_m2.get(room.function)
        if minimum is not None and room.area_m2 is not None and room.area_m2 < minimum:
            yield rule.finding("", f"rooms[{i}].area_m2", _("{room} has {area} m², below {need} m²").format(
                room=room.name, area=f"{room.area_m2:g}", need=f"{minimum:g}"), _("FA-03 minimum for this kind of room"))


@centre_check("BOARD_ROOM_UNKNOWN")
def check_board_rooms(rule: Rule, profile: Profile, jobs: tuple[SignJob, ...], brand: Brand) -> Iterator[Finding]:
    ids = [r.id for r in profile.rooms]
    tables = [(f"boards[{i}].room", b.room) for i, b in enumerate(profile.boards)]
    if profile.showcase is not None:
        tables.append(("showcase.room", profile.showcase.room))
    for key, room in tables:
        if room not in ids:
            yield rule.finding("", key, _("room '{room}' is not in the profile").format(room=room),
                               did_you_mean(room, ids) or _("room ids: {ids}").format(ids=", ".join(ids)))


@centre_check("ROOM_WITHOUT_SIGN")
def check_room_signs(rule: Rule, profile: Profile, jobs: tuple[SignJob, ...], brand: Brand) -> Iterator[Finding]:
    signed = {j.room for j in jobs if isinstance(j.content, RoomSign)}
    for i, room in enumerate(profile.rooms):
        if room.id not in signed:
            why = _("plate = false in the profile") if not room.plate else _("the brand has no sign type for it")
            yield rule.finding("", f"rooms[{i}]", _("{room} gets no plate or zone sign ({why})").format(
                room=room.name, why=why), _("make sure the room keeps a plate in the centre's identity (TAX-07)"),
                               severity="warning" if not room.plate else None)
