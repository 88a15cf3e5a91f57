"""PNG backend: Sheet → preview PNG bytes, rasterised from the trim-only SVG with cairosvg.

In:  a :class:`~signkit.layout.sheet.Sheet` and a resolution in pixels per millimetre.
Out: PNG bytes (sRGB, screen preview only: cairosvg paints RGB, so PNGs never go to print;
     PRINT-NOTES: cairosvg).
"""

from __future__ import annotations

import cairosvg

from ..layout.sheet import Sheet
from .svg import render_svg


def render_png(sheet: Sheet, *, px_per_mm: float = 3.0) -> bytes:
    svg = render_svg(sheet, include_bleed=False)
    width = max(1, round(sheet.trim.width_mm * px_per_mm))
    return cairosvg.svg2png(bytestring=svg, output_width=width)
