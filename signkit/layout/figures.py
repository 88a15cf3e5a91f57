"""The statistics band of a showcase: items written "名称：数值" set as highlighted figures.

In:  the figure items of a flow (their text), the flow's style and body size, the band's row.
Out: IR items: every figure of the board at one size (the largest at which the widest fits
     its column, at most ``figure_ratio`` × body), Arabic numerals (:mod:`signkit.text.figures`),
     the unit at ``unit_ratio`` of the number on its baseline, the name under it in the body
     size, fine dividers between equal columns.  :mod:`.flow` decides where the band goes.
"""

from __future__ import annotations

import re

from ..ir import Glyphs, Item as IRItem, Path, PlacedGlyph, Rect, Shape, TextFit
from ..text.figures import split_figure
from ..text.fonts import Face
from ..text.line import LineSpec, set_line
from ..text.shape import shape

FIGURE = re.compile(r"^(?P<label>[^：:]{2,12})[：:](?P<value>.+)$")
FIGURES_PER_ROW = 4
FIGURE_COLUMN_EM = 8  # a figure's column is at least this many body ems wide (fewer per row in a narrow column)
FIGURE_PAD = 0.08  # share of a column kept clear on each side of its figure


def _figure_parts(text: str) -> tuple[str, str, str]:
    """(prefix, number, unit) of a figure's value; a value without a number is all number."""
    fig = split_figure(text)
    return (fig.prefix, fig.number, fig.unit) if fig else ("", text, "")


def _figure_width(style, text: str, height: float) -> float:
    """Width (mm) of a figure's value with its number ``height`` tall (ideographic face)."""
    prefix, number, unit = _figure_parts(text)
    small = height * style.unit_ratio
    return (_advance(style.heading, prefix, small) + _advance(style.figure, number, height)
            + (_advance(style.heading, unit, small) + small * 0.15 if unit else 0.0))


def _advance(face: Face, text: str, char_height: float) -> float:
    if not text:
        return 0.0
    return shape(face, text).advance / face.units_per_em * char_height / face.face_height_em


def figure_height(rows, texts, frame: Rect, style, char_height: float) -> float:
    """One height for every figure of the board (``texts``: item index → its text)."""
    best = style.figure_ratio * char_height
    for row in rows:
        if row.kind != "figures":
            continue
        inner = frame.width / row.columns * (1 - 2 * FIGURE_PAD)
        for index in row.members:
            match = FIGURE.match(texts(index))
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


def draw_figures(row, y: float, frame: Rect, style, size: float, u: float, char_height: float,
                 item_id: str, sources, texts, figure_mm: float) -> list[IRItem]:
    """The row's figures side by side (``sources``/``texts``: item index → source, text)."""
    out: list[IRItem] = []
    col_w = frame.width / row.columns
    fig_h = figure_mm or style.figure_ratio * char_height
    band_h = row.units * u
    value_box = style.figure_ratio * char_height * 1.2  # the band keeps its rhythm whatever the figure size
    rule = style.rule or style.figure_fill
    for n, index in enumerate(row.members):
        match = FIGURE.match(texts(index))
        assert match is not None
        x = frame.x + n * col_w
        line_source = sources(index)
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
