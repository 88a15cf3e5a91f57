"""Reading a sheet's items one way: every item with its transform, every paint of an item.

In:  items.  Out: iterators.  Both dispatch over every item kind with ``assert_never``, so a
new kind fails loudly here, once, instead of being skipped silently by some check.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from .geometry import IDENTITY, Matrix, multiply
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
