"""The layout IR: one immutable, backend-neutral description of finished artwork.

In:  built by :mod:`signkit.layout` (templates + the text engine).
Out: read by every backend (:mod:`signkit.render`) and every check (:mod:`signkit.checks`);
nothing downstream looks at anything earlier than a :class:`Sheet`.

A leaf package: everyone imports it, it imports nothing of signkit.  Units are millimetres,
origin top-left, y down.  Item kinds: :class:`Shape` (a :class:`Path` with fill and/or
stroke), :class:`Glyphs` (a shaped run of outlined text), :class:`Image` (a photo) and
:class:`Group` (children under a transform).  Colours are :class:`Paint` values resolved
from the brand palette, never raw hex.  Paths and glyph outlines are both drawn through the
fontTools pen protocol.  :func:`walk` and :func:`paints` are the one way to read items.
"""

from .geometry import IDENTITY, Matrix, Rect, Size, apply, is_identity, multiply, scale_of, transform_rect
from .items import GlyphFace, Glyphs, Group, Image, Item, PlacedGlyph, Raster, Shape, TextFit
from .paint import Paint
from .path import KAPPA, Path, PathBuilder
from .sheet import Sheet
from .walk import ink_box, paints, walk

__all__ = ["IDENTITY", "KAPPA", "GlyphFace", "Glyphs", "Group", "Image", "Item", "Matrix", "Paint", "Path",
           "PathBuilder", "PlacedGlyph", "Raster", "Rect", "Sheet", "Shape", "Size", "TextFit", "apply",
           "ink_box", "is_identity", "multiply", "paints", "scale_of", "transform_rect", "walk"]
