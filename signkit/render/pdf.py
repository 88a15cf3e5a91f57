"""PDF backend: Sheets → print-ready PDF bytes (one page per sheet).  The only importer of reportlab.

In:  :class:`~signkit.ir.Sheet` objects and :class:`PdfOptions` (crop marks, the PDF/X output
     condition, or none for a proof).
Out: PDF bytes meeting the print contract (DESIGN.md §6):

- page = trim + bleed (+ room for crop marks); TrimBox and BleedBox on every page;
- DeviceCMYK only: every colour is written as the palette's exact ``k``/``K`` values; spot
  colours (a palette entry with ``spot``, e.g. CutContour, White) and the crop marks'
  registration colour as Separation colour spaces; a spot paint marked ``overprint`` (a white
  underlayer, a cut path) under an ExtGState with ``/OP /op true``; no RGB, no transparency;
- text as outlines: each distinct glyph is one Form XObject in font units, placed with
  ``q s 0 0 -s x y cm /G Do Q``; no fonts in the file;
- identified as PDF/X-1a:2001 (Info keys and an OutputIntent naming the printing condition,
  with the CMYK profile embedded when the brand gives one) only when the options carry a
  PDF/X condition: a proof is a plain PDF 1.3 whose Title says so;
- byte-identical across runs, whatever the clock or ``SOURCE_DATE_EPOCH``: fixed dates, and
  a trailer ``/ID`` that is a hash of what the file draws (different artwork, different ID).

The document is built with reportlab's public document model (:mod:`reportlab.pdfbase.pdfdoc`:
``PDFDocument``, ``PDFPage``, ``PDFStream``, ``PDFInfo``, ``PDFCatalog``, forms added with
``addForm``) rather than the Canvas, whose drawing calls would cost a Python call per glyph
and which has no public way to add OutputIntents or PDF/X keys.  Speed (PRINT-NOTES): glyph
forms are compressed once per process and their finished bytes reused by every later
document (:class:`_Preformatted`); the artwork is written as operators in millimetres under
one ``cm`` that maps the trim's top-left corner to its place on the page.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from typing import assert_never

from reportlab.pdfbase import pdfdoc

from ..ir import Glyphs, Group, Image, Item, Paint, Shape, Sheet
from ..units import PT_PER_MM
from .glyphstore import GlyphTable

FIXED_DATE = "D:20000101000000Z"
REGISTRATION = "All"  # the Separation that prints on every plate: crop and fold marks
OVERPRINT = "GSop"  # the ExtGState of a spot paint with overprint (fill and stroke, OPM 1)


@dataclass(frozen=True, slots=True)
class PdfX:
    """The printing condition a print file names (PDF/X-1a:2001)."""

    output_condition_identifier: str
    output_condition: str
    registry_name: str = "http://www.color.org"
    icc_profile: bytes | None = None  # embedded when the condition is not in the ICC registry


@dataclass(frozen=True, slots=True)
class PdfOptions:
    crop_marks: bool = True
    mark_offset_mm: float = 2.0
    mark_length_mm: float = 5.0
    mark_width_mm: float = 0.1
    pdfx: PdfX | None = None  # None: not identified as PDF/X (proofs, the contact sheet, elevations)
    title: str = ""


def render_pdf(sheets: tuple[Sheet, ...] | list[Sheet], *, options: PdfOptions = PdfOptions()) -> bytes:
    doc = pdfdoc.PDFDocument(invariant=1, pdfVersion=(1, 3), compression=1)
    catalog = _Catalog()
    catalog.Pages = doc.Pages
    doc.Catalog = catalog
    identity = hashlib.sha256()
    forms: dict[str, bytes] = {}
    for sheet in sheets:
        content, used, spaces = _page_content(sheet, options, forms)
        identity.update(content.encode("ascii"))
        _add_page(doc, sheet, options, content, used, spaces)
    for name in sorted(forms):
        identity.update(name.encode("ascii"))
        doc.addForm(name, _Preformatted(forms[name]))
    title = options.title or (sheets[0].title if sheets else "")
    identity.update(title.encode("utf-8"))
    doc.info = _Info(title, options.pdfx)
    if options.pdfx is not None:
        catalog.OutputIntents = _output_intents(options.pdfx)
        identity.update(repr(options.pdfx).encode("utf-8"))
    doc.signature = hashlib.md5(identity.digest(), usedforsecurity=False)  # the trailer /ID
    return doc.format()


# -- document level ---------------------------------------------------------------------

class _Catalog(pdfdoc.PDFCatalog):
    """The document catalog, with OutputIntents (a PDF 1.4 key that PDF/X requires) among
    the keys it writes."""

    __NoDefault__ = pdfdoc.PDFCatalog.__NoDefault__ + ["OutputIntents"]
    __Refs__ = pdfdoc.PDFCatalog.__Refs__
    __Defaults__ = {"Type": pdfdoc.PDFName("Catalog")}


class _Info(pdfdoc.PDFInfo):
    """The Info dictionary: fixed dates, and the PDF/X keys when the file claims PDF/X."""

    def __init__(self, title: str, pdfx: PdfX | None):
        super().__init__()
        self.title, self.pdfx = title, pdfx

    def digest(self, md5object):  # the /ID comes from the artwork (render_pdf), not from the Info
        return None

    def format(self, document):
        s = pdfdoc.PDFString
        entries = {"Title": s(self.title), "Creator": s("signkit"), "Producer": s("signkit (reportlab)"),
                   "CreationDate": s(FIXED_DATE), "ModDate": s(FIXED_DATE)}
        if self.pdfx is not None:
            entries.update({"Trapped": pdfdoc.PDFName("False"), "GTS_PDFXVersion": s("PDF/X-1:2001"),
                            "GTS_PDFXConformance": s("PDF/X-1a:2001")})
        return pdfdoc.PDFDictionary(entries).format(document)


def _output_intents(pdfx: PdfX) -> pdfdoc.PDFArray:
    s = pdfdoc.PDFString
    intent = {"Type": pdfdoc.PDFName("OutputIntent"), "S": pdfdoc.PDFName("GTS_PDFX"),
              "OutputConditionIdentifier": s(pdfx.output_condition_identifier),
              "OutputCondition": s(pdfx.output_condition), "Info": s(pdfx.output_condition),
              "RegistryName": s(pdfx.registry_name)}
    if pdfx.icc_profile is not None:
        profile = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"N": 4}), pdfx.icc_profile, filters=[pdfdoc.PDFZCompress])
        intent["DestOutputProfile"] = profile
    return pdfdoc.PDFArray([pdfdoc.PDFDictionary(intent)])


# -- page level -------------------------------------------------------------------------

def _margin(sheet: Sheet, options: PdfOptions) -> float:
    return sheet.bleed_mm + (options.mark_offset_mm + options.mark_length_mm if options.crop_marks else 0.0)


def _page_content(sheet: Sheet, options: PdfOptions, forms: dict[str, bytes]) -> tuple[str, list[str], dict]:
    w, h, b = sheet.trim.width_mm, sheet.trim.height_mm, sheet.bleed_mm
    margin = _margin(sheet, options)
    k = PT_PER_MM
    page_h = (h + 2 * margin) * k
    out: list[str] = []
    used: list[str] = []
    spaces: dict[str, Paint | None] = {}  # colour-space resource name → spot paint (None: registration)
    # clip the artwork to the bleed, then draw in mm, y down, origin at the trim's top-left
    out.append(f"q {_n((margin - b) * k)} {_n((margin - b) * k)} {_n((w + 2 * b) * k)} {_n((h + 2 * b) * k)} re W n")
    out.append(f"{k:.6f} 0 0 {-k:.6f} {_n(margin * k)} {_n(page_h - margin * k)} cm")
    _draw_kept(sheet.items, out, forms, used, spaces)
    out.append("Q")
    if options.crop_marks:
        spaces["CSreg"] = None
        out.extend(_crop_marks(margin, w, h, b, options, page_h))
        out.extend(_fold_marks(margin, w, h, b, sheet.folds_mm, options, page_h))
    return "\n".join(out) + "\n", used, spaces


def _add_page(doc: pdfdoc.PDFDocument, sheet: Sheet, options: PdfOptions, content: str, used: list[str],
              spaces: dict) -> None:
    w, h, b = sheet.trim.width_mm, sheet.trim.height_mm, sheet.bleed_mm
    margin = _margin(sheet, options)
    k = PT_PER_MM
    page = pdfdoc.PDFPage()
    page.MediaBox = _box(0, 0, (w + 2 * margin) * k, (h + 2 * margin) * k)
    page.TrimBox = _box(margin * k, margin * k, (margin + w) * k, (margin + h) * k)
    page.BleedBox = _box((margin - b) * k, (margin - b) * k, (margin + w + b) * k, (margin + h + b) * k)
    page.Contents = pdfdoc.PDFStream(content=content, filters=[pdfdoc.PDFZCompress])
    resources = pdfdoc.PDFResourceDictionary()
    resources.ProcSet = [pdfdoc.PDFName("PDF")]
    if used:
        resources.XObject = doc.xobjDict(sorted(set(used)))
    for name, paint in sorted(spaces.items()):
        resources.ColorSpace[name] = _separation(paint)
    if f"/{OVERPRINT} gs" in content:
        resources.ExtGState[OVERPRINT] = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("ExtGState"), "OP": "true", "op": "true", "OPM": 1})
    page.Resources = resources
    doc.addPage(page)


def _box(x0: float, y0: float, x1: float, y1: float) -> pdfdoc.PDFArray:
    return pdfdoc.PDFArray([float(_n(v)) for v in (x0, y0, x1, y1)])


def _separation(paint: Paint | None) -> pdfdoc.PDFArray:
    """``[/Separation /Name /DeviceCMYK f]``: a spot colour with its CMYK alternate (the
    registration colour prints 100 % on every plate)."""
    name, alternate = (REGISTRATION, (1.0, 1.0, 1.0, 1.0)) if paint is None else (paint.spot, paint.cmyk)
    tint = pdfdoc.PDFDictionary({"FunctionType": 2, "Domain": pdfdoc.PDFArray([0, 1]), "N": 1,
                                 "C0": pdfdoc.PDFArray([0, 0, 0, 0]),
                                 "C1": pdfdoc.PDFArray([float(f"{v:.4g}") for v in alternate])})
    return pdfdoc.PDFArray([pdfdoc.PDFName("Separation"), pdfdoc.PDFName(name), pdfdoc.PDFName("DeviceCMYK"), tint])


def _draw_items(items: tuple[Item, ...], out: list[str], forms: dict[str, bytes], used: list[str],
                spaces: dict) -> None:
    for item in items:
        match item:
            case Shape():
                _draw_shape(item, out, spaces)
            case Glyphs():
                _draw_glyphs(item, out, forms, used, spaces)
            case Image():
                _draw_image(item, out, forms, used)
            case Group():
                _draw_group(item, out, forms, used, spaces)
            case _:
                assert_never(item)


def _draw_shape(shape: Shape, out: list[str], spaces: dict) -> None:
    if shape.fill is None and shape.stroke is None:
        return
    overprint = any(p is not None and p.spot and p.overprint for p in (shape.fill, shape.stroke))
    if overprint:  # a technical spot layer (white ink, cut path): print over the art, knock nothing out
        out.append(f"q /{OVERPRINT} gs")
    if shape.fill is not None:
        out.append(_colour(shape.fill, fill=True, spaces=spaces))
    if shape.stroke is not None:
        out.append(_colour(shape.stroke, fill=False, spaces=spaces))
        out.append(f"{_n(shape.stroke_width_mm)} w")
    paint = "B" if shape.fill is not None and shape.stroke is not None else ("f" if shape.fill is not None else "S")
    if shape.even_odd and shape.fill is not None:
        paint += "*"
    out.append(_path_ops(shape.path) + " " + paint)
    if overprint:
        out.append("Q")


def _draw_glyphs(run: Glyphs, out: list[str], forms: dict[str, bytes], used: list[str], spaces: dict) -> None:
    out.append(_colour(run.fill, fill=True, spaces=spaces))
    s = run.scale
    face = run.face
    for g in run.glyphs:
        name = f"{face.role}-{g.gid}"
        if name not in forms:
            forms[name] = _glyph_form(face, g.gid)
        used.append(name)
        out.append(f"q {s:.6g} 0 0 {-s:.6g} {_n(g.x)} {_n(g.y)} cm /FormXob.{name} Do Q")


def _draw_image(image: Image, out: list[str], forms: dict[str, bytes], used: list[str]) -> None:
    """A CMYK JPEG passed through as a DCT-encoded Image XObject (never recompressed)."""
    if not image.printable:  # make never sends such a sheet to print, and proofs show a stand-in
        raise ValueError(f"{image.raster.name}: only CMYK JPEG can go into a print PDF")
    name = f"img-{image.id}"
    forms[name] = _image_xobject(image)
    used.append(name)
    r = image.box
    # image space is the unit square, y up: scale to the box and flip into our y-down mm
    out.append(f"q {_n(r.width)} 0 0 {_n(-r.height)} {_n(r.x)} {_n(r.bottom)} cm /FormXob.{name} Do Q")


def _image_xobject(image: Image) -> bytes:
    raster = image.raster
    decode = " /Decode [ 1 0 1 0 1 0 1 0 ]" if raster.inverted else ""
    w, h = raster.pixels
    return (f"<< /BitsPerComponent 8 /ColorSpace /DeviceCMYK{decode} /Filter /DCTDecode /Height {h} "
            f"/Length {len(raster.data)} /Subtype /Image /Type /XObject /Width {w} >>\nstream\n").encode("ascii") + \
        raster.data + b"\nendstream"


def _draw_group(group: Group, out: list[str], forms: dict[str, bytes], used: list[str], spaces: dict) -> None:
    a, b, c, d, e, f = group.transform
    out.append(f"q {a:.6g} {b:.6g} {c:.6g} {d:.6g} {_n(e)} {_n(f)} cm")
    if group.clip is not None:
        r = group.clip
        out.append(f"{_n(r.x)} {_n(r.y)} {_n(r.width)} {_n(r.height)} re W n")
    _draw_kept(group.children, out, forms, used, spaces)
    out.append("Q")


# A sign's artwork is drawn into several documents of one centre (its own PDF, the print batch,
# a ganged sheet, the proof, its wall's elevation), each time from the very same items (the
# IR is immutable).  The operators drawn for a large run of items are kept by the run's
# identity and replayed; the run is kept alive with them, so its id cannot be reused.
_KEPT_RUNS = 64
_KEPT_MIN_ITEMS = 4
_kept: dict[int, tuple[tuple[Item, ...], list[str], dict[str, bytes], list[str], dict]] = {}


def _draw_kept(items: tuple[Item, ...], out: list[str], forms: dict[str, bytes], used: list[str],
               spaces: dict) -> None:
    if len(items) < _KEPT_MIN_ITEMS:
        _draw_items(items, out, forms, used, spaces)
        return
    kept = _kept.pop(id(items), None)
    if kept is None or kept[0] is not items:
        kept = (items, [], {}, [], {})
        _draw_items(items, *kept[1:])
        if len(_kept) >= _KEPT_RUNS:
            _kept.pop(next(iter(_kept)))  # the least recently drawn
    _kept[id(items)] = kept
    _items, ops, its_forms, its_used, its_spaces = kept
    out.extend(ops)
    for name, data in its_forms.items():
        forms.setdefault(name, data)
    used.extend(its_used)
    spaces.update(its_spaces)


def _crop_marks(margin: float, w: float, h: float, bleed: float, options: PdfOptions, page_h: float) -> list[str]:
    """Eight marks at the trim lines, starting ``mark_offset_mm`` outside the bleed, in the
    registration colour, in points, y up."""
    k = PT_PER_MM
    start = bleed + options.mark_offset_mm
    end = start + options.mark_length_mm
    lines = []
    for x in (margin, margin + w):  # vertical marks above and below the trim corners
        lines += [(x, margin - start, x, margin - end), (x, margin + h + start, x, margin + h + end)]
    for y in (margin, margin + h):  # horizontal marks left and right
        lines += [(margin - start, y, margin - end, y), (margin + w + start, y, margin + w + end, y)]
    out = ["q /CSreg CS 1 SCN", f"{_n(options.mark_width_mm * k)} w"]
    for x1, y1, x2, y2 in lines:  # mm from the page's top-left → points from its bottom-left
        out.append(f"{_n(x1 * k)} {_n(page_h - y1 * k)} m {_n(x2 * k)} {_n(page_h - y2 * k)} l S")
    out.append("Q")
    return out


def _fold_marks(margin: float, w: float, h: float, bleed: float, folds: tuple[float, ...], options: PdfOptions,
                page_h: float) -> list[str]:
    """Dashed marks left and right of the sheet, outside the bleed, at each fold line."""
    if not folds:
        return []
    k = PT_PER_MM
    start, end = bleed + options.mark_offset_mm, bleed + options.mark_offset_mm + options.mark_length_mm
    out = ["q /CSreg CS 1 SCN", f"{_n(options.mark_width_mm * k)} w [{_n(k)} {_n(k)}] 0 d"]
    for fold in folds:
        y = page_h - (margin + fold) * k
        for x1, x2 in ((margin - start, margin - end), (margin + w + start, margin + w + end)):
            out.append(f"{_n(x1 * k)} {_n(y)} m {_n(x2 * k)} {_n(y)} l S")
    out.append("Q")
    return out


# -- cached operators -------------------------------------------------------------------

class _FontUnitsPen:
    """fontTools pen protocol → PDF path operators (m l c h) in font units."""

    def __init__(self):
        self.ops: list[str] = []

    def moveTo(self, p):
        self.ops.append(f"{p[0]:g} {p[1]:g} m")

    def lineTo(self, p):
        self.ops.append(f"{p[0]:g} {p[1]:g} l")

    def curveTo(self, p1, p2, p3):
        self.ops.append(f"{p1[0]:g} {p1[1]:g} {p2[0]:g} {p2[1]:g} {p3[0]:g} {p3[1]:g} c")

    def qCurveTo(self, *points):  # CFF outlines have none; a TrueType brand font would
        raise ValueError("quadratic glyph outlines are not supported; use CFF (OTF) fonts")

    def closePath(self):
        self.ops.append("h")

    def endPath(self):
        pass


_glyph_forms = GlyphTable("pdf", 1)  # kept between runs with the store of finished signs


def _glyph_form(face, gid: int) -> bytes:
    """The finished bytes of a glyph's Form XObject (dictionary + compressed stream)."""
    data = _glyph_forms.get(face, gid)
    if data is None:
        pen = _FontUnitsPen()
        face.draw(gid, pen)
        body = zlib.compress((" ".join(pen.ops) + " f" if pen.ops else "").encode("ascii"), 6)
        bounds = face.bounds(gid) or (0, 0, 0, 0)
        bbox = " ".join(f"{v:g}" for v in bounds)
        data = (f"<< /BBox [ {bbox} ] /Filter /FlateDecode /FormType 1 /Length {len(body)} "
                f"/Resources << >> /Subtype /Form /Type /XObject >>\nstream\n").encode("ascii") + body + b"\nendstream"
        _glyph_forms.put(face, gid, data)
    return data


class _Preformatted(pdfdoc.PDFObject):
    """A PDF object whose serialised bytes are already known (a cached glyph form, a photo)."""

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


def _colour(paint: Paint, *, fill: bool, spaces: dict) -> str:
    if paint.cmyk is None:  # make never sends such a sheet to print (OFF_PALETTE), proofs show a stand-in
        raise ValueError(f"{paint.name} has no CMYK value and cannot be printed")
    if paint.spot:
        name = "CS" + "".join(ch for ch in paint.spot if ch.isalnum())
        spaces[name] = paint
        return f"/{name} cs 1 scn" if fill else f"/{name} CS 1 SCN"
    return " ".join(f"{v:.4g}" for v in paint.cmyk) + (" k" if fill else " K")


def _n(v: float) -> str:
    """A coordinate with 4 decimals, no trailing zeros (deterministic)."""
    text = f"{v:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
