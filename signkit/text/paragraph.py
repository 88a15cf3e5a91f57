"""Paragraph setting for system-publicity boards (制度牌): text → justified lines of glyphs.

In:  a :class:`~signkit.text.fonts.Face`, one paragraph of normalised text (see
     :mod:`signkit.text.normalize`), the size and the measure in mm, and options (first-line
     indent, a label for numbered articles and items, strict breaking, hanging).
Out: :class:`SetParagraph`: lines of :class:`~signkit.layout.sheet.PlacedGlyph` with x in mm
     from the frame's left edge and y = 0 on each line's baseline.  Glyph clusters, line
     ``start``/``end`` index into ``SetParagraph.text``, which is ``label + text`` (so they
     index the text as passed in, shifted by ``len(label)``).

The rules (CLREQ.md §2–§4), in the order of the [impl] pipeline of CLREQ.md §6:

* widths: 全角式 + 行尾半角 — marks are 1 em, · – / ／ a fixed ½ em (§3.1.6.1); adjacent marks
  are compressed to 1.5 em per pair (§3.1.6.2); an opening mark at a line start drops its
  blank half (§3.1.6.3); a mark at a line end is cut to ½ em when the line needs it
  (``line_end="needed"``, the first reduction step of §3.5.3) or always (``"always"``,
  GB 5.1.10); ¼ em between Han and Latin/digits, none at line ends or next to marks (§3.2.2);
* breaking: greedy, one line at a time, on the opportunities of :mod:`signkit.text.breaking`.
  When the natural break is forbidden: hang one 。，、 if asked (§3.1.7), else squeeze the
  next unit in using compressible punctuation space (先挤进), else push the last unit down
  (后推出) (CLREQ-zh §3.1.4).  When it is allowed, squeezing one more unit in is still
  taken if it needs no more reduction than the line would otherwise need expansion
  (“reduce before expanding”, §3.5.2), with a small bonus for breaking after ，；。;
* justification: reduce by the §3.5.3 order (line-end mark, room between adjacent marks,
  bracket outer sides, ，、；：, Han–Latin gaps to ⅛ em, 。？！), expand by the §3.5.4 order
  (word spaces to ½ em, Han–Latin gaps to ⅓ em, then all other gaps evenly — never inside
  ——, ……, words or numbers, nor around connectors and solidi).  The last line is set
  flush left at natural width (§3.5.1);
* 孤字: a last line of one character is avoided by pulling a unit down from the line above
  (§3.4.4).

Speed: everything that does not depend on the size is computed once per (face, text,
options) and cached: shaping (font units are size-independent), classes, widths after
compression, break opportunities and prefix sums.  Each size is then one greedy pass that
measures a line in O(log n) and one placement pass over the glyphs.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..layout.sheet import PlacedGlyph
from .breaking import PUNCT, BreakClass as C, find_breaks, is_latin_spacing
from .fonts import Face
from .shape import shape

LineEnd = Literal["needed", "always"]
_EPS = 1e-6                  # font units
_PREFER_BONUS_EM = 0.2       # a break after ，；。 wins ties of up to this much adjustment
_MAX_ORPHAN_FIX_EM = 0.5     # pulling a unit down may add at most this per gap (§3.4.4)
_HANGABLE = "。，、"          # CLREQ §3.1.7
_BLANKED = frozenset({C.OPEN, C.CLOSE, C.STOP_IN, C.STOP_END, C.STACKED})
_RIGHT_TIER = {C.CLOSE: 2, C.STOP_IN: 3, C.STOP_END: 5, C.STACKED: 5}
_SHRINK_TIERS = (1, 2, 3, 4, 5)  # §3.5.3 after the line-end mark; 4 = Han–Latin gaps


@dataclass(frozen=True, slots=True)
class ParaLine:
    """One set line.  Lengths in mm; x from the frame's left edge."""

    glyphs: tuple[PlacedGlyph, ...]
    text: str              # exactly the characters of this line (the label on the first)
    start: int             # text == SetParagraph.text[start:end]
    end: int
    x_mm: float            # where the line begins: first-line indent, or the hanging indent
    width_mm: float        # set width from x_mm, a hanging mark excluded
    natural_width_mm: float  # before justification (after compression and line-end rules)
    justified: bool        # stretched or squeezed to end exactly at the frame's right edge
    last: bool
    hanging: bool = False  # the final 。，、 hangs past the right edge (hang_punctuation)
    overflow_mm: float = 0.0  # > 0 only when one unbreakable unit is wider than the line

    @property
    def right_mm(self) -> float:
        return self.x_mm + self.width_mm


