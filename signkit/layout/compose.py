"""Stage 3, compose: SignJob → Sheet.  The only stage that knows about fonts.

In:  a :class:`~signkit.plan.jobs.SignJob` and the :class:`~signkit.brand.Brand`.
Out: a :class:`~signkit.ir.Sheet` (trim, bleed, items in mm).

Steps: render the sign type's Jinja2 SVG template with the job and the brand's tokens and
style → read the SVG into IR items (:mod:`.svgread`) → on the way, each signkit element
becomes items: ``<sk:text>`` a fitted single line (:mod:`signkit.text.line`),
``<sk:column>`` a vertical column spread over its frame (:mod:`signkit.text.vertical`),
``<sk:asset>`` the brand artwork for a slot, scaled uniformly into its box, and on boards
``<sk:flow>`` the board's text, fitted and paginated (:mod:`.flow`) into a series of sheets.

Text that does not fit, or characters the font lacks, do not stop composition: the sheet
records what was set (``TextFit.fits``, ``.notdef`` glyphs) and the checks turn it into
findings.  Broken templates do stop it (:class:`~signkit.errors.TemplateError`).
"""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..brand import Brand
from ..errors import BrandError, TemplateError
from ..frozendict import FrozenDict
from ..plan.jobs import SignJob
from ..text.fonts import Face, FontBook
from ..text.line import LineSpec, set_line
from ..text.vertical import ColumnSpec, set_column
from ..units import parse_length_mm
from .flow import FlowLayout, FlowStyle, fit_flow
from ..ir import IDENTITY, Glyphs, Group, Image, Item, Paint, Rect, Sheet, Size, multiply
from .svgread import Context, SvgReader
from .template import render_template

SIZE_TOLERANCE_MM = 0.01


