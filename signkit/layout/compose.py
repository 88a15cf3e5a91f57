"""Stage 3, compose: SignJob → Sheet.  The only stage that knows about fonts.

In:  a :class:`~signkit.model.job.SignJob`, the :class:`~signkit.model.brand.Brand` and its
     files as the load stage read them (templates, artwork).
Out: a :class:`~signkit.ir.Sheet` (trim, bleed, items in mm).

Steps: render the sign type's Jinja2 SVG template with the job and the brand's tokens and
style → read the SVG into IR items (:mod:`.svgread`) → on the way, each signkit element
becomes items: ``<sk:text>`` a fitted line (:mod:`signkit.text.line`), ``<sk:column>`` a
vertical column spread over its frame (:mod:`signkit.text.vertical`), ``<sk:asset>`` the
brand artwork for a slot, scaled uniformly into its box, ``<sk:image>`` a photo, and on
boards ``<sk:flow>`` the panel's share of the board's text, set at the body size the plan
chose for its wall (:mod:`.flow`).

Text that does not fit, or characters the font lacks, do not stop composition: the sheet
records what was set (``TextFit.fits``, ``.notdef`` glyphs) and the checks turn it into
findings.  Broken templates do stop it (:class:`~signkit.errors.TemplateError`).
"""

from __future__ import annotations

import dataclasses
import math
import xml.etree.ElementTree as ET
from pathlib import Path
from dataclasses import dataclass
from typing import Any


from ..checks.geometry import contrast_ratio
from ..errors import BrandError, TemplateError
from ..families.board import Content as BoardContent
from ..i18n import _
from ..ir import IDENTITY, Glyphs, Group, Image, Item, Paint, Path as IRPath, Rect, Shape, Sheet, Size, multiply
from ..model.brand import Brand
from ..model.job import SignJob
from ..text.fonts import Face, FontBook
from ..text.line import LineSpec, fixed_width_mm, ink_extent, set_fixed, set_line
from ..text.name import NameSpec, house_size, set_name
from ..text.shape import shape
from ..text.style import HouseStyle
from ..text.title import TitleSpec, set_title
from ..text.vertical import ColumnSpec, set_column
from ..units import parse_length_mm
from .flow import FlowLayout, FlowStyle, fit_flow
from .svgread import Context, SvgReader
from .template import environment, render_template

SIZE_TOLERANCE_MM = 0.01
_SKIP: list = []  # compose(titles=_SKIP): leave <sk:title> out (the measuring pass of a board's flow)


@dataclass(frozen=True, slots=True)
class Page:
    """Where a sheet stands in its series (boards), for the template's ``page``."""

    number: int = 1
    count: int = 1
    continued: bool = False
    body_char_height_mm: float | None = None  # None while the board is being measured
    title_size_mm: float | None = None  # the title's font size the plan chose (one per series, wall or centre)


def palette_paints(brand: Brand) -> dict[str, Paint]:
    return {name: Paint(name, tuple(v / 100 for v in c.cmyk), c.rgb.upper(), c.spot,  # type: ignore[arg-type]
                        overprint=c.overprint and bool(c.spot))
            for name, c in brand.palette.items()}


