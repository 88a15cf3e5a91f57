"""Plane geometry of the IR: sizes, rectangles and affine matrices, in millimetres.

In:  numbers.  Out: immutable values.  Origin top-left, y down (as in SVG); a matrix is
``(a, b, c, d, e, f)`` as in SVG and PDF, mapping ``(x, y)`` to ``(a x + c y + e, b x + d y + f)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Size:
    width_mm: float
    height_mm: float


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def inset(self, d: float) -> "Rect":
        return Rect(self.x + d, self.y + d, self.width - 2 * d, self.height - 2 * d)

    def contains(self, other: "Rect", tol: float = 1e-6) -> bool:
        return (other.x >= self.x - tol and other.y >= self.y - tol
                and other.right <= self.right + tol and other.bottom <= self.bottom + tol)

    def intersects(self, other: "Rect") -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def union(self, other: "Rect") -> "Rect":
        x0, y0 = min(self.x, other.x), min(self.y, other.y)
        return Rect(x0, y0, max(self.right, other.right) - x0, max(self.bottom, other.bottom) - y0)

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.width, self.height)


def multiply(outer: Matrix, inner: Matrix) -> Matrix:
    """The matrix that applies ``inner`` first, then ``outer``."""
    a1, b1, c1, d1, e1, f1 = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2,
            a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def transform_rect(m: Matrix, r: Rect) -> Rect:
    """The axis-aligned box of ``r`` after ``m``."""
    pts = [apply(m, x, y) for x, y in ((r.x, r.y), (r.right, r.y), (r.x, r.bottom), (r.right, r.bottom))]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def is_identity(m: Matrix) -> bool:
    return all(math.isclose(a, b, abs_tol=1e-12) for a, b in zip(m, IDENTITY))


def scale_of(m: Matrix) -> float:
    """The uniform scale a matrix applies (the square root of its determinant's size)."""
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
