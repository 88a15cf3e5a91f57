"""Flowing a board's text into its body frame: size fitting, vertical rhythm, pagination.

In:  the board's blocks (:mod:`signkit.text.markdown`: headings, paragraphs, articles,
     items), the body frame in mm and a :class:`FlowStyle` (faces, colours, the smallest and
     largest body character height, ratios, gaps).
Out: a :class:`FlowLayout`: the chosen body size and one :class:`FlowPage` per board of the
     series, each a tuple of positioned lines (:class:`~signkit.ir.Glyphs`, one per
     line, so every line keeps its text for search and checks).

The rules:
- **Fitting.** The body character height is the largest step (``step_mm``) from
  ``max_char_mm`` down to ``min_char_mm`` at which everything fits one board.  Headings and
  figures keep their ratios to it.  If the text does not fit one board even at the minimum,
  it becomes a series: the fewest boards it fits at the minimum, then the largest size at
  which it still fits that many.
- **Vertical rhythm.** A baseline grid per board with unit ``u`` = half the body line pitch:
  body lines advance 2u, paragraphs are ``paragraph_gap`` units apart, sections open with
  ``section_gap`` units, a heading takes the whole units its own pitch needs.
- **Page breaks.** Never after a heading (it moves to the next board with what follows),
  never leaving one line of a paragraph of three or more alone at a board's foot or head.
  Articles keep their numbers because a number is set on its article's first line.
- **Paragraph setting** is :mod:`signkit.text.paragraph` (CLREQ): prose with a two-character
  first-line indent, articles and items with hanging indents whose labels share one width.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..text.figures import split_figure
from ..text.fonts import Face
from ..text.line import LineSpec, set_line
from ..text.markdown import Article, Block, Heading, Item, Paragraph
from ..text.paragraph import measure_paragraph, set_paragraph
from ..text.shape import shape
from ..ir import Glyphs, Item as IRItem, Paint, Path, PlacedGlyph, Rect, Shape, TextFit

FIGURE = re.compile(r"^(?P<label>[^：:]{2,12})[：:](?P<value>.+)$")
FIGURES_PER_ROW = 4
FIGURE_COLUMN_EM = 8  # a figure's column is at least this many body ems wide (fewer per row in a narrow column)


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


@dataclass(frozen=True, slots=True)
class Row:
    """One unit of vertical space: a set line, or a row of figures."""

    block: int  # index of the block it belongs to
    kind: str  # body | heading | figures
    units: int  # height in grid units
    gap: int  # grid units before it when it is not the first row of a board
    nth: int  # line number within its block
    lines_in_block: int
    members: tuple[int, ...] = ()  # figures: the items shown side by side
    columns: int = 1  # figures: the band's equal columns (every row of a band has as many)


@dataclass(frozen=True, slots=True)
class FlowPage:
    items: tuple[IRItem, ...]
    used_mm: float
    fill: float  # used height ÷ frame height


@dataclass(frozen=True, slots=True)
class FlowLayout:
    char_height_mm: float  # body character height, as drawn
    size_mm: float  # body font size (em)
    pages: tuple[FlowPage, ...]
    fits: bool  # False: a line cannot be set at all (a unit wider than the measure)


def fit_flow(blocks: Sequence[Block], frame: Rect, style: FlowStyle, *, id_prefix: str, source: str) -> FlowLayout:
    ratio = style.body.face_height_em
    if style.line_chars:  # a measure of so many characters: only the sizes that give it
        fewest, most = style.line_chars
        low, high = max(style.min_char_mm, ratio * frame.width / most), min(style.max_char_mm, ratio * frame.width / fewest)
        if low <= high:
            style = dataclasses.replace(style, min_char_mm=low, max_char_mm=high)
    steps = _steps(style)
    one = _largest(steps, lambda c: _page_count(blocks, frame, style, c / ratio) <= 1)
    if one is None:  # a series: the fewest boards at the minimum, then the largest size for that many
        count = _page_count(blocks, frame, style, steps[-1] / ratio)
        one = _largest(steps, lambda c: _page_count(blocks, frame, style, c / ratio) <= count) or steps[-1]
    size = one / ratio
    rows, sets = _rows(blocks, frame, style, size, placed=True)
    pages = _paginate(rows, _capacity(frame, style, size))
    u = _unit(style, size)
    figure_mm = _figure_height(rows, blocks, frame, style, one)
    out = []
    for page_no, page in enumerate(pages):
        items: list[IRItem] = []
        y = frame.y
        for i, row in enumerate(page):
            if i:
                y += row.gap * u
            items.extend(_draw_row(row, sets.get(row.block), y, frame, style, size, u, one,
                                   f"{id_prefix}-b{row.block}-{row.nth}", source, blocks, figure_mm))
            y += row.units * u
        used = y - frame.y
        out.append(FlowPage(tuple(items), used, used / frame.height if frame.height else 0.0))
    fits = all(s.fits for s in sets.values())
    return FlowLayout(one, size, tuple(out), fits)


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


def _page_count(blocks, frame: Rect, style: FlowStyle, size: float) -> int:
    rows, _ = _rows(blocks, frame, style, size, placed=False)
    return len(_paginate(rows, _capacity(frame, style, size)))


def _unit(style: FlowStyle, size: float) -> float:
    return style.leading * size / 2


def _capacity(frame: Rect, style: FlowStyle, size: float) -> int:
    return int(math.floor(frame.height / _unit(style, size) + 1e-6))


# -- blocks → rows ---------------------------------------------------------------------------

def _rows(blocks, frame: Rect, style: FlowStyle, size: float, *, placed: bool):
    """Rows in reading order, and (when ``placed``) each block's set paragraph."""
    u = _unit(style, size)
    label_em = _label_width_em(style.body, tuple(b.label for b in blocks if isinstance(b, (Article, Item))))
    rows: list[Row] = []
    sets: dict[int, object] = {}
    previous = None
    for i, block in enumerate(blocks):
        if isinstance(block, Heading):
            hsize = size * style.heading_ratio
            units = max(2, math.ceil(style.leading * hsize / u - 1e-9))
            kwargs = dict(size_mm=hsize, width_mm=frame.width, justify=False)
            count = _count(style.heading, block.text, placed, sets, i, kwargs)
            gap = style.section_gap
            rows += [Row(i, "heading", units, gap if n == 0 else 0, n, count) for n in range(count)]
        elif style.figures and isinstance(block, Item) and FIGURE.match(block.text):
            per_row = max(1, min(FIGURES_PER_ROW, int(frame.width / (FIGURE_COLUMN_EM * size))))
            if previous == "figures" and len(rows[-1].members) < per_row:
                rows[-1] = dataclasses.replace(rows[-1], members=rows[-1].members + (i,))
                continue  # joins the figure row above
            units = math.ceil((style.figure_ratio * 1.2 + style.leading) * size / u)
            gap = style.paragraph_gap if previous not in (None, "heading") else 0
            rows.append(Row(i, "figures", units, gap, 0, 1, (i,)))
            previous = "figures"
            continue
        else:
            kwargs = dict(size_mm=size, width_mm=frame.width, hang_punctuation=style.hang_punctuation)
            if isinstance(block, Paragraph):
                kwargs["first_indent_em"] = style.first_indent_em
            else:
                kwargs.update(label=block.label, label_gap_em=0.35, label_width_em=label_em)
            count = _count(style.body, block.text, placed, sets, i, kwargs)
            gap = style.paragraph_gap if previous not in (None, "heading") else 0
            rows += [Row(i, "body", 2, gap if n == 0 else 0, n, count) for n in range(count)]
        previous = "heading" if isinstance(block, Heading) else "body"
    return _band_columns(rows), sets


