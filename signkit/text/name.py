"""Names on a type scale: one character size for a whole family of signs, short names spread
to a measure, long names on two balanced lines before anything shrinks.

In:  a face, the name, a :class:`NameSpec` (the frame the ink stays in, the family's size
     limits and its setting rules) and, for :func:`set_name`, the house size — the character
     height the plan chose for every name of the family in the centre (:func:`house_size`).
Out: :class:`SetName`: the glyphs in sheet mm on one or two lines, and a
     :class:`~signkit.ir.TextFit` (``lines`` says which mode was used, ``fits`` whether the
     name fits at all).

How a designer sets the names of one family (DESIGN.md §5, issue 10):

* **One size.** Every name of the family is set at the house size, the character height
  of a full-face ideograph (国), so a 3-character plate and a 7-character plate carry
  characters of one height.  The house size is the largest size, within the family's
  limits, at which every name fits: names of up to ``solid_upto`` characters on one line,
  longer ones on two balanced lines — but never below the family's ``house_min_mm``: one
  absurdly long name does not shrink every plate of the centre, it is reported instead.
* **Short names are spread.** A name of 2 to ``spread_upto`` characters is spread evenly to
  the family's measure (撑满: ``measure_em`` ems, never wider than the frame allows), so a
  corridor of plates shows one text width; longer names are set solid and centred.
* **Two lines before shrinking.** A name too long for one line at the house size is broken
  once, at a word boundary, into two balanced lines (社会心理服务站 / 心理咨询室; the break
  rules of :mod:`signkit.text.title`); where the family allows three (``max_lines=3``: a
  window sign's 12-character name), three balanced lines come before a smaller size.  Only a name that fits neither way at the smallest
  allowed size is a finding (``fits=False``): nothing is squeezed or clipped.
* **Clearance.** The ink keeps at least ``side_clearance`` of its vertical clearance to the
  frame's sides too, so a long name never runs to the keyline while the plate is empty
  above and below it.  This is a preference: where it would push a name below the
  legibility minimum, it gives way, never the size.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

from ..ir import PlacedGlyph, Rect, TextFit
from .fonts import Face
from .shape import shape
from .title import _UNKNOWN_PENALTY, _candidates, _width_em as _title_width_em, break_title
from .style import resolve

Align = str  # left | center | right


@dataclass(frozen=True, slots=True)
class NameSpec:
    frame: Rect  # the ink stays inside it (mm)
    min_char_height_mm: float  # the legibility floor
    max_char_height_mm: float  # the largest the family allows
    house_min_mm: float = 0.0  # the family's size never drops below this for one long name: that name is a finding
    spread_upto: int = 4  # names of 2..spread_upto characters are spread to the measure
    measure_em: float = 4.0  # the measure short names are spread across, in ems of the house size
    solid_upto: int = 7  # names of up to this many characters stay on one line
    max_lines: int = 2
    leading: float = 1.25  # baseline distance of two lines ÷ size
    side_clearance: float = 1.0  # the side clearance is at least this share of the vertical one
    align: Align = "center"


@dataclass(frozen=True, slots=True)
class SetName:
    size_mm: float
    glyphs: tuple[PlacedGlyph, ...]
    lines: tuple[str, ...]
    fit: TextFit


def char_ratio(face: Face) -> float:
    """Character height (ink of a full-face ideograph) per mm of font size."""
    return face.face_height_em


def house_size(names: list[tuple[Face, str, NameSpec]]) -> float:
    """The largest character height (mm, in whole half millimetres) at which every name fits
    its own frame in its mode, within the limits; the largest minimum when even that is too
    large for one of them (those names are then reported one by one)."""
    best = min((spec.max_char_height_mm for _, _, spec in names), default=0.0)
    for face, text, spec in names:
        largest = _largest(face, text, spec) * char_ratio(face)
        if largest < spec.min_char_height_mm:  # the clearance is a preference, legibility is not
            largest = _largest(face, text, _relaxed(spec)) * char_ratio(face)
        best = min(best, largest)
    floor = max((max(spec.min_char_height_mm, spec.house_min_mm) for _, _, spec in names), default=0.0)
    return max(floor, int(best * 2 + 1e-9) / 2)


def set_name(face: Face, text: str, spec: NameSpec, char_height_mm: float) -> SetName:
    """``text`` at the house size ``char_height_mm``: one line (spread or solid), else two."""
    ratio = char_ratio(face)
    size = char_height_mm / ratio
    lines = _lines_at(face, text, spec, size)
    if lines is None:  # at the house size the clearance may give way, the size never
        spec = _relaxed(spec)
        lines = _lines_at(face, text, spec, size)
    fits = lines is not None
    if not fits:  # even two lines do not fit the house size: set as small as allowed, report it
        size = spec.min_char_height_mm / ratio
        lines = _lines_at(face, text, spec, size) or _break(face, text, spec)
    glyphs = _place(face, lines, spec, size)
    fit = TextFit(frame=spec.frame, char_height_mm=ratio * size, min_char_height_mm=spec.min_char_height_mm,
                  max_char_height_mm=spec.max_char_height_mm, fits=fits and _inside(face, glyphs, size, spec),
                  lines=len(lines))
    return SetName(size, glyphs, lines, fit)


# -- fitting ----------------------------------------------------------------------------------

def _width_em(face: Face, text: str) -> float:
    return shape(face, text).advance / face.units_per_em


def _ink_em(face: Face) -> float:
    return face.face_height_em


def _break(face: Face, text: str, spec: NameSpec) -> tuple[str, ...]:
    if spec.max_lines < 2 or len(text) <= spec.solid_upto:
        return (text,)
    return break_title(face, text, max_lines=2).lines


def _relaxed(spec: NameSpec) -> NameSpec:
    """The spec without its side-clearance preference."""
    return dataclasses.replace(spec, side_clearance=0.0)


def _allowed_width(spec: NameSpec, block_mm: float) -> float:
    vertical = max(0.0, (spec.frame.height - block_mm) / 2)
    return spec.frame.width - 2 * spec.side_clearance * vertical


def _break3(face: Face, text: str, spec: NameSpec) -> tuple[str, ...] | None:
    """Three balanced lines at word boundaries (a window name of 10–12 characters on a sign
    whose height allows it), or None."""
    if spec.max_lines < 3 or len(text) <= spec.solid_upto:
        return None
    return _three(face, text)


ODD_BREAK_PENALTY = 0.15


@lru_cache(maxsize=512)
def _three(face: Face, text: str) -> tuple[str, ...] | None:
    style = resolve(None)
    cuts = [(i, p) for i, p in _candidates(text) if 0 < i < len(text)]
    best, best_cost = None, None
    for a, pa in cuts:
        for b, pb in cuts:
            if b <= a:
                continue
            parts = (text[:a], text[a:b], text[b:])
            widths = [_title_width_em(face, part, style) for part in parts]
            cost = (max(widths) - min(widths)) / sum(widths) + pa + pb
            # where the lexicon knows no word, two-character words are the rule: a break at an
            # odd position more often splits one (社保医 / 保综合) than an even one (社保 / 医保综合)
            # (only at breaks between characters of no known word)
            if text.isalpha():
                cost += ODD_BREAK_PENALTY * sum(i % 2 for i, p in ((a, pa), (b, pb)) if p >= _UNKNOWN_PENALTY)
            if best_cost is None or cost < best_cost - 1e-9:
                best, best_cost = parts, cost
    return best


def _lines_at(face: Face, text: str, spec: NameSpec, size: float) -> tuple[str, ...] | None:
    """The lines ``text`` takes at font size ``size`` (mm), or None if it fits no way."""
    for lines in ((text,), _break(face, text, spec), _break3(face, text, spec)):
        if lines is None:
            continue
        block = _ink_em(face) * size + spec.leading * size * (len(lines) - 1)
        if block + _overshoot_em(face, text) * size > spec.frame.height + 1e-6:
            continue  # the ink of the run, not only the ideographic face, stays in the frame
        if max(_width_em(face, line) for line in lines) * size <= _allowed_width(spec, block) + 1e-6:
            return lines
    return None


@lru_cache(maxsize=4096)
def _overshoot_em(face: Face, text: str) -> float:
    """How far the run's ink reaches past the ideographic face (国), above and below, em."""
    gid = face.hb_font.get_nominal_glyph(ord("国"))
    box = face.bounds(gid) if gid else None
    if box is None:
        return 0.0
    hi = lo = None
    for g in shape(face, text).glyphs:
        b = face.bounds(g.gid)
        if b is not None:
            hi = b[3] if hi is None else max(hi, b[3])
            lo = b[1] if lo is None else min(lo, b[1])
    if hi is None:
        return 0.0
    # the face block is centred, so the larger of the two overshoots counts on both sides
    return 2 * max(0.0, hi - box[3], box[1] - lo) / face.units_per_em


