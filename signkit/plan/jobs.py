"""What the planner hands to composition: one :class:`SignJob` per sign to make.

A job says which sign type (a key of the brand's ``[signs]``), its size, the texts it
carries (each with the profile key it came from, so every finding can name it), its colour
style, and where it hangs (:class:`Placement`).  Jobs are immutable and picklable.
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
    horizontal distance from the reference edge (the door frame on ``side``) to the
    sign's centre.
    """

    wall: str
    location: str
    anchor: str
    height_mm: float
    offset_mm: float = 0.0
    side: str = ""
    viewing_distance_mm: float = 1500.0
    free_wall_mm: float | None = None  # free wall on ``side`` recorded in the profile, for the fit check
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


def _frozen(mapping: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    return FrozenDict(mapping or {})


@dataclass(frozen=True, slots=True)
class SignJob:
    id: str  # stable and readable: plate-party, plaque-1-party, window-hall-2
    kind: str  # brand sign type, e.g. door-plate
    width_mm: float
    height_mm: float
    style: str  # brand style name, e.g. party or standard
    texts: Mapping[str, Text]
    source: str  # profile key of what the sign is for, e.g. rooms[1]
    placement: Placement
    material: str = ""
    quantity: int = 1
    room: str | None = None
    floor: int | None = None
    data: Mapping[str, Any] = field(default_factory=_frozen)

    @property
    def text(self) -> str:
        """The sign's main text, for the schedule."""
        return " / ".join(t.text for t in self.texts.values())


def make_job(**kwargs: Any) -> SignJob:
    """A job with its mappings frozen."""
    kwargs["texts"] = _frozen(kwargs.get("texts"))
    kwargs["data"] = _frozen(kwargs.get("data"))
    return SignJob(**kwargs)
