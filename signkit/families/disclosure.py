"""The disclosure board (三务公开栏: 党务公开、村务公开、财务公开).

In:  the profile's ``[disclosure]`` (period, pockets, paper size, columns; the room whose
     wall carries it, or none for the outdoor board by the main entrance), the brand's
     ``[texts.disclosure]`` (the update rule, with its source) and tokens
     ``[signs.disclosure.tokens]``.
Out: one ``disclosure`` job.  The board is a frame for papers that change every period: a
     column per kind of affairs under its title (the party column with the emblem, §3 table
     row 10), and in each column a grid of pockets that hold the posted sheets (A4 or A3,
     upright).  The board is sized from the pockets, not the other way round: pocket size,
     gaps, column titles, the header and the footer make its width and height (rounded up to
     whole centimetres).  The pockets'
     outlines are the cutter's path (a palette colour printed as the ``CutContour`` spot:
     stroked, never filled); the header names the period the papers cover and the footer
     the update rule (RULES.md BD-02: 村民委员会组织法 Art. 30).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..config import spec
from ..ir import Rect
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from .base import Family, PlanInput

PAPER_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}  # ISO 216, upright


@dataclass(frozen=True, slots=True)
class Tokens:
    margin_mm: float = spec(ge=0, doc="least margin: trim edge to the columns, the title and the footer text, mm")
    margin_ratio: float = spec(ge=0, le=0.2, doc="margin as a share of the board's short side, at least (the safe "
                                                "zone, SAFE_ZONE, grows with the board)")
    header_mm: float = spec(gt=0, doc="header band (title and period), mm")
    gap_mm: float = spec(ge=0, doc="header band to the column titles, mm")
    column_title_mm: float = spec(gt=0, doc="height of a column's title, mm")
    title_gap_mm: float = spec(ge=0, doc="column title to its first pocket, mm")
    pocket_gap_mm: float = spec(ge=0, doc="between pockets, mm")
    column_gap_mm: float = spec(ge=0, doc="between columns, mm")
    footer_mm: float = spec(gt=0, doc="footer above the bottom margin (its rule, the update rule, the hotline), mm")
    cut_width_mm: float = spec(gt=0, doc="stroke of the pockets' cut path, mm")
    rule_width_mm: float = spec(gt=0, doc="the column titles' and the footer's rules, mm")
    title_min_char_mm: float = spec(gt=0, doc="smallest title character height, mm")
    title_max_char_mm: float = spec(gt=0, doc="largest title character height, mm")
    column_min_char_mm: float = spec(gt=0, doc="smallest column title character height, mm")
    column_max_char_mm: float = spec(gt=0, doc="largest column title character height, mm")
    period_char_mm: float = spec(gt=0, doc="largest character height of the period under the title, mm")
    small_min_char_mm: float = spec(gt=0, doc="smallest character height of the period and the footer, mm")
    small_max_char_mm: float = spec(gt=0, doc="largest character height of the footer, mm")
    emblem_ratio: float = spec(gt=0, le=1, doc="the party column's emblem ÷ the column title's height")
    title: str = spec(doc="the board's name after the village's, e.g. 党务村务财务公开栏", nonblank=True)
    columns: tuple[str, ...] = spec(doc="column titles unless the profile gives its own", nonblank=True)
    party_columns: tuple[str, ...] = spec((), doc="column titles that take the party emblem (§3 table row 10)")


@dataclass(frozen=True, slots=True)
class Column:
    text: str  # key of its title in the job's texts: column0 …
    party: bool
    x: float  # left edge on the board, mm
    width: float
    pockets: tuple[Rect, ...]  # each pocket's outline on the board, mm


@dataclass(frozen=True, slots=True)
class Content:
    period: str
    columns: tuple[Column, ...]
    pocket: str  # A4 | A3
    pockets_top_mm: float  # top edge of the first row of pockets on the board, mm
    margin_mm: float  # the margin the board's size asks for
    rows: int
    across: int


def plan(inp: PlanInput) -> list[SignJob]:
    profile, brand = inp.profile, inp.brand
    d = profile.disclosure
    if d is None:
        return []
    sign = brand.signs["disclosure"]
    t: Tokens = sign.tokens
    pw, ph = PAPER_MM[d.pocket]
    across = d.across or (2 if d.pockets >= 4 else 1)
    rows = math.ceil(d.pockets / across)
    titles = d.columns or t.columns
    column_w = across * pw + (across - 1) * t.pocket_gap_mm
    top = t.header_mm + t.gap_mm + t.column_title_mm + t.title_gap_mm  # first row of pockets
    margin, width, height = t.margin_mm, 0.0, 0.0
    for _ in range(50):  # the margin follows the size and the size the margin: a fixed point, reached fast
        width = 2 * margin + len(titles) * column_w + (len(titles) - 1) * t.column_gap_mm
        height = top + rows * ph + (rows - 1) * t.pocket_gap_mm + t.footer_mm + margin
        wanted = max(t.margin_mm, t.margin_ratio * min(width, height))
        if abs(wanted - margin) < 1e-6:
            break
        margin = wanted
    # whole centimetres for the shop: the extra width is shared by the side margins, the extra
    # height goes between the pockets and the footer
    exact = width
    width, height = math.ceil(width / 10 - 1e-9) * 10.0, math.ceil(height / 10 - 1e-9) * 10.0
    left = margin + (width - exact) / 2
    columns = []
    for n, title in enumerate(titles):
        x = left + n * (column_w + t.column_gap_mm)
        pockets = tuple(Rect(x + (k % across) * (pw + t.pocket_gap_mm), top + (k // across) * (ph + t.pocket_gap_mm),
                             pw, ph) for k in range(d.pockets))
        columns.append(Column(f"column{n}", title in t.party_columns, x, column_w, pockets))
    key = "disclosure"
    texts = {"title": Text(d.title or profile.center.village + t.title, f"{key}.title" if d.title else "center.village"),
             "period": Text(d.period, f"{key}.period")}
    texts.update({c.text: Text(title, f"{key}.columns[{n}]" if d.columns else f"brand signs.disclosure.tokens.columns[{n}]")
                  for n, (c, title) in enumerate(zip(columns, titles))})
    texts["rule"] = Text(brand.texts["disclosure"]["text"], "brand texts.disclosure")
    if profile.center.hotline:
        texts["hotline"] = Text(profile.center.hotline, "center.hotline")
    room = profile.room(d.room) if d.room else None
    location = (Location("disclosure", {"floor": room.floor, "room": room.name}) if room is not None else
                Location("disclosure-outdoor"))
    centred = d.wall_mm is not None
    placement = Placement(
        wall=f"disclosure-{room.id}" if room is not None else "disclosure", location=location,
        anchor=sign.placement.anchor, height_mm=sign.placement.height_mm,
        offset_mm=d.wall_mm / 2 if centred else 0.0, side="left" if centred else "",  # type: ignore[operator]
        viewing_distance_mm=sign.placement.viewing_distance_mm, free_wall_mm=d.wall_mm,
        free_wall_key=f"{key}.wall_mm" if centred else "")
    return [make_job(
        id="disclosure", kind="disclosure", width_mm=width, height_mm=height, style=brand.style_of("disclosure"),
        texts=texts, source=key, placement=placement, material=sign.material, quantity=sign.quantity,
        room=room.id if room is not None else None, floor=room.floor if room is not None else 1,
        content=Content(d.period, tuple(columns), d.pocket, top, margin, rows, across))]


FAMILY = Family(kind="disclosure", tokens=Tokens, content=Content, plan=plan, template="disclosure.svg.j2", order=78,
                texts=("disclosure",),
                # a tall board is fine (BD-01: 1200 mm high under a canopy); its papers are held to
                # PL-06 by POCKET_REACH
                band=Band("extent", 600.0, 2400.0, "BD-01 (1200 mm boards under a canopy), §3 table row 10 "
                                                   "(bottom edge about 800 mm)"))