@dataclass(frozen=True, slots=True)
class SetParagraph:
    text: str              # label + text: what clusters and line start/end index into
    label: str
    lines: tuple[ParaLine, ...]
    size_mm: float
    width_mm: float
    text_x_mm: float       # where the text after the label begins (the hanging indent)

    @property
    def fits(self) -> bool:
        return all(line.overflow_mm == 0 for line in self.lines)


@dataclass(frozen=True, slots=True)
class Measure:
    """Line breaks only (for fitting loops): ``starts[i]`` is line i's first text index."""

    line_count: int
    starts: tuple[int, ...]
    fits: bool


@dataclass(frozen=True, slots=True)
class _Options:
    strict: bool
    glue_units: bool
    latin_space_em: float
    line_end: LineEnd
    trim_opening: bool
    hang: bool
    justify: bool
    avoid_orphans: bool


def set_paragraph(face: Face, text: str, *, size_mm: float, width_mm: float,
                  first_indent_em: float = 0.0, label: str = "", label_gap_em: float = 0.0,
                  label_width_em: float | None = None, justify: bool = True,
                  hang_punctuation: bool = False, strict: bool = False, glue_units: bool = True,
                  line_end: LineEnd = "needed", trim_opening: bool = True,
                  avoid_orphans: bool = True, latin_space_em: float = 0.25) -> SetParagraph:
    """Set ``text`` into lines ``width_mm`` wide at font size ``size_mm``.

    ``label`` ("1.", "•") is set at the start of the first line, after ``first_indent_em``;
    the text follows ``label_gap_em`` later, and every further line starts where that text
    starts (hanging indent).  ``label_width_em`` gives the label a fixed box so the texts of
    "9." and "10." align.  ``text`` must be one line (no newline).
    """
    opts = _Options(strict, glue_units, latin_space_em, line_end, trim_opening, hang_punctuation,
                    justify, avoid_orphans)
    prep = _prepare(face, text, strict, glue_units, latin_space_em)
    lab, x0, w0, w1 = _frame(face, prep, label, size_mm, width_mm, first_indent_em, label_gap_em,
                             label_width_em)
    lines = _break_lines(prep, w0, w1, bool(label), opts)
    scale = size_mm / prep.upem
    full, off = label + text, len(label)
    out = []
    for no, (a, b, hang) in enumerate(lines):
        first, last = no == 0, no == len(lines) - 1
        avail = w0 if first else w1
        trim = opts.trim_opening and not (first and label)
        placed, width, natural, overflow = _place(prep, a, b, hang, trim, avail, last, opts)
        origin = x0 if (first or label) else 0.0
        line_x, lead, glyphs = origin, 0.0, []
        if first and label:
            line_x, lead = lab.x_units, x0 - lab.x_units
            glyphs = [PlacedGlyph(g, (line_x + x) * scale, y * scale, c) for g, x, y, c in lab.glyphs]
        glyphs.extend([PlacedGlyph(g, (origin + x) * scale, y * scale, c + off) for g, x, y, c in placed])
        start = 0 if first else prep.starts[a] + off
        end = prep.starts[b] + off
        out.append(ParaLine(tuple(glyphs), full[start:end], start, end, line_x * scale,
                            (lead + width) * scale, (lead + natural) * scale,
                            opts.justify and not last and abs(width - avail) < 1e-3 and not overflow,
                            last, hang, overflow * scale))
    if not lines and label:
        glyphs = [PlacedGlyph(g, (lab.x_units + x) * scale, y * scale, c) for g, x, y, c in lab.glyphs]
        width = (x0 - lab.x_units) * scale
        out.append(ParaLine(tuple(glyphs), label, 0, len(label), lab.x_units * scale, width, width,
                            False, True))
    return SetParagraph(full, label, tuple(out), size_mm, width_mm, x0 * scale)


