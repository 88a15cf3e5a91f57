"""Ganged print sheets for the print shop: ``print/sheets/``.

In:  the approved signs of the centre (job and finished sheet), the brand and the centre's
     name, and the PDF/X printing condition.
Out: ``{"print/sheets/<material>_<n>.pdf": bytes}`` (one file per sheet: a flatbed job and a
     cutter job each, so one spoilt sheet is reprinted alone), ``print/sheets/usage.csv``,
     and for the schedule: one :class:`Usage` per material and the sheet files holding each
     sign's copies.  Each sign goes onto its material's sheets ``quantity`` times; the back of a
     double-sided sign is a sign of its own (``<id>-b``), so both faces are printed.
     Sheets are numbered per material: stock sheets first, then one page per sign larger than
     the stock.  The PDFs come from the same backend and print contract as every print file
     (PDF/X-1a, CMYK plus the two named spot colours, no fonts), without crop marks: the page
     is the stock sheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import N_
from ..layout.gang import Ganger, GangSign, MaterialSheets
from ..model.brand import Brand
from ..render import PdfX, pdf_options, render_pdf
from .schedule import heading_row, yes_no

FOLDER = "print/sheets"
USAGE_COLUMNS = ("material", "stock_w_mm", "stock_h_mm", "clear", "rotate", "sheets", "oversize_pages", "signs_placed",
                 "area_used_pct", "files")
USAGE_HEADINGS = {"material": N_("material"), "stock_w_mm": N_("stock width mm"),
                  "stock_h_mm": N_("stock height mm"), "clear": N_("clear stock (white ink)"),
                  "rotate": N_("signs may turn"), "sheets": N_("sheets"), "oversize_pages": N_("oversize pages"),
                  "signs_placed": N_("signs placed"), "area_used_pct": N_("area used %"), "files": N_("files")}


@dataclass(frozen=True, slots=True)
class Usage:
    """One material's sheet usage: stock sheets used, copies placed on them, the share of
    their area the trims cover; oversize signs (a page each) counted apart."""

    material: str
    stock_mm: tuple[float, float]
    clear: bool
    rotate: bool
    sheets: int
    oversize_pages: int
    signs_placed: int
    area_used_pct: float
    files: tuple[str, ...]

    def as_dict(self) -> dict:
        return {"material": self.material, "stock_w_mm": self.stock_mm[0], "stock_h_mm": self.stock_mm[1],
                "clear": self.clear, "rotate": self.rotate, "sheets": self.sheets,
                "oversize_pages": self.oversize_pages, "signs_placed": self.signs_placed,
                "area_used_pct": self.area_used_pct, "files": list(self.files)}


@dataclass(frozen=True, slots=True)
class SheetSet:
    """What the centre's sheets are: files, usage per material, and per sign its sheet files
    (in sheet order, each once) and whether it had a page of its own."""

    files: dict[str, bytes]
    usage: tuple[Usage, ...]
    sheets_of: dict[str, tuple[str, ...]]
    oversize: frozenset[str]
    materials: tuple[MaterialSheets, ...]


def sheet_path(sheet_id: str) -> str:
    return f"{FOLDER}/{sheet_id}.pdf"


def gang_centre(signs: Sequence, brand: Brand, *, centre: str, pdfx: PdfX | None,
                ganger: Ganger | None = None) -> SheetSet:
    """Every approved sign of ``signs`` (objects with ``job``, ``sheet``, ``approved``) on its
    material's sheets, rendered."""
    ganger = ganger or Ganger(brand)
    by_material: dict[str, list[GangSign]] = {}
    names: dict[str, str] = {}
    for sign in signs:
        if not sign.approved or sign.sheet is None:
            continue
        kind = brand.signs[sign.job.kind]
        by_material.setdefault(kind.material_code, []).append(
            GangSign(sign.sheet, sign.job.quantity, kind.corner_radius_mm))
        names.setdefault(kind.material_code, kind.material)
    files: dict[str, bytes] = {}
    usage: list[Usage] = []
    sheets_of: dict[str, list[str]] = {}
    oversize: set[str] = set()
    materials = []
    for code in sorted(by_material):
        gang = ganger.material(code, by_material[code], centre=centre, material=names[code])
        materials.append(gang)
        paths = []
        for page in gang.pages:
            path = sheet_path(page.sheet.id)
            paths.append(path)
            files[path] = render_pdf([page.sheet], options=pdf_options(brand.output, pdfx=pdfx, crop_marks=False,
                                                                        title=page.sheet.title))
            for placed in page.placed:
                held = sheets_of.setdefault(placed.piece.sign_id, [])
                if path not in held:
                    held.append(path)
                if page.oversize:
                    oversize.add(placed.piece.sign_id)
        stock = gang.stock_sheets
        usage.append(Usage(code, (gang.stock.width_mm, gang.stock.height_mm), gang.clear, gang.rotate, len(stock),
                           len(gang.pages) - len(stock), sum(len(p.placed) for p in stock),
                           round(gang.utilisation * 100, 1), tuple(paths)))
    files[f"{FOLDER}/usage.csv"] = usage_csv(usage)
    return SheetSet(files, tuple(usage), {k: tuple(v) for k, v in sheets_of.items()}, frozenset(oversize),
                    tuple(materials))


def usage_csv(rows: Sequence[Usage]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=USAGE_COLUMNS, lineterminator="\n")
    writer.writerow(heading_row(USAGE_COLUMNS, USAGE_HEADINGS))
    for row in rows:
        values = row.as_dict()
        values["clear"] = yes_no(row.clear)
        values["rotate"] = yes_no(row.rotate)
        values["files"] = " ".join(row.files)
        writer.writerow({k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in values.items()})
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV correctly