@dataclass(frozen=True, slots=True)
class Page:
    """Where a sheet stands in its series (boards), for the template's ``page``."""

    number: int = 1
    count: int = 1
    continued: bool = False
    body_char_height_mm: float | None = None  # None while the board is being measured


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

    def compose_series(self, job: SignJob) -> list[tuple[SignJob, Sheet]]:
        """The job's sheet, or for a board the sheets of its series, each with its own job."""
        if job.data.get("board") is None:
            return [(job, self.compose(job))]
        layout = self.fit_board(job)
        count = len(layout.pages)
        out = []
        for n, flow_page in enumerate(layout.pages, start=1):
            page_job = dataclasses.replace(job, id=job.id if count == 1 else f"{job.id}-{n}",
                                           data=FrozenDict({**job.data, "series": (n, count)}))
            page = Page(n, count, n > 1, layout.char_height_mm)
            sheet = self.compose(page_job, page=page, flow=lambda el, ctx, items=flow_page.items: Group(
                ctx.id, items, source=job.data["file"]))
            meta = sheet.meta + (("series", f"{n}/{count}"), ("body_char_height_mm", f"{layout.char_height_mm:g}"),
                                 ("body_size_mm", f"{layout.size_mm:.2f}"), ("fill", f"{flow_page.fill:.3f}"))
            out.append((page_job, dataclasses.replace(sheet, meta=meta)))
        return out

    def fit_board(self, job: SignJob) -> FlowLayout:
        """Fit a board's text into the flow frame its template declares (``body_cap_mm`` in the
        job's data lowers the largest body size, for boards that share a wall)."""
        measured: list[tuple[Rect, FlowStyle]] = []

        def measure(el: ET.Element, ctx: Context) -> None:
            measured.append(self._flow_spec(el, ctx))

        self.compose(job, flow=measure)  # the template says where the text flows
        if len(measured) != 1:
            raise TemplateError.at(self.brand.signs[job.kind].template, f"a board template needs exactly one "
                                   f"<sk:flow>, found {len(measured)}")
        frame, style = measured[0]
        cap = job.data.get("body_cap_mm")
        if cap is not None and style.min_char_mm <= cap < style.max_char_mm:
            style = dataclasses.replace(style, max_char_mm=cap)
        return fit_flow(job.data["board"].blocks, frame, style, id_prefix=job.id, source=job.data["file"])

    def harmonise_boards(self, jobs: tuple[SignJob, ...]) -> tuple[SignJob, ...]:
        """Boards that hang on one wall share one body size, the smallest that each fits one
        board at, as a designer sets a row of boards; a board that needs a series keeps its own."""
        walls: dict[str, list[tuple[int, float]]] = {}
        for i, job in enumerate(jobs):
            sign = self.brand.signs.get(job.kind)
            if job.data.get("board") is None or sign is None or not sign.tokens.get("harmonise_on_wall", False):
                continue
            layout = self.fit_board(job)
            if len(layout.pages) == 1:
                walls.setdefault(job.placement.wall, []).append((i, layout.char_height_mm))
        out = list(jobs)
        for members in walls.values():
            cap = min(size for _, size in members)
            for i, _ in members:
                out[i] = dataclasses.replace(out[i], data=FrozenDict({**out[i].data, "body_cap_mm": cap}))
        return tuple(out)

    def compose(self, job: SignJob, *, page: Page = Page(), flow=None) -> Sheet:
        """One sheet.  ``flow`` handles the template's ``<sk:flow>`` (boards only)."""
        sign = self.brand.signs[job.kind]
        if job.style not in sign.styles:
            raise BrandError.at(f"brand.toml: signs.{job.kind}.styles", f"no style '{job.style}' for {job.id}",
                                f"styles defined: {', '.join(sign.styles) or 'none'}")
        bleed = self.brand.output.bleed_mm
        context: dict[str, Any] = {
            "sign": job, "t": sign.tokens, "style": sign.styles[job.style],
            "w": job.width_mm, "h": job.height_mm, "bleed": bleed, "page": page,
        }
        where = f"{sign.template} ({job.id})"
        svg = render_template(self.brand.template_dirs, sign.template, context)
        reader = SvgReader(palette=self.paints, where=where, id_prefix=job.id,
                           handlers={"text": self._text, "column": self._column, "asset": self._asset,
                                     "flow": flow or self._no_flow,
                                     "image": lambda el, ctx: self._image(el, ctx, job)})
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

    def proof_marked(self, sheet: Sheet, reasons: list[str]) -> Sheet:
        """The sheet with a 样稿/PROOF note above its trim, outside the bleed, for a sign not
        approved for print (the print PDF then says so on the sheet itself)."""
        out = self.brand.output
        top = -(sheet.bleed_mm + out.mark_offset_mm + out.mark_length_mm)
        height = out.mark_offset_mm + out.mark_length_mm - 1.0
        text = "样稿 PROOF · 未经批准不得印制 not approved for print · " + ", ".join(reasons)
        frame = Rect(out.mark_length_mm + 2.0, top + 0.5, max(sheet.trim.width_mm - 2 * out.mark_length_mm - 4, 20), height)
        face = self.fonts.face("hei")
        line = set_line(face, text, LineSpec(frame=frame, min_char_height_mm=1.0, max_char_height_mm=3.0, align="left"))
        mark = Glyphs(f"{sheet.id}-proof-mark", face, line.size_mm, line.glyphs, self.paints["party-red"], text,
                      source="proof mark", fit=line.fit)
        return dataclasses.replace(sheet, slug=sheet.slug + (mark,))

    def _flow_spec(self, el: ET.Element, ctx: Context) -> tuple[Rect, FlowStyle]:
        """``<sk:flow>``: the body frame of a board and how its text is set there."""
        face, frame, _ = self._frame(el, ctx)

        def role(attr: str) -> Face:
            name = el.get(attr, el.get("font", ""))
            if name not in self.fonts:
                raise _element_error(el, ctx, f"{attr}: unknown font role '{name}'", "font roles: " + ", ".join(self.fonts.roles))
            return self.fonts.face(name)

        def paint(attr: str) -> Paint:
            name = el.get(attr)
            if name is None:
                return ctx.style.fill  # type: ignore[return-value]
            if name not in self.paints:
                raise _element_error(el, ctx, f"{attr}: '{name}' is not a palette colour", "palette: " + ", ".join(self.paints))
            return self.paints[name]

        style = FlowStyle(
            body=face, heading=role("heading-font"), figure=role("figure-font"), body_fill=ctx.style.fill,  # type: ignore[arg-type]
            heading_fill=paint("heading-fill"), figure_fill=paint("figure-fill"),
            min_char_mm=_num(el, "min-char-height", ctx), max_char_mm=_num(el, "max-char-height", ctx),
            step_mm=_num(el, "step", ctx, 0.5), leading=_num(el, "leading", ctx, 1.7),
            heading_ratio=_num(el, "heading-ratio", ctx, 1.3), figure_ratio=_num(el, "figure-ratio", ctx, 2.6),
            paragraph_gap=int(_num(el, "paragraph-gap", ctx, 1)), section_gap=int(_num(el, "section-gap", ctx, 2)),
            figures=el.get("figures", "false") == "true",
            hang_punctuation=el.get("hang-punctuation", "false") == "true")
        if style.min_char_mm > style.max_char_mm or style.step_mm <= 0:
            raise _element_error(el, ctx, "needs min-char-height ≤ max-char-height and a positive step")
        return frame, style

    def _image(self, el: ET.Element, ctx: Context, job: SignJob) -> Item:
        """``<sk:image index x y width height>``: the job's photo ``index``, whole, centred in the box."""
        images = job.data.get("images", ())
        index = int(_num(el, "index", ctx))
        if not 0 <= index < len(images):
            raise _element_error(el, ctx, f"image {index} does not exist: the sign has {len(images)}")
        photo = images[index]
        box = Rect(*(_num(el, a, ctx) for a in ("x", "y", "width", "height")))
        raster, key = photo
        pw, ph = raster.pixels
        scale = min(box.width / pw, box.height / ph)
        w, h = pw * scale, ph * scale
        placed = Rect(box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h)
        return Image(ctx.id, raster, placed, source=key)

    def _no_flow(self, el: ET.Element, ctx: Context) -> Item:
        raise _element_error(el, ctx, "<sk:flow> is for boards: the sign's job carries no board text")

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