def measure_paragraph(face: Face, text: str, *, size_mm: float, width_mm: float,
                      first_indent_em: float = 0.0, label: str = "", label_gap_em: float = 0.0,
                      label_width_em: float | None = None, justify: bool = True,
                      hang_punctuation: bool = False, strict: bool = False,
                      glue_units: bool = True, line_end: LineEnd = "needed",
                      trim_opening: bool = True, avoid_orphans: bool = True,
                      latin_space_em: float = 0.25) -> Measure:
    """The line breaks :func:`set_paragraph` would choose, without placing glyphs."""
    opts = _Options(strict, glue_units, latin_space_em, line_end, trim_opening, hang_punctuation,
                    justify, avoid_orphans)
    prep = _prepare(face, text, strict, glue_units, latin_space_em)
    _, _, w0, w1 = _frame(face, prep, label, size_mm, width_mm, first_indent_em, label_gap_em,
                          label_width_em)
    lines = _break_lines(prep, w0, w1, bool(label), opts)
    fits = all(_line_min(prep, a, b - hang, opts, trim=opts.trim_opening and not (i == 0 and label),
                         hang=hang) <= (w0 if i == 0 else w1) + _EPS
               for i, (a, b, hang) in enumerate(lines))
    return Measure(max(len(lines), 1 if label else 0), tuple(prep.starts[a] for a, _, _ in lines), fits)


# --- the size-independent preparation ------------------------------------------------------

class _Label:
    __slots__ = ("x_units", "glyphs")

    def __init__(self, x_units: float, glyphs: list[tuple[int, float, float, int]]):
        self.x_units, self.glyphs = x_units, glyphs


def _frame(face: Face, prep: "_Prep", label: str, size_mm: float, width_mm: float,
           first_indent_em: float, label_gap_em: float, label_width_em: float | None):
    """The label's glyphs, where the text starts, and the widths of line 1 and later lines."""
    upem = prep.upem
    width = width_mm / size_mm * upem
    indent = first_indent_em * upem
    glyphs, x = [], 0.0
    if label:
        for g in shape(face, label).glyphs:
            glyphs.append((g.gid, x + g.x_offset, -g.y_offset, g.cluster))
            x += g.x_advance
        x = max(x, (label_width_em or 0.0) * upem) + label_gap_em * upem
    text_x = indent + x
    return _Label(indent, glyphs), text_x, width - text_x, width - (text_x if label else 0.0)


class _Prep:
    """Per-atom (glyph cluster) data of one paragraph, in font units.  Index i = atom i;
    boundary i = between atom i-1 and atom i; prefix arrays have n+1 entries."""

    __slots__ = ("upem", "n", "starts", "cls", "glyphs", "g0", "w", "lrem", "lb", "rb", "lt", "rt",
                 "trail", "gap", "allowed", "prefer", "expand", "hangable", "C", "S", "G4", "EX",
                 "SPC", "HL", "CH", "prev_allowed", "next_allowed", "max_cut")


