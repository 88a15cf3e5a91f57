"""The proof (样稿): a contact sheet of every sign at one scale, for sign-off by the centre.

In:  the signs in schedule order (job, sheet or None if it could not be drawn, findings),
     the brand (label font and colours by role, the proof scale) and the centre's name.
Out: A3 landscape :class:`~signkit.ir.Sheet` pages, rendered by the same PDF backend as the
     signs.  Each sign appears at the brand's proof scale (default 1:20), trimmed (its bleed
     clipped away) and outlined, with its id, size and location below it, and its findings in
     the alert colour.  Rows are filled left to right, pages top to bottom.  Artwork that
     cannot print (an RGB photo, off-palette colours) is shown by a stand-in
     (:func:`~signkit.layout.labels.printable_view`), so the proof is CMYK like everything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..checks.findings import Finding
from ..ir import Group, Item, Path, Shape, Sheet, Size
from ..model.brand import Brand
from ..model.job import SignJob
from ..words import say
from .labels import Labeller, printable_view

PAGE = Size(420.0, 297.0)  # A3 landscape
MARGIN = 12.0
HEADER = 16.0
LABEL_CHAR_MM = 2.2
LINE_PITCH = 3.6
MIN_CELL_W = 46.0
GAP = 6.0


@dataclass(frozen=True, slots=True)
class ProofEntry:
    job: SignJob
    sheet: Sheet | None
    findings: tuple[Finding, ...]


def proof_pages(entries: Sequence[ProofEntry], *, brand: Brand, title: str) -> list[Sheet]:
    labels = Labeller(brand)
    scale = brand.output.proof_scale
    cells = []
    for entry in entries:
        w, h = entry.job.width_mm / scale, entry.job.height_mm / scale
        notes = _notes(entry.findings, drawn=entry.sheet is not None)
        cells.append((entry, w, h, max(w, MIN_CELL_W), h + 2.0 + LINE_PITCH * (3 + len(notes)), notes))

    pages: list[list[Item]] = [[]]
    x, y, row_h = MARGIN, MARGIN + HEADER, 0.0
    for entry, w, h, cell_w, cell_h, notes in cells:
        if x + cell_w > PAGE.width_mm - MARGIN and x > MARGIN:
            x, y, row_h = MARGIN, y + row_h + GAP, 0.0
        if y + cell_h > PAGE.height_mm - MARGIN and y > MARGIN + HEADER:
            pages.append([])
            x, y, row_h = MARGIN, MARGIN + HEADER, 0.0
        items = pages[-1]
        sid = entry.job.id
        if entry.sheet is not None:
            items.append(Group(f"proof-{sid}", printable_view(entry.sheet.items, labels),
                               (1 / scale, 0.0, 0.0, 1 / scale, x, y), source=sid, label=sid,
                               clip=entry.sheet.trim_rect))
        items.append(Shape(f"proof-{sid}-trim", Path.rect(x, y, w, h), stroke=labels.ink, stroke_width_mm=0.1,
                           source=sid))
        job = entry.job
        lines = [(sid, labels.ink),
                 (f"{job.width_mm:g} × {job.height_mm:g} mm · {job.material.split(',')[0]}", labels.ink),
                 (say(job.placement.location), labels.ink)] + [(n, labels.alert) for n in notes]
        for i, (text, paint) in enumerate(lines):
            items.append(labels.line(f"proof-{sid}-label{i}", text, x, y + h + 2.0 + i * LINE_PITCH, cell_w,
                                     LABEL_CHAR_MM, paint=paint, source="proof"))
        x += cell_w + GAP
        row_h = max(row_h, cell_h)

    sheets = []
    for n, items in enumerate(pages, start=1):
        header = [labels.line(f"proof-p{n}-title", f"{title} · 标识标牌样稿 proof for sign-off · scale 1:{scale:g}",
                              MARGIN, MARGIN, PAGE.width_mm - 2 * MARGIN - 30, 4.0, source="proof"),
                  labels.line(f"proof-p{n}-page", f"{n}/{len(pages)}", PAGE.width_mm - MARGIN - 20, MARGIN, 20, 4.0,
                              source="proof"),
                  Shape(f"proof-p{n}-rule", Path.rect(MARGIN, MARGIN + HEADER - 5, PAGE.width_mm - 2 * MARGIN, 0.3),
                        fill=labels.alert, source="proof")]
        sheets.append(Sheet(f"proof-{n}", PAGE, 0.0, tuple(header + items), title=f"{title} proof"))
    return sheets


def _notes(findings: tuple[Finding, ...], *, drawn: bool) -> list[str]:
    notes = [] if drawn else ["NOT DRAWN"]
    for f in findings:
        text = f"{f.severity}: {f.code}"
        if text not in notes:
            notes.append(text)
    return notes
