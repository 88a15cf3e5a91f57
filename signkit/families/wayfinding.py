"""Direction signs (导向标识): on a wall, hung from the ceiling, and floor signs (楼层号).

In:  the profile's ``[[wayfinding]]`` (its destinations name rooms of the profile or public
     facilities: the loader has checked them, with a did-you-mean); the brand's
     ``[facilities]`` (their names and pictograms) and tokens ``[signs.wayfinding-wall.tokens]``,
     ``[signs.wayfinding-hanging.tokens]``, ``[signs.wayfinding-floor.tokens]``.
Out: ``way-<id>`` jobs, one line per destination: its arrow (the brand's straight or diagonal
     arrow artwork, turned by quarter turns to one of eight directions), the facility's
     pictogram, and the name.  A hanging sign is
     read from both sides: its back ``way-<id>-b`` carries the profile's ``back`` lines, or
     the front's with every arrow mirrored left ↔ right (text is never mirrored; a
     directional pictogram turns to face its arrow).

The rules, as a wayfinding designer sets them (RULES.md PL-09: GB/T 15566.1-2020 and
GB/T 20501 guidance signs, GB/T 10001.1 public-information pictograms; their numbers were
not retrieved, so these are practice, kept in the brand's tokens):
- **Order.** Ahead first, then left, then right (floor signs: up, then down); within each,
  the profile's order.
- **Arrow side.** An arrow pointing right stands at the right end of its line, every other
  at the left end (as on GB 5768 road signs), so the arrow leads the eye the way it points;
  names start at one left edge.
- **Colours.** The door plates' colours (DP-02): a line to a party room is set on a party
  band; the sign's sizes grow a line at a time (``line_mm``), not by shrinking the names.
- **Heights.** Wall and floor signs at eye height (PL-07), hanging signs with their bottom
  edge clear of heads (PL-06; ADA 307.4: 2030 mm) and their names at PL-04's 51 mm.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..config import spec
from ..frozendict import FrozenDict
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from ..model.profile import Destination, Wayfinding
from .base import Family, PlanInput
from .door_plate import is_party

# arrow name → (diagonal?, quarter turn of the brand's arrow, degrees clockwise, SVG y down): the
# straight arrow points right, the diagonal one up-right; both turn by quarter turns only, so
# an arrow's field (what the safe-zone check measures) stays its slot
ANGLES = {"right": (False, 0.0), "down": (False, 90.0), "left": (False, 180.0), "up": (False, -90.0),
          "up-right": (True, 0.0), "down-right": (True, 90.0), "down-left": (True, 180.0), "up-left": (True, -90.0)}
MIRROR = {"up-right": "up-left", "right": "left", "down-right": "down-left",
          "up-left": "up-right", "left": "right", "down-left": "down-right", "up": "up", "down": "down"}
GROUPS = {"up": 0, "up-left": 1, "left": 1, "down-left": 1, "up-right": 2, "right": 2, "down-right": 2, "down": 3}
UPSTAIRS = ("stairs", "lift")  # facilities an "up" arrow leads up to, not ahead


@dataclass(frozen=True, slots=True, kw_only=True)
class Tokens:
    margin_mm: float = spec(ge=0, doc="trim edge to the arrows and names, mm")
    rule_inset_mm: float = spec(ge=0, doc="trim edge to the inset rule, mm")
    rule_width_mm: float = spec(gt=0, doc="inset rule width, mm")
    line_mm: float = spec(gt=0, doc="height of one line; each line after the first adds this, mm")
    gap_mm: float = spec(ge=0, doc="between arrow, pictogram, name and floor, mm")
    arrow_ratio: float = spec(gt=0, le=1, doc="arrow slot ÷ line height (diagonal arrows a little smaller)")
    pictogram_ratio: float = spec(gt=0, le=1, doc="pictogram ÷ line height")
    name_min_char_height_mm: float = spec(gt=0, doc="PL-04 at the mounting height and viewing distance")
    name_max_char_height_mm: float = spec(gt=0, doc="largest character height of a name, mm")
    name_max_tracking_em: float = spec(ge=0, doc="most letter-spacing of short names, em")
    floor_ratio: float = spec(gt=0, le=1, doc="the floor tag (2F) ÷ the name's largest character height")


@dataclass(frozen=True, slots=True, kw_only=True)
class FloorTokens(Tokens):
    number_ratio: float = spec(gt=0, le=1, doc="the floor number's character height ÷ the number band's height")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a direction sign, as the template draws it."""

    text: str  # the words: the room's name, the facility's usual name, or the profile's label
    key: str  # the profile key they come from
    arrow: str  # up, up-right … as the reader of this face sees it
    diagonal: bool  # drawn with the brand's diagonal arrow (up-right), else its straight one (right)
    angle: float  # quarter turn of that arrow, degrees (SVG, clockwise)
    arrow_side: str  # left | right: where the arrow stands on the line
    pictogram: str  # brand asset, "" for none
    directional: bool  # the pictogram faces a way (a figure walking, stairs rising)
    flip: bool  # … and is turned to face a left-pointing arrow
    party: bool  # a party room: the line is set in the party colours
    floor_tag: str  # "2F" when the destination is on another floor than the sign, else ""
    destination_floor: int | None  # the room's floor; None for a facility
    upstairs: bool  # up leads up a floor (stairs, lift, a room on another floor), not ahead


