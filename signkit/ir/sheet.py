"""A sheet: one page of finished artwork, the unit every backend renders and every check reads.

In:  items in paint order (:mod:`.items`), the trim size and the bleed.
Out: :class:`Sheet`.  Millimetres, origin at the top-left corner of the trim, y down;
artwork may extend into the bleed (negative coordinates, or beyond the trim size).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .geometry import Rect, Size
from .items import Item


@dataclass(frozen=True, slots=True)
class Sheet:
    id: str
    trim: Size
    bleed_mm: float
    items: tuple[Item, ...]
    title: str = ""
    folds_mm: tuple[float, ...] = ()  # horizontal fold lines, mm from the top of the trim; marked outside it
    mirrored: bool = False  # the back face of a double-sided sign, to be printed mirrored where the artwork asks
    meta: tuple[tuple[str, str], ...] = field(default=())  # interim: removed with the make/write split
    slug: tuple[Item, ...] = ()  # interim: removed with the make/write split

    @property
    def trim_rect(self) -> Rect:
        return Rect(0.0, 0.0, self.trim.width_mm, self.trim.height_mm)

    @property
    def bleed_rect(self) -> Rect:
        return self.trim_rect.inset(-self.bleed_mm)