@lru_cache(maxsize=1024)
def _prepare(face: Face, text: str, strict: bool, glue_units: bool, latin_space_em: float) -> _Prep:
    if "\n" in text or "\r" in text:
        raise ValueError("a paragraph is one line of text; split it into paragraphs first")
    p = _Prep()
    upem = p.upem = face.units_per_em
    half = upem / 2
    shaped = shape(face, text)
    br = find_breaks(text, strict=strict, glue_units=glue_units)
    # atoms = glyph clusters (one character each, unless the font forms a ligature)
    starts, g0 = [], []
    for gi, g in enumerate(shaped.glyphs):
        if not starts or g.cluster != starts[-1]:
            starts.append(g.cluster)
            g0.append(gi)
    n = p.n = len(starts)
    p.starts, p.g0 = starts + [len(text)], g0 + [len(shaped.glyphs)]
    p.glyphs = [(g.gid, g.x_advance, g.x_offset, g.y_offset, g.cluster) for g in shaped.glyphs]
    cls = p.cls = [br.classes[s] for s in starts]
    w, lrem = [0.0] * n, [0.0] * n
    lb, rb, lt, rt = [0.0] * n, [0.0] * n, [0] * n, [0] * n
    for i in range(n):
        adv = sum(p.glyphs[k][1] for k in range(p.g0[i], p.g0[i + 1]))
        w[i] = adv
        c = cls[i]
        if c == C.OPEN:                      # blank on the left half (CLREQ §3.1.6.1)
            lb[i] = max(0.0, adv - half)
        elif c in _RIGHT_TIER:               # stops and closing marks: blank on the right
            rb[i] = max(0.0, adv - half)
        elif c in (C.INTERPUNCT, C.SOLIDUS) or text[starts[i]] == "–":
            lrem[i] = (adv - half) / 2       # fixed ½ em, centred (GB 5.1.6, 5.1.7, 5.1.9)
            w[i] = half
    for i in range(n - 1):                   # adjacent marks (CLREQ §3.1.6.2)
        if rb[i] and (lb[i + 1] or cls[i + 1] in _RIGHT_TIER):
            w[i] -= rb[i]
            rb[i] = 0.0
        elif cls[i] == C.OPEN and lb[i + 1]:
            w[i + 1] -= lb[i + 1]
            lrem[i + 1] += lb[i + 1]
            lb[i + 1] = 0.0
    for i in range(n):
        if lb[i]:
            lt[i] = 1 if i and cls[i - 1] in _BLANKED else 2
        if rb[i]:
            rt[i] = _RIGHT_TIER[cls[i]]
    p.w, p.lrem, p.lb, p.rb, p.lt, p.rt = w, lrem, lb, rb, lt, rt
    p.trail = [w[i] if cls[i] == C.SPACE else 0.0 for i in range(n)]
    gap, expand = [0.0] * n, [False] * n
    allowed, prefer = [False] * (n + 1), [False] * (n + 1)
    for i in range(1, n):
        s = starts[i]
        allowed[i], prefer[i] = br.allowed[s], br.prefer[s]
        a_ch, b_ch = text[s - 1], text[s]
        if not br.tie[s] and ((cls[i - 1] == C.HAN and is_latin_spacing(b_ch))
                              or (is_latin_spacing(a_ch) and cls[i] == C.HAN)):
            gap[i] = latin_space_em * upem   # CLREQ §3.2.2
        expand[i] = not br.tie[s] and not ({cls[i - 1], cls[i]} & {C.SPACE, C.CONNECT, C.SOLIDUS})
    allowed[n] = n > 0
    p.gap, p.expand, p.allowed, p.prefer = gap, expand, allowed, prefer
    p.hangable = [text[starts[i]] in _HANGABLE and rb[i] > 0 and i > 0 and cls[i - 1] not in PUNCT
                  for i in range(n)]
    counted = (C.HAN, C.LATIN, C.DIGIT, C.PREFIX, C.POSTFIX)
    chars = [sum(1 for k in range(starts[i], p.starts[i + 1]) if br.classes[k] in counted)
             for i in range(n)]
    p.C, p.S, p.G4 = _prefix(gap[i] + w[i] for i in range(n)), _prefix(lb[i] + rb[i] for i in range(n)), \
        _prefix(g / 2 for g in gap)
    p.EX, p.HL = _prefix(expand), _prefix(g > 0 for g in gap)
    p.SPC, p.CH = _prefix(c == C.SPACE for c in cls), _prefix(chars)
    prev_a, last = [0] * (n + 1), 0
    for i in range(n + 1):
        last = i if allowed[i] else last
        prev_a[i] = last
    next_a, nxt = [n] * (n + 2), n
    for i in range(n, -1, -1):
        nxt = i if allowed[i] else nxt
        next_a[i] = nxt
    p.prev_allowed, p.next_allowed = prev_a, next_a
    p.max_cut = max((rb[i] + p.trail[i] for i in range(n)), default=0.0)
    return p


def _prefix(values) -> list[float]:
    out, total = [0.0], 0.0
    for v in values:
        total += v
        out.append(total)
    return out


# --- choosing the breaks (size-independent given the measure in em) ------------------------

