"""Flowing a board's text into its body frame: size fitting, vertical rhythm, pagination.

In:  the board's blocks (:mod:`signkit.text.markdown`: headings, paragraphs, articles,
     items; in legal mode chapters, sections, 第X条 articles, 款, （一） items; the adoption
     note), the body frame in mm and a :class:`FlowStyle` (faces, colours, the smallest and
     largest body character height, ratios, gaps, the house style).
Out: a :class:`FlowLayout`: the chosen body size and one :class:`FlowPage` per board of the
     series, each a tuple of positioned lines (:class:`~signkit.ir.Glyphs`, one per
     line, so every line keeps its text for search and checks).

The rules:
- **Fitting.** The body character height is the largest step (``step_mm``) from
  ``max_char_mm`` down to ``min_char_mm`` at which everything fits one board.  Headings and
  figures keep their ratios to it (headings never below ``heading_min_char_mm``: a brand
  whose heading colour passes the contrast rule only as large text keeps them large).  If
  the text does not fit one board even at the minimum, it becomes a series: the fewest
  boards it fits at the minimum, then the largest size at which it still fits that many.
- **Vertical rhythm.** A baseline grid per board with unit ``u`` = half the body line pitch:
  body lines advance 2u; paragraphs are ``paragraph_gap`` units apart, sections open with
  ``section_gap`` units, a heading takes the whole units its own pitch needs.  Legal text
  has its own steps: ``chapter_gap`` before 第X章 (one unit after it), ``article_gap``
  before 第X条, ``clause_gap`` before a further 款, ``item_gap`` before （一） items.
- **Legal text** (:class:`~signkit.text.markdown.Chapter` …): 第X章 and 第X节 centred in the
  heading face; the 第X条 label drawn in the heading face (黑体), run in (``第二条　正文``,
  the first line indented two characters, as laws are printed) or hanging (``article_label``
  = ``"hanging"``: the label in a box as wide as the board's widest, the article's text
  and its 款 and 项 in a column beside it); 款 and 项 indented two characters; the
  adoption note centred, smaller (``note_ratio``), in the body face (楷体 is not bundled).
- **Page breaks** fall between paragraphs only (a heading, an article, a 款, an item):
  a heading stays with what follows it and a 第X条 with its first （一）.  Only a
  paragraph longer than a whole board is split, at the last sentence end that fits (or,
  with no sentence end that fits, at a line end); :attr:`FlowLayout.splits` says where, for
  the report.
- **Paragraph setting** is :mod:`signkit.text.paragraph` (CLREQ) with the brand's house
  style: prose with a two-character first-line indent, articles and items with hanging
  indents whose labels share one width.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..ir import Glyphs, Item as IRItem, Paint, PlacedGlyph, Rect, TextFit
from ..text.breaking import CLOSE, SENTENCE_STOPS
from ..text.fonts import Face
from ..text.markdown import (Article, Block, Chapter, Clause, Heading, Item, LegalArticle, LegalItem, Note,
                             Section)
from ..text.paragraph import measure_paragraph, set_paragraph
from ..text.shape import shape
from ..text.style import HouseStyle, resolve
from .figures import FIGURE, FIGURE_COLUMN_EM, FIGURES_PER_ROW, draw_figures, figure_height

HEADINGS = ("heading", "chapter", "section")
# a sentence ends after 。？！ and the closing marks that follow them
_SENTENCE_END = re.compile(rf"[{re.escape(SENTENCE_STOPS)}][{re.escape(CLOSE)}]*")


@dataclass(frozen=True, slots=True)
class FlowStyle:
    body: Face
    heading: Face
    figure: Face
    body_fill: Paint
    heading_fill: Paint
    figure_fill: Paint
    min_char_mm: float
    max_char_mm: float
    step_mm: float = 0.5
    leading: float = 1.7  # body line pitch ÷ body size (em)
    heading_ratio: float = 1.3  # heading character height ÷ body character height
    figure_ratio: float = 2.6  # figure values ÷ body
    paragraph_gap: int = 1  # grid units (half a body line)
    section_gap: int = 2
    first_indent_em: float = 2.0
    figures: bool = False  # items written "名称：数值" become highlighted figures
    hang_punctuation: bool = False  # a final 。，、 may hang past the frame (CLREQ §3.1.7; rare in Chinese)
    line_chars: tuple[int, int] | None = None  # keep the measure between these many characters a line
    unit_ratio: float = 0.45  # a figure's unit (户, 人, 万元, %) ÷ its number
    rule: Paint | None = None  # dividers between figure columns (None: the figure colour)
    house: HouseStyle | None = None  # the brand's house style (None: the 党政 defaults)
    chapter_gap: int = 3  # grid units before 第X章 (one more follows it)
    article_gap: int = 1  # before 第X条
    clause_gap: int = 0  # before a further 款 of an article
    item_gap: int = 0  # before a （一） item
    article_label: str = "run-in"  # run-in | hanging
    note_ratio: float = 0.8  # the adoption note ÷ body
    heading_min_char_mm: float = 0.0  # headings never smaller (the contrast rule's large text)
    heading_small_fill: Paint | None = None  # headings smaller than large_text_mm take this colour
    large_text_mm: float = 0.0


@dataclass(frozen=True, slots=True)
class Para:
    """One block as the flow sets it (or a piece of a long one)."""

    block: int  # index of its block (source line, figure text)
    kind: str  # body | note | heading | chapter | section | figure
    text: str
    ratio: float = 1.0  # size ÷ body size
    gap: int = 0  # grid units before it when it is not the first on a board
    keep: bool = False  # keep it on one board with the next
    indent_em: float = 0.0  # first-line indent
    label: str = ""  # a hanging label (set_paragraph's)
    label_gap_em: float = 0.0
    label_width_em: float | None = None
    bold: int = 0  # the first characters drawn in the heading face (the 第X条 label)
    align: str = "left"  # left | center (centred lines; a justified one centres its last line)
    justify: bool = True
    shift_em: float = 0.0  # the whole paragraph starts this far in (hanging column, continued piece)
    inset_em: float = 0.0  # the measure is this much narrower on each side (the note)
    label_left: bool = False  # the label sits at the left of its box (legal labels)
    piece: int = 0  # 0: whole or first piece; n: the n-th continuation after a split
    splittable: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    """One unit of vertical space: a set line, or a row of figures."""

    kind: str  # body | note | heading | chapter | section | figures
    units: int  # height in grid units
    gap: int  # grid units before it when it is not the first row of a board
    nth: int  # line number within its paragraph
    members: tuple[int, ...] = ()  # figures: the blocks shown side by side
    columns: int = 1  # figures: the band's equal columns (every row of a band has as many)


@dataclass(frozen=True, slots=True)
class FlowPage:
    items: tuple[IRItem, ...]
    used_mm: float
    fill: float  # used height ÷ frame height
    continues: str = ""  # "file:line" of a paragraph split at this board's head ("": none)


@dataclass(frozen=True, slots=True)
class Split:
    """A paragraph longer than a board, continued on the next one."""

    page: int  # the board (1-based) whose head continues it
    source: str  # file:line of the paragraph
    at_sentence: bool  # True: at a sentence end; False: no sentence end fitted, at a line end


@dataclass(frozen=True, slots=True)
class FlowLayout:
    char_height_mm: float  # body character height, as drawn
    size_mm: float  # body font size (em)
    pages: tuple[FlowPage, ...]
    fits: bool  # False: a line cannot be set at all (a unit wider than the measure)
    splits: tuple[Split, ...] = ()


def fit_flow(blocks: Sequence[Block], frame: Rect, style: FlowStyle, *, id_prefix: str, source: str) -> FlowLayout:
    ratio = style.body.face_height_em
    if style.line_chars:  # a measure of so many characters: only the sizes that give it
        fewest, most = style.line_chars
        low, high = max(style.min_char_mm, ratio * frame.width / most), min(style.max_char_mm, ratio * frame.width / fewest)
        if low <= high:
            style = dataclasses.replace(style, min_char_mm=low, max_char_mm=high)
    paras = _paras(blocks, style)
    steps = _steps(style)

    def count(c: float) -> int:
        return len(_Flow(paras, frame, style, c / ratio, placed=False).pages)

    one = _largest(steps, lambda c: count(c) <= 1)
    if one is None:  # a series: the fewest boards at the minimum, then the largest size for that many
        fewest = count(steps[-1])
        one = _largest(steps, lambda c: count(c) <= fewest) or steps[-1]
    size = one / ratio
    flow = _Flow(paras, frame, style, size, placed=True)
    u = _unit(style, size)
    rows = [row for page in flow.pages for _, chunk in page for row in chunk]
    texts = (lambda b: blocks[b].text)
    figure_mm = figure_height(rows, texts, frame, style, one) if style.figures else 0.0
    out = []
    for page_no, page in enumerate(flow.pages):
        items: list[IRItem] = []
        y = frame.y
        for i, (para, row) in enumerate((para, row) for para, chunk in page for row in chunk):
            if i:
                y += row.gap * u
            line_source = f"{source}:{getattr(blocks[para.block], 'line', '?')}"
            item_id = f"{id_prefix}-b{para.block}-{para.piece}-{row.nth}" if para.piece else \
                f"{id_prefix}-b{para.block}-{row.nth}"
            if row.kind == "figures":
                items.extend(draw_figures(row, y, frame, style, size, u, one, item_id,
                                          lambda b: f"{source}:{blocks[b].line}", texts, figure_mm))
            else:
                items.extend(_draw_row(para, row, flow.sets[para], y, frame, style, size, u, one, item_id, line_source))
            y += row.units * u
        used = y - frame.y
        first = page[0][0] if page else None
        continues = f"{source}:{blocks[first.block].line}" if first is not None and first.piece else ""
        out.append(FlowPage(tuple(items), used, used / frame.height if frame.height else 0.0, continues))
    splits = tuple(Split(n + 1, f"{source}:{blocks[page[0][0].block].line}", flow.at_sentence[page[0][0]])
                   for n, page in enumerate(flow.pages) if page and page[0][0].piece)
    fits = all(s.fits for s in flow.sets.values())
    return FlowLayout(one, size, tuple(out), fits, splits)


# -- fitting -------------------------------------------------------------------------------

def _steps(style: FlowStyle) -> list[float]:
    """Character heights from the largest to the smallest allowed, ``step_mm`` apart."""
    count = max(0, int(math.floor((style.max_char_mm - style.min_char_mm) / style.step_mm + 1e-9)))
    return [round(style.max_char_mm - i * style.step_mm, 6) for i in range(count + 1)] + \
        ([style.min_char_mm] if (style.max_char_mm - style.min_char_mm) % style.step_mm > 1e-9 else [])


def _largest(steps: list[float], ok) -> float | None:
    """The first (largest) step for which ``ok`` holds, by bisection (``ok`` is monotone)."""
    lo, hi = 0, len(steps)
    while lo < hi:
        mid = (lo + hi) // 2
        if ok(steps[mid]):
            hi = mid
        else:
            lo = mid + 1
    return steps[lo] if lo < len(steps) else None


def _unit(style: FlowStyle, size: float) -> float:
    return style.leading * size / 2


# -- blocks → paragraphs (size-independent) ----------------------------------------------------

def _paras(blocks: Sequence[Block], style: FlowStyle) -> list[Para]:
    body = style.body
    label_em = _label_width_em(body, tuple(b.label for b in blocks if isinstance(b, (Article, Item))))
    legal_em = _label_width_em(body, tuple(b.label for b in blocks if isinstance(b, LegalArticle)))
    hanging = style.article_label == "hanging"
    column = (legal_em or 0.0) + 1.0 if hanging else 0.0  # where a hanging article's text begins, em
    indent = style.first_indent_em
    out: list[Para] = []
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(block, Chapter):
            para = Para(i, "chapter", block.text, style.heading_ratio, style.chapter_gap, True, align="center",
                        justify=False)
        elif isinstance(block, Section):
            para = Para(i, "section", block.text, 1.0, style.section_gap, True, align="center", justify=False)
        elif isinstance(block, Heading):
            para = Para(i, "heading", block.text, style.heading_ratio, style.section_gap, True, justify=False)
        elif style.figures and isinstance(block, Item) and FIGURE.match(block.text):
            para = Para(i, "figure", block.text, gap=style.paragraph_gap)
        elif isinstance(block, Note):
            para = Para(i, "note", block.text, style.note_ratio, style.paragraph_gap, align="center",
                        inset_em=2.0, splittable=True)
        elif isinstance(block, LegalArticle):
            # 第X条 keeps its first （一） on its board
            keep = isinstance(nxt, LegalItem) and nxt.article == block.label
            if hanging:
                para = Para(i, "body", block.body, 1.0, style.article_gap, keep, label=block.label, label_gap_em=1.0,
                            label_width_em=legal_em, bold=len(block.label), label_left=True, splittable=True)
            else:
                para = Para(i, "body", block.text, 1.0, style.article_gap, keep, indent, bold=len(block.label),
                            splittable=True)
        elif isinstance(block, (Clause, LegalItem)):
            gap = style.item_gap if isinstance(block, LegalItem) else style.clause_gap
            para = Para(i, "body", block.text, 1.0, gap, False, indent, shift_em=column if block.article else 0.0,
                        splittable=True)
        elif isinstance(block, (Article, Item)):
            para = Para(i, "body", block.text, 1.0, style.paragraph_gap, label=block.label, label_gap_em=0.35,
                        label_width_em=label_em, splittable=True)
        else:
            para = Para(i, "body", block.text, 1.0, style.paragraph_gap, False, indent, splittable=True)
        previous = out[-1] if out else None
        if previous is not None and previous.kind in HEADINGS:  # what follows a heading: only its own space
            para = dataclasses.replace(para, gap=1 if previous.kind == "chapter" else 0)
        out.append(para)
    return out


@lru_cache(maxsize=256)
def _label_width_em(face: Face, labels: tuple[str, ...]) -> float | None:
    """One box for all labels of a board, so "9." and "10." start their text together."""
    if not labels:
        return None
    return max(shape(face, label).advance for label in labels) / face.units_per_em


# -- paragraphs → rows → boards ----------------------------------------------------------------

class _Flow:
    """The paragraphs set at one body size and paginated: ``pages`` are lists of (para, its rows);
    ``sets`` each para's set paragraph (when ``placed``)."""

    def __init__(self, paras: list[Para], frame: Rect, style: FlowStyle, size: float, *, placed: bool):
        self.frame, self.style, self.size, self.placed = frame, style, size, placed
        self.house = resolve(style.house)
        self.u = _unit(style, size)
        self.capacity = int(math.floor(frame.height / self.u + 1e-6))
        self.sets: dict[Para, object] = {}
        self.at_sentence: dict[Para, bool] = {}
        self.paras = list(paras)
        self.chunks = _band_columns(self._all_rows())
        self.units = [len(rows) * rows[0].units if rows else 0 for rows in self.chunks]  # a chunk's rows are alike
        self.pages: list[list[tuple[Para, list[Row]]]] = self._paginate()

    # sizes and setting
    def psize(self, para: Para) -> float:
        size = self.size * para.ratio
        if para.kind in HEADINGS and self.style.heading_min_char_mm:
            size = max(size, self.style.heading_min_char_mm / self.style.heading.face_height_em)
        return size

    def face(self, para: Para) -> Face:
        return self.style.heading if para.kind in HEADINGS else self.style.body

    def kwargs(self, para: Para) -> dict:
        size = self.psize(para)
        kw = dict(size_mm=size, width_mm=self.frame.width - (para.shift_em + 2 * para.inset_em) * size,
                  first_indent_em=para.indent_em, justify=para.justify, style=self.house,
                  hang_punctuation=self.style.hang_punctuation and para.kind == "body")
        if para.label:
            kw.update(label=para.label, label_gap_em=para.label_gap_em, label_width_em=para.label_width_em)
        return kw

    def lines(self, para: Para) -> int:
        if self.placed:
            if para not in self.sets:
                self.sets[para] = set_paragraph(self.face(para), para.text, **self.kwargs(para))
            return len(self.sets[para].lines)
        return measure_paragraph(self.face(para), para.text, **self.kwargs(para)).line_count

    def rows(self, para: Para) -> list[Row]:
        if para.kind == "figure":
            units = math.ceil((self.style.figure_ratio * 1.2 + self.style.leading) * self.size / self.u)
            return [Row("figures", units, para.gap, 0, (para.block,))]
        count = self.lines(para)
        if para.kind in HEADINGS:
            units = max(2, math.ceil(self.style.leading * self.psize(para) / self.u - 1e-9))
        else:
            units = 2
        return [Row(para.kind, units, para.gap if n == 0 else 0, n) for n in range(count)]

    def _all_rows(self) -> list[list[Row]]:
        """Rows per paragraph; consecutive figures share rows of up to as many as fit across."""
        per_row = max(1, min(FIGURES_PER_ROW, int(self.frame.width / (FIGURE_COLUMN_EM * self.size))))
        chunks: list[list[Row]] = []
        for index, para in enumerate(self.paras):
            rows = self.rows(para)
            if para.kind == "figure" and index and self.paras[index - 1].kind == "figure":
                owner = next(k for k in range(index - 1, -1, -1) if chunks[k])
                last = chunks[owner][-1]
                if len(last.members) < per_row:  # joins the figure row above
                    chunks[owner][-1] = dataclasses.replace(last, members=last.members + rows[0].members)
                    rows = []
            chunks.append(rows)
        return chunks

    def span(self, a: int, b: int, on_top: bool) -> int:
        """Grid units paragraphs ``a``…``b`` take on a board (the first one's gap unless on top)."""
        total, gap = 0, None
        for k in range(a, b + 1):
            total += self.units[k]
            if gap is None and self.chunks[k]:
                gap = self.chunks[k][0].gap
        return total + (gap if gap and not on_top else 0)

    # pagination
    def _paginate(self) -> list[list[tuple[Para, Row]]]:
        cap = self.capacity
        pages: list[list[tuple[Para, list[Row]]]] = [[]]
        used = 0

        def place(k: int) -> None:
            nonlocal used
            if self.chunks[k]:  # (a figure that joined the row above has none)
                used += self.span(k, k, not pages[-1])
                pages[-1].append((self.paras[k], self.chunks[k]))

        def new_page() -> None:
            nonlocal used
            pages.append([])
            used = 0

        i = 0
        while i < len(self.paras):
            j = i
            while self.paras[j].keep and j + 1 < len(self.paras):
                j += 1
            if used + self.span(i, j, not pages[-1]) <= cap:
                for k in range(i, j + 1):
                    place(k)
                i = j + 1
                continue
            if pages[-1] and self.span(i, j, True) <= cap:
                new_page()
                continue
            # the chain is taller than a board: its paragraphs one by one, the one that overflows split
            k = i
            while k <= j:
                need = self.span(k, k, not pages[-1])
                if used + need <= cap:
                    place(k)
                    k += 1
                    continue
                room = cap - used - (self.chunks[k][0].gap if pages[-1] and self.chunks[k] else 0)
                longer = self.span(k, k, True) > cap  # only a paragraph longer than a board is split
                if longer and self.paras[k].splittable and self._split(k, room, whole_board=not pages[-1]):
                    j += 1
                    place(k)
                    new_page()
                    k += 1
                    continue
                if pages[-1]:
                    # to the next board; what is kept with it (a heading, 第X条) goes along
                    back = k
                    while back > i and self.paras[back - 1].keep:
                        back -= 1
                    moved = sum(1 for m in range(back, k) if self.chunks[m])
                    if moved < len(pages[-1]):
                        del pages[-1][len(pages[-1]) - moved:]
                        k = back
                    new_page()
                    continue
                place(k)  # taller than a board and not splittable (a heading, a figure row): as it is
                k += 1
            i = k
        return [p for p in pages if p]

    def _split(self, k: int, room: int, *, whole_board: bool) -> bool:
        """Split paragraph ``k`` so that its first piece takes at most ``room`` grid units:
        at the last sentence end that fits, else (on an empty board) at a line end."""
        para = self.paras[k]
        fit_lines = room // 2
        if fit_lines < 1:
            return False
        text = para.text
        ends = [m.end() for m in _SENTENCE_END.finditer(text) if m.end() < len(text.rstrip())]
        lo, hi, best = 0, len(ends) - 1, None
        while lo <= hi:  # the longest prefix ending a sentence that fits (line counts grow with it)
            mid = (lo + hi) // 2
            if self._count(dataclasses.replace(para, text=text[:ends[mid]])) <= fit_lines:
                best, lo = ends[mid], mid + 1
            else:
                hi = mid - 1
        at_sentence = best is not None
        if best is None:
            if not whole_board:
                return False
            starts = measure_paragraph(self.face(para), text, **self.kwargs(para)).starts
            if len(starts) <= fit_lines:
                return False
            best = starts[fit_lines]
        first = dataclasses.replace(para, text=text[:best], keep=False)
        rest = dataclasses.replace(para, text=text[best:].lstrip(" \u3000"), indent_em=0.0, label="", bold=0,
                                   gap=0, shift_em=para.shift_em + self._text_x_em(para), piece=para.piece + 1)
        self.paras[k:k + 1] = [first, rest]
        self.chunks[k:k + 1] = [self.rows(first), self.rows(rest)]
        self.units[k:k + 1] = [len(rows) * rows[0].units if rows else 0 for rows in self.chunks[k:k + 2]]
        self.at_sentence[rest] = at_sentence
        return True

    def _count(self, para: Para) -> int:
        return measure_paragraph(self.face(para), para.text, **self.kwargs(para)).line_count

    def _text_x_em(self, para: Para) -> float:
        """Where the text after a hanging label begins, em (0 without a label)."""
        if not para.label:
            return 0.0
        kw = self.kwargs(para)
        return set_paragraph(self.face(para), "国", **{**kw, "size_mm": 1.0, "width_mm": 1e3}).text_x_mm