@dataclass(frozen=True, slots=True)
class Content:
    kind: str  # wall | hanging | floor
    floor: int  # where the sign hangs
    floor_label: str  # 1F, 2F, B1 …
    lines: tuple[Line, ...]
    sign_key: str  # profile key of the sign (wayfinding[2])
    key: str  # profile key of the lines (wayfinding[2].destinations or .back)
    mirrored: bool = False  # this face's lines are the other face's, arrows mirrored (no back in the profile)
    back: "Content | None" = None  # a hanging sign's other face, split off by the plan


def floor_label(floor: int) -> str:
    """1F, 2F … above ground; B1, B2 … below (no floor 0 in Chinese numbering)."""
    return f"{floor}F" if floor > 0 else f"B{max(1, -floor)}"


def _plan(inp: PlanInput, kind: str) -> list[SignJob]:
    profile, brand = inp.profile, inp.brand
    family = f"wayfinding-{kind}"
    sign = brand.signs[family]
    t: Tokens = sign.tokens
    jobs = []
    for i, way in enumerate(profile.wayfinding):
        if way.kind != kind:
            continue
        key = f"wayfinding[{i}]"
        front = _content(inp, way, key, "destinations", way.destinations)
        back = None
        if kind == "hanging":
            back = (_content(inp, way, key, "back", way.back) if way.back is not None else
                    dataclasses.replace(front, lines=_order(tuple(_mirror(line) for line in front.lines)),
                                        mirrored=True))
        width, one_line = sign.size_mm
        lines = max(len(front.lines), len(back.lines) if back else 0)
        height = one_line + max(0, lines - 1) * t.line_mm if kind != "floor" else \
            one_line + (t.line_mm * lines + 2 * t.margin_mm if lines else 0.0)
        phrase = "wayfinding-hanging" if kind == "hanging" else "wayfinding"
        placement = Placement(
            wall=f"way-{way.id}", location=Location(phrase, {"floor": way.floor, "where": way.where}),
            anchor=sign.placement.anchor, height_mm=way.height_mm or sign.placement.height_mm,
            viewing_distance_mm=sign.placement.viewing_distance_mm)
        jobs.append(make_job(
            id=f"way-{way.id}", kind=family, width_mm=width, height_mm=float(height), style=brand.style_of(family),
            texts=_texts(front), source=key, placement=placement, material=sign.material,
            quantity=sign.quantity, floor=way.floor, faces=2 if kind == "hanging" else 1,
            content=dataclasses.replace(front, back=back)))
    return jobs


def _content(inp: PlanInput, way: Wayfinding, key: str, table: str, destinations: tuple[Destination, ...]) -> Content:
    lines = tuple(_line(inp, way, f"{key}.{table}[{j}]", d) for j, d in enumerate(destinations))
    return Content(way.kind, way.floor, floor_label(way.floor), _order(lines), key, f"{key}.{table}")


