"""Floor directories (楼层索引): one per floor that has rooms, listing them in profile order,
party rooms marked (RULES.md TAX-01, §3 table row 11).

In:  the profile's rooms; tokens ``[signs.directory.tokens]``.  Out: ``directory-<n>f`` jobs.
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


@dataclass(frozen=True, slots=True)
class Entry:
    id: str  # the text key of the row (room0 …)
    party: bool


@dataclass(frozen=True, slots=True)
class Content:
    floor: int
    entries: tuple[Entry, ...]
    capacity: int  # rows that fit the chosen size at the smallest character height
    larger: tuple[float, float] | None  # a larger allowed size, if the brand has one

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
        if profile.center.slogan.strip():
            texts["slogan"] = Text(profile.center.slogan, "center.slogan")
        entries = tuple(Entry(f"room{n}", is_party(brand, r.function)) for n, (_, r) in enumerate(rooms))
        # the brand's size, or the smallest larger allowed size that holds every room of the floor
        sizes = sorted({tuple(sign.size_mm), *map(tuple, sign.allowed_sizes_mm)}, key=lambda s: s[0] * s[1])
        sizes = [s for s in sizes if s[0] * s[1] >= sign.size_mm[0] * sign.size_mm[1]]
        width, height = next((s for s in sizes if _capacity(t, s[1]) >= len(entries)), sizes[-1])
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
            content=Content(floor, entries, _capacity(t, height), larger)))
    return jobs


def _capacity(t: Tokens, height_mm: float) -> int:
    """Room rows a directory this tall holds with names at the smallest character height
    (the template gives each row a frame of 0.8 of its pitch, and a name's ink fills it)."""
    area = height_mm - t.footer_mm - t.margin_mm * 0.5 - (t.header_mm + t.margin_mm)
    return max(0, int(area // (t.min_char_height_mm / 0.8)))


FAMILY = Family(kind="directory", tokens=Tokens, content=Content, plan=plan, template="directory.svg.j2",
                order=30, band=Band("centre", 1200.0, 1800.0, "PL-07"))
