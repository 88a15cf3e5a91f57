"""The bundled fonts' precomputed glyph bounds are exactly what drawing the outlines gives."""

from __future__ import annotations

import random

from fontTools.pens.boundsPen import BoundsPen

from signkit.resources import data_dir
from signkit.text.bounds import read_bounds
from signkit.text.fonts import Face


def test_every_bundled_font_has_matching_bounds():
    for path in sorted(data_dir("fonts").glob("*.otf")):
        face = Face("t", path)
        known = read_bounds(path, font_size=path.stat().st_size, glyphs=face.hb_font.face.glyph_count)
        assert known is not None, f"{path.name}.bounds is missing or stale: rebuild it (fonts/SOURCES.md)"
        rng = random.Random(path.name)
        for gid in [0, 1] + rng.sample(range(face.hb_font.face.glyph_count), 60):
            pen = BoundsPen(None)
            face.draw(gid, pen)
            assert face.bounds(gid) == (tuple(pen.bounds) if pen.bounds else None), (path.name, gid)
