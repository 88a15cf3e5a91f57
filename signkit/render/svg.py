"""SVG backend: Sheet → SVG bytes for designers and previews.  The only importer of svgwrite.

In:  a :class:`~signkit.ir.Sheet`; ``include_bleed`` (the designer file) or not (a preview
     of the trim, as the report inlines it).
Out: SVG 1.1 with an XML declaration, in millimetres, every element id derived from the
     item's id.  What a designer who takes the file over needs:

* **The page is the trim** (``width``/``height`` and ``viewBox`` = the finished size), so a
  re-export is never 6 mm too large; the bleed artwork runs past the page as design tools
  expect, and a hidden, locked ``出血 bleed`` layer outlines the bleed box.
* **Layers by role**, Inkscape layers that Illustrator reads as groups: 背景 background (what
  covers the whole sign), 图形 artwork (rules, shapes, brand artwork, photos), 文字 text, 标记
  marks — stacked in that order, which is the order the templates paint in.
* **Exact print colours**: every paint is written twice: its sRGB preview value as the
  ``fill``/``stroke`` attribute, which every reader understands, and in ``style`` as that
  value followed by SVG 1.1's ``icc-color(signkit-cmyk, c, m, y, k)`` (``<color-profile>``
  names the press profile the previews assume), as Inkscape itself writes CMYK paint.  A
  reader without icc-color (browsers, librsvg) drops the style declaration and keeps the
  attribute; written in the attribute itself, icc-color would make the paint invalid there
  and browsers would draw it black.  Also ``data-cmyk`` (percent) and ``data-palette``, so
  K-only black stays K-only black in a CMYK document; spot colours carry ``data-spot``.
* **Searchable text**: text is outlined (each distinct glyph one ``<path>`` in ``<defs>``,
  placed by ``<use>``), and each line is a group with its words in ``aria-label`` and a
  ``<title>``.

Print still goes through the PDF.  Opens in Illustrator, Inkscape and browsers.
"""

from __future__ import annotations

import base64
from typing import assert_never

import svgwrite
from fontTools.pens.svgPathPen import SVGPathPen

from ..ir import Glyphs, Group, Image, Item, Paint, Shape, Sheet, walk
from ..text.fonts import Face
from .glyphstore import GlyphTable

XLINK = "http://www.w3.org/1999/xlink"
INKSCAPE = "http://www.inkscape.org/namespaces/inkscape"
SODIPODI = "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
PROFILE = "signkit-cmyk"  # the name icc-color() refers to
LAYERS = (("background", "背景 background"), ("artwork", "图形 artwork"), ("text", "文字 text"), ("marks", "标记 marks"))


def render_svg(sheet: Sheet, *, include_bleed: bool = True) -> bytes:
    w, h = sheet.trim.width_mm, sheet.trim.height_mm
    dwg = svgwrite.Drawing(size=(f"{_n(w)}mm", f"{_n(h)}mm"), profile="full", debug=False)
    dwg.viewbox(0, 0, w, h)
    dwg.set_desc(title=f"{sheet.id}: {sheet.title}" if sheet.title else sheet.id)
    state = _State(dwg)
    if not include_bleed:
        # a preview shows the trim only: clip the bleed artwork away
        clip = dwg.defs.add(dwg.clipPath(id=f"{sheet.id}-trim"))
        clip.add(dwg.rect((0, 0), (w, h)))
        _draw_items(sheet.items, dwg.add(dwg.g(id=f"{sheet.id}-artwork", clip_path=f"url(#{sheet.id}-trim)")), state)
        return dwg.tostring().encode("utf-8")
    dwg.attribs["xmlns:inkscape"] = INKSCAPE
    dwg.attribs["xmlns:sodipodi"] = SODIPODI
    profile = dwg.defs.add(_Element("color-profile", name=PROFILE))
    profile.attribs["local"] = "FOGRA39L-signkit"  # previews assume FOGRA39 (brand: colour.preview_profile)
    view = dwg.add(_Element("sodipodi:namedview", id="namedview"))
    view.attribs["inkscape:document-units"] = "mm"
    layers = {}
    for key, label in LAYERS:
        layer = dwg.g(id=f"layer-{key}")
        layer.attribs["inkscape:groupmode"] = "layer"
        layer.attribs["inkscape:label"] = label
        layers[key] = layer
    for item in sheet.items:
        _draw_items((item,), layers[_layer(item, sheet)], state)
    for key, _ in LAYERS:
        if layers[key].elements:
            dwg.add(layers[key])
    b = sheet.bleed_mm
    bleed = dwg.add(dwg.g(id="layer-bleed", display="none"))
    bleed.attribs.update({"inkscape:groupmode": "layer", "inkscape:label": f"出血 bleed ({_n(b)} mm)",
                          "sodipodi:insensitive": "true"})
    bleed.add(dwg.rect((_n(-b), _n(-b)), (_n(w + 2 * b), _n(h + 2 * b)), id="bleed-box", fill="none",
                       stroke="#00A0E9", stroke_width="0.1"))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + dwg.tostring()).encode("utf-8")