def _band_columns(rows: list[Row]) -> list[Row]:
    """Every row of a band of figures (consecutive figure rows) gets the band's column count."""
    out = list(rows)
    i = 0
    while i < len(out):
        if out[i].kind != "figures":
            i += 1
            continue
        j = i
        while j < len(out) and out[j].kind == "figures":
            j += 1
        columns = max(len(r.members) for r in out[i:j])
        for k in range(i, j):
            out[k] = dataclasses.replace(out[k], columns=columns)
        i = j
    return out


def _count(face: Face, text: str, placed: bool, sets: dict, index: int, kwargs: dict) -> int:
    if placed:
        result = set_paragraph(face, text, **kwargs)
        sets[index] = result
        return len(result.lines)
    return measure_paragraph(face, text, **kwargs).line_count


@lru_cache(maxsize=256)
def _label_width_em(face: Face, labels: tuple[str, ...]) -> float | None:
    """One box for all labels of a board, so "9." and "10." start their text together."""
    if not labels:
        return None
    return max(shape(face, label).advance for label in labels) / face.units_per_em


# -- rows → boards ---------------------------------------------------------------------------

def _paginate(rows: list[Row], capacity: int) -> list[list[Row]]:
    pages: list[list[Row]] = [[]]
    used = 0
    i = 0
    while i < len(rows):
        row = rows[i]
        need = row.units + (row.gap if pages[-1] else 0)
        if used + need <= capacity or not pages[-1]:
            pages[-1].append(row)
            used += need
            i += 1
            continue
        # the row does not fit: choose where this board ends, moving the break back if needed
        cut = len(pages[-1])
        while cut > 1 and not _good_break(pages[-1][cut - 1], pages[-1][cut] if cut < len(pages[-1]) else row):
            cut -= 1
        carried = pages[-1][cut:]
        pages[-1] = pages[-1][:cut]
        pages.append([])
        used = 0
        i -= len(carried)
    return [p for p in pages if p]


