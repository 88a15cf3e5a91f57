"""Service windows: a window sign (窗口牌, 500 × 250) over each counter position and a desk
sign (桌牌, a 200 × 100 tent) on it, for every entry of a room's ``windows`` (RULES.md WS-01,
TAX-06).

In:  the profile's rooms; tokens ``[signs.window.tokens]`` and ``[signs.desk.tokens]``.
Out: ``window-<room>-<n>`` and ``desk-<room>-<n>`` jobs.  Window signs hang above the counter
(bottom edge at the brand's height), one counter position apart; desk signs stand on the
counter in front of the same window.  Their colours follow the room's function like its door
plate (one colour rule, stated once in the brand's functions); a window marked ``party``
takes the party colours.  Two families share this module: one planner each.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import spec
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from ..model.profile import Window
from .base import Family, PlanInput


@dataclass(frozen=True, slots=True, kw_only=True)
class WindowTokens:
    margin_mm: float = spec(ge=0, doc="safe zone inside the trim, mm")
    rule_inset_mm: float = spec(ge=0, doc="trim edge to the inset rule, mm")
    rule_width_mm: float = spec(gt=0, doc="inset rule width, mm")
    badge_ratio: float = spec(gt=0, le=1, doc="number badge height ÷ sign height")
    name_min_char_height_mm: float = spec(gt=0, doc="PL-04: mounted 1780–3050 mm, read from < 4570 mm")
    name_max_char_height_mm: float = spec(gt=0, doc="largest character height, mm")
    name_max_tracking_em: float = spec(0.4, ge=0, doc="(unused since names are set on the family's type scale)")
    window_pitch_mm: float = spec(gt=0, doc="counter positions, for offsets, mm")
    name_spread_upto: int = spec(4, ge=1, doc="names of 2 to this many characters are spread to the measure")
    name_measure_em: float = spec(4.0, gt=0, doc="the measure short names are spread across, ems of the house size")
    name_solid_upto: int = spec(6, ge=1, doc="names of up to this many characters stay on one line")
    name_side_clearance: float = spec(0.6, ge=0, le=1, doc="side clearance of the name ≥ this share of the vertical one")
    name_max_lines: int = spec(2, ge=1, le=3, doc="lines a long name may take at the house size before it is a finding")
    name_leading: float = spec(1.25, gt=1, doc="baseline distance of a name's lines ÷ its size")


@dataclass(frozen=True, slots=True, kw_only=True)
class DeskTokens:
    face_height_mm: float = spec(gt=0, doc="height of each face of the tent, mm")
    margin_mm: float = spec(ge=0, doc="safe zone inside each face, mm")
    name_min_char_height_mm: float = spec(gt=0, doc="PL-04 row 1")
    name_max_char_height_mm: float = spec(gt=0, doc="largest character height, mm")
    name_max_tracking_em: float = spec(0.5, ge=0, doc="(unused since names are set on the family's type scale)")
    badge_ratio: float = spec(0.5, gt=0, le=1, doc="number badge height ÷ face height")
    name_spread_upto: int = spec(4, ge=1, doc="names of 2 to this many characters are spread to the measure")
    name_measure_em: float = spec(4.0, gt=0, doc="the measure short names are spread across, ems of the house size")
    name_solid_upto: int = spec(6, ge=1, doc="names of up to this many characters stay on one line")
    name_side_clearance: float = spec(0.6, ge=0, le=1, doc="side clearance of the name ≥ this share of the vertical one")


@dataclass(frozen=True, slots=True)
class Content:
    number: int  # the window's number in its room
    function: str  # the room's function
    party: bool = False  # party colours (the room's function, or the window marked party)
    model_post: bool = False  # the desk sign carries the 党员示范岗 badge


def _plan(inp: PlanInput, kind: str, phrase: str) -> list[SignJob]:
    profile, brand = inp.profile, inp.brand
    sign = brand.signs[kind]
    window = brand.signs.get("window")
    pitch = window.tokens.window_pitch_mm if window else 1500.0  # counter positions
    width, height = sign.size_mm
    jobs = []
    for i, room in enumerate(profile.rooms):
        for n, window in enumerate(room.windows, start=1):
            entry = window if isinstance(window, Window) else Window(window)
            name = entry.name
            key = f"rooms[{i}].windows[{n - 1}]" + (".name" if isinstance(window, Window) else "")
            function = brand.functions[room.function]
            # the colour rule of the room's function, as on its door plate (DP-02); a window may be marked party
            party = entry.party or function.style == brand.roles.party_style
            placement = Placement(
                wall=f"counter-{room.id}", location=Location(phrase, {"floor": room.floor, "room": room.name, "n": n}),
                anchor=sign.placement.anchor, height_mm=sign.placement.height_mm,
                offset_mm=(n - 0.5) * pitch, side="left", viewing_distance_mm=sign.placement.viewing_distance_mm)
            jobs.append(make_job(
                id=f"{kind}-{room.id}-{n}", kind=kind, width_mm=width, height_mm=height,
                style=brand.style_of(kind, brand.roles.party_style if party else function.style),
                texts={"name": Text(name, key)}, source=key, placement=placement, material=sign.material,
                quantity=sign.quantity, room=room.id, floor=room.floor,
                content=Content(n, room.function, party, entry.model_post)))
    return jobs


def plan_windows(inp: PlanInput) -> list[SignJob]:
    return _plan(inp, "window", "window")


def plan_desks(inp: PlanInput) -> list[SignJob]:
    return _plan(inp, "desk", "desk")


WINDOW = Family(kind="window", tokens=WindowTokens, content=Content, plan=plan_windows, template="window.svg.j2",
                order=60, band=Band("bottom", 1780.0, 2400.0, "WS-01; PL-04 band 1780–3050 mm"))
DESK = Family(kind="desk", tokens=DeskTokens, content=Content, plan=plan_desks, template="desk.svg.j2", order=70,
              band=Band("bottom", 700.0, 1200.0, "counter height (GB 50763 accessible counters 700–850 mm)"))
