"""Sheet building (layout/gang.py) on bare signs: turned placements map the sign onto its
place, the label lists every id or says how many it left out, the white layer only on clear
stock and choked, the cut path follows the corner radius."""

from __future__ import annotations

import dataclasses
import re

import pytest

from signkit.ir import Group, Path, Shape, Sheet, Size, apply, walk
from signkit.layout.gang import Ganger, GangSign, placement_matrix
from signkit.layout.imposition import Piece, Placed


def bare(sign_id: str, w: float = 300.0, h: float = 120.0) -> Sheet:
    return Sheet(sign_id, Size(w, h), 3.0, (Shape(f"{sign_id}-bg", Path.rect(-3, -3, w + 6, h + 6)),))


def with_sheets(brand, **changes):
    sheets = dataclasses.replace(brand.output.sheets, **changes)
    return dataclasses.replace(brand, output=dataclasses.replace(brand.output, sheets=sheets))


def test_a_turned_sign_lands_on_its_place():
    placed = Placed(Piece("p", 300, 120), 50.0, 70.0, rotated=True)
    m = placement_matrix(placed)
    corners = [apply(m, x, y) for x, y in ((0, 0), (300, 0), (300, 120), (0, 120))]
    r = placed.rect
    assert (r.width, r.height) == (120, 300)
    assert sorted(corners) == sorted([(r.x, r.y), (r.right, r.y), (r.right, r.bottom), (r.x, r.bottom)])
    assert corners[0] == (r.right, r.y)  # the sign's top edge becomes the right edge (turned clockwise)


def label_text(sheet: Sheet) -> list[str]:
    label = next(i for i in sheet.items if isinstance(i, Group) and i.id.endswith("-label"))
    return [g.text for g in label.children]


def test_label_lists_every_sign_with_counts(brand):
    gang = Ganger(brand).material("acp-3mm", [GangSign(bare("plate-a"), 3), GangSign(bare("plate-b"))], centre="X")
    lines = label_text(gang.pages[0].sheet)
    assert lines[0].startswith("X · acp-3mm · sheet 1/1")
    assert "4 signs" in lines[0]
    assert lines[1] == "plate-a ×3, plate-b"


def test_label_says_how_many_ids_it_left_out(brand):
    narrow = with_sheets(brand, label_mm=12.0, stock_mm=(700.0, 2440.0))
    signs = [GangSign(bare(f"plate-{i:03d}-with-a-long-name")) for i in range(60)]
    ganger = Ganger(narrow)
    gang = ganger.material("acp-3mm", signs, centre="X")
    for page in gang.pages:
        lines = label_text(page.sheet)
        label = next(i for i in page.sheet.items if isinstance(i, Group) and i.id.endswith("-label"))
        assert all(g.fit.fits for g in label.children)
        ids = [p.piece.sign_id for p in page.placed]
        listed = [x for line in lines[1:] for x in re.findall(r"plate-\d{3}-with-a-long-name", line)]
        more = re.search(r"… \+(\d+) more$", lines[-1])
        assert more, lines
        assert listed == ids[:len(listed)] and len(listed) + int(more.group(1)) == len(ids)


def test_white_layer_only_on_clear_stock_choked_inside_the_trim(brand):
    ganger = Ganger(brand)
    choke = brand.output.sheets.white_choke_mm
    clear = ganger.material("acrylic-5mm", [GangSign(bare("w", 500, 250), 2, 5.0)], centre="X")
    opaque = ganger.material("acp-3mm", [GangSign(bare("p"), 2)], centre="X")
    assert clear.clear and not opaque.clear
    whites = [i for i, _, _ in walk(clear.pages[0].sheet.items) if isinstance(i, Shape) and i.fill is not None
              and i.fill.spot == "White"]
    assert len(whites) == 2 and all(w.fill.overprint and w.stroke is None for w in whites)
    for w, p in zip(whites, clear.pages[0].placed):
        x0, y0, x1, y1 = w.path.control_bounds()
        assert (x0, y0, x1, y1) == pytest.approx((p.rect.x + choke, p.rect.y + choke, p.rect.right - choke,
                                                  p.rect.bottom - choke))
    assert not any(isinstance(i, Shape) and i.fill is not None and i.fill.spot
                   for i, _, _ in walk(opaque.pages[0].sheet.items))


def test_cut_path_rounds_the_corners_by_the_sign_types_radius(brand):
    gang = Ganger(brand).material("acp-3mm", [GangSign(bare("r"), 1, 3.0), GangSign(bare("s"), 1, 0.0)], centre="X")
    cuts = {i.source: i for i, _, _ in walk(gang.pages[0].sheet.items)
            if isinstance(i, Shape) and i.stroke is not None and i.stroke.spot == "CutContour"}
    assert sum(op[0] == "C" for op in cuts["r"].path.ops) == 4
    assert not any(op[0] == "C" for op in cuts["s"].path.ops)
    assert all(c.fill is None and c.stroke.overprint and c.stroke_width_mm == 0.1 for c in cuts.values())
