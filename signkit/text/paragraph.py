"""Paragraph setting for system-publicity boards (制度牌): text → justified lines of glyphs.

In:  a :class:`~signkit.text.fonts.Face`, one paragraph of normalised text (see
     :mod:`signkit.text.normalize`), the size and the measure in mm, and options (first-line
     indent, a label for numbered articles and items, strict breaking, hanging).
Out: :class:`SetParagraph`: lines of :class:`~signkit.ir.PlacedGlyph` with x in mm
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
  (§3.4.4);
* issue 11 (house rules on top of CLREQ, see :mod:`signkit.text.style`): no break that
  strands a character (a sentence's first character at a line end, one character and its
  mark at a line start — ``Breaks.avoid``); a mark inside a line gives at most
  ``max_squeeze_em`` when the line is squeezed, so squeezing cannot pull a stranded
  character up; Han and digits set solid unless ``han_digit_gap_em``; labels right-aligned
  in their box and the house bullet drawn small (:mod:`signkit.text.label`).

Speed: everything that does not depend on the size is computed once per (face, text,
options, house style) and cached: shaping (font units are size-independent), classes, widths after
compression, break opportunities and prefix sums.  Each size is then one greedy pass that
measures a line in O(log n) and one placement pass over the glyphs.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import Literal

from ..ir import PlacedGlyph
from .breaking import PUNCT, BreakClass as C, char_class, find_breaks, is_latin_spacing
from .fonts import Face
from .label import place_label
from .shape import shape
from .style import HouseStyle, resolve

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
    # the label's glyphs, to be drawn at label_size_mm (x, y in mm as for the lines; y from
    # line 0's baseline).  A label at the body size is also part of lines[0].glyphs; a bullet
    # scaled by the house style (HouseStyle.bullet_size_em) is only here.
    label_glyphs: tuple[PlacedGlyph, ...] = ()
    label_size_mm: float = 0.0

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
    style: HouseStyle


def set_paragraph(face: Face, text: str, *, size_mm: float, width_mm: float,
                  first_indent_em: float = 0.0, label: str = "", label_gap_em: float = 0.0,
                  label_width_em: float | None = None, justify: bool = True,
                  hang_punctuation: bool = False, strict: bool = False, glue_units: bool = True,
                  line_end: LineEnd = "needed", trim_opening: bool = True,
                  avoid_orphans: bool = True, latin_space_em: float = 0.25,
                  style: HouseStyle | None = None) -> SetParagraph:
    """Set ``text`` (one line, no newline) into lines ``width_mm`` wide at size ``size_mm``.

    ``first_indent_em``   indent of the first line (2 em in running text, CLREQ §3.4.1)
    ``label``             "1." or "•", set at the start of the first line (after the indent);
                          the text follows ``label_gap_em`` later and every further line
                          starts where that text starts (凸排, hanging indent, CLREQ §3.4.1).
                          ``label_width_em`` gives labels a fixed box so "9." and "10." align.
    ``justify``           False: flush left, lines keep their natural widths
    ``hang_punctuation``  one final 。，、 may hang past the right edge (CLREQ §3.1.7)
    ``strict``            the strict 禁则 level (no ——/…… at line starts, no break after /)
    ``glue_units``        keep a number on the line of the Han unit after it (5千克, 8月)
    ``line_end``          "needed": a mark at a line end is cut to ½ em when the line needs
                          the room; "always": always (GB 5.1.10)
    ``trim_opening``      an opening mark at a line start drops its blank half (§3.1.6.3)
    ``avoid_orphans``     pull a character down rather than leave one alone (§3.4.4)
    ``latin_space_em``    the space between Han and Latin letters (§3.2.2); between Han and
                          digits it is ``style.han_digit_gap_em`` (党政: none)
    ``style``             the house style (:mod:`signkit.text.style`; None: the 党政 defaults):
                          the Han–digit gap, the squeeze cap per mark, label alignment in its
                          box, the bullet's size

    Lines never end with a sentence's first character nor start with one character and its
    mark (issue 11) when another break is possible: the line squeezes one more unit in if that
    needs no more than the capped squeeze, else pushes the character down.
    """
    opts = _Options(strict, glue_units, latin_space_em, line_end, trim_opening, hang_punctuation,
                    justify, avoid_orphans, resolve(style))
    prep, (label_glyphs, label_scale, label_x, x0, w0, w1) = _setup(
        face, text, opts, size_mm, width_mm, label, first_indent_em, label_gap_em, label_width_em)
    lines = _break_lines(prep, w0, w1, bool(label), opts)
    scale = size_mm / prep.upem
    full, off = label + text, len(label)
    placed_label = tuple(PlacedGlyph(g, x * scale, y * scale, c) for g, x, y, c in label_glyphs)
    out = []
    for no, (a, b, hang) in enumerate(lines):
        first, last = no == 0, no == len(lines) - 1
        avail = w0 if first else w1
        trim = opts.trim_opening and not (first and label)
        origin = x0 if (first or label) else 0.0
        line_x, lead, glyphs = origin, 0.0, []
        if first and label:
            line_x, lead = label_x, x0 - label_x
            glyphs = list(placed_label) if label_scale == 1.0 else []
        width, natural, overflow = _place(prep, a, b, hang, trim, avail, last, opts, glyphs,
                                          origin * scale, scale, off)
        start = 0 if first else prep.starts[a] + off
        end = prep.starts[b] + off
        out.append(ParaLine(tuple(glyphs), full[start:end], start, end, line_x * scale,
                            (lead + width) * scale, (lead + natural) * scale,
                            opts.justify and not last and abs(width - avail) < 1e-3 and not overflow,
                            last, hang, overflow * scale))
    if not lines and label:
        glyphs = placed_label if label_scale == 1.0 else ()
        width = (x0 - label_x) * scale
        out.append(ParaLine(glyphs, label, 0, len(label), label_x * scale, width, width, False, True))
    return SetParagraph(full, label, tuple(out), size_mm, width_mm, x0 * scale, placed_label,
                        size_mm * label_scale)


def measure_paragraph(face: Face, text: str, *, size_mm: float, width_mm: float,
                      first_indent_em: float = 0.0, label: str = "", label_gap_em: float = 0.0,
                      label_width_em: float | None = None, justify: bool = True,
                      hang_punctuation: bool = False, strict: bool = False,
                      glue_units: bool = True, line_end: LineEnd = "needed",
                      trim_opening: bool = True, avoid_orphans: bool = True,
                      latin_space_em: float = 0.25, style: HouseStyle | None = None) -> Measure:
    """The line breaks :func:`set_paragraph` would choose, without placing any glyph: the
    cheap call for fitting loops (``starts`` index ``text``, without the label)."""
    opts = _Options(strict, glue_units, latin_space_em, line_end, trim_opening, hang_punctuation,
                    justify, avoid_orphans, resolve(style))
    prep, (*_, w0, w1) = _setup(face, text, opts, size_mm, width_mm, label, first_indent_em,
                                label_gap_em, label_width_em)
    lines = _break_lines(prep, w0, w1, bool(label), opts)
    fits = all(_line_min(prep, a, b - hang, trim=opts.trim_opening and not (i == 0 and label),
                         hang=hang) <= (w0 if i == 0 else w1) + _EPS
               for i, (a, b, hang) in enumerate(lines))
    return Measure(max(len(lines), 1 if label else 0), tuple(prep.starts[a] for a, _, _ in lines), fits)


# --- the size-independent preparation ------------------------------------------------------

def _setup(face: Face, text: str, opts: _Options, size_mm: float, width_mm: float, label: str,
           first_indent_em: float, label_gap_em: float, label_width_em: float | None):
    prep = _prepare(face, text, opts.strict, opts.glue_units, opts.latin_space_em, opts.style)
    return prep, _frame(face, prep, label, size_mm, width_mm, first_indent_em, label_gap_em, label_width_em,
                        opts.style)


def _frame(face: Face, prep: "_Prep", label: str, size_mm: float, width_mm: float,
           first_indent_em: float, label_gap_em: float, label_width_em: float | None, style: HouseStyle):
    """(label glyphs as (gid, x, y, cluster) from the frame's left edge, the label's drawing
    scale, label x, text x, width of line 1, width of the other lines), in font units."""
    upem = prep.upem
    width = width_mm / size_mm * upem
    indent = first_indent_em * upem
    glyphs, scale, box = place_label(face, label, indent, label_width_em, style)
    text_x = indent + (box + label_gap_em * upem if label else 0.0)
    return glyphs, scale, indent, text_x, width - text_x, width - (text_x if label else 0.0)


class _Prep:
    """One paragraph, ready to be set at any size; font units throughout.

    Atom i = one glyph cluster (one character unless the font forms a ligature); boundary i
    lies between atoms i-1 and i.  Prefix arrays (capitalised) have n+1 entries: the sum over
    atoms (or boundaries) before index i.  Per-glyph arrays end in G.
    """

    __slots__ = (
        "upem", "n", "starts", "cls", "glyphs", "g0",
        # widths: natural width after compression, left shift of the glyph in its cell, the
        # blank halves still there (lb, rb), the part of them a squeeze may take inside a line
        # (lbc, rbc: capped by the house style), their reduction tiers (lt, rt), the width a
        # line loses when it ends with the atom (trail) and the ink that overhangs the cell
        "w", "lrem", "lb", "rb", "lbc", "rbc", "lt", "rt", "trail", "ink_l",
        # boundaries: Han–Latin space, may widen, may break, preferred break, a break that
        # strands a character (avoided), hangable mark; atoms: a space that may widen
        "gap", "expand", "allowed", "prefer", "avoid", "avoid_mid", "hangable", "free_space",
        # prefix sums: width C, blanks S, half the Han–Latin spaces G4, widenable gaps EX,
        # spaces SPC, Han–Latin gaps HL, characters CH; blanks per tier TB
        "C", "S", "G4", "EX", "SPC", "HL", "CH", "TB", "prev_allowed", "next_allowed", "max_cut",
        # per glyph: natural x, counts of the places before it that widen or narrow
        "XG", "ESG", "SPG", "HLG", "TG", "GID", "YG", "CL", "flat")


@lru_cache(maxsize=1024)
def _prepare(face: Face, text: str, strict: bool, glue_units: bool, latin_space_em: float,
             style: HouseStyle) -> _Prep:
    if "\n" in text or "\r" in text:
        raise ValueError("a paragraph is one line of text; split it into paragraphs first")
    p = _Prep()
    p.upem = face.units_per_em
    shaped = shape(face, text).glyphs if text else ()   # (HarfBuzz gives None for "")
    br = find_breaks(text, strict=strict, glue_units=glue_units)
    starts, g0 = [], []
    for gi, g in enumerate(shaped):
        if not starts or g.cluster != starts[-1]:
            starts.append(g.cluster)
            g0.append(gi)
    p.n = len(starts)
    p.starts, p.g0 = starts + [len(text)], g0 + [len(shaped)]
    p.glyphs = [(g.gid, g.x_advance, g.x_offset, g.y_offset, g.cluster) for g in shaped]
    p.cls = [br.classes[s] for s in starts]
    _widths(p, text, style.max_squeeze_em * p.upem)
    _ink(p, face)
    _boundaries(p, text, br, latin_space_em, style.han_digit_gap_em)
    _prefixes(p, br)
    return p


def _widths(p: _Prep, text: str, cap: float) -> None:
    """Punctuation widths, 全角式 with adjacent marks compressed (CLREQ §3.1.6)."""
    n, cls, half = p.n, p.cls, p.upem / 2
    w, lrem = [0.0] * n, [0.0] * n
    lb, rb, lt, rt = [0.0] * n, [0.0] * n, [0] * n, [0] * n
    for i in range(n):
        adv = w[i] = float(sum(p.glyphs[k][1] for k in range(p.g0[i], p.g0[i + 1])))
        if cls[i] == C.OPEN:                 # blank on the left half (CLREQ §3.1.6.1)
            lb[i] = max(0.0, adv - half)
        elif cls[i] in _RIGHT_TIER:          # stops and closing marks: blank on the right
            rb[i] = max(0.0, adv - half)
        elif cls[i] in (C.INTERPUNCT, C.SOLIDUS) or text[p.starts[i]] == "–":
            lrem[i] = (adv - half) / 2       # a fixed ½ em, centred (GB 5.1.6, 5.1.7, 5.1.9)
            w[i] = half
    for i in range(n - 1):                   # adjacent marks: 1.5 em a pair (CLREQ §3.1.6.2)
        if rb[i] and (lb[i + 1] or cls[i + 1] in _RIGHT_TIER):
            w[i] -= rb[i]                    # 。” ”， ）（ ，“ : the first mark's blank goes
            rb[i] = 0.0
        elif cls[i] == C.OPEN and lb[i + 1]:
            w[i + 1] -= lb[i + 1]            # “《 （“ : the second opening mark's blank goes
            lrem[i + 1] += lb[i + 1]
            lb[i + 1] = 0.0
    for i in range(n):                       # reduction tiers, CLREQ §3.5.3 steps 2–7
        if lb[i]:
            lt[i] = 1 if i and cls[i - 1] in _BLANKED else 2
        if rb[i]:
            rt[i] = _RIGHT_TIER[cls[i]]
    p.w, p.lrem, p.lb, p.rb, p.lt, p.rt = w, lrem, lb, rb, lt, rt
    p.lbc = [min(v, cap) for v in lb]         # issue 11: at most ¼ em a mark inside a line
    p.rbc = [min(v, cap) for v in rb]


def _ink(p: _Prep, face: Face) -> None:
    """Ink past the cell of a Latin glyph (¥, j, W …) counts as width at the ends of a line,
    so no ink leaves the frame; ideographs and marks keep their ink inside their cells."""
    n = p.n
    ink_l, ink_r = [0.0] * n, [0.0] * n
    for i in range(n):
        if p.cls[i] in (C.HAN, C.SPACE) or p.cls[i] in _BLANKED:
            continue
        x = -p.lrem[i]
        for k in range(p.g0[i], p.g0[i + 1]):
            gid, adv, xo = p.glyphs[k][:3]
            box = face.bounds(gid)
            if box is not None:
                ink_l[i] = max(ink_l[i], -(x + xo + box[0]))
                ink_r[i] = max(ink_r[i], x + xo + box[2] - p.w[i])
            x += adv
    p.ink_l = ink_l
    # a space at a line end takes no width (CLREQ §3.2.2: no space at line ends)
    p.trail = [(p.w[i] if p.cls[i] == C.SPACE else 0.0) - ink_r[i] for i in range(n)]


def _boundaries(p: _Prep, text: str, br, latin_space_em: float, digit_gap_em: float) -> None:
    n, cls = p.n, p.cls
    gap, expand = [0.0] * n, [False] * n
    allowed, prefer, avoid = [False] * (n + 1), [False] * (n + 1), [False] * (n + 1)
    for i in range(1, n):
        s = p.starts[i]
        allowed[i], prefer[i], avoid[i] = br.allowed[s], br.prefer[s], br.avoid[s]
        if br.tie[s]:
            pass
        elif cls[i - 1] == C.HAN and is_latin_spacing(text[s]):      # CLREQ §3.2.2
            gap[i] = (digit_gap_em if _numeric(text[s]) else latin_space_em) * p.upem
        elif is_latin_spacing(text[s - 1]) and cls[i] == C.HAN:
            gap[i] = (digit_gap_em if _numeric(text[s - 1]) else latin_space_em) * p.upem
        # CLREQ §3.5.4 step 3: not inside units, not around connectors, solidi, spaces
        expand[i] = not br.tie[s] and not ({cls[i - 1], cls[i]} & {C.SPACE, C.CONNECT, C.SOLIDUS})
    allowed[n] = n > 0
    p.gap, p.expand, p.allowed, p.prefer, p.avoid = gap, expand, allowed, prefer, avoid
    # a space inside a unit (GB/T 15834) keeps its width: it is not a word space
    p.free_space = [cls[i] == C.SPACE and not (br.tie[p.starts[i]] or br.tie[p.starts[i] + 1])
                    for i in range(n)]
    # CLREQ §3.1.7: one 。，、 may hang, never one that follows another mark
    p.hangable = [text[p.starts[i]] in _HANGABLE and p.rb[i] > 0 and i > 0
                  and cls[i - 1] not in PUNCT and cls[i - 1] != C.SPACE for i in range(n)]


def _numeric(ch: str) -> bool:
    """Is ``ch`` the number side of a Han–number boundary (8月, 第1, 98%以上, ¥100元)?"""
    return char_class(ch) in (C.DIGIT, C.PREFIX, C.POSTFIX)


def _prefixes(p: _Prep, br) -> None:
    n, w, gap, lb, rb, lt, rt = p.n, p.w, p.gap, p.lbc, p.rbc, p.lt, p.rt
    counted = (C.HAN, C.LATIN, C.DIGIT, C.PREFIX, C.POSTFIX)          # for 孤字
    p.C = _prefix(gap[i] + w[i] for i in range(n))
    p.S = _prefix(lb[i] + rb[i] for i in range(n))
    p.G4 = _prefix(g / 2 for g in gap)
    p.EX, p.HL = _prefix(p.expand), _prefix(g > 0 for g in gap)
    p.SPC = _prefix(p.free_space)
    p.CH = _prefix(sum(br.classes[k] in counted for k in range(p.starts[i], p.starts[i + 1]))
                   for i in range(n))
    p.TB = {t: _prefix((lb[i] if lt[i] == t else 0.0) + (rb[i] if rt[i] == t else 0.0) for i in range(n))
            for t in (1, 2, 3, 5)}
    p.TB[4] = p.G4
    # the avoided breaks other than one character alone on the paragraph's last line (that is
    # the 孤字 rule, which avoid_orphans=False switches off)
    p.avoid_mid = [v and not (p.CH[n] - p.CH[i] == 1 and p.cls[i] == C.HAN) if i < n else v
                   for i, v in enumerate(p.avoid)]
    prev_a, next_a, last = [0] * (n + 1), [n] * (n + 2), 0
    for i in range(n + 1):
        last = prev_a[i] = i if p.allowed[i] else last
    for i in range(n, -1, -1):
        next_a[i] = i if p.allowed[i] else next_a[i + 1]
    p.prev_allowed, p.next_allowed = prev_a, next_a
    p.max_cut = max((p.rb[i] + p.trail[i] for i in range(n)), default=0.0)
    # per glyph: natural x from the paragraph start; the counts of widenable places and the
    # tiers' blanks before it (its own atom's left blank included), for _place
    atom = [i for i in range(n) for _ in range(p.g0[i], p.g0[i + 1])]
    xg = []
    for i in range(n):
        x = p.C[i] + gap[i] - p.lrem[i]
        for k in range(p.g0[i], p.g0[i + 1]):
            xg.append(x + p.glyphs[k][2])
            x += p.glyphs[k][1]
    p.XG = xg
    p.ESG = [p.EX[i + 1] + p.SPC[i] for i in atom]
    p.SPG = [p.SPC[i] for i in atom]
    p.HLG = [p.HL[i + 1] for i in atom]
    p.TG = {t: [p.TB[t][i] + (lb[i] if lt[i] == t else 0.0) for i in atom] for t in (1, 2, 3, 5)}
    p.TG[4] = [p.G4[i + 1] for i in atom]
    p.GID = [g[0] for g in p.glyphs]
    p.YG = [-float(g[3]) for g in p.glyphs]
    p.flat = not any(p.YG)
    p.CL = [g[4] for g in p.glyphs]


def _prefix(values) -> list[float]:
    out, total = [0.0], 0.0
    for v in values:
        total += v
        out.append(total)
    return out


# --- choosing the breaks (size-independent given the measure in em) ------------------------

def _trimmed(p: _Prep, a: int, trim: bool) -> float:
    """The blank half of an opening mark that starts a line (CLREQ §3.1.6.3)."""
    return p.lb[a] if trim and p.cls[a] == C.OPEN else 0.0


def _start_cut(p: _Prep, a: int, trim: bool) -> float:
    """Width taken off a line that starts at atom ``a`` (negative: ink overhang added)."""
    return (p.lb[a] if trim and p.cls[a] == C.OPEN else 0.0) - p.ink_l[a]


def _line_nat(p: _Prep, a: int, b: int, st: float, always: bool) -> float:
    """Natural width of atoms [a, b) set as one line, in font units."""
    last = b - 1
    return p.C[b] - p.C[a] - p.gap[a] - st - p.trail[last] - (p.rb[last] if always else 0.0)


def _line_min(p: _Prep, a: int, b: int, *, trim: bool, hang: bool = False) -> float:
    """Width of atoms [a, b) with every reduction of CLREQ §3.5.3 taken: the line-end mark at
    ½ em, every other mark by at most the house style's cap."""
    st = _start_cut(p, a, trim)
    trimmed = p.lbc[a] if trim and p.cls[a] == C.OPEN else 0.0   # dropped already, not squeezed
    last = b - 1
    end_cut = (0.0 if hang else p.trail[last]) + p.rb[last] - p.rbc[last]
    return (p.C[b] - p.C[a] - p.gap[a] - st - end_cut - (p.S[b] - p.S[a] - trimmed)
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
    avoid = p.avoid if opts.avoid_orphans else p.avoid_mid
    st = _start_cut(p, a, trim)
    base = p.C[a] + p.gap[a] + st
    k = min(bisect_right(p.C, base + width + p.max_cut + _EPS, a + 1) - 1, n)
    while k > a and _line_nat(p, a, k, st, always) > width + _EPS:
        k -= 1                                    # k: the most atoms that fit at natural width
    if k == n:
        return n, False
    s = p.next_allowed[k + 1]                     # one more unit, squeezed in
    s_fits = _line_min(p, a, s, trim=trim) <= width + _EPS
    if k > a and allowed[k]:
        if not (s_fits and opts.justify):
            return _unstrand(p, avoid, a, k, None), False
        bonus = _PREFER_BONUS_EM * p.upem
        expand = width - _line_nat(p, a, k, st, always) - bonus * p.prefer[k]
        reduce = max(0.0, _line_nat(p, a, s, st, always) - width) - bonus * p.prefer[s]
        if avoid[s] != avoid[k]:                  # never strand a character to save space
            return (k, False) if avoid[s] else (s, False)
        if avoid[k]:
            return _unstrand(p, avoid, a, k, None), False
        return (s if reduce <= expand else _unstrand(p, avoid, a, k, s)), False
    if opts.hang and k > a and p.hangable[k] and allowed[k + 1] and not avoid[k + 1]:
        return k + 1, True                        # 悬挂 (CLREQ §3.1.7)
    if s_fits and not avoid[s]:
        return s, False                           # 先挤进
    pushed = p.prev_allowed[k]
    if pushed > a:
        return _unstrand(p, avoid, a, pushed, None), False   # 后推出
    return s, False                               # one unit wider than the line: overflow


def _unstrand(p: _Prep, avoid: list, a: int, b: int, squeezed: int | None) -> int:
    """``b``, or the nearest break before it that strands no character (issue 11): a
    sentence's first character at the line end, one character and its mark at the next
    line's start.  ``squeezed``: a break after ``b`` that also fits, tried first."""
    if not avoid[b]:
        return b
    if squeezed is not None and not avoid[squeezed]:
        return squeezed
    q = p.prev_allowed[b - 1]
    while q > a and avoid[q]:
        q = p.prev_allowed[q - 1]
    return q if q > a else b


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
    while b > a and (p.CH[n] - p.CH[b] < 2 or p.avoid[b]):
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
           opts: _Options, out: list, origin_mm: float, scale: float, off: int):
    """Append the glyphs of atoms [a, b), justified to ``width`` (font units), to ``out`` as
    PlacedGlyph at ``origin_mm`` + x × ``scale``; return (set width, natural width, overflow)
    in font units.  Clusters are shifted by ``off`` (the label's length).

    Every glyph's x is its natural x (``XG``, from the paragraph start) plus the stretch or
    minus the cuts at the places before it, read from per-glyph prefix counts: no loop over
    atoms, whatever the line needs."""
    ce = b - 1 if hang else b                     # content end (a hanging mark is outside)
    end = ce - 1
    st, trimmed = _start_cut(p, a, trim), _trimmed(p, a, trim)
    always = opts.line_end == "always" and not hang
    cut_end = 0.0 if hang else p.trail[end] + (p.rb[end] if always else 0.0)
    natural = p.C[ce] - p.C[a] - p.gap[a] - st - cut_end
    delta = width - natural
    ga, gb = p.g0[a], p.g0[ce]
    xs = p.XG[ga:gb]
    c0 = p.C[a] + p.gap[a] + st                   # x of the line start, paragraph units
    pen, overflow = natural, 0.0
    if delta < -_EPS:                              # reduce (CLREQ §3.5.3)
        need = -delta
        if not always and not hang:
            need -= min(need, p.rb[end])           # 1. the line-end mark to ½ em
        for t in _SHRINK_TIERS:                    # 2.–7.
            if need <= _EPS:
                break
            first = p.lbc[a] if trimmed and p.lt[a] == t else 0.0  # the trimmed start blank is gone
            cap = (p.TB[t][ce] - p.TB[t][a] - first - (p.rbc[end] if p.rt[end] == t else 0.0)
                   if t != 4 else p.G4[ce] - p.G4[a + 1])
            if cap <= _EPS:
                continue
            take = min(need, cap)
            f = take / cap
            need -= take
            c0 -= f * ((p.TB[t][a] + first) if t != 4 else p.G4[a + 1])
            xs = [x - f * c for x, c in zip(xs, p.TG[t][ga:gb])]
        overflow = need if need > _EPS else 0.0
        pen = width + overflow
    elif delta > _EPS and opts.justify and not last:   # expand (CLREQ §3.5.4)
        rest = delta
        spaces = p.SPC[end] - p.SPC[a]
        space_add = gap_add = 0.0
        if spaces:                                 # 1. word spaces up to ½ em
            cap = min(p.upem / 2 - p.w[i] for i in range(a, end) if p.free_space[i])
            space_add = max(0.0, min(rest / spaces, cap))
            rest -= space_add * spaces
        gaps = p.HL[ce] - p.HL[a + 1]
        if gaps:                                   # 2. Han–Latin gaps up to ⅓ em
            gap_add = max(0.0, min(rest / gaps, p.upem / 3 - opts.latin_space_em * p.upem))
            rest -= gap_add * gaps
        slots = p.EX[ce] - p.EX[a + 1] + spaces    # 3. every other gap, evenly
        slot_add = rest / slots if slots else 0.0
        pen = natural + delta - (0.0 if slots else rest)
        c0 += slot_add * (p.EX[a + 1] + p.SPC[a]) + space_add * p.SPC[a] + gap_add * p.HL[a + 1]
        if space_add or gap_add:
            xs = [x + slot_add * e + space_add * sp + gap_add * h for x, e, sp, h in
                  zip(xs, p.ESG[ga:gb], p.SPG[ga:gb], p.HLG[ga:gb])]
        elif slot_add:
            xs = [x + slot_add * e for x, e in zip(xs, p.ESG[ga:gb])]
    c0 = origin_mm - c0 * scale
    xs = [x * scale + c0 for x in xs]
    if hang:                                       # the mark sits past the edge, cut to ½ em
        mark = p.C[ce] + p.gap[ce] - pen           # its natural x minus its x on this line
        xs.extend(origin_mm + (x - mark) * scale for x in p.XG[gb:p.g0[ce + 1]])
        gb = p.g0[ce + 1]
    ys = repeat(0.0) if p.flat else [y * scale for y in p.YG[ga:gb]]
    cl = p.CL[ga:gb] if not off else [c + off for c in p.CL[ga:gb]]
    out.extend(map(PlacedGlyph, p.GID[ga:gb], xs, ys, cl))
    return pen, natural, overflow
