"""What the planner hands to composition: one :class:`SignJob` per sign to make.

A job says which sign family (a key of the brand's ``[signs]``), its size, the texts it
carries (each with the profile key it came from, so every finding can name it), its colour
style, the family's typed content, and where it hangs (:class:`Placement`).  Jobs are
immutable and picklable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ..frozendict import FrozenDict


@dataclass(frozen=True, slots=True)
class Text:
    """A text a sign carries and the profile key it came from (``rooms[1].name``)."""

    text: str
    key: str


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a sign hangs.

    ``wall`` names the wall (``entrance``, ``door-party`` …); ``anchor`` says which edge of
    the sign ``height_mm`` (above the finished floor) refers to; ``offset_mm`` is the
    horizontal distance from the reference edge (the door frame on ``side``, or the wall's
    left end) to the sign's centre.  ``location`` is a :class:`Location` the schedule and
    proof turn into words in the reader's language.
    """

    wall: str
    location: "Location"
    anchor: str
    height_mm: float
    offset_mm: float = 0.0
    side: str = ""
    viewing_distance_mm: float = 1500.0
    free_wall_mm: float | None = None  # free wall on ``side`` recorded in the profile, for the fit check
    free_wall_key: str = ""  # the profile key of that measurement
    note: str = ""  # why the planner deviated from the rule (e.g. hinge side: latch-side wall too narrow)

    def top_mm(self, sign_height_mm: float) -> float:
        """Height of the sign's top edge above the floor."""
        return self.centre_height_mm(sign_height_mm) + sign_height_mm / 2

    def centre_height_mm(self, sign_height_mm: float) -> float:
        if self.anchor == "bottom":
            return self.height_mm + sign_height_mm / 2
        if self.anchor == "top":
            return self.height_mm - sign_height_mm / 2
        return self.height_mm

    def edge_mm(self, edge: str, sign_height_mm: float) -> float:
        """Height of ``edge`` (centre, bottom or top) above the floor."""
        centre = self.centre_height_mm(sign_height_mm)
        return {"bottom": centre - sign_height_mm / 2, "top": centre + sign_height_mm / 2}.get(edge, centre)


@dataclass(frozen=True, slots=True)
class Location:
    """Where a sign hangs, as data: a phrase key of :mod:`signkit.words` and its values
    (room names, sides, ordinals), so each reader gets it in their language."""

    phrase: str
    values: Mapping[str, Any] = field(default_factory=FrozenDict)


@dataclass(frozen=True, slots=True)
class SignJob:
    id: str  # stable and readable: plate-party, plaque-1-party, window-hall-2
    kind: str  # the sign family, e.g. door-plate
    width_mm: float
    height_mm: float
    style: str  # a style name of the brand's sign type
    texts: Mapping[str, Text]
    source: str  # profile key of what the sign is for, e.g. rooms[1]
    placement: Placement
    content: Any = None  # the family's Content value (frozen dataclass)
    material: str = ""
    quantity: int = 1
    room: str | None = None
    floor: int | None = None
    faces: int = 1  # 2: a double-sided sign (both faces are produced)
    face: int = 1  # which face this artwork is: 2 the back (job id <id>-b), read from the other side
    withheld: str = ""  # why the plan decided no artwork is made for it (a finding says so), "" normally
    series: str = ""  # the id a text split into panels had before (board-duties for board-duties-2)
    scales: Mapping[str, float] = field(default_factory=FrozenDict)  # type scale → the centre's character height, mm

    @property
    def text(self) -> str:
        """The sign's main texts, for the schedule."""
        return " / ".join(t.text for t in self.texts.values() if t.text)


def make_job(**kwargs: Any) -> SignJob:
    """A job with its mappings frozen."""
    kwargs["texts"] = FrozenDict(kwargs.get("texts") or {})
    return SignJob(**kwargs)
