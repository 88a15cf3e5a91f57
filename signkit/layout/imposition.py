"""Imposition: copies of signs → places on stock sheets, for a flatbed printer and cutter.

In:  :class:`Piece` values (one per copy of a sign: its id and trim size in mm) of one
     material, the stock sheet's printable area (a :class:`~signkit.ir.Rect` in sheet mm,
     origin top-left, y down), the gap the cutter needs between two trims, and whether the
     material lets a sign turn 90°.
Out: :class:`Layout`: the sheets, each a tuple of :class:`Placed` (the piece and the
     top-left corner of its trim on the sheet, turned or not), and the pieces larger than the
     printable area in every allowed orientation (``oversize``: each gets a page of its own).

The packing is guillotine shelves, the way a shop lays out a sheet by hand: pieces of one
size go in a block of rows (left to right, top to bottom), the largest size first; the strip
to the right of a block and the rest of a half-filled last row are filled the same way with
whatever smaller pieces fit, and the next block starts below.  Every region is a rectangle
cut from a larger one edge to edge, so a panel saw could separate the sheet too.  For each
block the orientation that places the most pieces wins; on a tie, the one that uses the
least height (it leaves the most room below), then the upright one.  Nothing depends on
hashing or timing: the same pieces in the same order give the same sheets.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from ..ir import Rect

EPS = 1e-6  # mm: pieces that fit exactly do fit


@dataclass(frozen=True, slots=True)
class Piece:
    """One copy of a sign to print and cut: ``copy`` of ``copies`` (the sign's quantity)."""

    sign_id: str
    width_mm: float
    height_mm: float
    copy: int = 1
    copies: int = 1


@dataclass(frozen=True, slots=True)
class Placed:
    """A piece on a sheet: its trim's top-left corner at (x, y); ``rotated`` turns it 90°
    clockwise, so it takes ``height_mm`` across and ``width_mm`` down."""

    piece: Piece
    x: float
    y: float
    rotated: bool = False

    @property
    def rect(self) -> Rect:
        """The trim on the sheet, mm."""
        p = self.piece
        w, h = (p.height_mm, p.width_mm) if self.rotated else (p.width_mm, p.height_mm)
        return Rect(self.x, self.y, w, h)


@dataclass(frozen=True, slots=True)
class Layout:
    sheets: tuple[tuple[Placed, ...], ...]
    oversize: tuple[Piece, ...]  # larger than the printable area whichever way they turn


def impose(pieces: Iterable[Piece], area: Rect, *, gap_mm: float, rotate: bool) -> Layout:
    """Lay ``pieces`` onto as few sheets as the shelf packing manages (see the module doc)."""
    packer = _Packer(gap_mm, rotate)
    oversize: list[Piece] = []
    for piece in pieces:
        if packer.orientations(piece.width_mm, piece.height_mm, area):
            packer.add(piece)
        else:
            oversize.append(piece)
    sheets: list[tuple[Placed, ...]] = []
    while packer.remaining:
        placed: list[Placed] = []
        packer.fill(area, placed)
        assert placed, "a piece that fits an empty sheet was not placed"  # a bug, never an input problem
        sheets.append(tuple(placed))
    return Layout(tuple(sheets), tuple(oversize))


class _Packer:
    def __init__(self, gap_mm: float, rotate: bool):
        self.gap, self.rotate = gap_mm, rotate
        self.groups: dict[tuple[float, float], deque[Piece]] = {}  # size → its pieces, in input order
        self.remaining = 0

    def add(self, piece: Piece) -> None:
        self.groups.setdefault((piece.width_mm, piece.height_mm), deque()).append(piece)
        self.remaining += 1

    def orientations(self, w: float, h: float, rect: Rect) -> list[bool]:
        """The orientations (False upright, True turned) in which a w × h piece fits ``rect``."""
        out = []
        if w <= rect.width + EPS and h <= rect.height + EPS:
            out.append(False)
        if self.rotate and w != h and h <= rect.width + EPS and w <= rect.height + EPS:
            out.append(True)
        return out

    def _count(self, size: float, room: float) -> int:
        """How many pieces of ``size`` fit in ``room`` with the gap between them."""
        return max(0, math.floor((room + self.gap) / (size + self.gap) + EPS))

    def _choose(self, rect: Rect):
        """The block to place next in ``rect``: the largest size with pieces left that fits,
        in its best orientation; None when nothing left fits."""
        sizes = sorted((key for key, queue in self.groups.items() if queue),
                       key=lambda k: (-max(k), -min(k), -k[0]))
        for key in sizes:
            options = []
            for rotated in self.orientations(key[0], key[1], rect):
                w, h = (key[1], key[0]) if rotated else key
                cols, rows = self._count(w, rect.width), self._count(h, rect.height)
                n = min(len(self.groups[key]), cols * rows)
                used_h = math.ceil(n / cols) * (h + self.gap)
                options.append((-n, used_h, rotated, key, w, h, cols, n))
            if options:
                return min(options)[2:]
        return None

    def fill(self, rect: Rect, out: list[Placed]) -> None:
        """Fill ``rect`` block by block, each block's leftovers first (guillotine cuts)."""
        g = self.gap
        while self.remaining:
            choice = self._choose(rect)
            if choice is None:
                return
            rotated, key, w, h, cols, n = choice
            queue = self.groups[key]
            for i in range(n):
                row, col = divmod(i, cols)
                out.append(Placed(queue.popleft(), rect.x + col * (w + g), rect.y + row * (h + g), rotated))
            self.remaining -= n
            full, last = divmod(n, cols)
            if full:  # the strip right of the full rows
                x = rect.x + cols * (w + g)
                self.fill(Rect(x, rect.y, rect.right - x, full * (h + g) - g), out)
            if last:  # the rest of the last row
                x = rect.x + last * (w + g)
                self.fill(Rect(x, rect.y + full * (h + g), rect.right - x, h), out)
            top = rect.y + math.ceil(n / cols) * (h + g)
            if top >= rect.bottom:
                return
            rect = Rect(rect.x, top, rect.width, rect.bottom - top)
