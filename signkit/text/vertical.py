"""Vertical single-column setting (直排) for organisation plaques (竖牌).

In:  a face, the text, a :class:`ColumnSpec` (frame in mm, smallest and largest character
     height, the flattest 扁宋 setting allowed) and, for a group of plaques, the house size —
     the character height the plan chose for every plaque at the entrance
     (:func:`house_column_size`).
Out: :class:`SetColumn`: positioned glyphs (in the column's own coordinates: see
     ``condense``) and a :class:`~signkit.ir.TextFit`.

The rules (CLREQ.md §5; RULES.md VP-02, DESIGN.md §5):

* **One column, read top to bottom**, shaped ``ttb`` by HarfBuzz so punctuation takes its
  vertical forms (``vert``/``vrt2``) and digits stay upright; quotation marks become corner
  brackets first (GB/T 15834 5.2.3).
* **Half-em brackets and quotes.**  A vertical bracket or quote (﹃﹄︵︶ …) draws its ink in
  one half of its em box; it takes only that half in the column, bound to the character it
  encloses (an opening mark to the next character, a closing one to the previous), so
  ﹃两新﹄ reads as a word and leaves no hole (CLREQ §3.1.4, half-width punctuation).
* **撑满 on ink.**  The characters are spread evenly along the frame: the ink of the first
  character starts at the frame's top, the ink of the last ends at its bottom, equal gaps
  between (never less than ``min_gap_em``).  Aligning on ink, not em boxes, keeps the foot of
  a column ending in ︶ level with its neighbours.
* **One size per entrance.**  All plaques at one entrance carry one character height, set by
  the name that needs the smallest (:func:`house_column_size`); the others spread further.
  A very long name may first be set flattened (扁宋: glyph height ``condensed`` × width,
  e.g. 0.88) rather than shrink every plaque: only when the house size would otherwise fall
  below ``condense_below_mm``, and only as much as that name needs.  If a name fits neither
  way at the smallest allowed size it is set solid at that size and marked ``fits=False``;
  the overflow check reports it.

"Character height" is the height of the ideographic face (国) at the size, flattened by
``condense`` where that applies: :attr:`~signkit.ir.TextFit.char_height_mm` is what is drawn.
A flattened column's glyphs are placed in coordinates scaled by ``1 / condense`` along the
column from the frame's top; the composer draws them under that scale (a Group transform).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import PlacedGlyph, Rect, TextFit
from .fonts import Face
from .shape import shape

VERT_QUOTES = str.maketrans({"“": "『", "”": "』", "‘": "「", "’": "」"})  # CLREQ.md §5
OPENING = set("「『（〔［｛〈《【〖〘〚([{")
CLOSING = set("」』）〕］｝〉》】〗〙〛)]}")


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    frame: Rect
    min_char_height_mm: float
    max_char_height_mm: float
    min_gap_em: float = 0.0  # the least space between characters, so a long name is never set solid
    condensed: float = 1.0  # the flattest setting allowed (扁宋): glyph height ÷ width; 1 never flattens
    condense_below_mm: float = 0.0  # flatten long names only when the house size would fall below this


@dataclass(frozen=True, slots=True)
class SetColumn:
    size_mm: float
    glyphs: tuple[PlacedGlyph, ...]
    fit: TextFit
    pitch_mm: float  # distance between the tops of consecutive one-em characters, as drawn
    condense: float = 1.0  # vertical scale the glyphs are drawn under (1: not flattened)


@dataclass(frozen=True, slots=True)
class _Unit:
    """One glyph of the column in em: where its ink lies below its pen position, how far the
    pen moves after it, and whether a gap may follow it."""

    gid: int
    cluster: int
    x_offset: float
    pen_offset: float  # from the pen position to the glyph origin (baseline), em
    ink_top: float  # from the pen position, em
    ink_bottom: float
    advance: float
    gap_after: bool


@dataclass(frozen=True, slots=True)
class _Column:
    units: tuple[_Unit, ...]
    span_em: float  # first ink top to last ink bottom with no gaps, em
    gaps: int


def char_ratio(face: Face) -> float:
    """Character height (ink of a full-face ideograph) per mm of font size."""
    return face.face_height_em


def _analyse(face: Face, text: str) -> _Column:
    source = text.translate(VERT_QUOTES)
    shaped = shape(face, source, vertical=True)
    upem = face.units_per_em
    units: list[_Unit] = []
    for g in shaped.glyphs:
        char = source[g.cluster] if g.cluster < len(source) else ""
        advance = -g.y_advance / upem
        origin = -g.y_offset / upem  # HarfBuzz's vertical origin: pen → baseline
        box = face.bounds(g.gid)
        top, bottom = (origin - box[3] / upem, origin - box[1] / upem) if box else (0.0, advance)
        shift = 0.0
        if char in OPENING or char in CLOSING:
            half = advance / 2
            if (top + bottom) / 2 > half:  # the ink sits in the lower half: keep that half
                shift = -half
            advance = half
        units.append(_Unit(g.gid, g.cluster, g.x_offset / upem, origin + shift, top + shift, bottom + shift,
                           advance, True))
    # an opening mark binds to the next character, a closing mark to the previous one
    out = list(units)
    for i, u in enumerate(units):
        char = source[u.cluster] if u.cluster < len(source) else ""
        if char in OPENING:
            out[i] = _replace_gap(out[i], False)
        elif char in CLOSING and i > 0:
            out[i - 1] = _replace_gap(out[i - 1], False)
    out[-1:] = [_replace_gap(out[-1], False)] if out else []
    if not out:
        return _Column((), 0.0, 0)
    span = sum(u.advance for u in out[:-1]) + out[-1].ink_bottom - out[0].ink_top
    return _Column(tuple(out), span, sum(1 for u in out[:-1] if u.gap_after))


def _replace_gap(u: _Unit, gap: bool) -> _Unit:
    return _Unit(u.gid, u.cluster, u.x_offset, u.pen_offset, u.ink_top, u.ink_bottom, u.advance, gap)


def _largest_size(col: _Column, spec: ColumnSpec, face: Face, condense: float) -> float:
    """The largest font size (mm) at which the column fits its frame, flattened to ``condense``."""
    frame = spec.frame
    candidates = [spec.max_char_height_mm / char_ratio(face), frame.width]
    need = condense * col.span_em + spec.min_gap_em * col.gaps
    if need > 0:
        candidates.append(frame.height / need)
    return min(candidates)


def column_char_height(face: Face, text: str, spec: ColumnSpec, *, condense: float = 1.0) -> float:
    """The largest character height (mm, unflattened) at which ``text`` fits its frame."""
    return _largest_size(_analyse(face, text), spec, face, condense) * char_ratio(face)


def house_column_size(names: list[tuple[Face, str, ColumnSpec]]) -> float:
    """One character height (mm, in whole half millimetres) for every column of a group: the
    largest at which each fits its own frame; where that falls below ``condense_below_mm``,
    the long names may be flattened (扁宋) to keep the group up to that height.  A name that
    fits at no allowed size does not pull the others down: it is set at the minimum and
    reported on its own (TEXT_OVERFLOW)."""
    if not names:
        return 0.0
    floor = max(spec.min_char_height_mm for _, _, spec in names)

    sizes = [(column_char_height(face, text, spec), column_char_height(face, text, spec, condense=spec.condensed))
             for face, text, spec in names]
    fitting = [(plain, flat) for plain, flat in sizes if flat >= floor] or [(floor, floor)]

    def half(mm: float) -> float:
        return int(mm * 2 + 1e-9) / 2

    house = half(min(plain for plain, _ in fitting))
    below = min(spec.condense_below_mm for _, _, spec in names)
    if house < below:
        house = max(house, min(below, half(min(flat for _, flat in fitting))))
    return max(floor, house)


def set_column(face: Face, text: str, spec: ColumnSpec, char_height_mm: float | None = None) -> SetColumn:
    """``text`` in one column at the house size ``char_height_mm`` (alone: its own largest)."""
    col = _analyse(face, text)
    ratio = char_ratio(face)
    if char_height_mm is None:
        char_height_mm = house_column_size([(face, text, spec)])
    size = min(char_height_mm / ratio, spec.frame.width)
    frame = spec.frame
    # flatten only as much as this name needs at the house size, never past the brand's limit
    condense = 1.0
    if col.span_em and size * (col.span_em + spec.min_gap_em * col.gaps) > frame.height + 1e-6:
        condense = (frame.height / size - spec.min_gap_em * col.gaps) / col.span_em
        if condense < spec.condensed - 1e-9:
            # too long even flattened: its own largest flattened size, reported below the minimum
            condense = spec.condensed
            size = _largest_size(col, spec, face, condense)
    fits = size * ratio >= spec.min_char_height_mm * (1 - 1e-9)
    if not fits:  # set solid at the minimum, unflattened: the overflow check reports it
        size, condense = spec.min_char_height_mm / ratio, 1.0
    # lay out along the column in drawn mm, then express in the flattened coordinates
    em = size * condense  # one em along the column, as drawn
    spare = frame.height - col.span_em * em
    gap = spare / col.gaps if col.gaps and fits else 0.0
    if not fits or not col.gaps:  # set solid (or a lone character): centre the ink on the frame
        gap = 0.0
        start = frame.y + (frame.height - col.span_em * em) / 2
    else:
        start = frame.y
    pen = start - col.units[0].ink_top * em if col.units else start
    centre = frame.x + frame.width / 2
    placed = []
    for u in col.units:
        y = pen + u.pen_offset * em
        placed.append(PlacedGlyph(u.gid, centre + u.x_offset * size, _local(y, frame.y, condense), u.cluster))
        pen += u.advance * em + (gap if u.gap_after else 0.0)
    local_frame = Rect(frame.x, frame.y, frame.width, frame.height / condense)
    fit = TextFit(frame=local_frame, char_height_mm=ratio * size * condense, min_char_height_mm=spec.min_char_height_mm,
                  max_char_height_mm=spec.max_char_height_mm, tracking_mm=gap, fits=fits)
    return SetColumn(size, tuple(placed), fit, pitch_mm=em + gap, condense=condense)


def _local(y: float, top: float, condense: float) -> float:
    """A drawn y (mm) in the column's flattened coordinates (scaled by ``condense`` from ``top``)."""
    return top + (y - top) / condense