def _band_columns(chunks: list[list[Row]]) -> list[list[Row]]:
    """Every row of a band of figures (consecutive figure rows) gets the band's column count."""
    flat = [(c, r) for c, rows in enumerate(chunks) for r in range(len(rows))]
    i = 0
    while i < len(flat):
        c, r = flat[i]
        if chunks[c][r].kind != "figures":
            i += 1
            continue
        j = i
        while j < len(flat) and chunks[flat[j][0]][flat[j][1]].kind == "figures":
            j += 1
        columns = max(len(chunks[a][b].members) for a, b in flat[i:j])
        for a, b in flat[i:j]:
            chunks[a][b] = dataclasses.replace(chunks[a][b], columns=columns)
        i = j
    return chunks


# -- drawing --------------------------------------------------------------------------------

def _draw_row(para: Para, row: Row, setting, y: float, frame: Rect, style: FlowStyle, size: float, u: float,
              char_height: float, item_id: str, source: str) -> list[IRItem]:
    heading = para.kind in HEADINGS
    face = style.heading if heading else style.body
    line = setting.lines[row.nth]
    em = setting.size_mm
    char = em * face.face_height_em
    fill = style.heading_fill if heading else style.body_fill
    if heading and style.heading_small_fill is not None and char < style.large_text_mm - 1e-9:
        fill = style.heading_small_fill  # the brand's heading colour for sizes below large text
    box_h = row.units * u
    baseline = y + (box_h - em) / 2 + em * face.ascender / face.units_per_em
    left = frame.x + (para.shift_em + para.inset_em) * em
    avail = setting.width_mm
    if para.align == "center" and (not para.justify or line.last):
        left += (avail - line.width_mm) / 2 - line.x_mm
    drawn = line.glyphs if not (row.nth == 0 and para.bold) else [g for g in line.glyphs if g.cluster >= para.bold]
    start = line.start
    glyphs = tuple(PlacedGlyph(g.gid, left + g.x, baseline + g.y, g.cluster - start) for g in drawn)
    # a hanging 。，、 sits in the margin by design: its frame reaches one em further
    allowed = Rect(frame.x, frame.y, frame.width + (em if line.hanging else 0.0), frame.height)
    fit = TextFit(frame=allowed, char_height_mm=char, min_char_height_mm=style.min_char_mm,
                  max_char_height_mm=style.max_char_mm * (para.ratio if heading else 1.0),
                  fits=line.overflow_mm == 0)
    role = "secondary" if para.kind == "note" else "primary"  # the adoption note is read as a footnote (PL-08)
    out: list[IRItem] = [Glyphs(item_id, face, em, glyphs, fill, line.text, source=source, fit=fit, role=role)]
    if row.nth == 0 and para.bold:
        out.append(_bold_label(para, line, setting, left, baseline, style, em, item_id, source, fit))
    if row.nth == 0 and setting.label_glyphs and abs(setting.label_size_mm - em) > 1e-9:
        # a bullet drawn at its own size (house style), not part of the line's glyphs
        label = tuple(PlacedGlyph(g.gid, left + g.x, baseline + g.y, 0) for g in setting.label_glyphs)
        out.append(Glyphs(f"{item_id}-label", face, setting.label_size_mm, label, fill,
                          setting.label, source=source, fit=fit, role="mark"))
    return out


def _bold_label(para: Para, line, setting, left: float, baseline: float, style: FlowStyle, em: float,
                item_id: str, source: str, fit: TextFit) -> Glyphs:
    """The 第X条 label in the heading face, where the body face set it (its characters are
    one em wide in both), or at the left of its box (hanging labels).  Its words are in the
    line's own text: the run is a mark, not read twice."""
    text = setting.text[:para.bold]
    label_face = style.heading
    shaped = shape(label_face, text).glyphs
    scale = em / label_face.units_per_em
    body_x = {g.cluster: g.x for g in line.glyphs if g.cluster < para.bold}
    placed, pen = [], left + line.x_mm
    for g in shaped:
        x = pen if para.label_left or g.cluster not in body_x else left + body_x[g.cluster]
        placed.append(PlacedGlyph(g.gid, x + g.x_offset * scale, baseline - g.y_offset * scale, g.cluster))
        pen += g.x_advance * scale
    return Glyphs(f"{item_id}-article", label_face, em, tuple(placed), style.body_fill, text, source=source, fit=fit,
                  role="mark")
