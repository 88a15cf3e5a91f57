"""Shaping: text → glyph ids with advances and offsets, by HarfBuzz (uharfbuzz).

In:  a :class:`~signkit.text.fonts.Face`, a string, a direction.
Out: :class:`Shaped` in font units (y up, as HarfBuzz reports them).  Horizontal runs use
     the font's ``kern``/``palt`` as HarfBuzz applies them by default; vertical runs
     (``ttb``) get the ``vert``/``vrt2`` forms of punctuation (PRINT-NOTES: Shaping).
     Script Hani, language zh-Hans, so mainland forms are chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb

from .fonts import Face


@dataclass(frozen=True, slots=True)
class ShapedGlyph:
    gid: int
    cluster: int  # index of the first character of ``text`` this glyph draws
    x_advance: int
    y_advance: int
    x_offset: int
    y_offset: int


@dataclass(frozen=True, slots=True)
class Shaped:
    text: str
    glyphs: tuple[ShapedGlyph, ...]
    vertical: bool

    @property
    def advance(self) -> int:
        """Total advance along the line, font units (positive for vertical runs too)."""
        if self.vertical:
            return -sum(g.y_advance for g in self.glyphs)
        return sum(g.x_advance for g in self.glyphs)


@lru_cache(maxsize=65536)
def shape(face: Face, text: str, vertical: bool = False) -> Shaped:
    if not text:  # HarfBuzz gives no glyph arrays for an empty buffer
        return Shaped(text, (), vertical)
    buf = hb.Buffer()
    # cluster = index of the character (not the UTF-8 byte) so findings can name it
    buf.add_codepoints([ord(c) for c in text])
    buf.direction = "ttb" if vertical else "ltr"
    buf.script = "Hani"
    buf.language = "zh-Hans"
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(face.hb_font, buf)
    glyphs = tuple(
        ShapedGlyph(info.codepoint, info.cluster, pos.x_advance, pos.y_advance, pos.x_offset, pos.y_offset)
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions))
    return Shaped(text, glyphs, vertical)
