"""Paragraph labels: article numbers (1. … 12.) and item bullets, placed in their label box.

In:  a face, the label text, where the box starts (font units), the box width in em (or
     None: the label's own advance) and the :class:`~signkit.text.style.HouseStyle`.
Out: the label's glyphs as ``(gid, x, y, cluster)`` in font units of the *body* size (x from
     the frame's left edge, y down from the baseline), the scale at which they are drawn
     relative to the body size, and the box width in font units.

House rules (issue 11):

* numbers are right-aligned in the box (``style.label_align``), so that in a list 1.–12. the
  dot of 1.–9. does not sit a figure's width before the text.  The bundled fonts have
  proportional figures and no ``tnum``, so the label is padded on the left by whole figure
  widths (the figure-space rule): labels with as many digits as the longest stay flush left
  (a straight left edge for 1.–9.), shorter ones move in by one figure per missing digit;
* the house bullet (``style.bullet``, default ●) is drawn at ``style.bullet_size_em`` of the
  body size — measured on its ink — centred in the box and on the ideographic face of the
  body (the centre of 国), not sitting on the baseline.  Any other label is drawn at the body
  size as shaped.
"""

from __future__ import annotations

from functools import lru_cache

from .fonts import REFERENCE_HANZI, Face
from .shape import shape
from .style import HouseStyle


def place_label(face: Face, label: str, indent: float, label_width_em: float | None,
                style: HouseStyle) -> tuple[list[tuple[int, float, float, int]], float, float]:
    """(glyphs, drawing scale, box width) of ``label``; see the module docstring."""
    glyphs, scale, box = _place(face, label, label_width_em, style)
    return [(g, x + indent, y, c) for g, x, y, c in glyphs], scale, box


@lru_cache(maxsize=1024)
def _place(face: Face, label: str, label_width_em: float | None, style: HouseStyle):
    """:func:`place_label` with the box at x = 0 (cached: fitting loops set a label often)."""
    indent = 0.0
    if not label:
        return (), 1.0, 0.0
    upem = face.units_per_em
    shaped = shape(face, label).glyphs
    advance = float(sum(g.x_advance for g in shaped))
    if label == style.bullet and style.bullet_size_em < 1.0 and len(shaped) == 1:
        g = shaped[0]
        ink = face.bounds(g.gid)
        if ink is not None:
            size = max(ink[2] - ink[0], ink[3] - ink[1])
            scale = style.bullet_size_em * upem / size if size else 1.0
            box = max(label_width_em * upem if label_width_em else 0.0, style.bullet_size_em * upem)
            centre_x = indent + box / 2
            centre_y = _face_centre(face)            # y up, font units
            x = centre_x - scale * (ink[0] + ink[2]) / 2
            y = centre_y - scale * (ink[1] + ink[3]) / 2
            return ((g.gid, x, -y, g.cluster),), scale, box
    box = max(advance, (label_width_em or 0.0) * upem)
    x = indent
    if style.label_align == "right" and box > advance:
        cell = _figure_width(face)                   # pad with whole figures (figure spaces)
        x += round((box - advance) / cell) * cell if cell else box - advance
    glyphs = []
    for g in shaped:
        glyphs.append((g.gid, x + g.x_offset, -float(g.y_offset), g.cluster))
        x += g.x_advance
    return tuple(glyphs), 1.0, box


@lru_cache(maxsize=None)
def _figure_width(face: Face) -> float:
    """The advance of the figure 0, font units (the width of a figure space)."""
    glyphs = shape(face, "0").glyphs
    return float(glyphs[0].x_advance) if glyphs else 0.0


@lru_cache(maxsize=None)
def _face_centre(face: Face) -> float:
    """Height of the centre of the ideographic face above the baseline, font units."""
    gid = face.hb_font.get_nominal_glyph(ord(REFERENCE_HANZI))
    box = face.bounds(gid) if gid else None
    if box is None:
        return (face.ascender + face.descender) / 2
    return (box[1] + box[3]) / 2
