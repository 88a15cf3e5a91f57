"""SVG backend: Sheet → SVG bytes for designers and previews.  The only importer of svgwrite.

In:  a :class:`~signkit.ir.Sheet`; whether to include the bleed.
Out: SVG 1.1 in millimetres (``width="306mm"`` with a matching ``viewBox``), inline
     presentation attributes only (no CSS, no classes), every element id derived from
     the item's ``id``.  Text is outlined: each distinct glyph is one ``<path>`` in
     ``<defs>`` (font units) placed by ``<use>`` with a matrix; each text run is a ``<g>``
     whose ``aria-label`` holds its text, so the file stays searchable.  Colours are the
     palette's sRGB preview values: SVG is for screens and design tools, print goes
     through the PDF.  Opens in Illustrator, Inkscape and browsers.
"""

from __future__ import annotations

import base64
from typing import assert_never

import svgwrite
from fontTools.pens.svgPathPen import SVGPathPen

from ..ir import Glyphs, Group, Image, Item, Shape, Sheet
from ..text.fonts import Face

XLINK = "http://www.w3.org/1999/xlink"


def render_svg(sheet: Sheet, *, include_bleed: bool = True) -> bytes:
    b = sheet.bleed_mm if include_bleed else 0.0
    w, h = sheet.trim.width_mm + 2 * b, sheet.trim.height_mm + 2 * b
    dwg = svgwrite.Drawing(size=(f"{_n(w)}mm", f"{_n(h)}mm"), profile="full", debug=False)
    dwg.viewbox(-b, -b, w, h)
    dwg.set_desc(title=f"{sheet.id}: {sheet.title}" if sheet.title else sheet.id)
    state = _State(dwg)
    parent = dwg
    if not include_bleed:
        # the preview shows the trim only: clip the bleed artwork away
        clip = dwg.defs.add(dwg.clipPath(id=f"{sheet.id}-trim"))
        clip.add(dwg.rect((0, 0), (w, h)))
        parent = dwg.add(dwg.g(id=f"{sheet.id}-artwork", clip_path=f"url(#{sheet.id}-trim)"))
    _draw_items(sheet.items, parent, state)
    return dwg.tostring().encode("utf-8")


class _State:
    """Per-document bookkeeping: glyph defs already written, ids already used."""

    def __init__(self, dwg: svgwrite.Drawing):
        self.dwg = dwg
        self.glyphs: set[str] = set()
        self.ids: set[str] = set()

    def unique(self, item_id: str) -> str:
        candidate, n = item_id, 2
        while candidate in self.ids:
            candidate, n = f"{item_id}-{n}", n + 1
        self.ids.add(candidate)
        return candidate


def _draw_items(items: tuple[Item, ...], parent, state: _State) -> None:
    for item in items:
        match item:
            case Shape():
                _draw_shape(item, parent, state)
            case Glyphs():
                _draw_glyphs(item, parent, state)
            case Image():
                _draw_image(item, parent, state)
            case Group():
                _draw_group(item, parent, state)
            case _:
                assert_never(item)


def _draw_shape(shape: Shape, parent, state: _State) -> None:
    attrs = {"id": state.unique(shape.id), "d": _path_d(shape.path),
             "fill": shape.fill.rgb if shape.fill else "none"}
    if shape.even_odd:
        attrs["fill-rule"] = "evenodd"
    if shape.stroke is not None:
        attrs["stroke"] = shape.stroke.rgb
        attrs["stroke-width"] = _n(shape.stroke_width_mm)
    parent.add(state.dwg.path(**_svg_attrs(attrs)))


def _draw_glyphs(run: Glyphs, parent, state: _State) -> None:
    dwg = state.dwg
    group = dwg.g(id=state.unique(run.id), fill=run.fill.rgb)
    group["aria-label"] = run.text
    s = run.scale
    for g in run.glyphs:
        ref = _glyph_def(run.face, g.gid, state)
        use = dwg.use(f"#{ref}", transform=f"matrix({s:.6g} 0 0 {-s:.6g} {_n(g.x)} {_n(g.y)})")
        group.add(use)
    parent.add(group)


def _draw_image(image: Image, parent, state: _State) -> None:
    """The file itself, embedded as a data URI so the SVG stands alone."""
    raster = image.raster
    mime = {"JPEG": "image/jpeg", "PNG": "image/png"}.get(raster.format, "application/octet-stream")
    data = base64.b64encode(raster.data).decode("ascii")
    r = image.box
    element = state.dwg.image(f"data:{mime};base64,{data}", insert=(_n(r.x), _n(r.y)), size=(_n(r.width), _n(r.height)),
                              id=state.unique(image.id))
    element["preserveAspectRatio"] = "none"  # the box already has the image's aspect
    parent.add(element)


def _draw_group(group: Group, parent, state: _State) -> None:
    attrs = {"id": state.unique(group.id)}
    if group.transform != (1.0, 0.0, 0.0, 1.0, 0.0, 0.0):
        attrs["transform"] = "matrix(" + " ".join(f"{v:.6g}" for v in group.transform) + ")"
    g = state.dwg.g(**attrs)
    if group.label:
        g["aria-label"] = group.label
    target = g
    if group.clip is not None:
        # the clip is in the group's own coordinates: an inner group carries it
        clip_id = state.unique(f"{attrs['id']}-clip")
        clip = state.dwg.defs.add(state.dwg.clipPath(id=clip_id))
        r = group.clip
        clip.add(state.dwg.rect((_n(r.x), _n(r.y)), (_n(r.width), _n(r.height))))
        target = g.add(state.dwg.g(clip_path=f"url(#{clip_id})"))
    _draw_items(group.children, target, state)
    parent.add(g)


_glyph_paths: dict[tuple[str, int], str] = {}


def _glyph_def(face: Face, gid: int, state: _State) -> str:
    ref = f"g-{face.role}-{gid}"
    if ref not in state.glyphs:
        state.glyphs.add(ref)
        state.ids.add(ref)
        key = (face.key, gid)
        d = _glyph_paths.get(key)
        if d is None:
            pen = SVGPathPen(None)
            face.draw(gid, pen)
            d = _glyph_paths[key] = pen.getCommands()
        state.dwg.defs.add(state.dwg.path(d=d, id=ref))
    return ref


def _svg_attrs(attrs: dict) -> dict:
    return {k.replace("-", "_"): v for k, v in attrs.items()}


class _MmPathPen:
    """fontTools pen protocol → SVG path data in mm (4 decimals, deterministic)."""

    def __init__(self):
        self.parts: list[str] = []

    def moveTo(self, p):
        self.parts.append(f"M{_n(p[0])} {_n(p[1])}")

    def lineTo(self, p):
        self.parts.append(f"L{_n(p[0])} {_n(p[1])}")

    def curveTo(self, p1, p2, p3):
        self.parts.append("C" + " ".join(_n(v) for v in (*p1, *p2, *p3)))

    def closePath(self):
        self.parts.append("Z")

    def endPath(self):
        pass


def _path_d(path) -> str:
    pen = _MmPathPen()
    path.draw(pen)
    return "".join(pen.parts)


def _n(v: float) -> str:
    text = f"{v:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
