"""PDF backend: Sheets → print-ready PDF bytes (one page per sheet).  The only importer of reportlab.

In:  :class:`~signkit.ir.Sheet` objects and :class:`PdfOptions` (crop marks,
     PDF/X output condition, an optional proof mark).
Out: PDF bytes meeting the print contract (DESIGN.md §6):

- page = trim + bleed (+ room for crop marks); TrimBox and BleedBox on every page;
- DeviceCMYK only: every colour is written as the palette's exact ``k``/``K`` values;
  crop marks in the registration colour (``/Separation /All``); no RGB, no transparency;
- text as outlines: each distinct glyph is one Form XObject in font units, placed with
  ``q s 0 0 -s x y cm /G Do Q``; no fonts in the file;
- identified as PDF/X-1a:2001 (Info keys and an OutputIntent naming the printing
  condition), PDF 1.3, byte-identical across runs (``invariant=1``, fixed dates).

Speed (PRINT-NOTES: "reportlab spends most of a board's time serialising per-glyph
objects"): glyph forms are compressed once per process and their finished bytes reused
by every later document (:class:`_PreformattedStream`); content streams are assembled
from cached operator strings.  The artwork is drawn in millimetres, y down, under one
``cm`` that maps the trim's top-left corner to its place on the page.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from typing import assert_never

from fontTools.pens.basePen import BasePen
from reportlab import rl_config
from reportlab.lib.colors import CMYKColorSep
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..brand.model import PdfX
from ..ir import Glyphs, Group, Image, Item, Paint, Shape, Sheet
from ..text.fonts import Face
from ..units import PT_PER_MM

rl_config.useA85 = 0  # ASCII85 makes path-heavy pages 25 % larger (PRINT-NOTES)
FIXED_DATE = "D:20000101000000Z"
_NO_FONT = "SignkitNoFont"


@dataclass(frozen=True, slots=True)
class PdfOptions:
    crop_marks: bool = True
    mark_offset_mm: float = 2.0
    mark_length_mm: float = 5.0
    mark_width_mm: float = 0.1
    pdfx: PdfX = PdfX()
    title: str = ""
    proof_label: str = ""  # non-empty: a 样稿/PROOF note in the slug, outside the trim


def render_pdf(sheets: tuple[Sheet, ...] | list[Sheet], *, options: PdfOptions = PdfOptions()) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1, pdfVersion=(1, 3), initialFontName=_initial_font(), pageCompression=1)
    _identify(canvas, options, title=options.title or (sheets[0].title if sheets else ""))
    for sheet in sheets:
        _draw_page(canvas, sheet, options)
    canvas.save()
    return buf.getvalue()


# -- document level ---------------------------------------------------------------------

def _initial_font() -> str:
    """reportlab writes ``BT /F1 12 Tf ET`` with a non-embedded Helvetica in every page
    preamble unless the initial font is a dynamic one; a registered-but-unused TTF is
    never written to the file, so ``pdffonts`` lists nothing (PRINT-NOTES)."""
    if _NO_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_NO_FONT, "Vera.ttf"))
    return _NO_FONT


class _PdfXInfo(pdfdoc.PDFInfo):
    """The Info dictionary with the PDF/X keys and fixed dates."""

    def __init__(self, title: str, pdfx: PdfX):
        super().__init__()
        self.title, self.pdfx = title, pdfx

    def format(self, document):
        s = pdfdoc.PDFString
        version = self.pdfx.version.split(":")[0].replace("X-1a", "X-1")  # "PDF/X-1:2001"
        return pdfdoc.PDFDictionary({
            "Title": s(self.title), "Creator": s("signkit"), "Producer": s("signkit (reportlab)"),
            "CreationDate": s(FIXED_DATE), "ModDate": s(FIXED_DATE), "Trapped": pdfdoc.PDFName("False"),
            "GTS_PDFXVersion": s(version + ":" + self.pdfx.version.split(":")[1]),
            "GTS_PDFXConformance": s(self.pdfx.version),
        }).format(document)


def _identify(canvas: Canvas, options: PdfOptions, *, title: str) -> None:
    pdfx = options.pdfx
    canvas._doc.info = _PdfXInfo(title, pdfx)  # reportlab has no public hook for Info keys
    s = pdfdoc.PDFString
    catalog = canvas._doc.Catalog
    # the catalog writes only the keys it knows; OutputIntents (PDF 1.4 name, required by PDF/X) is added
    catalog.__NoDefault__ = [*pdfdoc.PDFCatalog.__NoDefault__, "OutputIntents"]
    canvas.setCatalogEntry("OutputIntents", [pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("OutputIntent"), "S": pdfdoc.PDFName("GTS_PDFX"),
        "OutputConditionIdentifier": s(pdfx.output_condition_identifier),
        "OutputCondition": s(pdfx.output_condition), "Info": s(pdfx.output_condition),
        "RegistryName": s(pdfx.registry_name)})])


# -- page level -------------------------------------------------------------------------

def _draw_page(canvas: Canvas, sheet: Sheet, options: PdfOptions) -> None:
    w, h, b = sheet.trim.width_mm, sheet.trim.height_mm, sheet.bleed_mm
    slug_room = options.crop_marks or bool(sheet.slug)  # marks and slug notes live outside the bleed
    margin = b + (options.mark_offset_mm + options.mark_length_mm if slug_room else 0.0)
    page_w, page_h = (w + 2 * margin) * PT_PER_MM, (h + 2 * margin) * PT_PER_MM
    canvas.setPageSize((page_w, page_h))
    k = PT_PER_MM
    canvas.setTrimBox((margin * k, margin * k, (margin + w) * k, (margin + h) * k))
    canvas.setBleedBox(((margin - b) * k, (margin - b) * k, (margin + w + b) * k, (margin + h + b) * k))
    out: list[str] = []
    # clip the artwork to the bleed, then draw in mm, y down, origin at the trim's top-left
    out.append(f"q {_n((margin - b) * k)} {_n((margin - b) * k)} {_n((w + 2 * b) * k)} {_n((h + 2 * b) * k)} re W n")
    out.append(f"{k:.6f} 0 0 {-k:.6f} {_n(margin * k)} {_n(page_h - margin * k)} cm")
    forms: dict[str, bytes] = {}
    _draw_items(sheet.items, out, forms)
    out.append("Q")
    if sheet.slug:  # outside the trim and the bleed, in the same mm coordinates, not clipped
        out.append(f"q {k:.6f} 0 0 {-k:.6f} {_n(margin * k)} {_n(page_h - margin * k)} cm")
        _draw_items(sheet.slug, out, forms)
        out.append("Q")
    for name, data in forms.items():
        if not canvas._doc.hasForm(name):
            canvas._doc.addForm(name, _PreformattedStream(data))  # no public API takes a prebuilt form
    canvas.addLiteral("\n".join(out))
    for name in forms:
        canvas._formsinuse.append(name)  # page resources list the forms drawn above
    if options.crop_marks:
        _crop_marks(canvas, margin, w, h, b, options)
        _fold_marks(canvas, margin, w, h, b, sheet.folds_mm, options)
    canvas.showPage()


def _draw_items(items: tuple[Item, ...], out: list[str], forms: dict[str, bytes]) -> None:
    for item in items:
        match item:
            case Shape():
                _draw_shape(item, out)
            case Glyphs():
                _draw_glyphs(item, out, forms)
            case Image():
                _draw_image(item, out, forms)
            case Group():
                _draw_group(item, out, forms)
            case _:
                assert_never(item)


def _draw_shape(shape: Shape, out: list[str]) -> None:
    if shape.fill is None and shape.stroke is None:
        return
    ops = [_path_ops(shape.path)]
    if shape.fill is not None:
        out.append(_cmyk(shape.fill, "k"))
    if shape.stroke is not None:
        out.append(_cmyk(shape.stroke, "K"))
        out.append(f"{_n(shape.stroke_width_mm)} w")
    paint = "B" if shape.fill is not None and shape.stroke is not None else ("f" if shape.fill is not None else "S")
    if shape.even_odd and shape.fill is not None:
        paint += "*"
    out.append(ops[0] + " " + paint)


def _draw_glyphs(run: Glyphs, out: list[str], forms: dict[str, bytes]) -> None:
    out.append(_cmyk(run.fill, "k"))
    s = run.scale
    face = run.face
    for g in run.glyphs:
        name = f"{face.role}-{g.gid}"
        if name not in forms:
            forms[name] = _glyph_form(face, g.gid)
        out.append(f"q {s:.6g} 0 0 {-s:.6g} {_n(g.x)} {_n(g.y)} cm /FormXob.{name} Do Q")


def _draw_image(image: Image, out: list[str], forms: dict[str, bytes]) -> None:
    """A CMYK JPEG passed through as a DCT-encoded Image XObject (never recompressed)."""
    if not image.printable:  # the build never sends such a sheet to print (IMAGE_COLOUR)
        raise ValueError(f"{image.raster.name}: only CMYK JPEG can go into a print PDF")
    name = f"img-{image.id}"
    forms[name] = _image_xobject(image)
    r = image.box
    # image space is the unit square, y up: scale to the box and flip into our y-down mm
    out.append(f"q {_n(r.width)} 0 0 {_n(-r.height)} {_n(r.x)} {_n(r.bottom)} cm /FormXob.{name} Do Q")


def _image_xobject(image: Image) -> bytes:
    raster = image.raster
    data = raster.data
    decode = " /Decode [ 1 0 1 0 1 0 1 0 ]" if raster.inverted else ""
    w, h = raster.pixels
    return (f"<< /BitsPerComponent 8 /ColorSpace /DeviceCMYK{decode} /Filter /DCTDecode /Height {h} "
            f"/Length {len(data)} /Subtype /Image /Type /XObject /Width {w} >>\nstream\n").encode("ascii") + \
        data + b"\nendstream"


def _draw_group(group: Group, out: list[str], forms: dict[str, bytes]) -> None:
    a, b, c, d, e, f = group.transform
    out.append(f"q {a:.6g} {b:.6g} {c:.6g} {d:.6g} {_n(e)} {_n(f)} cm")
    if group.clip is not None:
        r = group.clip
        out.append(f"{_n(r.x)} {_n(r.y)} {_n(r.width)} {_n(r.height)} re W n")
    _draw_items(group.children, out, forms)
    out.append("Q")


def _crop_marks(canvas: Canvas, margin: float, w: float, h: float, bleed: float, options: PdfOptions) -> None:
    """Eight marks at the trim lines, starting ``mark_offset_mm`` outside the bleed."""
    k = PT_PER_MM
    canvas.saveState()
    canvas.setStrokeColor(CMYKColorSep(1, 1, 1, 1, spotName="All", alpha=None))  # registration
    canvas.setLineWidth(options.mark_width_mm * k)
    start = bleed + options.mark_offset_mm
    end = start + options.mark_length_mm
    lines = []
    for x in (margin, margin + w):  # vertical marks above and below the trim corners
        lines += [(x, margin - start, x, margin - end), (x, margin + h + start, x, margin + h + end)]
    for y in (margin, margin + h):  # horizontal marks left and right
        lines += [(margin - start, y, margin - end, y), (margin + w + start, y, margin + w + end, y)]
    canvas.lines([tuple(v * k for v in line) for line in lines])
    canvas.restoreState()


def _fold_marks(canvas: Canvas, margin: float, w: float, h: float, bleed: float, folds: tuple[float, ...],
                options: PdfOptions) -> None:
    """Dashed marks left and right of the sheet, outside the bleed, at each fold line."""
    if not folds:
        return
    k = PT_PER_MM
    page_h = h + 2 * margin
    canvas.saveState()
    canvas.setStrokeColor(CMYKColorSep(1, 1, 1, 1, spotName="All", alpha=None))
    canvas.setLineWidth(options.mark_width_mm * k)
    canvas.setDash(1.0 * k, 1.0 * k)
    start, end = bleed + options.mark_offset_mm, bleed + options.mark_offset_mm + options.mark_length_mm
    lines = []
    for fold in folds:
        y = page_h - (margin + fold)  # PDF y is up
        lines += [(margin - start, y, margin - end, y), (margin + w + start, y, margin + w + end, y)]
    canvas.lines([tuple(v * k for v in line) for line in lines])
    canvas.restoreState()


# -- cached operators -------------------------------------------------------------------

class _OpsPen(BasePen):
    """fontTools pen → PDF path operators (m l c h) in font units."""

    def __init__(self):
        super().__init__(None)
        self.ops: list[str] = []

    def _moveTo(self, p):
        self.ops.append(f"{p[0]:g} {p[1]:g} m")

    def _lineTo(self, p):
        self.ops.append(f"{p[0]:g} {p[1]:g} l")

    def _curveToOne(self, p1, p2, p3):
        self.ops.append(f"{p1[0]:g} {p1[1]:g} {p2[0]:g} {p2[1]:g} {p3[0]:g} {p3[1]:g} c")

    def _closePath(self):
        self.ops.append("h")


_glyph_forms: dict[tuple[str, int], bytes] = {}


def _glyph_form(face: Face, gid: int) -> bytes:
    """The finished bytes of a glyph's Form XObject (dictionary + compressed stream)."""
    key = (face.key, gid)
    data = _glyph_forms.get(key)
    if data is None:
        pen = _OpsPen()
        face.draw(gid, pen)
        body = zlib.compress((" ".join(pen.ops) + " f" if pen.ops else "").encode("ascii"), 6)
        bounds = face.bounds(gid) or (0, 0, 0, 0)
        bbox = " ".join(f"{v:g}" for v in bounds)
        data = (f"<< /BBox [ {bbox} ] /Filter /FlateDecode /FormType 1 /Length {len(body)} "
                f"/Resources << >> /Subtype /Form /Type /XObject >>\nstream\n").encode("ascii") + body + b"\nendstream"
        _glyph_forms[key] = data
    return data


