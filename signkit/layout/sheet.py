"""The layout IR: one immutable, backend-neutral description of a finished sign.

In:  built by :mod:`signkit.layout.compose` (templates + text engine).
Out: read by every backend (:mod:`signkit.render`) and every check (:mod:`signkit.checks`);
     nothing downstream looks at anything earlier than the :class:`Sheet`.

Units and axes: millimetres, origin at the top-left corner of the trim, y down.  Artwork
may extend into the bleed (negative coordinates, or beyond the trim size).

Item kinds: :class:`Shape` (a path with fill and/or stroke), :class:`Glyphs` (a shaped run
of outlined text), :class:`Image` (a photo in a box) and :class:`Group` (children under a
transform).  Every item carries ``id`` (stable, derived from its source, used as
the SVG id) and ``source`` (the profile key or template element that produced it).
Colours are :class:`Paint` values resolved from the brand palette, never raw hex.
A backend or check that meets a kind it does not handle fails loudly (``assert_never``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from ..text.fonts import Face


@dataclass(frozen=True, slots=True)
class Paint:
    """A palette colour: its name, exact CMYK (0–1 each) for print and sRGB hex for previews.

    ``cmyk`` is None only for a colour of imported brand artwork that matches no palette
    entry: it can be previewed but never printed (signkit does not guess CMYK from RGB).
    """

    name: str
    cmyk: tuple[float, float, float, float] | None
    rgb: str

    @property
    def printable(self) -> bool:
        return self.cmyk is not None


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


# Path operations, in the order a pen draws them:
#   ("M", x, y)  ("L", x, y)  ("C", x1, y1, x2, y2, x, y)  ("Z",)
PathOp = tuple
Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as in SVG/PDF
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(outer: Matrix, inner: Matrix) -> Matrix:
    """The matrix that applies ``inner`` first, then ``outer``."""
    a1, b1, c1, d1, e1, f1 = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2,
            a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


@dataclass(frozen=True, slots=True)
class Shape:
    id: str
    path: tuple[PathOp, ...]
    fill: Paint | None = None
    stroke: Paint | None = None
    stroke_width_mm: float = 0.0
    source: str = ""
    even_odd: bool = False  # fill rule: False nonzero (the SVG default), True even-odd

    def bounds(self) -> Rect | None:
        xs = [v for op in self.path for v in op[1::2]]
        ys = [v for op in self.path for v in op[2::2]]
        if not xs:
            return None
        pad = self.stroke_width_mm / 2 if self.stroke else 0.0
        return Rect(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad)


@dataclass(frozen=True, slots=True)
class PlacedGlyph:
    """One glyph: its id in the face, the origin in mm, and the index of its first character."""

    gid: int
    x: float
    y: float
    cluster: int


@dataclass(frozen=True, slots=True)
class TextFit:
    """How the text engine set a run, for checks and the report."""

    frame: Rect
    char_height_mm: float  # height of the ideographic face at the chosen size
    min_char_height_mm: float
    max_char_height_mm: float
    tracking_mm: float = 0.0
    fits: bool = True  # False: even the minimum size overflows the frame


@dataclass(frozen=True, slots=True)
class Glyphs:
    """A shaped, positioned run of outlined text in one face, size and colour.

    Each glyph is drawn from the face's outline scaled by ``size_mm / units_per_em`` with
    the font's y axis flipped, its origin at ``(x, y)``.  ``text`` is the source text (kept
    for search, accessibility and checks); ``cluster`` indexes into it.
    """

    id: str
    face: "Face"
    size_mm: float
    glyphs: tuple[PlacedGlyph, ...]
    fill: Paint
    text: str
    source: str = ""
    fit: TextFit | None = None
    vertical: bool = False
    role: str = "primary"  # primary | secondary: which legibility limit applies (RULES.md PL-08)

    @property
    def scale(self) -> float:
        return self.size_mm / self.face.units_per_em

    def ink_bounds(self) -> Rect | None:
        """The union of the glyph outlines' bounds as drawn, in sheet mm."""
        s = self.scale
        box = None
        for g in self.glyphs:
            b = self.face.bounds(g.gid)
            if b is None:
                continue
            x0, y0, x1, y1 = g.x + b[0] * s, g.y - b[3] * s, g.x + b[2] * s, g.y - b[1] * s
            box = (x0, y0, x1, y1) if box is None else (min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1))
        return None if box is None else Rect(box[0], box[1], box[2] - box[0], box[3] - box[1])


