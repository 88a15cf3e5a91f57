"""Reading a sheet's items one way: every item with its transform, every paint of an item.

In:  items.  Out: iterators.  Both dispatch over every item kind with ``assert_never``, so a
new kind fails loudly here, once, instead of being skipped silently by some check.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from .geometry import IDENTITY, Matrix, Rect, multiply, transform_rect
from .items import Glyphs, Group, Image, Item, Shape
from .paint import Paint


def walk(items: tuple[Item, ...], transform: Matrix = IDENTITY,
         parents: tuple[Group, ...] = ()) -> Iterator[tuple[Item, Matrix, tuple[Group, ...]]]:
    """Every item depth-first in paint order, with its accumulated transform and its groups."""
    for item in items:
        yield item, transform, parents
        match item:
            case Group():
                yield from walk(item.children, multiply(transform, item.transform), parents + (item,))
            case Shape() | Glyphs() | Image():
                pass
            case _:
                assert_never(item)


def paints(item: Item) -> tuple[Paint, ...]:
    """The colours an item itself paints (a group paints none of its own)."""
    match item:
        case Shape():
            return tuple(p for p in (item.fill, item.stroke) if p is not None)
        case Glyphs():
            return (item.fill,)
        case Image() | Group():
            return ()
        case _:
            assert_never(item)


def ink_box(items: tuple[Item, ...], transform: Matrix = IDENTITY) -> Rect | None:
    """The union of what the items draw (glyph ink, shape bounds, photos, brand artwork's own
    extent), in the coordinates ``transform`` maps them to; None when nothing is drawn."""
    out: Rect | None = None
    for item, matrix, _ in walk(items, transform):
        match item:
            case Glyphs():
                box = item.ink_bounds()
            case Shape():
                box = item.bounds()
            case Image():
                box = item.box
            case Group():
                box, matrix = item.box, multiply(matrix, item.transform)
            case _:
                assert_never(item)
        if box is not None:
            box = transform_rect(matrix, box)
            out = box if out is None else out.union(box)
    return out