def _line(inp: PlanInput, way: Wayfinding, key: str, d: Destination) -> Line:
    profile, brand = inp.profile, inp.brand
    room = profile.room(d.to)
    if room is not None:
        words, word_key = room.name, f"{profile.key_of_room(room.id)}.name"
        pictogram = f"pictogram-{room.function.split('_')[0]}"  # as on zone signs, when the brand has one
        pictogram = pictogram if pictogram in brand.assets else ""
        directional, party, floor = False, is_party(brand, room.function), room.floor
    else:
        facility = brand.facilities[d.to]
        words, word_key = facility.label, f"brand facilities.{d.to}.label"
        pictogram, directional, party, floor = facility.pictogram, facility.directional, False, None
    if d.label is not None:
        words, word_key = d.label, f"{key}.label"
    return _with_arrow(Line(
        text=words, key=word_key, arrow=d.arrow, diagonal=False, angle=0.0, arrow_side="left", pictogram=pictogram,
        directional=directional, flip=False, party=party, floor_tag=floor_label(floor) if floor is not None and floor != way.floor else "",
        destination_floor=floor, upstairs=d.to in UPSTAIRS or (floor is not None and floor != way.floor)))


def _with_arrow(line: Line) -> Line:
    """The line with its arrow's angle and side, a directional pictogram facing the arrow."""
    diagonal, angle = ANGLES[line.arrow]
    return dataclasses.replace(line, diagonal=diagonal, angle=angle,
                               arrow_side="right" if line.arrow in ("right", "up-right", "down-right") else "left",
                               flip=line.directional and line.arrow in ("left", "up-left", "down-left"))


def _mirror(line: Line) -> Line:
    """The line as readers of the other face see it: the arrow mirrored left ↔ right."""
    return _with_arrow(dataclasses.replace(line, arrow=MIRROR[line.arrow]))


def _order(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Ahead first, then left, then right, then down (floor signs: up, then down); stable."""
    return tuple(sorted(lines, key=lambda line: GROUPS[line.arrow]))


def _texts(content: Content) -> dict[str, Text]:
    texts = {"floor": Text(content.floor_label, f"{content.sign_key}.floor")} if content.kind == "floor" else {}
    texts.update({f"line{n}": Text(line.text, line.key) for n, line in enumerate(content.lines)})
    return texts


def _back(job: SignJob) -> SignJob:
    """The back of a hanging sign: the other face's lines (the plan has already renamed it)."""
    other: Content = job.content.back
    return dataclasses.replace(job, content=other, texts=FrozenDict(_texts(other)))


def plan_wall(inp: PlanInput) -> list[SignJob]:
    return _plan(inp, "wall")


def plan_hanging(inp: PlanInput) -> list[SignJob]:
    return _plan(inp, "hanging")


def plan_floor(inp: PlanInput) -> list[SignJob]:
    return _plan(inp, "floor")


WALL = Family(kind="wayfinding-wall", tokens=Tokens, content=Content, plan=plan_wall, template="wayfinding.svg.j2",
              order=35, band=Band("centre", 1200.0, 1800.0, "PL-07 (read at eye height)"), facilities=True)
HANGING = Family(kind="wayfinding-hanging", tokens=Tokens, content=Content, plan=plan_hanging,
                 template="wayfinding.svg.j2", order=36, double_sided=True, back=_back, facilities=True,
                 band=Band("bottom", 2030.0, 3000.0, "PL-06 (hung signs clear of heads)"))
FLOOR = Family(kind="wayfinding-floor", tokens=FloorTokens, content=Content, plan=plan_floor,
               template="wayfinding-floor.svg.j2", order=37, facilities=True,
               band=Band("centre", 1200.0, 1800.0, "PL-07 (read at eye height)"))

__all__ = ["FLOOR", "HANGING", "WALL", "Content", "Line", "Tokens", "floor_label"]
