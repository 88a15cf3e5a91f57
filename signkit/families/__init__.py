"""Sign families: one module per family, each declaring its kind, tokens, content, planner,
template and mounting band (:class:`~signkit.families.base.Family`).

In:  nothing (declarations).  Out: :data:`FAMILIES`, kind → family, in schedule order
(outside in).  Adding a family is one module here, one template and one ``[signs.<kind>]``
table in the brand: see ``docs/design-notes.md``.
"""

from __future__ import annotations

from . import board, directory, disclosure, door_plate, facade, oath, plaque, service, wayfinding, zone
from .base import Family, PlanInput


def _registry(*families: Family) -> dict[str, Family]:
    out: dict[str, Family] = {}
    for family in sorted(families, key=lambda f: f.order):
        if family.kind in out:
            raise TypeError(f"two sign families are called {family.kind}")
        if family.band is None:  # a family that would escape the mounting-height check
            raise TypeError(f"sign family {family.kind} declares no mounting band")
        out[family.kind] = family
    return out


FAMILIES: dict[str, Family] = _registry(
    facade.FAMILY, plaque.FAMILY, directory.FAMILY, door_plate.FAMILY, zone.FAMILY, service.WINDOW, service.DESK,
    board.BOARD, board.SHOWCASE,
    wayfinding.WALL, wayfinding.HANGING, wayfinding.FLOOR, disclosure.FAMILY, oath.FLAG, oath.OATH)

__all__ = ["FAMILIES", "Family", "PlanInput"]
