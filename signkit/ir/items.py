"""The item kinds a sheet is made of: shapes, glyph runs, photos and groups.

In:  built by the layout stage (templates, the text engine, brand artwork).
Out: read by every backend and every check.  Every item carries ``id`` (stable, derived from
its source; backends use it for element ids) and ``source`` (the profile key or template
element that produced it).  All lengths are millimetres in the coordinates of the item's
parent, y down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Union

from .geometry import IDENTITY, Matrix, Rect
from .paint import Paint
from .path import Path


class GlyphFace(Protocol):
    """What the IR needs of a font face (implemented by :class:`signkit.text.fonts.Face`)."""

    role: str  # the brand's font role, e.g. hei
    key: str  # unique per font file in this process: cache key for backends
    family: str
    units_per_em: int

    def bounds(self, gid: int) -> tuple[float, float, float, float] | None: ...

    def draw(self, gid: int, pen) -> None: ...


@dataclass(frozen=True, slots=True)
class Shape:
    """A path filled and/or stroked with palette colours."""

    id: str
    path: Path
    fill: Paint | None = None
    stroke: Paint | None = None
    stroke_width_mm: float = 0.0
    source: str = ""
    even_odd: bool = False  # fill rule: False nonzero (the SVG default), True even-odd

    def bounds(self) -> Rect | None:
        box = self.path.control_bounds()
        if box is None:
            return None
        pad = self.stroke_width_mm / 2 if self.stroke else 0.0
        return Rect(box[0] - pad, box[1] - pad, box[2] - box[0] + 2 * pad, box[3] - box[1] + 2 * pad)


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
    lines: int = 1  # 2: the text was set in two lines before it would shrink


@dataclass(frozen=True, slots=True)
class Glyphs:
    """A shaped, positioned run of outlined text in one face, size and colour.

    Each glyph is drawn from the face's outline scaled by ``size_mm / units_per_em`` with
    the font's y axis flipped, its origin at ``(x, y)``.  ``text`` is the source text (kept
    for search, accessibility and checks); ``cluster`` indexes into it.
    """

    id: str
    face: GlyphFace
    size_mm: float
    glyphs: tuple[PlacedGlyph, ...]
    fill: Paint
    text: str
    source: str = ""
    fit: TextFit | None = None
    vertical: bool = False
    role: str = "primary"  # primary | secondary: which legibility limit applies (RULES.md PL-08); mark: a bullet, not read

    @property
    def scale(self) -> float:
        return self.size_mm / self.face.units_per_em

    def ink_bounds(self) -> Rect | None:
        """The union of the glyph outlines' bounds as drawn, in the run's mm."""
        s = self.scale
        x0 = y0 = x1 = y1 = None
        for g in self.glyphs:
            b = self.face.bounds(g.gid)
            if b is None:
                continue
            gx0, gy0, gx1, gy1 = g.x + b[0] * s, g.y - b[3] * s, g.x + b[2] * s, g.y - b[1] * s
            if x0 is None:
                x0, y0, x1, y1 = gx0, gy0, gx1, gy1
            else:
                x0, y0, x1, y1 = min(x0, gx0), min(y0, gy0), max(x1, gx1), max(y1, gy1)
        return None if x0 is None else Rect(x0, y0, x1 - x0, y1 - y0)


@dataclass(frozen=True, slots=True)
class Raster:
    """A photo file as the load stage read it: its bytes and what its header says."""

    name: str  # as the profile names it, e.g. photos/grapes.jpg
    data: bytes
    pixels: tuple[int, int]
    mode: str  # CMYK, RGB, L …
    format: str  # JPEG, PNG …
    inverted: bool = False  # Adobe CMYK JPEG (APP14): stored inverted, decoded with /Decode [1 0 …]

    @property
    def printable(self) -> bool:
        """Only CMYK JPEG goes into print PDFs, passed through (signkit never converts colour)."""
        return self.format == "JPEG" and self.mode == "CMYK"


@dataclass(frozen=True, slots=True)
class Image:
    """A photo placed in ``box`` (mm; the whole image, its aspect kept by composition)."""

    id: str
    raster: Raster
    box: Rect
    source: str = ""

    @property
    def printable(self) -> bool:
        return self.raster.printable

    def ppi(self) -> float:
        """Pixels per inch at the size drawn (the smaller of the two directions)."""
        w, h = self.raster.pixels
        return min(w / (self.box.width / 25.4), h / (self.box.height / 25.4))


@dataclass(frozen=True, slots=True)
class Group:
    """Children under a transform; ``label`` becomes the SVG ``aria-label``.

    ``clip`` (in the group's own coordinates, before its transform) hides what lies
    outside it, as a proof sheet shows each sign's trim without its bleed.
    ``asset`` names the brand asset slot the group came from (``emblem`` …), ``artwork_role``
    what kind of official artwork it is (emblem, flag, mark, pictogram …: which rules apply)
    and ``placeholder`` marks stand-in artwork that must not be printed.  ``layer`` names the
    role of the group's content for designers (background, artwork, text, marks).
    """

    id: str
    children: tuple["Item", ...]
    transform: Matrix = IDENTITY
    source: str = ""
    label: str | None = None
    asset: str | None = None
    artwork_role: str = ""
    placeholder: bool = False
    clip: Rect | None = None
    box: Rect | None = None  # brand artwork: its own extent (viewBox) in the group's coordinates
    layer: str = ""


Item = Union[Shape, Glyphs, Image, Group]
