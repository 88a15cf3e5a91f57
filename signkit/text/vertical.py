"""Vertical single-column setting (直排) for organisation plaques (竖牌).

In:  a face, the text, and a :class:`ColumnSpec` (frame in mm, smallest and largest
     character height).
Out: positioned glyphs in sheet mm and a :class:`~signkit.ir.TextFit`.

The rules (CLREQ.md §5; RULES.md VP-02): one column read top to bottom; the characters are
distributed evenly along the whole frame (撑满): the first em box starts at the frame's top,
the last ends at its bottom, with equal gaps between; the size is the largest that fits the
frame's width, its height with at least ``min_gap_em`` between characters, and the brand's
largest character height.  HarfBuzz
shapes the run ``ttb`` so punctuation takes its vertical forms (``vert``/``vrt2``) and
digits stay upright; quotation marks become corner brackets first (GB/T 15834 5.2.3).
If even the smallest allowed size does not fit, the column is set solid at that size and
marked ``fits=False``; the overflow check reports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import PlacedGlyph, Rect, TextFit
from .fonts import Face
from .line import ink_extent
from .shape import shape

VERT_QUOTES = str.maketrans({"“": "『", "”": "』", "‘": "「", "’": "」"})  # CLREQ.md §5


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    frame: Rect
    min_char_height_mm: float
    max_char_height_mm: float
    min_gap_em: float = 0.0  # the least space between characters, so a long name is never set solid


@dataclass(frozen=True, slots=True)
class SetColumn:
    size_mm: float
    glyphs: tuple[PlacedGlyph, ...]
    fit: TextFit
    pitch_mm: float  # distance between the tops of consecutive one-em characters


def set_column(face: Face, text: str, spec: ColumnSpec) -> SetColumn:
    shaped = shape(face, text.translate(VERT_QUOTES), vertical=True)
    upem = face.units_per_em
    tallest, _, _ = ink_extent(face, shaped)
    ratio = tallest / upem
    frame = spec.frame
    advances = [-g.y_advance / upem for g in shaped.glyphs]  # em, along the column
    total = sum(advances)

    n = len(shaped.glyphs)
    least = total + spec.min_gap_em * max(0, n - 1)
    size = min(spec.max_char_height_mm / ratio, frame.width, frame.height / least if least else frame.height)
    smallest = spec.min_char_height_mm / ratio
    fits = size >= smallest * (1 - 1e-9)
    if not fits:
        size = smallest
    scale = size / upem
    spare = frame.height - total * size
    gap = spare / (n - 1) if fits and n > 1 else 0.0
    # one character alone, or a column set solid at the minimum: centre it on the frame
    y = frame.y + (spare / 2 if (n == 1 or not fits) else 0.0)
    centre = frame.x + frame.width / 2

    placed = []
    for g, advance in zip(shaped.glyphs, advances):
        placed.append(PlacedGlyph(g.gid, centre + g.x_offset * scale, y - g.y_offset * scale, g.cluster))
        y += advance * size + gap
    fit = TextFit(frame=frame, char_height_mm=ratio * size, min_char_height_mm=spec.min_char_height_mm,
                  max_char_height_mm=spec.max_char_height_mm, tracking_mm=gap, fits=fits)
    return SetColumn(size, tuple(placed), fit, pitch_mm=size + gap)
