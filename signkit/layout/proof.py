"""The proof (样稿): the sheet a village signs off before anything is printed.

In:  every sign in schedule order (job, sheet or None if it could not be drawn, findings, the
     checksum of its artwork, whether it changed since the last proof, a board's body size),
     the brand (label font and colours by role, the proof scale), the centre's name and the
     revision code.
Out: A3 landscape :class:`~signkit.ir.Sheet` pages, rendered by the same PDF backend as the
     signs:

* **Contact pages**: every sign at one scale (the brand's, default 1:20), trimmed, wall by
  wall and on each wall in hanging order (left to right as a visitor sees it), each with its
  id, size, material, location and findings; a sign changed since the last proof is outlined
  and tagged in the alert colour.
* **Reading pages**: each board (every sign that carries running text) again on a page of its
  own, at the scale where its body text is at least 9 pt, so the wording can be proofread.
* **A sign-off block on every page** (审核 / 签字 / 日期 / 版次) with the revision code, which
  is a digest of every sign's artwork: it changes when any artwork changes, and only then.

Captions are at least 7 pt.  Artwork that cannot print (an RGB photo, off-palette colours) is
shown by a stand-in (:func:`~signkit.layout.labels.printable_view`), so the proof is CMYK.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..checks.findings import Finding, severity_word
from ..i18n import _
from ..ir import Group, Item, Path, Rect, Shape, Sheet, Size
from ..model.brand import Brand
from ..model.job import SignJob
from ..units import MM_PER_PT
from ..words import say
from .labels import Labeller, printable_view

PAGE = Size(420.0, 297.0)  # A3 landscape
MARGIN = 12.0
HEADER = 16.0
FOOTER = 22.0  # the sign-off block
CAPTION_MM = 7 * MM_PER_PT * 0.92  # character height of a 7 pt caption (ideographic face ≈ 0.92 em)
LINE_PITCH = CAPTION_MM * 1.6
READING_MM = 9 * MM_PER_PT * 0.92  # the smallest body text a proofreader should read: 9 pt
MIN_CELL_W = 52.0
GAP = 6.0


@dataclass(frozen=True, slots=True)
class ProofEntry:
    job: SignJob
    sheet: Sheet | None
    findings: tuple[Finding, ...]
    changed: bool = False  # its artwork differs from the last proof's
    body_char_mm: float | None = None  # running text: the body's character height (a reading page)


def proof_pages(entries: Sequence[ProofEntry], *, brand: Brand, title: str, revision: str) -> list[Sheet]:
    labels = Labeller(brand)
    pages = _contact_pages(entries, brand, labels) + _reading_pages(entries, labels)
    sheets = []
    for n, (heading, items) in enumerate(pages, start=1):
        frame = [labels.line(f"proof-p{n}-title", f"{title} · " + heading, MARGIN, MARGIN,
                             PAGE.width_mm - 2 * MARGIN - 40, 4.0, source="proof"),
                 labels.line(f"proof-p{n}-page", _("page {n} of {count}").format(n=n, count=len(pages)),
                             PAGE.width_mm - MARGIN - 38, MARGIN, 38, 3.0, align="right", source="proof"),
                 Shape(f"proof-p{n}-rule", Path.rect(MARGIN, MARGIN + HEADER - 5, PAGE.width_mm - 2 * MARGIN, 0.3),
                       fill=labels.alert, source="proof")]
        sheets.append(Sheet(f"proof-{n}", PAGE, 0.0, tuple(frame + items + _sign_off(n, revision, labels)),
                            title=_("{title} proof, revision {revision}").format(title=title, revision=revision)))
    return sheets


@dataclass(frozen=True, slots=True)
class _Cell:
    entry: ProofEntry
    w: float  # the sign's trim at the proof scale, mm
    h: float
    width: float  # the cell: the sign and its captions
    height: float


def _contact_pages(entries: Sequence[ProofEntry], brand: Brand, labels: Labeller) -> list[tuple[str, list[Item]]]:
    """Walls as blocks (a heading over its signs side by side in hanging order), packed into
    rows and pages; a wall wider than the page continues in the next block."""
    scale = brand.output.proof_scale
    heading = _("sign proof for sign-off · scale 1:{scale}").format(scale=f"{scale:g}")
    right, bottom = PAGE.width_mm - MARGIN, PAGE.height_mm - MARGIN - FOOTER - 2
    walls: dict[str, list[ProofEntry]] = {}
    for entry in entries:
        walls.setdefault(entry.job.placement.wall, []).append(entry)
    blocks: list[tuple[str, list[_Cell]]] = []
    for wall, members in walls.items():
        cells = [_measure(e, scale, labels) for e in sorted(members, key=_hanging_order)]
        chunk: list[_Cell] = []
        for cell in cells:  # split a wall wider than the page
            if chunk and sum(c.width + GAP for c in chunk) + cell.width > right - MARGIN:
                blocks.append((wall, chunk))
                chunk = []
            chunk.append(cell)
        blocks.append((wall, chunk))
    pages: list[tuple[str, list[Item]]] = [(heading, [])]
    x, y, row_h = MARGIN, MARGIN + HEADER, 0.0
    for wall, cells in blocks:
        width = sum(c.width for c in cells) + GAP * (len(cells) - 1)
        head = labels.lines(f"proof-wall-{wall}-{cells[0].entry.job.id}", _("wall {wall}").format(wall=wall),
                            0, 0, width, CAPTION_MM, paint=labels.alert, source="proof")[1]
        height = head + 1.0 + max(c.height for c in cells)
        if x + width > right and x > MARGIN:  # the next row
            x, y, row_h = MARGIN, y + row_h + GAP, 0.0
        if y + height > bottom and y > MARGIN + HEADER:  # the next page
            pages.append((heading, []))
            x, y, row_h = MARGIN, MARGIN + HEADER, 0.0
        items = pages[-1][1]
        items.extend(labels.lines(f"proof-wall-{wall}-{cells[0].entry.job.id}", _("wall {wall}").format(wall=wall),
                                  x, y, width, CAPTION_MM, paint=labels.alert, source="proof")[0])
        cx = x
        for cell in cells:
            items.extend(_cell(cell, cx, y + head + 1.0, scale, labels))
            cx += cell.width + GAP
        x += width + GAP * 2
        row_h = max(row_h, height)
    return pages


def _captions(entry: ProofEntry) -> list[tuple[str, bool]]:
    """The lines under a sign on the contact page: (text, in the alert colour)."""
    job = entry.job
    lines = [(job.id, False), (f"{job.width_mm:g} × {job.height_mm:g} mm · {job.material.split(',')[0]}", False),
             (say(job.placement.location), False)]
    if entry.changed:
        lines.append((_("changed since the last proof"), True))
    return lines + [(n, True) for n in _notes(entry.findings, drawn=entry.sheet is not None)]


def _measure(entry: ProofEntry, scale: float, labels: Labeller) -> _Cell:
    w, h = entry.job.width_mm / scale, entry.job.height_mm / scale
    width = max(w, MIN_CELL_W)
    text = sum(labels.lines("m", t, 0, 0, width, CAPTION_MM)[1] for t, _alert in _captions(entry))
    return _Cell(entry, w, h, width, h + 2.0 + text)


def _cell(cell: _Cell, x: float, y: float, scale: float, labels: Labeller) -> list[Item]:
    entry = cell.entry
    sid = entry.job.id
    items: list[Item] = []
    if entry.sheet is not None:
        items.append(Group(f"proof-{sid}", printable_view(entry.sheet.items, labels),
                           (1 / scale, 0.0, 0.0, 1 / scale, x, y), source=sid, label=sid, clip=entry.sheet.trim_rect))
    items.append(Shape(f"proof-{sid}-trim", Path.rect(x, y, cell.w, cell.h),
                       stroke=labels.alert if entry.changed else labels.ink,
                       stroke_width_mm=0.5 if entry.changed else 0.1, source=sid))
    ty = y + cell.h + 2.0
    for i, (text, alert) in enumerate(_captions(entry)):
        runs, height = labels.lines(f"proof-{sid}-label{i}", text, x, ty, cell.width, CAPTION_MM,
                                    paint=labels.alert if alert else labels.ink, source="proof")
        items.extend(runs)
        ty += height
    return items


def _reading_pages(entries: Sequence[ProofEntry], labels: Labeller) -> list[tuple[str, list[Item]]]:
    """Every sign with running text again, its body at 9 pt or more: on one page when it fits,
    else in tiles (each a part of the board, overlapping by a line) read page after page."""
    pages = []
    room = Rect(MARGIN, MARGIN + HEADER, PAGE.width_mm - 2 * MARGIN,
                PAGE.height_mm - 2 * MARGIN - HEADER - FOOTER - LINE_PITCH - 4)
    for entry in entries:
        if entry.body_char_mm is None or entry.sheet is None:
            continue
        job = entry.job
        fit = min(room.width / job.width_mm, room.height / job.height_mm)
        # paper mm per sign mm: the whole board when its body is then 9 pt or more (never above
        # full size), else the scale where the body is 9 pt, in tiles
        k = max(READING_MM / entry.body_char_mm, min(fit, 1.0))
        tiles = _tiles(job.width_mm, job.height_mm, room.width / k, room.height / k, overlap=entry.body_char_mm * 2)
        pt = entry.body_char_mm * k / (MM_PER_PT * 0.92)
        for i, tile in enumerate(tiles, start=1):
            w, h = tile.width * k, tile.height * k
            x, y = room.x + (room.width - w) / 2, room.y
            tid = f"read-{job.id}" + (f"-{i}" if len(tiles) > 1 else "")
            items: list[Item] = [
                Group(tid, printable_view(entry.sheet.items, labels), (k, 0.0, 0.0, k, x - tile.x * k, y - tile.y * k),
                      source=job.id, label=job.id, clip=tile),
                Shape(f"{tid}-trim", Path.rect(x, y, w, h), stroke=labels.ink, stroke_width_mm=0.1, source=job.id)]
            caption = (f"{job.id} · {job.width_mm:g} × {job.height_mm:g} mm · "
                       + _("scale 1:{scale}, body text {pt} pt").format(scale=f"{1 / k:.1f}", pt=f"{pt:.1f}"))
            if len(tiles) > 1:
                caption += " · " + _("part {i} of {n}").format(i=i, n=len(tiles))
            items.append(labels.line(f"{tid}-caption", caption, room.x, y + h + 2, room.width, CAPTION_MM,
                                     source="proof"))
            pages.append((_("reading proof: {id}").format(id=job.id), items))
    return pages


def _tiles(width: float, height: float, tile_w: float, tile_h: float, *, overlap: float) -> list[Rect]:
    """Cover a width × height sign with tiles of at most tile_w × tile_h, row by row, neighbours
    overlapping by ``overlap`` so no line is cut between two pages unseen."""
    def spans(total: float, size: float) -> list[tuple[float, float]]:
        if total <= size + 1e-6:
            return [(0.0, total)]
        step = size - overlap
        count = max(1, -int(-(total - overlap) // step))
        return [(min(i * step, total - size), size) for i in range(count)]
    return [Rect(x, y, w, h) for y, h in spans(height, tile_h) for x, w in spans(width, tile_w)]


def _sign_off(n: int, revision: str, labels: Labeller) -> list[Item]:
    """审核 / 签字 / 日期 / 版次: four boxes at the foot of the page."""
    fields = [(_("reviewed by"), ""), (_("signature"), ""), (_("date"), ""), (_("revision"), revision)]
    width, height = 56.0, FOOTER - 6
    x0 = PAGE.width_mm - MARGIN - width * len(fields)
    y0 = PAGE.height_mm - MARGIN - height
    items: list[Item] = []
    for i, (label, value) in enumerate(fields):
        x = x0 + i * width
        items.append(labels.box(f"proof-p{n}-signoff{i}", Rect(x, y0, width, height), 0.25))
        items.append(labels.line(f"proof-p{n}-signoff{i}-label", label, x + 2, y0 + 1.5, width - 4, CAPTION_MM,
                                 source="proof"))
        if value:
            items.append(labels.line(f"proof-p{n}-signoff{i}-value", value, x + 2, y0 + height - 2 - CAPTION_MM * 1.9,
                                     width - 4, CAPTION_MM * 1.3, source="proof"))
    items.append(labels.line(f"proof-p{n}-signoff-note", _("Nothing is printed before this proof is signed."),
                             MARGIN, y0 + height - CAPTION_MM * 1.6, x0 - MARGIN - 4, CAPTION_MM, source="proof"))
    return items


def _hanging_order(entry: ProofEntry) -> tuple[int, float]:
    """Left to right as a visitor sees the wall: the left of a door outward-in, then the right."""
    p = entry.job.placement
    if p.side == "left" and p.wall.startswith(("entrance", "door-")):
        return (0, -p.offset_mm)
    return (1, p.offset_mm)


def _notes(findings: tuple[Finding, ...], *, drawn: bool) -> list[str]:
    notes = [] if drawn else [_("not drawn")]
    for f in findings:
        text = f"{severity_word(f.severity)}: {f.code}"
        if text not in notes:
            notes.append(text)
    return notes
