"""The sign schedule: what, where, size, material, quantity, file, batch, sheets.

In:  the jobs, the files written for each sign, its findings, the ganged sheets' usage.
Out: ``schedule.csv`` and ``schedule.json`` as bytes (deterministic: fixed column order,
     no timestamps).  A double-sided sign has a row per face: ``faces`` 2 on both, ``face``
     1 and 2 (the back, ``<id>-b``), each with its own print file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass

from ..model.job import SignJob
from ..words import say

COLUMNS = ("id", "type", "label", "room", "floor", "text", "width_mm", "height_mm", "material", "quantity", "faces",
           "face", "location", "wall", "anchor", "mount_height_mm", "offset_mm", "side", "approved", "errors", "warnings",
           "file", "sha256", "batch", "batch_page", "sheets", "oversize")


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
    writer.writeheader()
    for row in rows:
        values = row.as_dict()
        values["approved"] = "yes" if values["approved"] else "no"
        values["batch_page"] = "" if values["batch_page"] is None else values["batch_page"]
        values["floor"] = "" if values["floor"] is None else values["floor"]
        values["sheets"] = " ".join(values["sheets"])
        values["oversize"] = "yes" if values["oversize"] else ""
        writer.writerow({k: _num(v) for k, v in values.items()})
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 CSV correctly


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
