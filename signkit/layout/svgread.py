"""Reading template SVG (and brand artwork) into layout IR items.

In:  SVG text as rendered from a template or read from a brand asset; a palette; handlers
     for signkit's own elements (``sk:text``, ``sk:asset`` …, see :mod:`.compose`).
Out: the root size (mm) and a tuple of :class:`~signkit.ir.Item`.

Accepted SVG: ``svg``, ``g`` (with ``transform``), ``rect`` (``rx``/``ry``), ``circle``,
``ellipse``, ``line``, ``polygon``, ``polyline``, ``path`` (all commands, arcs included,
via fontTools' SVG path parser); ``title``, ``desc`` and ``metadata`` are skipped.
Presentation attributes: ``fill``, ``fill-rule``, ``stroke``, ``stroke-width`` (inherited
through groups).
Numbers are millimetres.  Colours are palette names (``fill="<palette name>"``); in brand
artwork an sRGB hex equal to a palette entry's ``rgb`` also resolves to that entry, and
``currentColor`` is the ``fill`` of the ``<sk:asset>`` that places it; any other hex colour
in brand artwork is kept for previews with no CMYK (the OFF_PALETTE check reports it and no
print file is made).
``<sk:centre x width>`` groups a lock-up and centres what it draws between ``x`` and
``x + width`` (on ink, not on frames).
Anything else (CSS, opacity, filters, masks, unknown elements or attributes, colours
that are not palette names in templates) is an error naming the element.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from fontTools.misc.transform import Transform
from fontTools.svgLib.path import parse_path

from ..errors import TemplateError
from ..i18n import _
from ..units import parse_length_mm
from ..ir import IDENTITY, Group, Item, Matrix, Paint, Path, PathBuilder, Shape, Size, ink_box

SVG_NS = "http://www.w3.org/2000/svg"
SK_NS = "https://signkit.dev/ns"

SKIPPED = {"title", "desc", "metadata", "defs"}
COMMON = {"id", "fill", "fill-rule", "stroke", "stroke-width", "transform"}
GEOMETRY = {
    "rect": {"x", "y", "width", "height", "rx", "ry"},
    "circle": {"cx", "cy", "r"},
    "ellipse": {"cx", "cy", "rx", "ry"},
    "line": {"x1", "y1", "x2", "y2"},
    "polygon": {"points"},
    "polyline": {"points"},
    "path": {"d"},
    "g": set(),
}


@dataclass(frozen=True, slots=True)
class Style:
    """Inherited presentation state while walking the tree."""

    fill: Paint | None
    stroke: Paint | None
    stroke_width: float
    even_odd: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What a handler for a signkit element gets besides the element."""

    style: Style
    id: str
    where: str


Handler = Callable[[ET.Element, Context], Item | None]