def _start_cut(p: _Prep, a: int, trim: bool) -> float:
    """The blank half of an opening mark that starts a line (CLREQ §3.1.6.3)."""
    return p.lb[a] if trim and p.cls[a] == C.OPEN else 0.0


def _line_nat(p: _Prep, a: int, b: int, st: float, always: bool) -> float:
    """Natural width of atoms [a, b) set as one line, in font units."""
    last = b - 1
    return p.C[b] - p.C[a] - p.gap[a] - st - p.trail[last] - (p.rb[last] if always else 0.0)


def _line_min(p: _Prep, a: int, b: int, opts: _Options, *, trim: bool, hang: bool = False) -> float:
    """Width of atoms [a, b) with every reduction of CLREQ §3.5.3 taken."""
    st = _start_cut(p, a, trim)
    if hang:
        return p.C[b] - p.C[a] - p.gap[a] - st - (p.S[b] - p.S[a] - st) - (p.G4[b] - p.G4[a + 1])
    return (p.C[b] - p.C[a] - p.gap[a] - st - p.trail[b - 1] - (p.S[b] - p.S[a] - st)
            - (p.G4[b] - p.G4[a + 1]))


def _break_lines(p: _Prep, w0: float, w1: float, labelled: bool, opts: _Options):
    """Greedy breaking: a list of (first atom, end atom, hanging) per line."""
    lines: list[tuple[int, int, bool]] = []
    a = 0
    while a < p.n:
        first = not lines
        b, hang = _choose(p, a, w0 if first else w1, opts.trim_opening and not (first and labelled), opts)
        lines.append((a, b, hang))
        a = b
    if opts.avoid_orphans and len(lines) >= 2:
        _fix_orphan(p, lines, w0, w1, labelled, opts)
    return lines


def _choose(p: _Prep, a: int, width: float, trim: bool, opts: _Options) -> tuple[int, bool]:
    """Where the line starting at atom ``a`` ends (CLREQ-zh §3.1.4, CLREQ §3.5.2)."""
    n, allowed, always = p.n, p.allowed, opts.line_end == "always"
    st = _start_cut(p, a, trim)
    base = p.C[a] + p.gap[a] + st
    k = min(bisect_right(p.C, base + width + p.max_cut + _EPS, a + 1) - 1, n)
    while k > a and _line_nat(p, a, k, st, always) > width + _EPS:
        k -= 1                                    # k: the most atoms that fit at natural width
    if k == n:
        return n, False
    s = p.next_allowed[k + 1]                     # one more unit, squeezed in
    s_fits = _line_min(p, a, s, opts, trim=trim) <= width + _EPS
    if k > a and allowed[k]:
        if not (s_fits and opts.justify):
            return k, False
        bonus = _PREFER_BONUS_EM * p.upem
        expand = width - _line_nat(p, a, k, st, always) - bonus * p.prefer[k]
        reduce = max(0.0, _line_nat(p, a, s, st, always) - width) - bonus * p.prefer[s]
        return (s, False) if reduce <= expand else (k, False)
    if opts.hang and k > a and p.hangable[k] and allowed[k + 1]:
        return k + 1, True                        # 悬挂 (CLREQ §3.1.7)
    if s_fits:
        return s, False                           # 先挤进
    pushed = p.prev_allowed[k]
    if pushed > a:
        return pushed, False                      # 后推出
    return s, False                               # one unit wider than the line: overflow


def _fix_orphan(p: _Prep, lines: list, w0: float, w1: float, labelled: bool, opts: _Options) -> None:
    """Pull a unit down so the last line holds at least two characters (CLREQ §3.4.4)."""
    n = p.n
    a_last = lines[-1][0]
    if p.CH[n] - p.CH[a_last] > 1:
        return
    a, b_old, _ = lines[-2]
    first = len(lines) == 2
    width = w0 if first else w1
    trim = opts.trim_opening and not (first and labelled)
    b = p.prev_allowed[b_old - 1]
    while b > a and p.CH[n] - p.CH[b] < 2:
        b = p.prev_allowed[b - 1]
    if b <= a or p.CH[b] - p.CH[a] < 2:
        return
    if _line_nat(p, b, n, _start_cut(p, b, opts.trim_opening), False) > w1 + _EPS:
        return
    room = width - _line_nat(p, a, b, _start_cut(p, a, trim), opts.line_end == "always")
    slots = p.EX[b] - p.EX[a + 1] + p.SPC[b - 1] - p.SPC[a]
    if opts.justify and (slots == 0 or room / slots > _MAX_ORPHAN_FIX_EM * p.upem):
        return
    lines[-2] = (a, b, False)
    lines[-1] = (b, n, False)