def _good_break(last: Row, first: Row) -> bool:
    """May a board end after ``last`` with ``first`` opening the next?"""
    if last.kind == "heading":
        return False  # never a heading at the foot of a board
    if first.block == last.block and last.lines_in_block >= 3:
        if last.nth < 1 or first.nth > first.lines_in_block - 2:
            return False  # no single line of a paragraph left alone
    return True


# -- drawing --------------------------------------------------------------------------------

def _draw_row(row: Row, setting, y: float, frame: Rect, style: FlowStyle, size: float, u: float,
              char_height: float, item_id: str, source: str, blocks, figure_mm: float = 0.0) -> list[IRItem]:
    block = blocks[row.block]
    line_source = f"{source}:{getattr(block, 'line', '?')}"
    if row.kind == "figures":
        return _draw_figures(row, y, frame, style, size, u, char_height, item_id, line_source, blocks, figure_mm)
    face = style.heading if row.kind == "heading" else style.body
    fill = style.heading_fill if row.kind == "heading" else style.body_fill
    line = setting.lines[row.nth]
    em = setting.size_mm
    box_h = row.units * u
    baseline = y + (box_h - em) / 2 + em * face.ascender / face.units_per_em
    glyphs = tuple(PlacedGlyph(g.gid, frame.x + g.x, baseline + g.y, g.cluster - line.start)
                   for g in line.glyphs)
    # a hanging 。，、 sits in the margin by design: its frame reaches one em further
    allowed = Rect(frame.x, frame.y, frame.width + (em if line.hanging else 0.0), frame.height)
    fit = TextFit(frame=allowed, char_height_mm=char_height * (style.heading_ratio if row.kind == "heading" else 1),
                  min_char_height_mm=style.min_char_mm, max_char_height_mm=style.max_char_mm,
                  fits=line.overflow_mm == 0)
    out: list[IRItem] = [Glyphs(item_id, face, em, glyphs, fill, line.text, source=line_source, fit=fit)]
    if row.nth == 0 and setting.label_glyphs and abs(setting.label_size_mm - em) > 1e-9:
        # a bullet drawn at its own size (house style), not part of the line's glyphs
        label = tuple(PlacedGlyph(g.gid, frame.x + g.x, baseline + g.y, 0) for g in setting.label_glyphs)
        out.append(Glyphs(f"{item_id}-label", face, setting.label_size_mm, label, fill,
                          setting.label, source=line_source, fit=fit, role="mark"))
    return out


# -- figures: the statistics band ---------------------------------------------------------------
# Items written "名称：数值" on a showcase: a band of equal columns with fine dividers, every
# figure of the board at one size (the largest at which the widest fits its column, at most
# figure_ratio × body), Arabic numerals (text/figures.py), the unit at unit_ratio of the
# number on its baseline, the name under it in the body size.

FIGURE_PAD = 0.08  # share of a column kept clear on each side of its figure


def _figure_parts(text: str) -> tuple[str, str, str]:
    """(prefix, number, unit) of a figure's value; a value without a number is all number."""
    fig = split_figure(text)
    return (fig.prefix, fig.number, fig.unit) if fig else ("", text, "")


def _figure_width(style: FlowStyle, text: str, height: float) -> float:
    """Width (mm) of a figure's value with its number ``height`` tall (ideographic face)."""
    prefix, number, unit = _figure_parts(text)
    small = height * style.unit_ratio
    return (_advance(style.heading, prefix, small) + _advance(style.figure, number, height)
            + (_advance(style.heading, unit, small) + small * 0.15 if unit else 0.0))


