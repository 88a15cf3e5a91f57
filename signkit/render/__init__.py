"""Stage 5, render: Sheet → bytes, one module per format, each the only importer of its library.

In:  :class:`~signkit.ir.Sheet` objects and the brand's output settings.
Out: bytes.  :data:`FORMATS` is the registry every other part reads (make, write, the CLI):
one :class:`Format` per format with its renderer, whether it is a production file (made
only for signs that may go to print) or a preview, the folder it is written to and the CLI
switch that turns it off.  A new format is one module and one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..ir import Sheet
from ..model.brand import Output
from .pdf import PdfOptions, PdfX, render_pdf
from .png import render_png
from .svg import render_svg


@dataclass(frozen=True, slots=True)
class RenderContext:
    """What a per-sign renderer needs besides the sheet."""

    output: Output
    pdfx: PdfX | None  # the printing condition a print file names; None for a proof


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    render: Callable[[Sheet, RenderContext], bytes]
    purpose: Literal["production", "preview"]  # production: only for signs that can print
    folder: str  # output sub-folder, also the file suffix
    switch: str = ""  # CLI flag that turns the format off ("" always made)
    help: str = ""


def pdf_options(output: Output, *, pdfx: PdfX | None, **overrides) -> PdfOptions:
    values = dict(crop_marks=output.crop_marks, mark_offset_mm=output.mark_offset_mm,
                  mark_length_mm=output.mark_length_mm, mark_width_mm=output.mark_width_mm, pdfx=pdfx)
    values.update(overrides)
    return PdfOptions(**values)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("pdf", lambda sheet, ctx: render_pdf([sheet], options=pdf_options(ctx.output, pdfx=ctx.pdfx)),
           "production", "pdf", help="print-ready PDF per sign"),
    Format("svg", lambda sheet, ctx: render_svg(sheet), "preview", "svg", help="SVG for designers"),
    Format("png", lambda sheet, ctx: render_png(sheet, px_per_mm=ctx.output.png_px_per_mm,
                                                max_px=ctx.output.png_max_px),
           "preview", "png", switch="png", help="PNG previews"),
)}

__all__ = ["FORMATS", "Format", "PdfOptions", "PdfX", "RenderContext", "pdf_options", "render_pdf", "render_png",
           "render_svg"]