class Composer:
    """Composes jobs for one brand; keeps fonts, parsed artwork and board layouts between jobs."""

    def __init__(self, brand: Brand, files, *, cache_dir: Path | None = None):
        self.brand = brand
        self.paints = palette_paints(brand)
        self.fonts = FontBook(brand.font_paths)
        self.env = environment(files.templates, cache_dir=cache_dir)  # shared; compiled templates kept in cache_dir
        self._template_sources: dict[str, str] = files.templates
        self._asset_sources: dict[str, str] = files.assets
        self._assets: dict[tuple[str, str], tuple[Size, tuple[float, ...], tuple[Item, ...]]] = {}
        self._flows: dict[tuple[str, float], FlowLayout] = {}
        self._houses: dict[str, HouseStyle | None] = {}

    # -- boards --------------------------------------------------------------------------
    def fit_board(self, job: SignJob, *, largest_mm: float | None = None, exact_mm: float | None = None) -> FlowLayout:
        """Fit a board's text into the flow frame its template declares: the largest body
        size up to ``largest_mm`` (the brand's maximum by default) at which it takes the fewest
        panels, or exactly ``exact_mm``."""
        key = (job.source, exact_mm if exact_mm is not None else -(largest_mm or 0.0))
        if key in self._flows:
            return self._flows[key]
        measured: list[tuple[Rect, FlowStyle]] = []

        def measure(el: ET.Element, ctx: Context) -> None:
            measured.append(self._flow_spec(el, ctx, job))

        self.compose(job, flow=measure, titles=_SKIP)  # the template says where the text flows
        if len(measured) != 1:
            raise TemplateError.at(self.brand.signs[job.kind].template, _("a board template needs exactly one "
                                                                          "<sk:flow>, found {n}").format(n=len(measured)))
        frame, style = measured[0]
        if exact_mm is not None:
            style = dataclasses.replace(style, min_char_mm=exact_mm, max_char_mm=exact_mm)
        elif largest_mm is not None and style.min_char_mm <= largest_mm < style.max_char_mm:
            style = dataclasses.replace(style, max_char_mm=largest_mm)
        content: BoardContent = job.content
        layout = fit_flow(content.text.blocks, frame, style, id_prefix=content.series_id, source=content.file)
        self._flows[key] = layout
        self._flows.setdefault((job.source, layout.char_height_mm), layout)  # the same text at that exact size
        return layout

    def sets_names(self, job: SignJob) -> bool:
        """Whether the job's template sets text on a type scale (``<sk:name>``, or a
        ``<sk:column scale=…>``)."""
        source = self._template_sources.get(self.brand.signs[job.kind].template, "")
        return "<sk:name" in source or ("<sk:column" in source and "scale=" in source)

    def measure_names(self, job: SignJob) -> list[tuple[str, Face, str, NameSpec | ColumnSpec]]:
        """Every ``<sk:name>`` and scaled ``<sk:column>`` of the job's template: (type scale,
        face, text, spec), for the plan to choose each scale's character height across the
        centre."""
        found: list[tuple[str, Face, str, NameSpec | ColumnSpec]] = []
        self.compose(job, names=found)
        return found

    def measure_title(self, job: SignJob) -> float | None:
        """The font size (mm) at which the board's ``<sk:title>`` is set on its own: the largest
        that fits its frame on one line, else on two (None: the template has no title, or it
        fits in neither).  The plan takes the smallest of a series, wall or centre."""
        found: list[float | None] = []
        content = job.content
        page = Page(content.panel, content.panels, content.panel > 1, content.body_char_mm)
        self.compose(job, page=page, flow=lambda el, ctx: None, titles=found)
        return found[0] if found else None

    def compose(self, job: SignJob, *, page: Page | None = None, flow=None, names: list | None = None,
                titles: list | None = None) -> Sheet:
        """One sheet.  Board panels take their share of the text at the body size the plan chose;
        ``flow`` replaces that (the measuring pass of :meth:`fit_board`); ``names`` collects the
        ``<sk:name>`` frames instead of setting them (:meth:`measure_names`), ``titles`` the
        size each ``<sk:title>`` would take (:meth:`measure_title`)."""
        sign = self.brand.signs[job.kind]
        if job.style not in sign.styles:
            raise BrandError.at(f"brand.toml: signs.{job.kind}.styles", _("no style '{style}' for {id}").format(
                style=job.style, id=job.id), _("styles defined: {names}").format(names=", ".join(sign.styles) or _("none")))
        content = job.content
        if page is None and flow is None and isinstance(content, BoardContent):
            layout = self.fit_board(job, exact_mm=content.body_char_mm)
            items = layout.pages[content.panel - 1].items if content.panel <= len(layout.pages) else ()
            page = Page(content.panel, content.panels, content.panel > 1, layout.char_height_mm, content.title_size_mm)
            flow = lambda el, ctx: Group(ctx.id, items, source=content.file)  # noqa: E731
        page = page or Page()
        bleed = self.brand.output.bleed_mm
        context: dict[str, Any] = {
            "sign": job, "t": sign.tokens, "v": sign.vars, "style": sign.styles[job.style],
            "w": job.width_mm, "h": job.height_mm, "bleed": bleed, "page": page,
            # templates lay out lock-ups with what the text engine will set (facade, identity line)
            "text_width": self._text_width, "identity_width": self._identity_width,
        }
        where = f"{sign.template} ({job.id})"
        svg = render_template(self.env, sign.template, context)
        reader = SvgReader(palette=self.paints, ink=self.brand.roles.ink, where=where, id_prefix=job.id,
                           handlers={"text": self._text, "asset": self._asset, "identity": self._identity,
                                     "column": lambda el, ctx: self._column(el, ctx, job, names),
                                     "name": lambda el, ctx: self._name(el, ctx, job, names),
                                     "flow": flow or self._no_flow,
                                     "title": lambda el, ctx: self._title(el, ctx, job, titles),
                                     "qr": self._qr,
                                     "image": lambda el, ctx: self._image(el, ctx, job)})
        size, view, items = reader.read(svg)
        if size is None or abs(size.width_mm - job.width_mm) > SIZE_TOLERANCE_MM \
                or abs(size.height_mm - job.height_mm) > SIZE_TOLERANCE_MM:
            raise TemplateError.at(where, _("the template's <svg> is {size} but the sign is {width} × {height} mm").format(
                size=size, width=f"{job.width_mm:g}", height=f"{job.height_mm:g}"),
                                   _('write width="{{{{ w }}}}" height="{{{{ h }}}}" on the root <svg>').format())
        if view != IDENTITY:
            items = (Group(f"{job.id}-view", items, view, source=where),)
        return Sheet(job.id, Size(job.width_mm, job.height_mm), bleed, items, title=job.text, folds_mm=sign.folds_mm)

    def proof_marked(self, sheet: Sheet, reasons: list[str]) -> Sheet:
        """The sheet with a light 样稿 · 未经批准不得印制 mark across its artwork, inside the
        trim, for the PDF of a sign not approved for print (whatever a RIP places by, the mark
        is there), and the reasons in small type under it."""
        w, h = sheet.trim.width_mm, sheet.trim.height_mm
        angle = math.atan2(h, w)
        c, s_ = math.cos(angle), math.sin(angle)
        band = min(w, h) * 0.22
        # the longest line whose rotated box (length × band) stays inside 90 % of the trim
        length = min((0.9 * w - band * s_) / c, (0.9 * h - band * c) / s_)
        if length <= band:
            band, length = min(w, h) * 0.1, math.hypot(w, h) * 0.5
        face = self.fonts.face(self.brand.roles.label_font)
        paint = self.paints[self.brand.roles.proof_mark]
        main = set_line(face, "样稿 · 未经批准不得印制", LineSpec(
            frame=Rect(-length / 2, -band / 2, length, band), min_char_height_mm=0.5, max_char_height_mm=band * 0.8))
        items: list[Item] = [Glyphs(f"{sheet.id}-proof-mark", face, main.size_mm, main.glyphs, paint,
                                    "样稿 · 未经批准不得印制", source="proof mark", fit=None)]
        if reasons:
            text = "PROOF · " + " · ".join(reasons)
            small = set_line(face, text, LineSpec(frame=Rect(-length / 2, band / 2, length, band * 0.3),
                                                  min_char_height_mm=0.3, max_char_height_mm=band * 0.2))
            items.append(Glyphs(f"{sheet.id}-proof-reasons", face, small.size_mm, small.glyphs, paint, text,
                                source="proof mark", fit=None))
        mark = Group(f"{sheet.id}-proof", tuple(items), (c, -s_, s_, c, w / 2, h / 2), source="proof mark",
                     clip=None, layer="marks")
        return dataclasses.replace(sheet, items=sheet.items + (mark,), title=f"样稿 PROOF: {sheet.title}")

    # -- signkit elements ----------------------------------------------------------------
    def _text(self, el: ET.Element, ctx: Context) -> Item:
        """``<sk:text x y width height font align min-char-height max-char-height max-tracking key>``:
        one line, fitted (text/line.py); with ``char-height`` (and ``tracking``, em) instead, set at
        exactly that size, for lock-ups the template laid out with ``text_width()``."""
        face, frame, text = self._frame(el, ctx)
        align = el.get("align", "center")
        if align not in ("left", "center", "right"):
            raise _element_error(el, ctx, _("align must be left, center or right, not '{align}'").format(align=align))
        if el.get("char-height") is not None:  # set, not fitted: the template laid it out (text_width)
            line = set_fixed(face, text, frame, _num(el, "char-height", ctx), tracking_em=_num(el, "tracking", ctx, 0.0),
                             align=align, min_char_height_mm=_num(el, "min-char-height", ctx, 0.0))  # type: ignore[arg-type]
            return Glyphs(ctx.id, face, line.size_mm, line.glyphs, ctx.style.fill, text,  # type: ignore[arg-type]
                          source=el.get("key", ctx.where), fit=line.fit, role=_role(el, ctx))
        spec = LineSpec(frame=frame, min_char_height_mm=_num(el, "min-char-height", ctx),
                        max_char_height_mm=_num(el, "max-char-height", ctx), align=align,  # type: ignore[arg-type]
                        max_tracking_em=_num(el, "max-tracking", ctx, 0.0))
        line = set_line(face, text, spec)
        return Glyphs(ctx.id, face, line.size_mm, line.glyphs, ctx.style.fill, text,  # type: ignore[arg-type]
                      source=el.get("key", ctx.where), fit=line.fit, role=_role(el, ctx))

    def _title(self, el: ET.Element, ctx: Context, job: SignJob, measured: list | None) -> Item | None:
        """``<sk:title x y width height font min-char-height max-char-height leading size mark
        mark-size mark-gap key>``: a board title on one line or two balanced lines
        (text/title.py, punctuation compressed as in the body), as large as
        ``max-char-height`` allows and never below ``min-char-height`` (then it is set there
        and overflows: a TEXT_OVERFLOW finding naming it).  ``size`` sets it at exactly that
        font size (mm; the plan's title scale).  ``mark`` names brand artwork (the emblem)
        locked up at its left ``mark-gap`` mm away, ``mark-size`` mm square, the lock-up
        centred in the frame.  Each line is a run of its own (its words in its text)."""
        if measured is _SKIP:
            return None  # measuring the flow: the title plays no part
        face, frame, text = self._frame(el, ctx)
        mark = el.get("mark", "")
        if mark and mark not in self.brand.assets:
            raise _element_error(el, ctx, _("unknown asset '{name}'").format(name=mark),
                                 _("assets: {names}").format(names=", ".join(self.brand.assets)))
        mark_w = _num(el, "mark-size", ctx, 0.0) if mark else 0.0
        mark_gap = _num(el, "mark-gap", ctx, 0.0) if mark else 0.0
        largest = _num(el, "max-char-height", ctx)
        region = Rect(frame.x + mark_w + mark_gap, frame.y, frame.width - mark_w - mark_gap, frame.height)
        if region.width <= 0:
            raise _element_error(el, ctx, _("the mark leaves no room for the title"))
        spec = TitleSpec(frame=region, min_char_height_mm=min(_num(el, "min-char-height", ctx), largest),
                         max_char_height_mm=largest, leading=_num(el, "leading", ctx, 1.25))
        if el.get("size"):
            tallest = ink_extent(face, shape(face, text))[0]
            char = _num(el, "size", ctx) * tallest / face.units_per_em
            # exactly that size (the tolerance keeps a title measured to fill its frame on one line)
            spec = dataclasses.replace(spec, min_char_height_mm=char * (1 - 1e-6), max_char_height_mm=char)
        title = set_title(face, text, spec, style=self._house(job))
        if measured is not None:
            measured.append(title.size_mm if title.fits else None)
            return None
        # centring the title in the region right of the mark centres the whole lock-up in the frame
        block = max((line.width_mm for line in title.lines), default=0.0)
        left = region.x + (region.width - block) / 2 - mark_w - mark_gap
        key = el.get("key", ctx.where)
        items: list[Item] = []
        if mark:
            items.append(self._place_asset(f"{ctx.id}-mark", mark, Rect(left, frame.y + (frame.height - mark_w) / 2,
                                                                        mark_w, mark_w), ctx.style.fill))
        for n, line in enumerate(title.lines):
            items.append(Glyphs(ctx.id if n == 0 else f"{ctx.id}-{n + 1}", face, title.size_mm, line.glyphs,
                                ctx.style.fill, line.text, source=key, fit=title.fit, role=_role(el, ctx)))  # type: ignore[arg-type]
        return Group(f"{ctx.id}-lockup", tuple(items), source=key)

    def _qr(self, el: ET.Element, ctx: Context) -> Item:
        """``<sk:qr x y size error key>address</sk:qr>``: a QR code (segno) drawn as vector
        modules in the fill colour, ``size`` mm square with its quiet zone of four modules
        (ISO/IEC 18004) inside the box; ``error`` is the correction level (l, m, q, h)."""
        data = (el.text or "").strip()
        if not data:
            raise _element_error(el, ctx, _("a QR code needs its text (the address it leads to)"))
        if ctx.style.fill is None:
            raise _element_error(el, ctx, _("a QR code needs a fill colour"), _('add fill="…" naming a palette colour'))
        level = el.get("error", "m")
        if level not in ("l", "m", "q", "h"):
            raise _element_error(el, ctx, _("error must be l, m, q or h, not '{level}'").format(level=level))
        x, y, size = (_num(el, a, ctx) for a in ("x", "y", "size"))
        return Group(ctx.id, (Shape(f"{ctx.id}-modules", qr_modules(data, level, x, y, size), fill=ctx.style.fill,
                                    source=el.get("key", ctx.where)),),
                     source=el.get("key", ctx.where), label=f"QR: {data}", layer="artwork")

    def _name(self, el: ET.Element, ctx: Context, job: SignJob, measured: list | None) -> Item | None:
        """``<sk:name scale x y width height font min-char-height max-char-height spread-upto
        measure solid-upto lines leading side-clearance align key>``: a name set at its type scale's character
        height, chosen for the whole centre (text/name.py)."""
        face, frame, text = self._frame(el, ctx)
        scale = el.get("scale") or job.kind
        spec = NameSpec(frame=frame, min_char_height_mm=_num(el, "min-char-height", ctx),
                        max_char_height_mm=_num(el, "max-char-height", ctx),
                        house_min_mm=_num(el, "house-min", ctx, 0.0),
                        spread_upto=int(_num(el, "spread-upto", ctx, 4)), measure_em=_num(el, "measure", ctx, 4.0),
                        solid_upto=int(_num(el, "solid-upto", ctx, 7)), max_lines=int(_num(el, "lines", ctx, 2)),
                        side_clearance=_num(el, "side-clearance", ctx, 1.0), align=el.get("align", "center"),
                        leading=_num(el, "leading", ctx, 1.25))
        if measured is not None:
            measured.append((scale, face, text, spec))
            return None
        height = job.scales.get(scale) or house_size([(face, text, spec)])  # alone: its own best size
        name = set_name(face, text, spec, height)
        return Glyphs(ctx.id, face, name.size_mm, name.glyphs, ctx.style.fill, text,  # type: ignore[arg-type]
                      source=el.get("key", ctx.where), fit=name.fit, role=_role(el, ctx))

    def _column(self, el: ET.Element, ctx: Context, job: SignJob, measured: list | None) -> Item | None:
        """``<sk:column scale x y width height font min-char-height max-char-height min-gap condensed
        condense-below key>``: one vertical column, characters spread evenly over the frame
        (text/vertical.py).  With ``scale``, every column of that name in the centre shares one
        character height, chosen by the plan (the plaques at one entrance); a column that would
        otherwise drag the scale below ``condense-below`` may be flattened down to ``condensed``."""
        face, frame, text = self._frame(el, ctx)
        spec = ColumnSpec(frame=frame, min_char_height_mm=_num(el, "min-char-height", ctx),
                          max_char_height_mm=_num(el, "max-char-height", ctx),
                          min_gap_em=_num(el, "min-gap", ctx, 0.0), condensed=_num(el, "condensed", ctx, 1.0),
                          condense_below_mm=_num(el, "condense-below", ctx, 0.0))
        if not 0 < spec.condensed <= 1:
            raise _element_error(el, ctx, _("condensed must be in (0, 1], not {value}").format(value=f"{spec.condensed:g}"))
        scale = el.get("scale")
        if measured is not None:
            if scale:
                measured.append((scale, face, text, spec))
            return None
        column = set_column(face, text, spec, job.scales.get(scale) if scale else None)
        run = Glyphs(ctx.id, face, column.size_mm, column.glyphs, ctx.style.fill, text,  # type: ignore[arg-type]
                     source=el.get("key", ctx.where), fit=column.fit, vertical=True, role=_role(el, ctx))
        if column.condense == 1.0:
            return run
        # 扁宋: the column's glyphs drawn flattened along the column, from the frame's top
        r = column.condense
        return Group(f"{ctx.id}-condensed", (run,), (1.0, 0.0, 0.0, r, 0.0, frame.y * (1 - r)),
                     source=el.get("key", ctx.where), layer="text")

    def _frame(self, el: ET.Element, ctx: Context) -> tuple[Face, Rect, str]:
        """What every text frame declares: a font role, a fill, a box, and its text."""
        role = el.get("font", "")
        if role not in self.fonts:
            raise _element_error(el, ctx, _("unknown font role '{role}'").format(role=role),
                                 _("font roles: {names}").format(names=", ".join(self.fonts.roles)))
        if ctx.style.fill is None:
            raise _element_error(el, ctx, _("text needs a fill colour"), _('add fill="…" naming a palette colour'))
        frame = Rect(*(_num(el, a, ctx) for a in ("x", "y", "width", "height")))
        return self.fonts.face(role), frame, " ".join((el.text or "").split())

    def _flow_spec(self, el: ET.Element, ctx: Context, job: SignJob) -> tuple[Rect, FlowStyle]:
        """``<sk:flow>``: the body frame of a board and how its text is set there.  The house
        style is the sign type's tokens' (``house_style``); with ``background`` named, headings
        keep to the contrast rule the plan passed in (:meth:`_heading_contrast`)."""
        face, frame, _text = self._frame(el, ctx)

        def role(attr: str) -> Face:
            name = el.get(attr, el.get("font", ""))
            if name not in self.fonts:
                raise _element_error(el, ctx, f"{attr}: " + _("unknown font role '{role}'").format(role=name),
                                     _("font roles: {names}").format(names=", ".join(self.fonts.roles)))
            return self.fonts.face(name)

        def paint(attr: str) -> Paint:
            name = el.get(attr)
            if name is None:
                return ctx.style.fill  # type: ignore[return-value]
            if name not in self.paints:
                raise _element_error(el, ctx, f"{attr}: " + _("'{name}' is not a palette colour").format(name=name),
                                     _("palette: {names}").format(names=", ".join(self.paints)))
            return self.paints[name]

        article_label = el.get("article-label", "run-in")
        if article_label not in ("run-in", "hanging"):
            raise _element_error(el, ctx, _("article-label must be run-in or hanging, not '{value}'").format(
                value=article_label))
        style = FlowStyle(
            body=face, heading=role("heading-font"), figure=role("figure-font"), body_fill=ctx.style.fill,  # type: ignore[arg-type]
            heading_fill=paint("heading-fill"), figure_fill=paint("figure-fill"),
            min_char_mm=_num(el, "min-char-height", ctx), max_char_mm=_num(el, "max-char-height", ctx),
            step_mm=_num(el, "step", ctx, 0.5), leading=_num(el, "leading", ctx, 1.7),
            heading_ratio=_num(el, "heading-ratio", ctx, 1.3), figure_ratio=_num(el, "figure-ratio", ctx, 2.6),
            paragraph_gap=int(_num(el, "paragraph-gap", ctx, 1)), section_gap=int(_num(el, "section-gap", ctx, 2)),
            figures=el.get("figures", "false") == "true", line_chars=_chars(el, ctx),
            unit_ratio=_num(el, "unit-ratio", ctx, 0.45), rule=paint("rule-fill") if el.get("rule-fill") else None,
            hang_punctuation=el.get("hang-punctuation", "false") == "true",
            house=self._house(job),
            chapter_gap=int(_num(el, "chapter-gap", ctx, 3)), article_gap=int(_num(el, "article-gap", ctx, 1)),
            clause_gap=int(_num(el, "clause-gap", ctx, 0)), item_gap=int(_num(el, "item-gap", ctx, 0)),
            article_label=article_label, note_ratio=_num(el, "note-ratio", ctx, 0.8))
        if style.min_char_mm > style.max_char_mm or style.step_mm <= 0:
            raise _element_error(el, ctx, _("needs min-char-height ≤ max-char-height and a positive step"))
        if el.get("background") is not None:
            style = self._heading_contrast(style, paint("background"),
                                           paint("heading-small-fill") if el.get("heading-small-fill") else None, job)
        return frame, style

    def _house(self, job: SignJob) -> HouseStyle | None:
        """The house style of the job's sign type (``[signs.<kind>.tokens.house_style]``)."""
        if job.kind not in self._houses:
            house = getattr(self.brand.signs[job.kind].tokens, "house_style", None)
            self._houses[job.kind] = house.house() if house is not None else None
        return self._houses[job.kind]

    @staticmethod
    def _heading_contrast(style: FlowStyle, background: Paint, small_fill: Paint | None, job: SignJob) -> FlowStyle:
        """Headings that keep to the contrast rule (CL-03) at any body size the fitter chooses:
        a heading colour that passes only as large text keeps headings at or above the rule's
        large-text height, unless the brand names a colour for small headings
        (``heading-small-fill``) that passes as small text."""
        rule = getattr(job.content, "contrast", None)
        if rule is None:
            return style
        large_text_mm, small_min = rule
        if contrast_ratio(style.heading_fill.rgb, background.rgb) >= small_min:
            return style
        if small_fill is not None and contrast_ratio(small_fill.rgb, background.rgb) >= small_min:
            return dataclasses.replace(style, heading_small_fill=small_fill, large_text_mm=large_text_mm)
        return dataclasses.replace(style, heading_min_char_mm=large_text_mm)

    def _image(self, el: ET.Element, ctx: Context, job: SignJob) -> Item:
        """``<sk:image index x y width height>``: the job's photo ``index``, whole, centred in the box."""
        images = getattr(job.content, "photos", ())
        index = int(_num(el, "index", ctx))
        if not 0 <= index < len(images):
            raise _element_error(el, ctx, _("image {index} does not exist: the sign has {n}").format(index=index,
                                                                                                   n=len(images)))
        photo = images[index]
        box = Rect(*(_num(el, a, ctx) for a in ("x", "y", "width", "height")))
        raster, key = photo
        pw, ph = raster.pixels
        scale = min(box.width / pw, box.height / ph)
        w, h = pw * scale, ph * scale
        placed = Rect(box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h)
        return Image(ctx.id, raster, placed, source=key)

    def _no_flow(self, el: ET.Element, ctx: Context) -> Item:
        raise _element_error(el, ctx, _("<sk:flow> is for boards: the sign's job carries no board text"))

    def _asset(self, el: ET.Element, ctx: Context) -> Item:
        """``<sk:asset name x y width height>``: brand artwork scaled to fit, centred, aspect kept."""
        name = el.get("name", "")
        if name not in self.brand.assets:
            raise TemplateError.at(f"{ctx.where}: <sk:asset>", _("unknown asset '{name}'").format(name=name),
                                   _("assets: {names}").format(names=", ".join(self.brand.assets)))
        box = Rect(*(_num(el, a, ctx) for a in ("x", "y", "width", "height")))
        return self._place_asset(ctx.id, name, box, ctx.style.fill)

    def _place_asset(self, item_id: str, name: str, box: Rect, fill: Paint | None, align: str = "center") -> Group:
        size, view, items = self._load_asset(name, fill)
        scale = min(box.width / size.width_mm, box.height / size.height_mm)
        spare = box.width - size.width_mm * scale
        dx = box.x + {"left": 0.0, "right": spare}.get(align, spare / 2)
        dy = box.y + (box.height - size.height_mm * scale) / 2
        transform = multiply((scale, 0.0, 0.0, scale, dx, dy), view)  # type: ignore[arg-type]
        asset = self.brand.assets[name]
        return Group(item_id, items, transform, source=f"brand.assets.{name}", label=asset.note or name,
                     asset=name, artwork_role=asset.role, placeholder=asset.placeholder,
                     box=_view_box(size, view), layer="artwork")

    # -- the identity line ------------------------------------------------------------------
    # One artwork on every sign that carries the identity line: the brand's official lock-up
    # file where it has one (assets.<identity.lockup_asset>), else the lock-up drawn here from
    # the centre's slogan: [mark] + the line at a fixed tracking, in fixed proportions.  Signs
    # only choose its box; nothing about it is fitted sign by sign.
    def _identity_parts(self, text: str) -> tuple[Face, float, float, float, float]:
        """(face, mark height, mark-to-line gap, line width, artwork height), per mm of the
        line's character height."""
        ident = self.brand.identity
        face = self.fonts.face(ident.font or self.brand.roles.label_font)
        mark = ident.mark_ratio if ident.mark and "identity-mark" in self.brand.assets else 0.0
        gap = ident.mark_gap_em / face.face_height_em if mark else 0.0
        line = fixed_width_mm(face, text, 1.0, ident.tracking_em)
        return face, mark, gap, line, max(mark, 1.15)  # the line's slot keeps its ink whole

    def _identity_width(self, text: str, height_mm: float) -> float:
        """The identity lock-up's width (mm) at ``height_mm`` tall: for templates' layout."""
        official = self.brand.identity.lockup_asset
        if official in self.brand.assets:
            size, _, _ = self._load_asset(official, None)
            return height_mm * size.width_mm / size.height_mm
        _, mark, gap, line, height = self._identity_parts(" ".join(str(text).split()))
        return height_mm * (mark + gap + line) / height

    def _text_width(self, font: str, text: str, char_height_mm: float, tracking_em: float = 0.0) -> float:
        """Advance width (mm) of a line set with ``<sk:text char-height tracking>``: for templates' layout."""
        if font not in self.fonts:
            raise TemplateError.at("text_width()", _("unknown font role '{role}'").format(role=font),
                                   _("font roles: {names}").format(names=", ".join(self.fonts.roles)))
        return fixed_width_mm(self.fonts.face(font), " ".join(str(text).split()), float(char_height_mm), float(tracking_em))

    def _identity(self, el: ET.Element, ctx: Context) -> Item:
        """``<sk:identity x y width height align min-char-height key>slogan</sk:identity>``: the
        identity lock-up, as large as the box allows, aligned in it."""
        box = Rect(*(_num(el, a, ctx) for a in ("x", "y", "width", "height")))
        align = el.get("align", "center")
        if align not in ("left", "center", "right"):
            raise _element_error(el, ctx, _("align must be left, center or right, not '{align}'").format(align=align))
        text = " ".join((el.text or "").split())
        key = el.get("key", ctx.where)
        official = self.brand.identity.lockup_asset
        if official in self.brand.assets:
            return self._place_asset(ctx.id, official, box, ctx.style.fill, align)
        if ctx.style.fill is None:
            raise _element_error(el, ctx, _("the identity line needs a fill colour"),
                                 _('add fill="…" naming a palette colour'))
        face, mark, gap, line_w, height = self._identity_parts(text)
        width = mark + gap + line_w
        smallest = _num(el, "min-char-height", ctx, 0.0)
        c = max(smallest, min(box.height / height, box.width / width))
        x = box.x + {"left": 0.0, "right": box.width - width * c}.get(align, (box.width - width * c) / 2)
        items: list[Item] = []
        if mark:
            m = mark * c
            items.append(self._place_asset(f"{ctx.id}-mark", "identity-mark",
                                           Rect(x, box.y + (box.height - m) / 2, m, m), ctx.style.fill))
        lx = x + (mark + gap) * c
        frame = Rect(lx, box.y, min(line_w * c, box.right - lx) + 0.02, box.height)
        line = set_fixed(face, text, frame, c, tracking_em=self.brand.identity.tracking_em, align="left",
                         min_char_height_mm=smallest)
        items.append(Glyphs(f"{ctx.id}-line", face, line.size_mm, line.glyphs, ctx.style.fill, text, source=key,
                            fit=line.fit, role=_role(el, ctx)))
        return Group(ctx.id, tuple(items), source=key, label=f"identity line: {text}")

    def _load_asset(self, name: str, current: Paint | None) -> tuple[Size, tuple[float, ...], tuple[Item, ...]]:
        """The asset's items, parsed once per colour its ``currentColor`` takes."""
        key = (name, current.name if current else "")
        if key not in self._assets:
            where = self.brand.assets[name].file
            reader = SvgReader(palette=self.paints, ink=self.brand.roles.ink, where=where, hex_palette=True,
                               id_prefix=name, handlers={"text": self._text}, current=current)
            size, view, items = reader.read(self._asset_sources[name])
            if size is None:
                raise BrandError.at(where, _("the asset's <svg> has no size"), _("give it a viewBox"))
            self._assets[key] = (size, view, items)
        return self._assets[key]


