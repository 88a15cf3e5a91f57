"""Single-line setting with fitting: names on plates, window signs, headings.

In:  a face, the text, and a :class:`LineSpec` (frame in mm, alignment, the smallest and
     largest character height allowed, the most letter-spacing allowed).
Out: positioned glyphs in sheet mm and a :class:`~signkit.ir.TextFit`.

The rule, as a designer sets a name on a plate:
1. the largest size at which the line fits the frame's width and height, capped by the
   largest character height the brand allows;
2. if even the smallest allowed character height does not fit, the line is set at that
   minimum and marked ``fits=False``: an overflow finding, never a clipped or squeezed name;
3. short names then get letter-spacing (up to ``max_tracking_em`` of the size) so two or
   three characters fill the frame instead of sitting small in the middle.

"Character height" is measured on the outlines drawn: the tallest ink of the run's glyphs
(for a run of full-face hanzi, the ideographic face, about 0.9 em in the bundled fonts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..ir import PlacedGlyph, Rect, TextFit
from .fonts import REFERENCE_HANZI, Face
from .shape import Shaped, shape

Align = Literal["left", "center", "right"]


@dataclass(frozen=True, slots=True)
class LineSpec:
    frame: Rect
    min_char_height_mm: float
    max_char_height_mm: float
    align: Align = "center"
    max_tracking_em: float = 0.0


@dataclass(frozen=True, slots=True)
class SetLine:
    size_mm: float
    glyphs: tuple[PlacedGlyph, ...]
    fit: TextFit


def ink_extent(face: Face, shaped: Shaped) -> tuple[float, float, float]:
    """(tallest glyph ink height, union yMin, union yMax) of a run, in font units."""
    tallest, lo, hi = 0.0, None, None
    for g in shaped.glyphs:
        b = face.bounds(g.gid)
        if b is None:
            continue
        tallest = max(tallest, b[3] - b[1])
        lo = b[1] if lo is None else min(lo, b[1])
        hi = b[3] if hi is None else max(hi, b[3])
    if lo is None:
        em = face.units_per_em
        return face.face_height_em * em, face.descender, face.ascender
    return tallest, lo, hi


def set_line(face: Face, text: str, spec: LineSpec) -> SetLine:
    shaped = shape(face, text)
    upem = face.units_per_em
    tallest, lo, hi = ink_extent(face, shaped)
    ratio = tallest / upem  # character height per mm of font size
    advance_em = shaped.advance / upem
    frame = spec.frame

    candidates = [spec.max_char_height_mm / ratio, frame.height * upem / (hi - lo)]
    if advance_em > 0:
        candidates.append(frame.width / advance_em)
    size = min(candidates)
    smallest = spec.min_char_height_mm / ratio
    fits = size >= smallest * (1 - 1e-9)
    if not fits:
        size = smallest

    starts = _cluster_starts(shaped)
    gaps = max(0, len(starts) - 1)
    natural = advance_em * size
    tracking = 0.0
    if fits and gaps:
        tracking = max(0.0, min((frame.width - natural) / gaps, spec.max_tracking_em * size))
    width = natural + tracking * gaps

    scale = size / upem
    baseline = frame.y + frame.height / 2 + (hi + lo) / 2 * scale  # centre the ink box
    placed = _place(shaped, starts, _start_x(frame, width, spec.align), baseline, scale, tracking)
    fit = TextFit(frame=frame, char_height_mm=ratio * size, min_char_height_mm=spec.min_char_height_mm,
                  max_char_height_mm=spec.max_char_height_mm, tracking_mm=tracking, fits=fits)
    return SetLine(size, tuple(placed), fit)


def _cluster_starts(shaped: Shaped) -> set[int]:
    """Indexes of glyphs that begin a new character cluster (where letter-spacing goes)."""
    starts, last = set(), None
    for i, g in enumerate(shaped.glyphs):
        if g.cluster != last:
            starts.add(i)
            last = g.cluster
    return starts


def _start_x(frame: Rect, width: float, align: Align) -> float:
    """Where a line ``width`` wide starts in ``frame``."""
    if align == "left":
        return frame.x
    if align == "right":
        return frame.right - width
    return frame.x + (frame.width - width) / 2


def _place(shaped: Shaped, starts, x: float, baseline: float, scale: float, tracking: float) -> list[PlacedGlyph]:
    """The shaped glyphs from ``x`` on ``baseline``, ``tracking`` added before each cluster but
    the first."""
    placed = []
    for i, g in enumerate(shaped.glyphs):
        if i and i in starts:
            x += tracking
        placed.append(PlacedGlyph(g.gid, x + g.x_offset * scale, baseline - g.y_offset * scale, g.cluster))
        x += g.x_advance * scale
    return placed


def fixed_width_mm(face: Face, text: str, char_height_mm: float, tracking_em: float = 0.0) -> float:
    """The advance width (mm) of ``text`` set by :func:`set_fixed`: templates lay out lock-ups
    with it before anything is drawn."""
    shaped = shape(face, text)
    size = char_height_mm / face.face_height_em
    return shaped.advance / face.units_per_em * size + tracking_em * size * max(0, len(_cluster_starts(shaped)) - 1)


def set_fixed(face: Face, text: str, frame: Rect, char_height_mm: float, *, tracking_em: float = 0.0,
              align: Align = "center", min_char_height_mm: float = 0.0) -> SetLine:
    """``text`` at exactly ``char_height_mm`` (the ideographic face, 国) and ``tracking_em``: no
    fitting, for artwork whose proportions are fixed (the identity line, a facade name laid
    out by its template).  The ideographic face is centred on the frame's height; ``fits`` says
    whether the ink stays inside the frame and the size is at least ``min_char_height_mm``."""
    shaped = shape(face, text)
    upem = face.units_per_em
    size = char_height_mm / face.face_height_em
    scale = size / upem
    starts = _cluster_starts(shaped)
    tracking = tracking_em * size
    width = fixed_width_mm(face, text, char_height_mm, tracking_em)
    gid = face.hb_font.get_nominal_glyph(ord(REFERENCE_HANZI))
    box = face.bounds(gid) if gid else None
    face_top, face_bottom = (box[3], box[1]) if box else (face.ascender, face.descender)
    baseline = frame.y + frame.height / 2 + (face_top + face_bottom) / 2 * scale
    placed = _place(shaped, starts, _start_x(frame, width, align), baseline, scale, tracking)
    inside = True
    for g in placed:
        b = face.bounds(g.gid)
        if b and (g.x + b[0] * scale < frame.x - 0.01 or g.x + b[2] * scale > frame.right + 0.01
                  or g.y - b[3] * scale < frame.y - 0.01 or g.y - b[1] * scale > frame.bottom + 0.01):
            inside = False
    fit = TextFit(frame=frame, char_height_mm=char_height_mm, min_char_height_mm=min_char_height_mm,
                  max_char_height_mm=char_height_mm, tracking_mm=tracking,
                  fits=inside and char_height_mm >= min_char_height_mm - 1e-9)
    return SetLine(size, tuple(placed), fit)