def _advance(face: Face, text: str, char_height: float) -> float:
    if not text:
        return 0.0
    return shape(face, text).advance / face.units_per_em * char_height / face.face_height_em


def _figure_height(rows: list[Row], blocks, frame: Rect, style: FlowStyle, char_height: float) -> float:
    """One height for every figure of the board."""
    best = style.figure_ratio * char_height
    for row in rows:
        if row.kind != "figures":
            continue
        inner = frame.width / row.columns * (1 - 2 * FIGURE_PAD)
        for index in row.members:
            match = FIGURE.match(blocks[index].text)
            assert match is not None
            width = _figure_width(style, match.group("value").strip(), 1.0)
            if width > 0:
                best = min(best, inner / width)
    return max(best, style.min_char_mm)


def _place_run(face: Face, text: str, x: float, baseline: float, char_height: float) -> tuple[tuple[PlacedGlyph, ...], float, float]:
    """Glyphs of ``text`` from ``x`` on ``baseline``: (glyphs, font size, advance), mm."""
    size = char_height / face.face_height_em
    scale = size / face.units_per_em
    placed = []
    for g in shape(face, text).glyphs:
        placed.append(PlacedGlyph(g.gid, x + g.x_offset * scale, baseline - g.y_offset * scale, g.cluster))
        x += g.x_advance * scale
    return tuple(placed), size, _advance(face, text, char_height)


def _draw_figures(row: Row, y: float, frame: Rect, style: FlowStyle, size: float, u: float, char_height: float,
                  item_id: str, source: str, blocks, figure_mm: float) -> list[IRItem]:
    out: list[IRItem] = []
    col_w = frame.width / row.columns
    fig_h = figure_mm or style.figure_ratio * char_height
    band_h = row.units * u
    value_box = style.figure_ratio * char_height * 1.2  # the band keeps its rhythm whatever the figure size
    rule = style.rule or style.figure_fill
    for n, index in enumerate(row.members):
        match = FIGURE.match(blocks[index].text)
        assert match is not None
        x = frame.x + n * col_w
        line_source = f"{source.rsplit(':', 1)[0]}:{blocks[index].line}"
        value = match.group("value").strip()
        prefix, number, unit = _figure_parts(value)
        small = fig_h * style.unit_ratio
        width = _figure_width(style, value, fig_h)
        left = x + (col_w - width) / 2
        face_top = _face_top(style.figure)
        baseline = y + (value_box - fig_h) / 2 + face_top * fig_h / style.figure.face_height_em
        cell = Rect(x, y, col_w, value_box)
        parts = [("prefix", style.heading, prefix, small), ("value", style.figure, number, fig_h),
                 ("unit", style.heading, unit, small)]
        for part, face, text, height in parts:
            if not text:
                continue
            if part == "unit":
                left += small * 0.15
            glyphs, fsize, advance = _place_run(face, text, left, baseline, height)
            # the number is read first; its unit and prefix are secondary text at unit_ratio of it
            least = style.min_char_mm * (1.0 if part == "value" else style.unit_ratio)
            fit = TextFit(frame=cell, char_height_mm=height, min_char_height_mm=least,
                          max_char_height_mm=style.figure_ratio * char_height, fits=height >= least - 1e-9)
            out.append(Glyphs(f"{item_id}-{n}-{part}", face, fsize, glyphs, style.figure_fill, text,
                              source=line_source, fit=fit, role="primary" if part == "value" else "secondary"))
            left += advance
        label = match.group("label").strip()
        label_frame = Rect(x + col_w * FIGURE_PAD, y + value_box, col_w * (1 - 2 * FIGURE_PAD), style.leading * size)
        spec = LineSpec(frame=label_frame, min_char_height_mm=style.min_char_mm, max_char_height_mm=char_height)
        line = set_line(style.body, label, spec)
        out.append(Glyphs(f"{item_id}-{n}-label", style.body, line.size_mm, line.glyphs, style.body_fill, label,
                          source=line_source, fit=line.fit))
        if n:  # a fine divider between columns
            out.append(Shape(f"{item_id}-{n}-divider", Path.rect(x - 0.5, y + band_h * 0.08, 1.0, band_h * 0.84),
                             fill=rule, source=line_source))
    return out


def _face_top(face: Face) -> float:
    """From the top of a full-face ideograph's ink to the baseline, em."""
    gid = face.hb_font.get_nominal_glyph(ord("国"))
    box = face.bounds(gid) if gid else None
    return (box[3] if box else face.ascender) / face.units_per_em
