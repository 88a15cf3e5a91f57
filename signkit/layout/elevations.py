"""Wall elevations for installers: every wall that carries signs, drawn to scale.

In:  the signs (jobs with placements, sheets), the profile (door openings) and the brand.
Out: one :class:`~signkit.ir.Sheet` per wall (``entrance``, ``door-party`` …),
     rendered to ``elevations/<wall>.svg`` and ``.pdf`` by the usual backends.  Each shows
     the floor line, the door opening where there is one, each sign at its mounting position
     (its artwork, trimmed, at scale) with its id (the back of a double-sided sign, ``<id>-b``,
     beside its face at the same height), and dimension lines: the height of each
     sign's reference edge above the floor and its offset from the door frame.

Labels are in the current language (:mod:`signkit.i18n`); wall and sign ids stay as they are.

Wall coordinates: millimetres on the wall, x to the viewer's right with 0 at the door's
centre line (or the wall's left end where there is no door), height up from the floor.
The drawing is scaled (1:20 by default) onto a page with a margin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import _
from ..ir import Glyphs, Group, Item, Paint, Path, Shape, Sheet, Size
from ..model.brand import Brand
from ..model.job import SignJob
from ..model.profile import Profile
from ..words import edge_word
from .labels import Labeller, printable_view

MARGIN = 15.0  # page margin, mm of paper
TEXT_MM = 2.4  # character height of labels on paper
HEADROOM_MM = 3000.0  # wall shown up to at least this height
FACE_GAP_MM = 400.0  # the back of a double-sided sign is drawn beside its face, this far to the right


@dataclass(frozen=True, slots=True)
class Placed:
    job: SignJob
    sheet: Sheet | None
    x: float  # sign's left edge on the wall, mm
    bottom: float  # sign's bottom edge above the floor, mm


def elevation_sheets(signs: Sequence[tuple[SignJob, Sheet | None]], *, profile: Profile, brand: Brand) -> list[Sheet]:
    walls: dict[str, list[tuple[SignJob, Sheet | None]]] = {}
    for job, sheet in signs:
        walls.setdefault(job.placement.wall, []).append((job, sheet))
    drawer = _Drawer(brand, brand.output.proof_scale)
    return [drawer.wall(name, entries, _door(name, entries, profile)) for name, entries in walls.items()]


def _door(wall: str, entries, profile: Profile) -> tuple[float, float] | None:
    """The door opening (width, height) on this wall, if it has one."""
    if wall == "entrance":
        return profile.entrance.door_width_mm, profile.entrance.door_height_mm
    if wall.startswith("door-"):  # every plate on this wall names the room whose door it is
        room = profile.room(entries[0][0].room or "")
        if room is not None and room.door is not None:
            return room.door.width_mm, room.door.height_mm
    return None


class _Drawer:
    def __init__(self, brand: Brand, scale: float):
        self.scale = scale
        self.labels = Labeller(brand)
        self.black, self.red = self.labels.ink, self.labels.alert

    def wall(self, name: str, entries, door: tuple[float, float] | None) -> Sheet:
        placed = [self._place(job, sheet, door) for job, sheet in entries]
        xs = [p.x for p in placed] + [p.x + p.job.width_mm for p in placed]
        if door:
            xs += [-door[0] / 2, door[0] / 2]
        left, right = min(xs) - 600, max(xs) + 600
        top = max([HEADROOM_MM] + [p.bottom + p.job.height_mm + 300 for p in placed] + ([door[1] + 300] if door else []))
        k = 1 / self.scale
        page = Size(round((right - left) * k + 2 * MARGIN, 1), round(top * k + 2 * MARGIN + 14, 1))
        floor_y = page.height_mm - MARGIN - 6

        def X(x: float) -> float:
            return MARGIN + (x - left) * k

        def Y(h: float) -> float:
            return floor_y - h * k

        items: list[Item] = [self._text(f"{name}-title", _("{wall} · elevation 1:{scale} · heights above the finished "
                                                           "floor, mm").format(wall=name, scale=f"{self.scale:g}"),
                                        MARGIN, MARGIN - 2, page.width_mm, 3.2)]
        items.append(self._line(f"{name}-floor", X(left), Y(0), X(right), Y(0), 0.5))
        if door:
            dw, dh = door
            items.append(Shape(f"{name}-door", Path.rect(X(-dw / 2), Y(dh), dw * k, dh * k),
                               stroke=self.black, stroke_width_mm=0.35, source=name))
            items.append(self._text(f"{name}-door-label", _("door {width} × {height}").format(
                width=f"{dw:g}", height=f"{dh:g}"), X(-dw / 2) + 1, Y(dh) + 1, dw * k - 2, TEXT_MM))
        dimensioned: set[tuple[str, float]] = set()
        drawn = [self._sign(f"{name}-{n}", p, X, Y, k, door, n, dimensioned) for n, p in enumerate(placed)]
        # every sign's artwork first, then the outlines, ids and dimensions: a sign hung close to
        # another (the oath wall's boards beside the flag) never covers its neighbour's labels
        items += [i for sign in drawn for i in sign if isinstance(i, Group)]
        items += [i for sign in drawn for i in sign if not isinstance(i, Group)]
        return Sheet(f"elevation-{name}", page, 0.0, tuple(items), title=_("{wall} elevation").format(wall=name))

    def _place(self, job: SignJob, sheet: Sheet | None, door) -> Placed:
        p = job.placement
        bottom = p.centre_height_mm(job.height_mm) - job.height_mm / 2
        if door and p.side in ("left", "right"):
            centre = door[0] / 2 + p.offset_mm
            cx = centre if p.side == "right" else -centre
        else:
            cx = p.offset_mm if p.side in ("left", "right") else 0.0
        if job.face == 2:  # both faces hang at one place: the back is drawn beside, as if turned round
            cx += job.width_mm + FACE_GAP_MM
        return Placed(job, sheet, cx - job.width_mm / 2, bottom)

    def _sign(self, prefix: str, p: Placed, X, Y, k: float, door, n: int,
              dimensioned: set[tuple[str, float]]) -> list[Item]:
        job = p.job
        w, h = job.width_mm * k, job.height_mm * k
        x0, y0 = X(p.x), Y(p.bottom + job.height_mm)
        out: list[Item] = []
        if p.sheet is not None:
            out.append(Group(f"{prefix}-art", printable_view(p.sheet.items, self.labels), (k, 0.0, 0.0, k, x0, y0),
                             source=job.id, label=job.id, clip=p.sheet.trim_rect))
        out.append(Shape(f"{prefix}-outline", Path.rect(x0, y0, w, h), stroke=self.red, stroke_width_mm=0.25,
                         source=job.id))
        # ids under the sign, staggered so neighbours' labels do not collide
        out.append(self._text(f"{prefix}-id", job.id, x0, Y(p.bottom) + 1 + (n % 3) * TEXT_MM * 1.5,
                              max(w, 30), TEXT_MM, self.red))
        # the height of the edge the placement refers to, dimensioned from the floor (once per height)
        anchor = job.placement.anchor
        ref = {"bottom": p.bottom, "top": p.bottom + job.height_mm}.get(anchor, p.bottom + job.height_mm / 2)
        if (anchor, round(ref)) not in dimensioned:
            dimensioned.add((anchor, round(ref)))
            dim_x = x0 - 2.5
            out.append(self._line(f"{prefix}-hdim", dim_x, Y(0), dim_x, Y(ref), 0.18))
            out.append(self._line(f"{prefix}-htick", dim_x - 1.2, Y(ref), dim_x + 1.2, Y(ref), 0.18))
            out.append(self._text(f"{prefix}-hlabel", f"{edge_word(anchor)} {ref:.0f}", dim_x - 22,
                                  Y(ref) - TEXT_MM * 1.4, 21, TEXT_MM))
        if door and job.placement.side in ("left", "right"):
            edge = door[0] / 2 if job.placement.side == "right" else -door[0] / 2
            centre = p.x + job.width_mm / 2
            y = Y(p.bottom) + 6 + 3 * TEXT_MM + (n % 4) * TEXT_MM * 1.6
            out.append(self._line(f"{prefix}-odim", X(edge), y, X(centre), y, 0.18))
            for n, xx in enumerate((X(edge), X(centre))):
                out.append(self._line(f"{prefix}-otick{n}", xx, y - 1.2, xx, y + 1.2, 0.18))
            lx = min(X(edge), X(centre))
            out.append(self._text(f"{prefix}-olabel", f"{job.placement.offset_mm:.0f}", lx, y + 0.8,
                                  max(abs(X(centre) - X(edge)), 12), TEXT_MM))
        return out

    def _line(self, item_id: str, x1: float, y1: float, x2: float, y2: float, width: float) -> Shape:
        return self.labels.rule(item_id, x1, y1, x2, y2, width)

    def _text(self, item_id: str, text: str, x: float, y: float, width: float, char_mm: float,
              paint: Paint | None = None) -> Glyphs:
        return self.labels.line(item_id, text, x, y, width, char_mm, paint=paint, source="elevation")
