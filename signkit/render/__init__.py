"""Stage 4, render: Sheet → bytes, one module per format, each the only importer of its library.

In:  :class:`~signkit.ir.Sheet` objects.
Out: bytes.  :data:`RENDERERS` maps a format name to a function ``(sheet, brand_output) → bytes``
for the per-sign files; print batches and the proof call :func:`render_pdf` with many sheets.
"""

from __future__ import annotations

from collections.abc import Callable

from ..brand.model import Output
from ..ir import Sheet
from .pdf import PdfOptions, render_pdf
from .png import render_png
from .svg import render_svg


def pdf_options(output: Output, **overrides) -> PdfOptions:
    values = dict(crop_marks=output.crop_marks, mark_offset_mm=output.mark_offset_mm,
                  mark_length_mm=output.mark_length_mm, mark_width_mm=output.mark_width_mm, pdfx=output.pdfx)
    values.update(overrides)
    return PdfOptions(**values)


RENDERERS: dict[str, Callable[[Sheet, Output], bytes]] = {
    "pdf": lambda sheet, output: render_pdf([sheet], options=pdf_options(output)),
    "svg": lambda sheet, output: render_svg(sheet),
    "png": lambda sheet, output: render_png(sheet, px_per_mm=output.png_px_per_mm, max_px=output.png_max_px),
}

__all__ = ["RENDERERS", "PdfOptions", "pdf_options", "render_pdf", "render_png", "render_svg"]
