"""PNG backend: Sheet → preview PNG bytes, rasterised from the trim-only SVG with cairosvg.

In:  a :class:`~signkit.ir.Sheet`, a resolution in pixels per millimetre and a cap
     on the longest side.
Out: PNG bytes (sRGB, screen preview only: cairosvg paints RGB, so PNGs never go to print;
     PRINT-NOTES: cairosvg).
"""

from __future__ import annotations

from ..errors import SetupError
from ..ir import Sheet
from .svg import render_svg


def render_png(sheet: Sheet, *, px_per_mm: float = 3.0, max_px: int = 2400) -> bytes:
    """``px_per_mm`` resolution, scaled down so the longest side stays within ``max_px``."""
    try:
        import cairosvg  # only when previews are made: importing it costs a seventh of a second
    except OSError as exc:  # cairocffi finds no libcairo on this machine
        raise SetupError.at("PNG previews", f"the Cairo library is missing ({exc})",
                            "install it (Debian/Ubuntu: apt install libcairo2), or render with --no-png")

    svg = render_svg(sheet, include_bleed=False)
    w, h = sheet.trim.width_mm, sheet.trim.height_mm
    scale = min(px_per_mm, max_px / max(w, h))
    return cairosvg.svg2png(bytestring=svg, output_width=max(1, round(w * scale)),
                            output_height=max(1, round(h * scale)))
