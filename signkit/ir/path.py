"""Drawn paths as values, read and written through the fontTools pen protocol.

In:  path operations from templates, brand artwork and layout code (in mm, y down).
Out: :class:`Path` values.  :meth:`Path.draw` replays a path onto any fontTools pen
(``moveTo``, ``lineTo``, ``curveTo``, ``closePath``, ``endPath``), the same protocol glyph
outlines use, so every backend and every check reads shapes and glyphs one way.
Quadratic curves are raised to cubics when a path is built (:class:`PathBuilder`), so a
path holds only moves, lines, cubics and closes.
"""

from __future__ import annotations

from dataclasses import dataclass

from fontTools.pens.basePen import BasePen

KAPPA = 0.5522847498307936  # cubic Bézier handle length for a quarter circle

# One operation: ("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y) | ("Z",)
PathOp = tuple


@dataclass(frozen=True, slots=True)
class Path:
    ops: tuple[PathOp, ...]

    def draw(self, pen) -> None:
        """Replay onto a fontTools pen.  An open subpath ends with ``endPath``."""
        open_ = False
        for op in self.ops:
            code = op[0]
            if code == "M":
                if open_:
                    pen.endPath()
                pen.moveTo((op[1], op[2]))
                open_ = True
            elif code == "L":
                pen.lineTo((op[1], op[2]))
            elif code == "C":
                pen.curveTo((op[1], op[2]), (op[3], op[4]), (op[5], op[6]))
            elif code == "Z":
                pen.closePath()
                open_ = False
        if open_:
            pen.endPath()

    def control_bounds(self) -> tuple[float, float, float, float] | None:
        """(xmin, ymin, xmax, ymax) of every point, control points included; None if empty."""
        xs = [v for op in self.ops for v in op[1::2]]
        ys = [v for op in self.ops for v in op[2::2]]
        if not xs:
            return None
        return (min(xs), min(ys), max(xs), max(ys))

    def segments(self):
        """Each drawn segment as (start, end, control points): for checks that need the
        stroked outline of a shape rather than the area it encloses."""
        start = current = None
        for op in self.ops:
            if op[0] == "M":
                start = current = (op[1], op[2])
                continue
            end = start if op[0] == "Z" else (op[-2], op[-1])
            controls = ((op[1], op[2]), (op[3], op[4])) if op[0] == "C" else ()
            if current is not None and end is not None:
                yield current, end, controls
            current = end

    # -- constructors ----------------------------------------------------------------------
    @staticmethod
    def rect(x: float, y: float, w: float, h: float, r: float = 0.0) -> "Path":
        if r <= 0:
            return Path((("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)))
        k = r * (1 - KAPPA)
        return Path((("M", x + r, y), ("L", x + w - r, y), ("C", x + w - k, y, x + w, y + k, x + w, y + r),
                     ("L", x + w, y + h - r), ("C", x + w, y + h - k, x + w - k, y + h, x + w - r, y + h),
                     ("L", x + r, y + h), ("C", x + k, y + h, x, y + h - k, x, y + h - r),
                     ("L", x, y + r), ("C", x, y + k, x + k, y, x + r, y), ("Z",)))

    @staticmethod
    def ellipse(cx: float, cy: float, rx: float, ry: float) -> "Path":
        kx, ky = rx * KAPPA, ry * KAPPA
        return Path((("M", cx + rx, cy),
                     ("C", cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry),
                     ("C", cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy),
                     ("C", cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry),
                     ("C", cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy), ("Z",)))

    @staticmethod
    def line(x1: float, y1: float, x2: float, y2: float) -> "Path":
        return Path((("M", x1, y1), ("L", x2, y2)))

    @staticmethod
    def polygon(points, *, closed: bool = True) -> "Path":
        pts = list(points)
        ops = [("M", *pts[0])] + [("L", *p) for p in pts[1:]]
        return Path(tuple(ops + [("Z",)] if closed else ops))


class PathBuilder(BasePen):
    """A fontTools pen that records what is drawn on it as a :class:`Path`
    (quadratics become cubics through BasePen's decomposition), optionally through a
    transform ``(a, b, c, d, e, f)``."""

    def __init__(self, transform=None):
        super().__init__(None)
        self.ops: list[PathOp] = []
        self._m = transform

    def _pt(self, p):
        if self._m is None:
            return (float(p[0]), float(p[1]))
        a, b, c, d, e, f = self._m
        return (a * p[0] + c * p[1] + e, b * p[0] + d * p[1] + f)

    def _moveTo(self, p):
        self.ops.append(("M", *self._pt(p)))

    def _lineTo(self, p):
        self.ops.append(("L", *self._pt(p)))

    def _curveToOne(self, p1, p2, p3):
        self.ops.append(("C", *self._pt(p1), *self._pt(p2), *self._pt(p3)))

    def _closePath(self):
        self.ops.append(("Z",))

    def path(self) -> Path:
        return Path(tuple(self.ops))
