"""Measuring a sheet the way it is drawn: text runs with their ink boxes and character
heights under the accumulated transform, the background behind a run, colour contrast.

In:  a :class:`~signkit.ir.Sheet`.
Out: plain numbers and boxes in the sheet's millimetres for the checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import assert_never

from ..ir import Glyphs, Group, Image, Matrix, Paint, Rect, Shape, Sheet, multiply, scale_of, transform_rect, walk


@dataclass(frozen=True, slots=True)
class Run:
    """A text run as drawn: the item, its ink box and character height in sheet mm."""

    glyphs: Glyphs
    matrix: Matrix
    ink: Rect
    char_height_mm: float  # the tallest glyph's ink, as drawn
    baselines_mm: tuple[float, ...]  # y of each glyph origin, sheet mm (y down)
    in_artwork: bool  # inside brand artwork (an emblem placeholder's label), not sign text
    background: Paint | None  # the fill painted behind the run's ink centre


_measured: list = [None, ()]  # the last sheet measured and its runs: every check of a sheet asks again


def text_runs(sheet: Sheet) -> tuple[Run, ...]:
    """Every text run of the sheet as drawn (measured once per sheet, whichever check asks)."""
    if _measured[0] is not sheet:
        _measured[:] = [sheet, tuple(_text_runs(sheet))]
    return _measured[1]


def _text_runs(sheet: Sheet) -> Iterator[Run]:
    fills: list[tuple[Rect, Paint]] = []  # filled shapes so far, in paint order, with their sheet boxes
    for item, matrix, parents in walk(sheet.items):
        match item:
            case Shape():
                box = item.bounds()
                if item.fill is not None and box is not None:
                    fills.append((transform_rect(matrix, box), item.fill))
            case Glyphs():
                run = _run(item, matrix, parents, fills)
                if run is not None:
                    yield run
            case Image() | Group():
                pass
            case _:
                assert_never(item)


def _run(item: Glyphs, matrix: Matrix, parents: tuple[Group, ...], fills: list[tuple[Rect, Paint]]) -> Run | None:
    ink = item.ink_bounds()
    if ink is None:
        return None
    ink = transform_rect(matrix, ink)
    s = item.scale * scale_of(matrix)
    tallest = max(((b[3] - b[1]) for g in item.glyphs if (b := item.face.bounds(g.gid))), default=0.0)
    baselines = tuple(matrix[1] * g.x + matrix[3] * g.y + matrix[5] for g in item.glyphs)
    cx, cy = ink.x + ink.width / 2, ink.y + ink.height / 2
    behind = next((paint for box, paint in reversed(fills)
                   if box.x <= cx <= box.right and box.y <= cy <= box.bottom), None)
    return Run(item, matrix, ink, tallest * s, baselines, any(p.asset for p in parents), behind)


def sign_text(sheet: Sheet) -> Iterator[Run]:
    """The sign's own text runs: brand artwork's labels (a placeholder's 党徽占位) are not sign text."""
    return (run for run in text_runs(sheet) if not run.in_artwork)


def artwork(sheet: Sheet) -> Iterator[tuple[Group, Matrix, Rect]]:
    """Brand artwork groups (emblem, identity mark, pictograms) with their boxes in sheet mm."""
    for item, matrix, _ in walk(sheet.items):
        if isinstance(item, Group) and item.asset and item.box is not None:
            full = multiply(matrix, item.transform)
            yield item, full, transform_rect(full, item.box)


def relative_luminance(rgb: str) -> float:
    """WCAG 2 relative luminance of an sRGB hex colour."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(rgb[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ada_min_char_height_mm(mount_mm: float, distance_mm: float) -> float:
    """RULES.md PL-04 (ADA 2010 Table 703.5.5): minimum visual character height, mm."""
    if mount_mm <= 1780:
        base, threshold = 16.0, 1830.0
    elif mount_mm <= 3050:
        base, threshold = 51.0, 4570.0
    else:
        base, threshold = 75.0, 6400.0
    return base + 3.2 * max(0.0, distance_mm - threshold) / 305.0
