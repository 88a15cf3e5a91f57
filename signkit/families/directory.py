"""Floor directories (楼层索引): one per floor that has rooms (RULES.md TAX-01, §3 table row 11).

In:  the profile's rooms; the brand's function families (``[function_groups]``, each
     function's ``group``); tokens ``[signs.directory.tokens]``.  Out: ``directory-<n>f`` jobs.

The rooms are listed by function family, each family under its caption, the family with
party rooms first, then the brand's order (rooms of a family in profile order; functions
without a family last, uncaptioned).  Each row is two columns across the whole board: the
name, and at the right edge the room number (``Room.number``) right-aligned, or an arrow
where the profile says which way the room lies (``Room.direction``).  Names are on one type
scale across the centre (``<sk:name scale="directory-row">``), so both floors' directories
carry one character height.
The lowest floor's directory hangs in the lobby, the others at the stair landing of their floor.
A floor with more rooms than the brand's size holds gets the next larger allowed size; a
floor too full for every size is one DIRECTORY_FULL finding, not one overflow per room.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import spec
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from .base import Family, PlanInput
from .door_plate import is_party


@dataclass(frozen=True, slots=True)
class Tokens:
    margin_mm: float = spec(ge=0, doc="side margin, mm")
    header_mm: float = spec(gt=0, doc="header band height, mm")
    footer_mm: float = spec(ge=0, doc="footer height, mm")
    row_pitch_max_mm: float = spec(gt=0, doc="largest row pitch, mm")
    row_char_height_mm: float = spec(gt=0, doc="character height of a room row, mm")
    min_char_height_mm: float = spec(gt=0, doc="PL-04 row 1")
    marker_mm: float = spec(gt=0, doc="party marker size, mm")
    caption_rows: float = spec(0.8, ge=0, doc="a family's caption takes this many row pitches")
    group_gap_rows: float = spec(0.35, ge=0, doc="space between two families, in row pitches")
    caption_char_height_mm: float = spec(16.0, gt=0, doc="character height of a family's caption, mm")
    number_share: float = spec(0.24, gt=0, le=0.5, doc="the number/arrow column's share of the inner width")
    identity_height_mm: float = spec(24.0, gt=0, doc="height of the identity artwork in the footer, mm")


@dataclass(frozen=True, slots=True)
class Entry:
    id: str  # the text key of the row (room0 …)
    party: bool
    number: str | None = None  # the text key of its room number (number0 …), if the profile gives one
    direction: str | None = None  # left | right | ahead | behind: an arrow in the number column


@dataclass(frozen=True, slots=True)
class Section:
    """One function family on the directory: its caption and its rooms."""

    caption: str | None  # the text key of its caption (group0 …); None: no family
    party: bool  # the family holds party rooms (its caption in the party colour)
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Content:
    floor: int
    sections: tuple[Section, ...]
    capacity: int  # rows that fit the chosen size at the smallest character height
    larger: tuple[float, float] | None  # a larger allowed size, if the brand has one

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for s in self.sections for e in s.entries)

    @property
    def overfull(self) -> int:
        """Rooms beyond what the directory holds (DIRECTORY_FULL reports them once)."""
        return max(0, len(self.entries) - self.capacity)


def plan(inp: PlanInput) -> list[SignJob]:
    profile, brand = inp.profile, inp.brand
    sign = brand.signs["directory"]
    t: Tokens = sign.tokens
    floors = sorted({room.floor for room in profile.rooms})
    jobs = []
    for floor in floors:
        rooms = [(i, r) for i, r in enumerate(profile.rooms) if r.floor == floor]
        texts = {f"room{n}": Text(r.name, f"rooms[{i}].name") for n, (i, r) in enumerate(rooms)}
        texts.update({f"number{n}": Text(r.number, f"rooms[{i}].number")
                      for n, (i, r) in enumerate(rooms) if r.number and r.number.strip()})
        if profile.center.slogan.strip():
            texts["slogan"] = Text(profile.center.slogan, "center.slogan")
        if profile.center.hotline:
            texts["hotline"] = Text(profile.center.hotline, "center.hotline")
        sections = _sections(brand, rooms, texts, t)
        # the brand's size, or the smallest larger allowed size that holds every room of the floor
        sizes = sorted({tuple(sign.size_mm), *map(tuple, sign.allowed_sizes_mm)}, key=lambda s: s[0] * s[1])
        sizes = [s for s in sizes if s[0] * s[1] >= sign.size_mm[0] * sign.size_mm[1]]
        count = len(rooms)
        width, height = next((s for s in sizes if _capacity(t, s[1], sections) >= count), sizes[-1])
        larger = next((s for s in sizes if s[0] * s[1] > width * height), None)
        lobby = floor == min(floors)
        placement = Placement(
            wall="lobby" if lobby else f"stairs-{floor}f",
            location=Location("directory-lobby" if lobby else "directory-stairs", {"floor": floor}),
            anchor=sign.placement.anchor, height_mm=sign.placement.height_mm,
            viewing_distance_mm=sign.placement.viewing_distance_mm)
        jobs.append(make_job(
            id=f"directory-{floor}f", kind="directory", width_mm=width, height_mm=height,
            style=brand.style_of("directory"), texts=texts, source=f"rooms (floor {floor})", placement=placement,
            material=sign.material, quantity=sign.quantity, floor=floor,
            content=Content(floor, sections, _capacity(t, height, sections), larger)))
    return jobs


def _sections(brand, rooms, texts: dict, t: Tokens) -> tuple[Section, ...]:
    """The floor's rooms by function family: the family with party rooms first, then the
    brand's order, rooms without a family last; rooms keep profile order within a family."""
    order = list(brand.function_groups)
    families: dict[str, list[Entry]] = {}
    party_families: set[str] = set()
    for n, (_, room) in enumerate(rooms):
        group = brand.functions[room.function].group
        party = is_party(brand, room.function)
        if party:
            party_families.add(group)
        families.setdefault(group, []).append(
            Entry(f"room{n}", party, f"number{n}" if f"number{n}" in texts else None, room.direction))

    def rank(group: str):
        return (group not in party_families, group == "", order.index(group) if group in order else len(order))

    sections = []
    for k, group in enumerate(sorted(families, key=rank)):
        caption = None
        if group and len(families) > 1:  # one family alone needs no caption
            caption = f"group{k}"
            texts[caption] = Text(brand.function_groups[group].label, f"brand: function_groups.{group}.label")
        sections.append(Section(caption, group in party_families, tuple(families[group])))
    return tuple(sections)


def _units(sections) -> tuple[int, int, int]:
    """(rows, captions, gaps between families) of a directory's list."""
    return sum(len(s.entries) for s in sections), sum(1 for s in sections if s.caption), max(0, len(sections) - 1)


def _capacity(t: Tokens, height_mm: float, sections=()) -> int:
    """Room rows a directory this tall holds with names at the smallest character height
    (the template gives each row a frame of 0.8 of its pitch, and a name's ink fills it),
    besides the floor's family captions and the gaps between families."""
    area = height_mm - t.footer_mm - t.margin_mm * 0.5 - (t.header_mm + t.margin_mm)
    _, captions, gaps = _units(sections)
    pitches = area / (t.min_char_height_mm / 0.8) - captions * t.caption_rows - gaps * t.group_gap_rows
    return max(0, int(pitches + 1e-9))


FAMILY = Family(kind="directory", tokens=Tokens, content=Content, plan=plan, template="directory.svg.j2",
                order=30, band=Band("centre", 1200.0, 1800.0, "PL-07"))
