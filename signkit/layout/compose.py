"""Stage 3, compose: SignJob → Sheet.  The only stage that knows about fonts.

In:  a :class:`~signkit.plan.jobs.SignJob` and the :class:`~signkit.brand.Brand`.
Out: a :class:`~signkit.layout.sheet.Sheet` (trim, bleed, items in mm).

Steps: render the sign type's Jinja2 SVG template with the job and the brand's tokens and
style → read the SVG into IR items (:mod:`.svgread`) → on the way, each signkit element
becomes items: ``<sk:text>`` a fitted single line (:mod:`signkit.text.line`),
``<sk:column>`` a vertical column spread over its frame (:mod:`signkit.text.vertical`),
``<sk:asset>`` the brand artwork for a slot, scaled uniformly into its box.

Text that does not fit, or characters the font lacks, do not stop composition: the sheet
records what was set (``TextFit.fits``, ``.notdef`` glyphs) and the checks turn it into
findings.  Broken templates do stop it (:class:`~signkit.errors.TemplateError`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ..brand import Brand
from ..errors import BrandError, TemplateError
from ..plan.jobs import SignJob
from ..text.fonts import Face, FontBook
from ..text.line import LineSpec, set_line
from ..text.vertical import ColumnSpec, set_column
from ..units import parse_length_mm
from .sheet import IDENTITY, Glyphs, Group, Item, Paint, Rect, Sheet, Size, multiply
from .svgread import Context, SvgReader
from .template import render_template

SIZE_TOLERANCE_MM = 0.01


def palette_paints(brand: Brand) -> dict[str, Paint]:
    return {name: Paint(name, tuple(v / 100 for v in c.cmyk), c.rgb.upper())  # type: ignore[arg-type]
            for name, c in brand.palette.items()}


class Composer:
    """Composes jobs for one brand; keeps fonts and parsed assets between jobs."""

    def __init__(self, brand: Brand):
        self.brand = brand
        self.paints = palette_paints(brand)
        self.fonts = FontBook(brand.font_paths)
        self._assets: dict[tuple[str, str], tuple[Size, tuple[float, ...], tuple[Item, ...]]] = {}

    def compose(self, job: SignJob) -> Sheet:
        sign = self.brand.signs[job.kind]
        if job.style not in sign.styles:
            raise BrandError.at(f"brand.toml: signs.{job.kind}.styles", f"no style '{job.style}' for {job.id}",
                                f"styles defined: {', '.join(sign.styles) or 'none'}")
        bleed = self.brand.output.bleed_mm
        context: dict[str, Any] = {
            "sign": job, "t": sign.tokens, "style": sign.styles[job.style],
            "w": job.width_mm, "h": job.height_mm, "bleed": bleed,
        }
        where = f"{sign.template} ({job.id})"
        svg = render_template(self.brand.template_dirs, sign.template, context)
        reader = SvgReader(palette=self.paints, where=where, id_prefix=job.id,
                           handlers={"text": self._text, "column": self._column, "asset": self._asset})
        size, view, items = reader.read(svg)
        if size is None or abs(size.width_mm - job.width_mm) > SIZE_TOLERANCE_MM \
                or abs(size.height_mm - job.height_mm) > SIZE_TOLERANCE_MM:
            raise TemplateError.at(where, f"the template's <svg> is {size} but the sign is "
                                          f"{job.width_mm:g} × {job.height_mm:g} mm",
                                   'write width="{{ w }}" height="{{ h }}" on the root <svg>')
        if view != IDENTITY:
            items = (Group(f"{job.id}-view", items, view, source=where),)
        return Sheet(job.id, Size(job.width_mm, job.height_mm), bleed, items, title=job.text,
                     meta=(("kind", job.kind), ("style", job.style), ("source", job.source)),
                     folds_mm=sign.folds_mm)

    # -- signkit elements ----------------------------------------------------------------
    def _text(self, el: ET.Element, ctx: Context) -> Item:
        """``<sk:text x y width height font align min-char-height max-char-height max-tracking key>``:
        one line, fitted (text/line.py)."""
        face, frame, text = self._frame(el, ctx)
        align = el.get("align", "center")
        if align not in ("left", "center", "right"):
            raise _element_error(el, ctx, f"align must be left, center or right, not '{align}'")
        spec = LineSpec(frame=frame, min_char_height_mm=_num(el, "min-char-height", ctx),
                        max_char_height_mm=_num(el, "max-char-height", ctx), align=align,  # type: ignore[arg-type]
                        max_tracking_em=_num(el, "max-tracking", ctx, 0.0))
        line = set_line(face, text, spec)
        return Glyphs(ctx.id, face, line.size_mm, line.glyphs, ctx.style.fill, text,  # type: ignore[arg-type]
                      source=el.get("key", ctx.where), fit=line.fit, role=_role(el, ctx))

    def _column(self, el: ET.Element, ctx: Context) -> Item:
        """``<sk:column x y width height font min-char-height max-char-height min-gap key>``: one vertical
        column, characters spread evenly over the frame (text/vertical.py)."""
        face, frame, text = self._frame(el, ctx)
        spec = ColumnSpec(frame=frame, min_char_height_mm=_num(el, "min-char-height", ctx),
                          max_char_height_mm=_num(el, "max-char-height", ctx),
                          min_gap_em=_num(el, "min-gap", ctx, 0.0))
        column = set_column(face, text, spec)
        return Glyphs(ctx.id, face, column.size_mm, column.glyphs, ctx.style.fill, text,  # type: ignore[arg-type]
                      source=el.get("key", ctx.where), fit=column.fit, vertical=True, role=_role(el, ctx))

    def _frame(self, el: ET.Element, ctx: Context) -> tuple[Face, Rect, str]:
        """What every text frame declares: a font role, a fill, a box, and its text."""
        role = el.get("font", "")
        if role not in self.fonts:
            raise _element_error(el, ctx, f"unknown font role '{role}'", "font roles: " + ", ".join(self.fonts.roles))
        if ctx.style.fill is None:
            raise _element_error(el, ctx, "text needs a fill colour", 'add fill="white" (a palette name)')
        frame = Rect(*(_num(el, a, ctx) for a in ("x", "y", "width", "height")))
        return self.fonts.face(role), frame, " ".join((el.text or "").split())

    def _asset(self, el: ET.Element, ctx: Context) -> Item:
        """``<sk:asset name x y width height>``: brand artwork scaled to fit, centred, aspect kept."""
        name = el.get("name", "")
        if name not in self.brand.assets:
            raise TemplateError.at(f"{ctx.where}: <sk:asset>", f"unknown asset '{name}'",
                                   "assets: " + ", ".join(self.brand.assets))
        size, view, items = self._load_asset(name, ctx.style.fill)
        box = Rect(*(_num(el, a, ctx) for a in ("x", "y", "width", "height")))
        scale = min(box.width / size.width_mm, box.height / size.height_mm)
        dx = box.x + (box.width - size.width_mm * scale) / 2
        dy = box.y + (box.height - size.height_mm * scale) / 2
        transform = multiply((scale, 0.0, 0.0, scale, dx, dy), view)  # type: ignore[arg-type]
        asset = self.brand.assets[name]
        return Group(ctx.id, items, transform, source=f"brand.assets.{name}", label=asset.note or name,
                     asset=name, placeholder=asset.placeholder,
                     box=_view_box(size, view))

    def _load_asset(self, name: str, current: Paint | None) -> tuple[Size, tuple[float, ...], tuple[Item, ...]]:
        """The asset's items, parsed once per colour its ``currentColor`` takes."""
        key = (name, current.name if current else "")
        if key not in self._assets:
            path: Path = self.brand.asset_paths[name]
            reader = SvgReader(palette=self.paints, where=str(path), hex_palette=True, id_prefix=name,
                               handlers={"text": self._text}, current=current)
            size, view, items = reader.read(path.read_text(encoding="utf-8"))
            if size is None:
                raise BrandError.at(str(path), "the asset's <svg> has no size", "give it a viewBox")
            self._assets[key] = (size, view, items)
        return self._assets[key]


def _role(el: ET.Element, ctx: Context) -> str:
    role = el.get("role", "primary")
    if role not in ("primary", "secondary"):
        raise _element_error(el, ctx, f"role must be primary or secondary, not '{role}'")
    return role


def _view_box(size: Size, view: tuple[float, ...]) -> Rect:
    """The artwork's viewBox (its own coordinates) from its size and the viewBox→size matrix."""
    a, _, _, d, e, f = view
    return Rect(-e / a, -f / d, size.width_mm / a, size.height_mm / d)


def _element_error(el: ET.Element, ctx: Context, message: str, hint: str = "") -> TemplateError:
    return TemplateError.at(f"{ctx.where}: <sk:{el.tag.rsplit('}', 1)[-1]} id={ctx.id}>", message, hint)


def _num(el: ET.Element, name: str, ctx: Context, default: float | None = None) -> float:
    value = el.get(name)
    if value is None:
        if default is not None:
            return default
        raise _element_error(el, ctx, f"missing attribute '{name}'")
    try:
        return parse_length_mm(value)
    except ValueError as exc:
        raise _element_error(el, ctx, f"{name}: {exc}")
