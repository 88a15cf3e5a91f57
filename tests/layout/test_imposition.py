"""The packing itself (layout/imposition.py): every piece placed once, trims inside the
printable area and a gap apart, rotation only where allowed, oversize pieces set apart,
guillotine-friendly rows, deterministic."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from signkit.ir import Rect
from signkit.layout.imposition import Layout, Piece, impose

AREA = Rect(10.0, 10.0, 1200.0, 2410.0)  # 1220 × 2440 stock, 10 mm margins, 20 mm label band
GAP = 6.0


def mixed() -> list[Piece]:
    """A centre's worth of stock: a showcase, boards, plates (two copies each), windows, desks."""
    pieces = [Piece("showcase", 1200, 900)]
    pieces += [Piece(f"board-{i}", 600, 900) for i in range(4)]
    pieces += [Piece(f"plate-{i}", 300, 120, c, 2) for i in range(12) for c in (1, 2)]
    pieces += [Piece(f"window-{i}", 500, 250) for i in range(4)]
    pieces += [Piece(f"desk-{i}", 200, 200) for i in range(4)]
    return pieces


def assert_valid(layout: Layout, pieces: list[Piece], area: Rect = AREA, gap: float = GAP) -> None:
    placed = [p for sheet in layout.sheets for p in sheet]
    assert Counter(p.piece for p in placed) + Counter(layout.oversize) == Counter(pieces)
    for sheet in layout.sheets:
        assert sheet
        for p in sheet:
            assert area.contains(p.rect), p
        for a, b in itertools.combinations(sheet, 2):  # trims at least the gap apart
            assert not a.rect.inset(-gap / 2 + 1e-6).intersects(b.rect.inset(-gap / 2 + 1e-6)), (a, b)


@pytest.mark.parametrize("rotate", [False, True])
def test_every_piece_placed_once_inside_and_apart(rotate):
    pieces = mixed()
    layout = impose(pieces, AREA, gap_mm=GAP, rotate=rotate)
    assert_valid(layout, pieces)
    assert not layout.oversize
    if not rotate:
        assert not any(p.rotated for sheet in layout.sheets for p in sheet)


def test_rotation_only_where_it_places_more():
    plates = [Piece(f"p{i}", 300, 120) for i in range(200)]
    upright = impose(plates, AREA, gap_mm=GAP, rotate=False)
    turned = impose(plates, AREA, gap_mm=GAP, rotate=True)
    assert_valid(upright, plates)
    assert_valid(turned, plates)
    # 1200 mm across: 3 plates upright, 9 turned; 2410 mm down: 19 upright rows, 7 turned
    assert len(upright.sheets[0]) == 3 * 19
    assert len(turned.sheets[0]) == 9 * 7 + 3 * 2  # the band left below takes two upright rows
    assert len(turned.sheets) < len(upright.sheets)


def test_one_size_fills_rows_left_to_right_top_to_bottom():
    plates = [Piece(f"p{i}", 300, 120) for i in range(7)]
    layout = impose(plates, AREA, gap_mm=GAP, rotate=False)
    spots = [(p.x, p.y) for p in layout.sheets[0]]
    assert spots == [(10, 10), (316, 10), (622, 10), (10, 136), (316, 136), (622, 136), (10, 262)]
    assert [p.piece.sign_id for p in layout.sheets[0]] == [f"p{i}" for i in range(7)]  # schedule order kept


def test_pieces_larger_than_the_stock_are_set_apart():
    facade = Piece("facade", 5000, 750)
    tall = Piece("wide", 1500, 300)  # fits only turned
    plates = [Piece(f"p{i}", 300, 120) for i in range(3)]
    layout = impose([facade, tall, *plates], AREA, gap_mm=GAP, rotate=False)
    assert layout.oversize == (facade, tall)
    assert_valid(layout, [facade, tall, *plates])
    turned = impose([facade, tall, *plates], AREA, gap_mm=GAP, rotate=True)
    assert turned.oversize == (facade,)
    assert any(p.piece == tall and p.rotated for p in turned.sheets[0])


def test_an_exact_fit_fits():
    piece = Piece("full", 1200, 2410)
    layout = impose([piece], AREA, gap_mm=GAP, rotate=False)
    assert not layout.oversize and layout.sheets[0][0].rect == AREA


def test_no_gap_lets_pieces_touch():
    pieces = [Piece(f"q{i}", 600, 1205) for i in range(4)]
    layout = impose(pieces, AREA, gap_mm=0.0, rotate=False)
    assert len(layout.sheets) == 1
    assert_valid(layout, pieces, gap=0.0)


def test_deterministic():
    pieces = mixed()
    assert impose(pieces, AREA, gap_mm=GAP, rotate=True) == impose(list(pieces), AREA, gap_mm=GAP, rotate=True)


def test_a_county_of_plates_packs_densely():
    """300 centres × 12 plates on shared sheets: every sheet but the last as full as the first."""
    plates = [Piece(f"c{c:03d}-plate-{i:02d}", 300, 120) for c in range(300) for i in range(12)]
    layout = impose(plates, AREA, gap_mm=GAP, rotate=True)
    per_sheet = len(layout.sheets[0])
    assert len(layout.sheets) == -(-len(plates) // per_sheet)
    assert all(len(s) == per_sheet for s in layout.sheets[:-1])
    used = per_sheet * 300 * 120 / (1220 * 2440)
    assert used > 0.8