def qr_modules(data: str, level: str, x: float, y: float, size: float) -> IRPath:
    """The dark modules of ``data``'s QR code as one path of row runs, ``size`` mm square with
    the quiet zone (four modules) inside, its top left at (x, y)."""
    import segno  # only boards with a QR code need it (its import pulls in urllib: 25 ms of a cold start)

    code = segno.make_qr(data, error=level, boost_error=False)
    matrix = code.matrix
    module = size / (len(matrix) + 8)
    ops: list[tuple] = []
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            ops.extend(IRPath.rect(x + (start + 4) * module, y + (r + 4) * module, (c - start) * module, module).ops)
    return IRPath(tuple(ops))


def _chars(el: ET.Element, ctx: Context) -> tuple[int, int] | None:
    """``chars-per-line="25 30"``: the measure a flow keeps, in characters a line."""
    value = el.get("chars-per-line")
    if value is None:
        return None
    try:
        fewest, most = (int(v) for v in value.split())
    except ValueError:
        raise _element_error(el, ctx, _("chars-per-line must be two whole numbers, e.g. \"25 30\", not '{value}'").format(
            value=value))
    if not 0 < fewest <= most:
        raise _element_error(el, ctx, _("chars-per-line needs 0 < fewest ≤ most"))
    return fewest, most


def _role(el: ET.Element, ctx: Context) -> str:
    role = el.get("role", "primary")
    if role not in ("primary", "secondary"):
        raise _element_error(el, ctx, _("role must be primary or secondary, not '{role}'").format(role=role))
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
        raise _element_error(el, ctx, _("missing attribute '{name}'").format(name=name))
    try:
        return parse_length_mm(value)
    except ValueError as exc:
        raise _element_error(el, ctx, f"{name}: {exc}")
