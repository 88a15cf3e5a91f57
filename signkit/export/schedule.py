"""The sign schedule: what, where, size, material, quantity, file, batch, sheets.

In:  the jobs, the files written for each sign, its findings, the ganged sheets' usage.
Out: ``schedule.csv`` and ``schedule.json`` as bytes (deterministic: fixed column order,
     no timestamps).  A double-sided sign has a row per face: ``faces`` 2 on both, ``face``
     1 and 2 (the back, ``<id>-b``), each with its own print file.

schedule.json is for tools: English keys, ids and codes in every language.  schedule.csv is
for people (the shop, the installers open it in Excel or WPS): in Chinese its headings,
``label``, ``location``, ``side`` and yes/no are Chinese; in English the headings are the
JSON keys.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass

from ..i18n import N_, _, current_language
from ..model.job import SignJob
from ..words import label, say, side_word

COLUMNS = ("id", "type", "label", "room", "floor", "text", "width_mm", "height_mm", "material", "quantity", "faces",
           "face", "location", "wall", "anchor", "mount_height_mm", "offset_mm", "side", "approved", "errors", "warnings",
           "file", "sha256", "batch", "batch_page", "sheets", "oversize")
HEADINGS = {  # schedule.csv's headings for people (English keeps the keys)
    "id": N_("sign id"), "type": N_("sign type"), "label": N_("sign"), "room": N_("room"), "floor": N_("floor"),
    "text": N_("text"), "width_mm": N_("width mm"), "height_mm": N_("height mm"), "material": N_("material"),
    "quantity": N_("quantity"), "faces": N_("faces"), "face": N_("face"), "location": N_("location"),
    "wall": N_("wall"), "anchor": N_("height measured to"), "mount_height_mm": N_("mounting height mm"),
    "offset_mm": N_("offset mm"), "side": N_("side"), "approved": N_("approved for print"), "errors": N_("errors"),
    "warnings": N_("warnings"), "file": N_("print file"), "sha256": N_("SHA-256"), "batch": N_("print batch"),
    "batch_page": N_("batch page"), "sheets": N_("ganged sheets"), "oversize": N_("oversize")}


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    job: SignJob
    label: str
    file: str  # relative path of the sign's own PDF, "" if none was made
    sha256: str  # of that PDF
    batch: str  # the print-shop batch PDF holding the sign ("" if not approved for print)
    batch_page: int
    approved: bool
    errors: int
    warnings: int
    sheets: tuple[str, ...] = ()  # the ganged sheets (print/sheets/) holding its copies
    oversize: bool = False  # larger than its material's stock sheet: a page of its own

    def as_dict(self) -> dict:
        j, p = self.job, self.job.placement
        return {
            "id": j.id, "type": j.kind, "label": self.label, "room": j.room or "", "floor": j.floor,
            "text": j.text, "width_mm": j.width_mm, "height_mm": j.height_mm, "material": j.material,
            "quantity": j.quantity, "faces": j.faces, "face": j.face, "location": say(p.location), "wall": p.wall, "anchor": p.anchor,
            "mount_height_mm": p.height_mm, "offset_mm": round(p.offset_mm, 1), "side": p.side,
            "approved": self.approved, "errors": self.errors, "warnings": self.warnings,
            "file": self.file, "sha256": self.sha256,
            "batch": self.batch, "batch_page": self.batch_page if self.batch else None,
            "sheets": list(self.sheets), "oversize": self.oversize,
        }


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def schedule_csv(rows: list[ScheduleRow]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writerow(heading_row(COLUMNS, HEADINGS))
    for row in rows:
        values = row.as_dict()
        values["label"] = label(values["label"])
        values["approved"] = yes_no(values["approved"])
        values["batch_page"] = "" if values["batch_page"] is None else values["batch_page"]
        values["floor"] = "" if values["floor"] is None else values["floor"]
        values["sheets"] = " ".join(values["sheets"])
        values["oversize"] = yes_no(True) if values["oversize"] else ""
        if current_language() != "en":
            values["side"] = side_word(values["side"])
        writer.writerow({k: _num(v) for k, v in values.items()})
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV correctly


def heading_row(columns: tuple[str, ...], headings: dict[str, str]) -> dict[str, str]:
    """A CSV's first row: the column keys in English (what tools read), the headings people
    read in any other language."""
    if current_language() == "en":
        return {c: c for c in columns}
    return {c: _(headings[c]) for c in columns}


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def schedule_json(rows: list[ScheduleRow], sheets: list[dict] | None = None, *, centre: str = "",
                  revision: str = "") -> bytes:
    """The signs; with ``sheets``, the sheet usage per material (print/sheets/) as well; the
    centre's name and the proof's revision code when given."""
    value: dict = {"centre": centre} if centre else {}
    if revision:
        value["proof_revision"] = revision
    value["signs"] = [row.as_dict() for row in rows]
    if sheets is not None:
        value["sheets"] = sheets
    return _json(value)


def _json(value: dict) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _num(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