@dataclass(frozen=True, slots=True)
class Image:
    """A photo placed in ``box`` (mm; the whole image, its aspect kept by composition).

    ``mode`` and ``format`` say whether it can print: only CMYK JPEG goes into print PDFs
    (signkit never converts colour); anything else is previewed and reported.
    """

    id: str
    path: str
    box: Rect
    pixels: tuple[int, int]
    mode: str  # CMYK, RGB, L …
    format: str  # JPEG, PNG …
    source: str = ""
    inverted: bool = False  # Adobe CMYK JPEG (APP14): stored inverted, decoded with /Decode [1 0 …]

    @property
    def printable(self) -> bool:
        return self.format == "JPEG" and self.mode == "CMYK"

    def ppi(self) -> float:
        """Pixels per inch at the size drawn (the smaller of the two directions)."""
        return min(self.pixels[0] / (self.box.width / 25.4), self.pixels[1] / (self.box.height / 25.4))


@dataclass(frozen=True, slots=True)
class Group:
    """Children under a transform; ``label`` becomes the SVG ``aria-label``.

    ``clip`` (in the group's own coordinates, before its transform) hides what lies
    outside it, as a proof sheet shows each sign's trim without its bleed.
    ``asset`` names the brand asset slot the group came from (``emblem`` …) and
    ``placeholder`` marks stand-in artwork that must not be printed.
    """

    id: str
    children: tuple["Item", ...]
    transform: Matrix = IDENTITY
    source: str = ""
    label: str | None = None
    asset: str | None = None
    placeholder: bool = False
    clip: Rect | None = None
    box: Rect | None = None  # brand artwork: its own extent (viewBox) in the group's coordinates


Item = Union[Shape, Glyphs, Image, Group]


@dataclass(frozen=True, slots=True)
class Sheet:
    """One page of artwork: the trim size, the bleed, and the items in paint order."""

    id: str
    trim: Size
    bleed_mm: float
    items: tuple[Item, ...]
    title: str = ""
    meta: tuple[tuple[str, str], ...] = field(default=())
    folds_mm: tuple[float, ...] = ()  # horizontal fold lines, mm from the top of the trim; marked outside it
    slug: tuple[Item, ...] = ()  # notes outside the bleed (the 样稿/PROOF mark), drawn in print PDFs only

    @property
    def trim_rect(self) -> Rect:
        return Rect(0.0, 0.0, self.trim.width_mm, self.trim.height_mm)

    @property
    def bleed_rect(self) -> Rect:
        return Rect(0.0, 0.0, self.trim.width_mm, self.trim.height_mm).inset(-self.bleed_mm)


def walk(items: tuple[Item, ...], transform: Matrix = IDENTITY,
         parents: tuple[Group, ...] = ()) -> Iterator[tuple[Item, Matrix, tuple[Group, ...]]]:
    """Every item depth-first in paint order, with its accumulated transform and its groups."""
    for item in items:
        yield item, transform, parents
        if isinstance(item, Group):
            yield from walk(item.children, multiply(transform, item.transform), parents + (item,))


def transform_rect(m: Matrix, r: Rect) -> Rect:
    pts = [apply(m, x, y) for x, y in ((r.x, r.y), (r.right, r.y), (r.x, r.bottom), (r.right, r.bottom))]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def is_identity(m: Matrix) -> bool:
    return all(math.isclose(a, b, abs_tol=1e-12) for a, b in zip(m, IDENTITY))