def _largest(face: Face, text: str, spec: NameSpec) -> float:
    """The largest font size (mm) at which ``text`` fits in its mode (bisection: fitting is
    monotone in the size)."""
    lo, hi = 0.0, spec.max_char_height_mm / char_ratio(face)
    if _lines_at(face, text, spec, hi) is not None:
        return hi
    for _ in range(40):
        mid = (lo + hi) / 2
        if _lines_at(face, text, spec, mid) is not None:
            lo = mid
        else:
            hi = mid
    return lo


# -- placing ----------------------------------------------------------------------------------

def _place(face: Face, lines: tuple[str, ...], spec: NameSpec, size: float) -> tuple[PlacedGlyph, ...]:
    """Glyphs of the lines, centred on the frame as a block (on the ideographic face)."""
    scale = size / face.units_per_em
    ink = _ink_em(face) * size
    pitch = spec.leading * size
    block = ink + pitch * (len(lines) - 1)
    top = spec.frame.y + (spec.frame.height - block) / 2
    # the baseline sits below the ideographic face's top by the face's own offset (国's ink)
    face_top = _face_top_em(face) * size
    allowed = _allowed_width(spec, block)
    placed: list[PlacedGlyph] = []
    offset = 0
    for n, line in enumerate(lines):
        shaped = shape(face, line)
        natural = shaped.advance * scale
        starts = _cluster_starts(shaped)
        count = len(starts)
        tracking = 0.0
        if len(lines) == 1 and 2 <= count <= spec.spread_upto:
            measure = min(spec.measure_em * size, allowed)
            tracking = max(0.0, (measure - natural) / (count - 1))
        width = natural + tracking * (count - 1)
        if spec.align == "left":
            x = spec.frame.x + (spec.frame.width - allowed) / 2
        elif spec.align == "right":
            x = spec.frame.right - (spec.frame.width - allowed) / 2 - width
        else:
            x = spec.frame.x + (spec.frame.width - width) / 2
        baseline = top + face_top + n * pitch
        for i, g in enumerate(shaped.glyphs):
            if i and i in starts:
                x += tracking
            placed.append(PlacedGlyph(g.gid, x + g.x_offset * scale, baseline - g.y_offset * scale, offset + g.cluster))
            x += g.x_advance * scale
        offset += len(line)
    return tuple(placed)


def _face_top_em(face: Face) -> float:
    """Distance from the top of a full-face ideograph's ink to the baseline, em."""
    gid = face.hb_font.get_nominal_glyph(ord("国"))
    box = face.bounds(gid) if gid else None
    return (box[3] if box else face.ascender) / face.units_per_em


def _cluster_starts(shaped) -> set[int]:
    starts, last = set(), None
    for i, g in enumerate(shaped.glyphs):
        if g.cluster != last:
            starts.add(i)
            last = g.cluster
    return starts


def _inside(face: Face, glyphs: tuple[PlacedGlyph, ...], size: float, spec: NameSpec) -> bool:
    """Every glyph's ink lies inside the frame (a last guard against an odd glyph)."""
    scale = size / face.units_per_em
    f = spec.frame
    for g in glyphs:
        b = face.bounds(g.gid)
        if b is None:
            continue
        if (g.x + b[0] * scale < f.x - 0.01 or g.x + b[2] * scale > f.right + 0.01
                or g.y - b[3] * scale < f.y - 0.01 or g.y - b[1] * scale > f.bottom + 0.01):
            return False
    return True