class _PreformattedStream(pdfdoc.PDFObject):
    """A PDF object whose serialised bytes are already known (a cached glyph form)."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document):
        return self.data


class _MmOpsPen:
    """fontTools pen protocol → PDF path operators in mm (4 decimals, deterministic)."""

    def __init__(self):
        self.parts: list[str] = []

    def moveTo(self, p):
        self.parts.append(f"{_n(p[0])} {_n(p[1])} m")

    def lineTo(self, p):
        self.parts.append(f"{_n(p[0])} {_n(p[1])} l")

    def curveTo(self, p1, p2, p3):
        self.parts.append(" ".join(_n(v) for v in (*p1, *p2, *p3)) + " c")

    def closePath(self):
        self.parts.append("h")

    def endPath(self):
        pass


def _path_ops(path) -> str:
    pen = _MmOpsPen()
    path.draw(pen)
    return " ".join(pen.parts)


def _cmyk(paint: Paint, op: str) -> str:
    if paint.cmyk is None:  # the build never sends such a sheet to print (OFF_PALETTE)
        raise ValueError(f"{paint.name} has no CMYK value and cannot be printed")
    return " ".join(f"{v:.4g}" for v in paint.cmyk) + f" {op}"


def _n(v: float) -> str:
    """A coordinate with 4 decimals, no trailing zeros (deterministic)."""
    text = f"{v:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
