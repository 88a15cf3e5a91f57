"""Ganged print sheets: the approved signs of one material, laid onto stock sheets.

In:  the signs of one material (:class:`GangSign`: each sign's finished :class:`~signkit.ir.Sheet`,
     its number of copies and the radius of its corners), the brand (``[output.sheets]``: stock
     sizes, margins, gap, spot names; the label font and ink by role) and the centre's name.
Out: :class:`MaterialSheets`: one :class:`~signkit.ir.Sheet` per stock sheet (the page *is*
     the stock sheet: trim = stock, no bleed), then one page per sign larger than the stock,
     with the placements that made them.  Rendered by the usual PDF backend (PDF/X-1a).

Each sheet holds, in paint order:

1. each copy's artwork at its place (:mod:`.imposition`), turned 90° where the material
   allows and the packing chose it, clipped to its bleed; the bleed reaches at most halfway
   into the gap, so neighbours never print over each other;
2. on clear stock, the white ink layer: each sign's trim, choked by ``white_choke_mm``, filled
   in the ``white_spot`` Separation with overprint.  It is drawn *above* the art because a
   knockout would punch it out of the White separation wherever the art lies; the RIP prints
   the White plate first.  The whole trim (not only the inked shapes) because the palette's
   paper colour means "unprinted stock": on clear stock it must become white ink for the
   sign to look as designed;
3. the cut path: each trim (corners rounded by the sign type's ``corner_radius_mm``) stroked
   as a hairline in the ``cut_spot`` Separation, overprinting, nothing filled;
4. outside the printable area, in the ink colour (K only: the registration colour would also
   print on the White and cut plates): a solid registration dot in each corner for the
   cutter's camera, and the sheet label at the bottom — centre, material, sheet n/m, stock
   size, and the ids of the signs on the sheet (×n for several copies).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import _
from ..ir import Glyphs, Group, Item, Matrix, Paint, Path, Rect, Shape, Sheet, Size
from ..model.brand import Brand
from .imposition import Layout, Piece, Placed, impose
from ..text.line import ink_extent
from ..text.shape import shape
from .labels import Labeller

LINE_PITCH = 1.5  # label line pitch ÷ character height
ID_CHAR = 0.75  # id lines' character height ÷ the title's


@dataclass(frozen=True, slots=True)
class GangSign:
    """A sign to gang: its artwork, how many copies to print (its quantity), its corners."""

    sheet: Sheet
    copies: int = 1
    corner_radius_mm: float = 0.0

    @property
    def id(self) -> str:
        return self.sheet.id


@dataclass(frozen=True, slots=True)
class StockSheet:
    """One page: the IR sheet, the placements on it (sheet mm) and whether it holds a sign
    larger than the stock (a page at that sign's size)."""

    sheet: Sheet
    placed: tuple[Placed, ...]
    printable: Rect
    oversize: bool = False


@dataclass(frozen=True, slots=True)
class MaterialSheets:
    code: str
    material: str
    stock: Size
    clear: bool
    rotate: bool
    pages: tuple[StockSheet, ...]  # stock sheets first, then oversize pages; numbered 1..n in this order

    @property
    def stock_sheets(self) -> tuple[StockSheet, ...]:
        return tuple(p for p in self.pages if not p.oversize)

    @property
    def utilisation(self) -> float:
        """Trim area placed on stock sheets ÷ their area (oversize pages left out), 0–1."""
        sheets = self.stock_sheets
        if not sheets:
            return 0.0
        used = sum(p.rect.width * p.rect.height for s in sheets for p in s.placed)
        return used / (len(sheets) * self.stock.width_mm * self.stock.height_mm)


class Ganger:
    """Builds the sheets of every material of a brand; keeps the label font between calls."""

    def __init__(self, brand: Brand):
        self.brand = brand
        self.settings = brand.output.sheets
        self.labels = Labeller(brand)
        s = self.settings
        self.cut = Paint("cut-path", _fractions(s.cut_cmyk), "#EC008C", spot=s.cut_spot, overprint=True)
        self.white = Paint("white-ink", _fractions(s.white_cmyk), "#FFFFFF", spot=s.white_spot, overprint=True)
        # how far art may reach past a trim: the bleed, at most half the gap (neighbours never
        # overlap) and half a margin (the corners' registration marks stay clear)
        self.reach = max(0.0, min(brand.output.bleed_mm, s.gap_mm / 2, s.margin_mm / 2, s.label_mm / 2))

    def material(self, code: str, signs: Sequence[GangSign], *, centre: str, material: str = "") -> MaterialSheets:
        """Every copy of ``signs`` (all of material ``code``) on stock sheets of that material."""
        s = self.settings
        (stock_w, stock_h), rotate, clear = s.stock_of(code)
        stock = Size(stock_w, stock_h)
        area = Rect(s.margin_mm, s.margin_mm, stock_w - 2 * s.margin_mm, stock_h - s.margin_mm - s.label_mm)
        by_id = {sign.id: sign for sign in signs}
        pieces = [Piece(sign.id, sign.sheet.trim.width_mm, sign.sheet.trim.height_mm, n, sign.copies)
                  for sign in signs for n in range(1, sign.copies + 1)]
        layout: Layout = impose(pieces, area, gap_mm=s.gap_mm, rotate=rotate)
        plans = [(stock, area, placed, False) for placed in layout.sheets]
        for piece in layout.oversize:  # a page at the sign's own size, margins and label around it
            own = Size(piece.width_mm + 2 * s.margin_mm, piece.height_mm + s.margin_mm + s.label_mm)
            own_area = Rect(s.margin_mm, s.margin_mm, piece.width_mm, piece.height_mm)
            plans.append((own, own_area, (Placed(piece, s.margin_mm, s.margin_mm),), True))
        pages = []
        for n, (size, printable, placed, oversize) in enumerate(plans, start=1):
            sheet_id = f"{code}_{n}"
            title = _("{centre} · {material} · sheet {n}/{total}").format(centre=centre, material=code, n=n,
                                                                         total=len(plans))
            items = self._items(sheet_id, size, printable, placed, by_id, clear=clear)
            items += self._label(sheet_id, size, placed, oversize=oversize, clear=clear,
                                 head=_("{centre} · {material} · sheet {n}/{total}").format(
                                     centre=centre, material=f"{code} ({material})" if material else code, n=n,
                                     total=len(plans)))
            pages.append(StockSheet(Sheet(sheet_id, size, 0.0, tuple(items), title=title), placed, printable, oversize))
        return MaterialSheets(code, material, stock, clear, rotate, tuple(pages))

    # -- the layers ------------------------------------------------------------------------
    def _items(self, sheet_id: str, size: Size, printable: Rect, placed: Sequence[Placed],
               by_id: dict[str, GangSign], *, clear: bool) -> list[Item]:
        s = self.settings
        art: list[Item] = []
        white: list[Item] = []
        cut: list[Item] = []
        for i, p in enumerate(placed, start=1):
            sign = by_id[p.piece.sign_id]
            trim = p.rect
            bleed = self.bleed_of(sign.sheet)
            w, h = p.piece.width_mm, p.piece.height_mm
            art.append(Group(f"{sheet_id}-{i}-{sign.id}", sign.sheet.items, placement_matrix(p), source=sign.id,
                             label=f"{sign.id} {p.piece.copy}/{p.piece.copies}",
                             clip=Rect(-bleed, -bleed, w + 2 * bleed, h + 2 * bleed), layer="artwork"))
            radius = min(sign.corner_radius_mm, trim.width / 2, trim.height / 2)
            if clear:
                inner = trim.inset(s.white_choke_mm)
                white.append(Shape(f"{sheet_id}-{i}-white", Path.rect(*inner.as_tuple(), max(0.0, radius - s.white_choke_mm)),
                                   fill=self.white, source=sign.id))
            cut.append(Shape(f"{sheet_id}-{i}-cut", Path.rect(*trim.as_tuple(), radius), stroke=self.cut,
                             stroke_width_mm=s.cut_width_mm, source=sign.id))
        items: list[Item] = [Group(f"{sheet_id}-artwork", tuple(art), layer="artwork")]
        if white:
            items.append(Group(f"{sheet_id}-white", tuple(white), label=s.white_spot, layer="white"))
        items.append(Group(f"{sheet_id}-cut", tuple(cut), label=s.cut_spot, layer="cut"))
        items.append(Group(f"{sheet_id}-marks", tuple(self._marks(sheet_id, size)), layer="marks"))
        return items

    def bleed_of(self, sheet: Sheet) -> float:
        """How far a sign's art reaches past its trim on a sheet, mm."""
        return min(sheet.bleed_mm, self.reach)

    def marks(self, size: Size) -> list[tuple[float, float, float]]:
        """The registration dots as (centre x, centre y, diameter), sheet mm: one in each
        corner, centred in the band between the stock edge and the furthest bleed."""
        s = self.settings
        band = s.margin_mm - self.reach
        d = min(s.mark_mm, max(band - 1.0, 0.5))
        c = band / 2
        return [(x, y, d) for y in (c, size.height_mm - c) for x in (c, size.width_mm - c)]

    def _marks(self, sheet_id: str, size: Size) -> list[Item]:
        ink = self.labels.ink
        return [Shape(f"{sheet_id}-reg{i}", Path.ellipse(x, y, d / 2, d / 2), fill=ink, source="sheet")
                for i, (x, y, d) in enumerate(self.marks(size), start=1)]

    def _label(self, sheet_id: str, size: Size, placed: Sequence[Placed], *, oversize: bool, clear: bool,
               head: str) -> list[Item]:
        """The label in the bottom band: the head line, then the sign ids on as many lines as fit."""
        s = self.settings
        top = size.height_mm - s.label_mm + self.reach + 1.0
        room = size.height_mm - 1.0 - top
        if room <= 0:
            return []
        x0 = max(s.margin_mm, s.mark_mm + 2.0)
        width = size.width_mm - 2 * x0
        char = min(s.label_char_mm, room / LINE_PITCH)
        notes = [_("stock {width} × {height} mm").format(width=f"{size.width_mm:g}", height=f"{size.height_mm:g}")]
        if oversize:
            notes.append(_("OVERSIZE: larger than the stock sheet, a page of its own"))
        notes.append((_("{n} sign") if len(placed) == 1 else _("{n} signs")).format(n=len(placed)))
        notes.append(_("cut: {cut}, white ink: {white}").format(cut=s.cut_spot, white=s.white_spot) if clear else
                     _("cut: {cut}").format(cut=s.cut_spot))
        id_lines = int((room - char * LINE_PITCH) // (char * ID_CHAR * LINE_PITCH))
        if id_lines < 1:  # a narrow band: smaller type, so the ids get a line of their own
            char, id_lines = room / (LINE_PITCH * (1 + ID_CHAR)), 1
        lines = [(head + " · " + " · ".join(notes), char)]
        id_char = char * ID_CHAR
        lines += [(text, id_char) for text in self._wrap(_counted([p.piece.sign_id for p in placed]), width, id_char,
                                                         id_lines)]
        out: list[Item] = []
        y = top
        for i, (text, c) in enumerate(lines):
            out.append(self.labels.line(f"{sheet_id}-label{i}", text, x0, y, width, c, source="sheet"))
            y += c * LINE_PITCH
        return [Group(f"{sheet_id}-label", tuple(out), layer="marks")]

    def _fits(self, text: str, width: float, char: float) -> bool:
        run: Glyphs = self.labels.line("probe", text, 0.0, 0.0, width, char)
        return run.fit is not None and run.fit.char_height_mm >= char * 0.999

    def _wrap(self, parts: list[str], width: float, char: float, max_lines: int) -> list[str]:
        """``parts`` joined by commas into lines that fit ``width`` at ``char``; what does not
        fit in ``max_lines`` is summed up at the end (… +n more).  Lines are filled by each
        part's advance (shaped once), then each line is set once to confirm it fits."""
        face = self.labels.face
        advance = {p: shape(face, p).advance / face.units_per_em for p in set(parts) | {", "}}
        tallest = max((ink_extent(face, shape(face, p))[0] for p in set(parts)), default=face.units_per_em)
        budget = width / (char / (tallest / face.units_per_em))  # the line's width in em at that size
        lines: list[list[str]] = []
        used = 0.0
        for part in parts:
            if lines and used + advance[", "] + advance[part] <= budget:
                lines[-1].append(part)
                used += advance[", "] + advance[part]
            else:
                lines.append([part])
                used = advance[part]
        out: list[str] = []
        queue = [list(line) for line in lines]
        while queue:  # confirm each line (its own tallest glyph may set it larger); carry over what spills
            line = queue.pop(0)
            while len(line) > 1 and not self._fits(", ".join(line), width, char):
                spill = line.pop()
                if queue:
                    queue[0].insert(0, spill)
                else:
                    queue.append([spill])
            out.append(", ".join(line))
            if len(out) == max_lines and queue:
                rest = sum(len(q) for q in queue)
                last = line
                while last and not self._fits(", ".join(last) + " " + _("… +{n} more").format(n=rest), width, char):
                    last = last[:-1]
                    rest += 1
                out[-1] = (", ".join(last) + " " if last else "") + _("… +{n} more").format(n=rest)
                return out
        return out


def placement_matrix(p: Placed) -> Matrix:
    """Sign coordinates (mm from its trim's top-left) → sheet coordinates; turned 90°
    clockwise, the sign's top edge becomes its right edge on the sheet."""
    if p.rotated:
        return (0.0, 1.0, -1.0, 0.0, p.x + p.piece.height_mm, p.y)
    return (1.0, 0.0, 0.0, 1.0, p.x, p.y)


def _counted(ids: list[str]) -> list[str]:
    """Ids in order of first appearance, ``×n`` after those that appear n > 1 times."""
    counts: dict[str, int] = {}
    for sid in ids:
        counts[sid] = counts.get(sid, 0) + 1
    return [sid if n == 1 else f"{sid} ×{n}" for sid, n in counts.items()]


def _fractions(percent: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return tuple(v / 100 for v in percent)  # type: ignore[return-value]
