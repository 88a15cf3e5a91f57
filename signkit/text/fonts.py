"""Font faces: coverage, shaping handles, outlines and metrics, loaded once per process.

In:  font files (the brand's roles → bundled OTF/CFF files).
Out: :class:`Face` objects shared by the text engine (shaping, fitting), the backends
     (outlines through the fontTools pen protocol) and the checks (bounds of the outlines
     actually drawn).  A :class:`FontBook` maps the brand's roles (``hei``, ``song`` …) to faces.

Outlines come straight from the CFF (no TrueType conversion): HarfBuzz interprets each
glyph's charstring once, and the recorded outline is replayed onto any fontTools pen, in
font units, y up.
Bounds are cached per glyph.  Faces pickle as (role, path) and
re-open from a per-process cache, so sheets can cross process boundaries.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb
from fontTools.pens.basePen import AbstractPen
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from .bounds import glyph_box, read_bounds

REFERENCE_HANZI = "国"  # a full-face ideograph, for default character-face metrics

_lock = threading.Lock()
_faces: dict[tuple[str, str], "Face"] = {}


class Face:
    """One font file playing one role."""

    def __init__(self, role: str, path: Path):
        self.role = role
        self.path = Path(path)
        data = self.path.read_bytes()
        # fontTools reads the small tables only (name, OS/2, head); HarfBuzz does the glyphs
        # (advances, outlines), so the CFF table is never parsed in Python (its charset alone
        # costs 40 ms a font)
        self._tt = TTFont(self.path, lazy=True)
        self.units_per_em: int = self._tt["head"].unitsPerEm
        hb_face = hb.Face(hb.Blob(data))
        self.hb_font = hb.Font(hb_face)
        self.cmap: frozenset[int] = frozenset(hb_face.unicodes)  # the code points the font covers
        self.family = self._tt["name"].getDebugName(4) or self.path.stem
        self._bounds: dict[int, tuple[float, float, float, float] | None] = {}
        # every glyph's ink box, measured when the font was built (text/bounds.py); None: measure lazily
        self._known = read_bounds(self.path, font_size=len(data), glyphs=hb_face.glyph_count)
        self._outlines: dict[int, RecordingPen] = {}
        os2 = self._tt["OS/2"]
        self.ascender: int = os2.sTypoAscender
        self.descender: int = os2.sTypoDescender
        self.key = f"{role}:{self.path}"  # unique per font file: cache key for the backends

    @classmethod
    def open(cls, role: str, path: str | Path) -> "Face":
        """The shared face for (role, path) in this process."""
        key = (role, str(path))
        with _lock:
            face = _faces.get(key)
            if face is None:
                face = _faces[key] = cls(role, Path(path))
            return face

    def __reduce__(self):
        return (Face.open, (self.role, str(self.path)))

    def __repr__(self) -> str:
        return f"Face({self.role!r}, {self.path.name!r})"

    def covers(self, char: str) -> bool:
        return ord(char) in self.cmap

    def missing(self, text: str) -> list[str]:
        """Characters of ``text`` this face cannot draw, in order, without repeats.

        Line breaks and tabs are layout, not glyphs, and are not reported.
        """
        seen: list[str] = []
        for ch in text:
            if ch not in "\n\t" and ord(ch) not in self.cmap and ch not in seen:
                seen.append(ch)
        return seen

    def draw(self, gid: int, pen: AbstractPen) -> None:
        """Draw glyph ``gid`` onto a fontTools pen, in font units, y up.

        HarfBuzz interprets the CFF charstring (in C, several times faster than fontTools'
        interpreter) once per glyph; later draws (PDF form, SVG path) replay the recorded
        outline.
        """
        outline = self._outlines.get(gid)
        if outline is None:
            recorder = RecordingPen()
            self.hb_font.draw_glyph_with_pen(gid, _IntPen(recorder))
            outline = self._outlines[gid] = recorder
        outline.replay(pen)

    def bounds(self, gid: int) -> tuple[float, float, float, float] | None:
        """Ink bounds (xMin, yMin, xMax, yMax) in font units, the curves' true extrema (HarfBuzz's
        glyph extents are the control-point box, up to 20 % wider on round glyphs); None for
        an empty glyph."""
        try:
            return self._bounds[gid]
        except KeyError:
            if self._known is not None:
                box = self._bounds[gid] = glyph_box(self._known, gid)
                return box
            pen = BoundsPen(None)
            self.draw(gid, pen)
            self._bounds[gid] = pen.bounds
            return pen.bounds

    def advance(self, gid: int) -> int:
        return self.hb_font.get_glyph_h_advance(gid)

    @property
    def face_height_em(self) -> float:
        """Ink height of a full-face ideograph, in em (the default character-height ratio)."""
        return _face_height(self)


class _IntPen:
    """HarfBuzz's outline as fontTools' CFF interpreter gives it: whole font units as ints, and
    no explicit line back to a contour's start before its close (HarfBuzz draws one), so every
    backend writes the same numbers it always did."""

    def __init__(self, pen):
        self.pen = pen
        self.start = None
        self.pending = None  # a lineTo held back until we know whether it closes the contour

    def _flush(self):
        if self.pending is not None:
            self.pen.lineTo(self.pending)
            self.pending = None

    def moveTo(self, p):
        self._flush()
        self.start = _i(p)
        self.pen.moveTo(self.start)

    def lineTo(self, p):
        self._flush()
        self.pending = _i(p)

    def curveTo(self, *points):
        self._flush()
        self.pen.curveTo(*map(_i, points))

    def qCurveTo(self, *points):
        self._flush()
        self.pen.qCurveTo(*map(_i, points))

    def closePath(self):
        if self.pending is not None and self.pending != self.start:
            self.pen.lineTo(self.pending)
        self.pending = None
        self.pen.closePath()

    def endPath(self):
        self._flush()
        self.pen.endPath()


def _i(p):
    x, y = p
    return (int(x) if x.is_integer() else x, int(y) if y.is_integer() else y)


@lru_cache(maxsize=None)
def _face_height(face: Face) -> float:
    gid = face.hb_font.get_nominal_glyph(ord(REFERENCE_HANZI))
    box = face.bounds(gid) if gid else None
    if box is None:
        return (face.ascender - face.descender) / face.units_per_em
    return (box[3] - box[1]) / face.units_per_em


class FontBook:
    """The brand's font roles, opened lazily."""

    def __init__(self, paths: dict[str, Path]):
        self._paths = dict(paths)

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(self._paths)

    def __contains__(self, role: str) -> bool:
        return role in self._paths

    def face(self, role: str) -> Face:
        return Face.open(role, self._paths[role])