class SvgReader:
    def __init__(self, *, palette: Mapping[str, Paint], ink: str, where: str,
                 handlers: Mapping[str, Handler] | None = None, hex_palette: bool = False, id_prefix: str = "",
                 current: Paint | None = None):
        self.palette = palette
        self.ink = ink  # the palette colour an element without a fill is painted in (SVG's default black)
        self.current = current  # what ``currentColor`` means (brand artwork drawn in the text colour)
        self.where = where
        self.handlers = handlers or {}
        self.id_prefix = id_prefix
        self._by_rgb = {p.rgb.lower(): p for p in palette.values()} if hex_palette else {}
        self._ids: set[str] = set()

    # -- entry point -------------------------------------------------------------------
    def read(self, text: str) -> tuple[Size | None, Matrix, tuple[Item, ...]]:
        """Parse SVG text: (root size in mm or None, viewBox→mm matrix, items)."""
        try:
            root = ET.fromstring(text)
        except ET.ParseError as exc:
            line = exc.position[0] if exc.position else "?"
            snippet = text.splitlines()[exc.position[0] - 1].strip() if exc.position else ""
            raise TemplateError.at(f"{self.where}:{line}", _("not well-formed SVG: {error}").format(error=exc),
                                   _("the rendered line was: {line}").format(line=snippet[:120]))
        if _local(root.tag) != "svg":
            raise self.error(root, _("the root element must be <svg>"))
        size = None
        if root.get("width") is not None and root.get("height") is not None:
            size = Size(self.length(root, "width"), self.length(root, "height"))
        view = IDENTITY
        if root.get("viewBox"):
            vx, vy, vw, vh = (float(v) for v in re.split(r"[\s,]+", root.get("viewBox").strip()))
            if size is None:
                size = Size(vw, vh)
            sx, sy = size.width_mm / vw, size.height_mm / vh
            view = (sx, 0.0, 0.0, sy, -vx * sx, -vy * sy)
        style = Style(fill=self.palette.get(self.ink), stroke=None, stroke_width=0.0)
        items = self.children(root, style, self.id_prefix or "sheet")
        return size, view, items

    # -- tree walk ---------------------------------------------------------------------
    def children(self, parent: ET.Element, style: Style, parent_id: str) -> tuple[Item, ...]:
        out: list[Item] = []
        counts: dict[str, int] = {}
        for el in parent:
            if not isinstance(el.tag, str):
                continue  # comments, processing instructions
            tag = _local(el.tag)
            if tag in SKIPPED and not el.tag.startswith("{" + SK_NS + "}"):  # <title>, not <sk:title>
                continue
            counts[tag] = counts.get(tag, 0) + 1
            item = self.element(el, tag, style, self.make_id(el, f"{parent_id}-{tag}{counts[tag]}"))
            if item is not None:
                out.append(item)
        return tuple(out)

    def element(self, el: ET.Element, tag: str, inherited: Style, item_id: str) -> Item | None:
        if el.tag == "{" + SK_NS + "}centre":
            return self.centre(el, inherited, item_id)
        if el.tag.startswith("{" + SK_NS + "}"):
            handler = self.handlers.get(tag)
            if handler is None:
                raise self.error(el, _("unknown signkit element <sk:{tag}>").format(tag=tag),
                                 _("signkit elements: {names}").format(
                                     names=", ".join(f"<sk:{t}>" for t in sorted(self.handlers))))
            return handler(el, Context(self.style(el, inherited), item_id, self.where))
        if tag not in GEOMETRY:
            raise self.error(el, _("unsupported SVG element <{tag}>").format(tag=tag),
                             _("use rect, circle, ellipse, line, polygon, polyline, path or g; text goes in <sk:text>"))
        allowed = COMMON | GEOMETRY[tag]
        for attr in el.attrib:
            if _local(attr) not in allowed:
                raise self.error(el, _("unsupported attribute '{attr}' on <{tag}>").format(attr=_local(attr), tag=tag),
                                 _("allowed here: {names} (no CSS, opacity or filters: print files are flat "
                                   "CMYK)").format(names=", ".join(sorted(allowed))))
        style = self.style(el, inherited)
        if tag == "g":
            children = self.children(el, style, item_id)
            return Group(item_id, children, self.transform(el), source=self.where)
        path = self.geometry(el, tag)
        shape = Shape(item_id, path, fill=style.fill if tag != "line" else None,
                      stroke=style.stroke, stroke_width_mm=style.stroke_width if style.stroke else 0.0,
                      source=self.where, even_odd=style.even_odd)
        m = self.transform(el)
        if m != IDENTITY:
            return Group(f"{item_id}-t", (shape,), m, source=self.where)
        return shape

    def centre(self, el: ET.Element, inherited: Style, item_id: str) -> Item:
        """``<sk:centre x width>children</sk:centre>``: a lock-up whose parts the template places
        relative to each other, moved as one so that what it draws (ink, artwork boxes) is
        centred between ``x`` and ``x + width``: optical centring, whatever the side bearings
        of its first and last characters."""
        for attr in el.attrib:
            if _local(attr) not in {"id", "x", "width", "fill"}:
                raise self.error(el, _("unsupported attribute '{attr}' on <{tag}>").format(attr=_local(attr),
                                                                                        tag="sk:centre"),
                                 _("allowed: x, width"))
        style = self.style(el, inherited)
        children = self.children(el, style, item_id)
        box = ink_box(children)
        dx = 0.0
        if box is not None:
            dx = self.length(el, "x") + self.length(el, "width") / 2 - (box.x + box.width / 2)
        return Group(item_id, children, (1.0, 0.0, 0.0, 1.0, dx, 0.0), source=self.where)

    # -- attributes --------------------------------------------------------------------
    def style(self, el: ET.Element, inherited: Style) -> Style:
        fill, stroke, width, even_odd = inherited.fill, inherited.stroke, inherited.stroke_width, inherited.even_odd
        rule = el.get("fill-rule")
        if rule is not None:
            if rule not in ("nonzero", "evenodd"):
                raise self.error(el, _("fill-rule must be nonzero or evenodd, not '{rule}'").format(rule=rule))
            even_odd = rule == "evenodd"
        if el.get("fill") is not None:
            fill = self.paint(el, el.get("fill"))
        if el.get("stroke") is not None:
            stroke = self.paint(el, el.get("stroke"))
        if el.get("stroke-width") is not None:
            width = self.length(el, "stroke-width")
        return Style(fill, stroke, width, even_odd)

    def paint(self, el: ET.Element, value: str) -> Paint | None:
        value = value.strip()
        if value == "none":
            return None
        if value == "currentColor":
            if self.current is None:
                raise self.error(el, _("currentColor is only for brand artwork placed with a fill"),
                                 _('give the <sk:asset> a fill="…" palette colour'))
            return self.current
        if value in self.palette:
            return self.palette[value]
        if value.lower() in self._by_rgb:
            return self._by_rgb[value.lower()]
        hint = _("palette colours: {names}").format(names=", ".join(self.palette))
        if self._by_rgb and re.fullmatch(r"#[0-9a-fA-F]{6}", value):
            # brand artwork: keep the colour for previews; the OFF_PALETTE check stops it from print
            return Paint(f"off-palette {value.upper()}", None, value.upper())
        if value.startswith("#") or value.startswith("rgb"):
            raise self.error(el, _("colour {value} is not in the brand palette").format(value=value), hint)
        raise self.error(el, _("unknown colour '{value}'").format(value=value), hint)

    def length(self, el: ET.Element, name: str, default: float | None = None) -> float:
        value = el.get(name)
        if value is None:
            if default is None:
                raise self.error(el, _("<{tag}> needs the attribute '{name}'").format(tag=_local(el.tag), name=name))
            return default
        try:
            return parse_length_mm(value)
        except ValueError as exc:
            raise self.error(el, f"{name}: {exc}")

    def transform(self, el: ET.Element) -> Matrix:
        text = el.get("transform")
        if not text:
            return IDENTITY
        t = Transform()
        for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", text):
            v = [float(a) for a in re.split(r"[\s,]+", args.strip()) if a]
            if name == "translate":
                t = t.translate(v[0], v[1] if len(v) > 1 else 0.0)
            elif name == "scale":
                t = t.scale(v[0], v[1] if len(v) > 1 else v[0])
            elif name == "rotate":
                if len(v) == 3:
                    t = t.translate(v[1], v[2]).rotate(math.radians(v[0])).translate(-v[1], -v[2])
                else:
                    t = t.rotate(math.radians(v[0]))
            elif name == "matrix" and len(v) == 6:
                t = t.transform(v)
            elif name == "skewX":
                t = t.skew(math.radians(v[0]), 0)
            elif name == "skewY":
                t = t.skew(0, math.radians(v[0]))
            else:
                raise self.error(el, _("cannot read transform '{transform}'").format(transform=f"{name}({args})"))
        return tuple(float(x) for x in t)  # type: ignore[return-value]

    def make_id(self, el: ET.Element, fallback: str) -> str:
        base = el.get("id") or fallback
        if el.get("id") and self.id_prefix:
            base = f"{self.id_prefix}-{base}"
        candidate, n = base, 2
        while candidate in self._ids:
            candidate, n = f"{base}-{n}", n + 1
        self._ids.add(candidate)
        return candidate

    def error(self, el: ET.Element, message: str, hint: str = "") -> TemplateError:
        label = f"<{_local(el.tag)}" + (f' id="{el.get("id")}"' if el.get("id") else "") + ">"
        return TemplateError.at(f"{self.where}: {label}", message, hint)

    # -- geometry ----------------------------------------------------------------------
    def geometry(self, el: ET.Element, tag: str) -> Path:
        num = lambda name, default=None: self.length(el, name, default)  # noqa: E731
        if tag == "rect":
            x, y, w, h = num("x", 0.0), num("y", 0.0), num("width"), num("height")
            rx = el.get("rx") or el.get("ry")
            r = min(parse_length_mm(rx), w / 2, h / 2) if rx else 0.0
            return Path.rect(x, y, w, h, r)
        if tag == "circle":
            r = num("r")
            return Path.ellipse(num("cx", 0.0), num("cy", 0.0), r, r)
        if tag == "ellipse":
            return Path.ellipse(num("cx", 0.0), num("cy", 0.0), num("rx"), num("ry"))
        if tag == "line":
            return Path.line(num("x1", 0.0), num("y1", 0.0), num("x2", 0.0), num("y2", 0.0))
        if tag in ("polygon", "polyline"):
            values = [float(v) for v in re.split(r"[\s,]+", (el.get("points") or "").strip()) if v]
            if len(values) < 4 or len(values) % 2:
                raise self.error(el, _("points needs pairs of numbers"))
            return Path.polygon(zip(values[0::2], values[1::2]), closed=tag == "polygon")
        return self.path_data(el)

    def path_data(self, el: ET.Element) -> Path:
        pen = PathBuilder()
        try:
            parse_path(el.get("d") or "", pen)
        except (ValueError, IndexError) as exc:
            raise self.error(el, _("cannot read path data: {error}").format(error=exc))
        return pen.path()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
