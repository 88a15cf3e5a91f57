"""Glyph ink bounds computed once, when a font is built, and read at start-up.

In:  a font file (OTF/CFF).
Out: a ``<font>.bounds`` file beside it (:func:`write_bounds`) and, at run time, the exact
     ink box of every glyph from that file (:func:`read_bounds`) — so that measuring text
     (fitting, checks) never has to draw an outline that is not printed.

The format: the 8 bytes ``SKBOUND2``, the font file's size (uint64) and glyph count (uint32),
then per glyph four float64 little-endian values xMin, yMin, xMax, yMax in font units (NaN for
an empty glyph).  A file that does not match its font (another size or glyph count) is ignored.
The values are the curves' true extrema (fontTools' BoundsPen over HarfBuzz's outline).
"""

from __future__ import annotations

import math
import struct
import sys
from array import array
from pathlib import Path

MAGIC = b"SKBOUND2"
HEADER = struct.Struct("<8sQI")


def bounds_path(font: Path) -> Path:
    return font.with_name(font.name + ".bounds")


def read_bounds(font: Path, *, font_size: int, glyphs: int) -> array | None:
    """The float64 array (4 per glyph) for ``font``, or None if there is none or it does not match."""
    try:
        data = bounds_path(font).read_bytes()
    except OSError:
        return None
    if len(data) != HEADER.size + 32 * glyphs:
        return None
    magic, size, count = HEADER.unpack_from(data)
    if magic != MAGIC or size != font_size or count != glyphs:
        return None
    values = array("d")
    values.frombytes(data[HEADER.size:])
    if sys.byteorder == "big":
        values.byteswap()
    return values


def glyph_box(values: array, gid: int) -> tuple[float, float, float, float] | None:
    x0 = values[4 * gid]
    if math.isnan(x0):
        return None
    return (x0, values[4 * gid + 1], values[4 * gid + 2], values[4 * gid + 3])


def write_bounds(font: Path) -> Path:
    """Compute every glyph's exact ink bounds and write ``<font>.bounds``."""
    from fontTools.pens.boundsPen import BoundsPen

    from .fonts import Face

    face = Face("bounds", font)
    glyphs = face.hb_font.face.glyph_count
    values = array("d")
    for gid in range(glyphs):
        pen = BoundsPen(None)
        face.draw(gid, pen)
        values.extend(pen.bounds if pen.bounds is not None else (math.nan,) * 4)
    if sys.byteorder == "big":
        values.byteswap()
    out = bounds_path(font)
    out.write_bytes(HEADER.pack(MAGIC, font.stat().st_size, glyphs) + values.tobytes())
    return out
