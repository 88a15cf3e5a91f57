"""Labels on signkit's own sheets (proof, elevations): one line of text at a given size.

In:  the brand (its label font and ink colours by role).
Out: :class:`~signkit.ir.Glyphs` runs, and the IR stand-ins that let a sign's artwork appear on
     a printed proof whatever it holds (:func:`printable_view`).
"""

from __future__ import annotations

from typing import assert_never

from ..ir import Glyphs, Group, Image, Item, Paint, Path, PlacedGlyph, Rect, Shape
from ..model.brand import Brand
from ..text.fonts import FontBook
from ..text.line import LineSpec, set_line
from ..text.paragraph import SetParagraph, set_paragraph
from .compose import palette_paints


class Labeller:
    """Sets label lines in the brand's label font; ``ink`` and ``alert`` are the role colours."""

    def __init__(self, brand: Brand):
        self.face = FontBook(brand.font_paths).face(brand.roles.label_font)
        paints = palette_paints(brand)
        self.ink: Paint = paints[brand.roles.ink]
        self.alert: Paint = paints[brand.roles.alert]
        self.paper: Paint = paints[brand.roles.paper]
        self._paragraphs: dict[tuple[str, float, float], SetParagraph] = {}

    def line(self, item_id: str, text: str, x: float, y: float, width: float, char_mm: float, *,
             paint: Paint | None = None, align: str = "left", source: str = "label") -> Glyphs:
        """``text`` in a frame ``width`` wide starting at (x, y): at most ``char_mm`` tall,
        smaller (down to 40 %) if it would not fit, never clipped."""
        frame = Rect(x, y, width, char_mm * 1.4)
        line = set_line(self.face, text, LineSpec(frame=frame, min_char_height_mm=char_mm * 0.4,
                                                  max_char_height_mm=char_mm, align=align))  # type: ignore[arg-type]
        return Glyphs(item_id, self.face, line.size_mm, line.glyphs, paint or self.ink, text, source=source,
                      fit=line.fit)

    def lines(self, item_id: str, text: str, x: float, y: float, width: float, char_mm: float, *,
              paint: Paint | None = None, pitch: float = 1.6, source: str = "label") -> tuple[list[Glyphs], float]:
        """``text`` wrapped to ``width`` at one size (characters ``char_mm`` tall, never
        smaller), line after line from (x, y), flush left; and the height it takes."""
        size = char_mm / self.face.face_height_em
        para = self._paragraphs.get((text, size, width))
        if para is None:  # measured once, placed where asked (a proof measures its captions first)
            para = self._paragraphs[(text, size, width)] = set_paragraph(self.face, text, size_mm=size,
                                                                         width_mm=width, justify=False)
        runs = []
        for i, line in enumerate(para.lines):
            baseline = y + char_mm * 1.1 + i * char_mm * pitch
            glyphs = tuple(PlacedGlyph(g.gid, x + g.x, baseline + g.y, g.cluster - line.start) for g in line.glyphs)
            runs.append(Glyphs(f"{item_id}-{i}" if i else item_id, self.face, size, glyphs, paint or self.ink,
                               line.text, source=source))
        return runs, max(1, len(para.lines)) * char_mm * pitch

    def rule(self, item_id: str, x1: float, y1: float, x2: float, y2: float, width: float,
             paint: Paint | None = None) -> Shape:
        return Shape(item_id, Path.line(x1, y1, x2, y2), stroke=paint or self.ink, stroke_width_mm=width,
                     source="label")

    def box(self, item_id: str, r: Rect, width: float, paint: Paint | None = None) -> Shape:
        return Shape(item_id, Path.rect(r.x, r.y, r.width, r.height), stroke=paint or self.ink,
                     stroke_width_mm=width, source="label")


def printable_view(items: tuple[Item, ...], labeller: Labeller) -> tuple[Item, ...]:
    """The items as a printed proof can show them: a photo that cannot print (RGB, PNG) becomes
    a marked frame, and a colour without CMYK (off-palette artwork) the ink colour, so the proof
    PDF stays CMYK while the sign's own preview keeps the real photo and colours."""
    out: list[Item] = []
    for item in items:
        match item:
            case Image() if not item.printable:
                r = item.box
                out.append(Shape(f"{item.id}-frame", Path.rect(r.x, r.y, r.width, r.height), fill=labeller.paper,
                                 stroke=labeller.alert, stroke_width_mm=min(r.width, r.height) * 0.01,
                                 source=item.source))
                out.append(Shape(f"{item.id}-cross", Path((("M", r.x, r.y), ("L", r.right, r.bottom),
                                                           ("M", r.right, r.y), ("L", r.x, r.bottom))),
                                 stroke=labeller.alert, stroke_width_mm=min(r.width, r.height) * 0.005,
                                 source=item.source))
            case Image():
                out.append(item)
            case Shape():
                fill = item.fill if item.fill is None or item.fill.printable else labeller.ink
                stroke = item.stroke if item.stroke is None or item.stroke.printable else labeller.ink
                out.append(item if (fill, stroke) == (item.fill, item.stroke) else
                           Shape(item.id, item.path, fill, stroke, item.stroke_width_mm, item.source, item.even_odd))
            case Glyphs():
                out.append(item if item.fill.printable else
                           Glyphs(item.id, item.face, item.size_mm, item.glyphs, labeller.ink, item.text,
                                  item.source, item.fit, item.vertical, item.role))
            case Group():
                children = printable_view(item.children, labeller)
                out.append(item if children is item.children else Group(
                    item.id, children, item.transform, item.source, item.label, item.asset, item.artwork_role,
                    item.placeholder, item.clip, item.box, item.layer))
            case _:
                assert_never(item)
    # nothing to replace: the very same items, so that renderers know them again (render.pdf)
    return items if len(out) == len(items) and all(a is b for a, b in zip(out, items)) else tuple(out)