class _Element(svgwrite.base.BaseElement):
    """An element svgwrite has no class for (color-profile, sodipodi:namedview)."""

    def __init__(self, tag: str, **attributes):
        self.elementname = tag
        super().__init__(debug=False, profile="full", **attributes)


def _layer(item: Item, sheet: Sheet) -> str:
    """Which designer layer a top-level item belongs to."""
    match item:
        case Shape():
            box = item.bounds()
            return "background" if item.fill is not None and box is not None and box.contains(sheet.trim_rect) \
                else "artwork"
        case Glyphs():
            return "text"
        case Image():
            return "artwork"
        case Group():
            if item.layer == "marks":
                return "marks"
            inner = [i for i, _, _ in walk(item.children) if not isinstance(i, Group)]
            return "text" if inner and all(isinstance(i, Glyphs) for i in inner) else "artwork"
        case _:
            assert_never(item)


def _paint(attrs: dict, prop: str, paint: Paint) -> None:
    """``prop`` (fill or stroke) as the preview colour, and in ``style`` the same with the exact
    CMYK as SVG 1.1 icc-color() (0–1 each)."""
    attrs[prop] = paint.rgb
    if paint.cmyk is not None:
        icc = f"{prop}:{paint.rgb} icc-color({PROFILE}, " + ", ".join(f"{v:.4g}" for v in paint.cmyk) + ")"
        attrs["style"] = f"{attrs['style']};{icc}" if attrs.get("style") else icc


def _tag(element, paint: Paint, prefix: str = "") -> None:
    """The paint as data: palette name, CMYK in percent, spot name."""
    element.attribs[f"data-{prefix}palette"] = paint.name
    if paint.cmyk is not None:
        element.attribs[f"data-{prefix}cmyk"] = " ".join(f"{v * 100:g}" for v in paint.cmyk)
    if paint.spot:
        element.attribs[f"data-{prefix}spot"] = paint.spot


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
    attrs = {"id": state.unique(shape.id), "d": _path_d(shape.path), "fill": "none"}
    if shape.fill is not None:
        _paint(attrs, "fill", shape.fill)
    if shape.even_odd:
        attrs["fill-rule"] = "evenodd"
    if shape.stroke is not None:
        _paint(attrs, "stroke", shape.stroke)
        attrs["stroke-width"] = _n(shape.stroke_width_mm)
    element = state.dwg.path(**_svg_attrs(attrs))
    if shape.fill is not None:
        _tag(element, shape.fill)
    if shape.stroke is not None:
        _tag(element, shape.stroke, "stroke-")
    parent.add(element)


def _draw_glyphs(run: Glyphs, parent, state: _State) -> None:
    dwg = state.dwg
    paint: dict = {}
    _paint(paint, "fill", run.fill)
    group = dwg.g(id=state.unique(run.id), **paint)
    group["aria-label"] = run.text
    _tag(group, run.fill)
    group.set_desc(title=run.text)
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


_glyph_paths = GlyphTable("svg", 1)  # kept between runs with the store of finished signs


def _glyph_def(face: Face, gid: int, state: _State) -> str:
    ref = f"g-{face.role}-{gid}"
    if ref not in state.glyphs:
        state.glyphs.add(ref)
        state.ids.add(ref)
        d = _glyph_paths.get(face, gid)
        if d is None:
            pen = SVGPathPen(None)
            face.draw(gid, pen)
            d = pen.getCommands()
            _glyph_paths.put(face, gid, d)
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