# --- placing one line ----------------------------------------------------------------------

def _place(p: _Prep, a: int, b: int, hang: bool, trim: bool, width: float, last: bool,
           opts: _Options):
    """Glyphs of atoms [a, b) justified to ``width``: (glyphs as (gid, x, y, cluster) in font
    units from the line start, set width, natural width, overflow)."""
    ce = b - 1 if hang else b                     # content end (a hanging mark is outside)
    end = ce - 1
    st = _start_cut(p, a, trim)
    always = opts.line_end == "always" and not hang
    cut_end = p.trail[end] + (p.rb[end] if always else 0.0)
    natural = p.C[ce] - p.C[a] - p.gap[a] - st - cut_end
    delta = width - natural
    f = None
    e0 = gap_add = slot_add = space_add = overflow = 0.0
    if delta < -_EPS:                              # reduce (CLREQ §3.5.3)
        need = -delta
        if not always and not hang:
            e0 = min(need, p.rb[end])
            need -= e0
        caps = [0.0] * 6
        for i in range(a, ce):
            if p.lb[i] and not (i == a and st):
                caps[p.lt[i]] += p.lb[i]
            if p.rb[i] and i != end:
                caps[p.rt[i]] += p.rb[i]
        caps[4] = p.G4[ce] - p.G4[a + 1]
        f = [0.0] * 6
        for t in _SHRINK_TIERS:
            if need > _EPS and caps[t] > 0:
                take = min(need, caps[t])
                f[t] = take / caps[t]
                need -= take
        overflow = need if need > _EPS else 0.0
    elif delta > _EPS and opts.justify and not last:   # expand (CLREQ §3.5.4)
        rest = delta
        spaces = p.SPC[end] - p.SPC[a]
        if spaces:
            cap = min(p.upem / 2 - p.w[i] for i in range(a, end) if p.cls[i] == C.SPACE)
            space_add = max(0.0, min(rest / spaces, cap))
            rest -= space_add * spaces
        gaps = p.HL[ce] - p.HL[a + 1]
        if gaps:
            gap_add = max(0.0, min(rest / gaps, p.upem / 3 - opts.latin_space_em * p.upem))
            rest -= gap_add * gaps
        slots = p.EX[ce] - p.EX[a + 1] + spaces
        slot_add = rest / slots if slots else 0.0
    out = []
    glyphs, g0, lrem, w, gap, expand = p.glyphs, p.g0, p.lrem, p.w, p.gap, p.expand
    pen = 0.0
    for i in range(a, ce):
        left, wi = lrem[i], w[i]
        if i == a:
            left += st
            wi -= st
        else:
            g = gap[i]
            if g:
                g = g * (1 - f[4] / 2) if f else g + gap_add
            pen += g + (slot_add if expand[i] else 0.0)
        if f:
            if p.lb[i] and not (i == a and st):
                cut = p.lb[i] * f[p.lt[i]]
                left += cut
                wi -= cut
            if p.rb[i] and i != end:
                wi -= p.rb[i] * f[p.rt[i]]
        if i == end:
            wi -= cut_end + e0
        elif p.cls[i] == C.SPACE:
            wi += space_add + slot_add
        x = pen - left
        for k in range(g0[i], g0[i + 1]):
            gid, adv, xo, yo, cl = glyphs[k]
            out.append((gid, x + xo, -yo, cl))
            x += adv
        pen += wi
    if hang:                                       # the mark sits past the edge, cut to ½ em
        x = pen - lrem[ce]
        for k in range(g0[ce], g0[ce + 1]):
            gid, adv, xo, yo, cl = glyphs[k]
            out.append((gid, x + xo, -yo, cl))
            x += adv
    return out, pen, natural, overflow
