"""The proof (样稿): a contact sheet of every sign at one scale, for sign-off by the centre.

In:  the signs in schedule order (job, sheet or None if it could not be drawn, findings),
     the brand (fonts, palette, output) and the centre's name.
Out: A3 landscape :class:`~signkit.ir.Sheet` pages, rendered by the same PDF
     backend as the signs.  Each sign appears at the brand's proof scale (default 1:20),
     trimmed (its bleed clipped away) and outlined, with its id, size and location below
     it, and its findings in red.  Rows are filled left to right, pages top to bottom.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..brand import Brand
from ..checks.findings import Finding
from ..layout.compose import palette_paints
from ..ir import Glyphs, Group, Item, Path, Rect, Shape, Sheet, Size
from ..plan.jobs import SignJob
from ..text.fonts import FontBook
from ..text.line import LineSpec, set_line

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


def proof_pages(entries: Sequence[ProofEntry], *, brand: Brand, title: str, scale: float = 20.0) -> list[Sheet]:
    fonts = FontBook(brand.font_paths)
    face = fonts.face("hei")
    paints = palette_paints(brand)
    black, red = paints["black"], paints["party-red"]

    def line(item_id: str, text: str, x: float, y: float, width: float, paint, char_mm: float = LABEL_CHAR_MM) -> Glyphs:
        frame = Rect(x, y, width, char_mm * 1.35)
        spec = LineSpec(frame=frame, min_char_height_mm=char_mm * 0.5, max_char_height_mm=char_mm, align="left")
        set_ = set_line(face, text, spec)
        return Glyphs(item_id, face, set_.size_mm, set_.glyphs, paint, text, source="proof", fit=set_.fit)

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
        outline = Shape(f"proof-{sid}-trim", Path.rect(x, y, w, h), stroke=black, stroke_width_mm=0.1, source=sid)
        if entry.sheet is not None:
            trim = entry.sheet.trim_rect
            items.append(Group(f"proof-{sid}", entry.sheet.items, (1 / scale, 0.0, 0.0, 1 / scale, x, y),
                               source=sid, label=sid, clip=trim))
        items.append(outline)
        p = entry.job.placement
        labels = [(sid, black), (f"{entry.job.width_mm:g} × {entry.job.height_mm:g} mm · {entry.job.material.split(',')[0]}", black),
                  (p.location, black)] + [(n, red) for n in notes]
        for i, (text, paint) in enumerate(labels):
            items.append(line(f"proof-{sid}-label{i}", text, x, y + h + 2.0 + i * LINE_PITCH, cell_w, paint))
        x += cell_w + GAP
        row_h = max(row_h, cell_h)

    sheets = []
    for n, items in enumerate(pages, start=1):
        header = [line(f"proof-p{n}-title", f"{title} · 标识标牌样稿 proof for sign-off · scale 1:{scale:g}",
                       MARGIN, MARGIN, PAGE.width_mm - 2 * MARGIN - 30, black, char_mm=4.0),
                  line(f"proof-p{n}-page", f"{n}/{len(pages)}", PAGE.width_mm - MARGIN - 20, MARGIN, 20, black, char_mm=4.0),
                  Shape(f"proof-p{n}-rule", Path.rect(MARGIN, MARGIN + HEADER - 5, PAGE.width_mm - 2 * MARGIN, 0.3),
                        fill=red, source="proof")]
        sheets.append(Sheet(f"proof-{n}", PAGE, 0.0, tuple(header + items), title=f"{title} proof"))
    return sheets


def _notes(findings: tuple[Finding, ...], *, drawn: bool) -> list[str]:
    notes = [] if drawn else ["NOT DRAWN: a character no font has"]
    for f in findings:
        text = f"{f.severity}: {f.code}"
        if text not in notes:
            notes.append(text)
    return notes
