"""Vertical plaques: one column, characters spread evenly (撑满), vertical forms, nothing clipped."""

from __future__ import annotations

import pytest

from signkit.ir import Glyphs, Rect, walk
from signkit.text.fonts import Face
from signkit.text.shape import shape
from signkit.text.vertical import ColumnSpec, set_column

from ..conftest import ROOT

PARTY = "中国共产党句容市天王镇青禾村委员会"


@pytest.fixture(scope="module")
def song():
    return Face.open("song", ROOT / "fonts" / "SignKitSongSC-Bold.otf")


def ink_boxes(face, column):
    s = column.size_mm / face.units_per_em
    out = []
    for g in column.glyphs:
        b = face.bounds(g.gid)
        out.append((g.x + b[0] * s, g.y - b[3] * s, g.x + b[2] * s, g.y - b[1] * s))
    return out


def test_party_name_is_one_evenly_spaced_column_in_the_composed_plaque(sample_result):
    sign = next(s for s in sample_result.signs if s.job.id == "plaque-1-party")
    run = next(i for i, _, _ in walk(sign.sheet.items) if isinstance(i, Glyphs))
    assert run.text == PARTY and run.vertical and run.fit.fits
    ys = [g.y for g in run.glyphs]
    pitches = [b - a for a, b in zip(ys, ys[1:])]
    assert max(pitches) - min(pitches) < 0.5  # equal character pitch within 0.5 mm
    xs = {round(g.x, 6) for g in run.glyphs}
    assert len(xs) <= 2  # one column (digits or punctuation may shift; hanzi share one x)
    # no glyph crosses the safe margin: every ink box inside the frame the template declared
    face, frame = run.face, run.fit.frame
    assert frame == Rect(40, 110, 220, 1780)
    for x0, y0, x1, y1 in ink_boxes(face, run):
        assert frame.contains(Rect(x0, y0, x1 - x0, y1 - y0))
    # 撑满: the column reaches from the top of the frame to its bottom
    boxes = ink_boxes(face, run)
    assert boxes[0][1] - frame.y < 0.1 * run.size_mm
    assert frame.bottom - boxes[-1][3] < 0.1 * run.size_mm


def test_spread_fills_the_frame_exactly_on_ink(song):
    frame = Rect(40, 110, 220, 1780)
    column = set_column(song, "句容市天王镇青禾村村民委员会", ColumnSpec(frame, 40, 180, min_gap_em=0.12))
    boxes = ink_boxes(song, column)
    assert boxes[0][1] == pytest.approx(frame.y, abs=1e-6)  # the first character's ink at the top
    assert boxes[-1][3] == pytest.approx(frame.bottom, abs=1e-6)  # the last one's ink at the bottom
    assert column.fit.tracking_mm >= 0.12 * column.size_mm - 1e-9  # never set solid


@pytest.mark.parametrize("name", ["青禾村便民服务代办点（农村电商）", "句容市天王镇青禾村“两新”组织党支部",
                                  "句容市天王镇青禾村村民委员会"])
def test_column_feet_align_on_ink_whatever_the_last_mark(song, name):
    """A column ending in ︶ stops where its neighbours stop (issue 10: it stood 76 mm higher)."""
    frame = Rect(40, 110, 220, 1780)
    column = set_column(song, name, ColumnSpec(frame, 40, 180, min_gap_em=0.12), 90.0)
    boxes = ink_boxes(song, column)
    assert abs(boxes[-1][3] - frame.bottom) < 1.0 and abs(boxes[0][1] - frame.y) < 1.0


def test_brackets_and_quotes_take_half_an_em_bound_to_their_word(song):
    frame = Rect(40, 110, 220, 1780)
    column = set_column(song, "青禾村便民服务代办点（农村电商）", ColumnSpec(frame, 40, 180, min_gap_em=0.12), 90.0)
    em, gap = column.size_mm, column.fit.tracking_mm
    boxes = ink_boxes(song, column)
    # 点, gap, ︵ in half an em, 农 with no gap: the mark binds to the word it opens
    assert boxes[10][1] - boxes[9][3] >= gap - 1e-6
    assert boxes[11][1] - boxes[10][3] < 0.3 * em
    hole = boxes[11][1] - boxes[9][3]  # 点's ink to 农's ink, the bracket between
    assert hole < em + gap  # was 62–98 mm with full-em marks and gaps on both sides
    quoted = set_column(song, "句容市天王镇青禾村“两新”组织党支部", ColumnSpec(frame, 40, 180, min_gap_em=0.12), 90.0)
    qboxes = ink_boxes(song, quoted)
    assert qboxes[10][1] - qboxes[8][3] < quoted.size_mm + 2 * quoted.fit.tracking_mm  # 村 ﹃ 两


def test_one_house_size_for_a_group_of_plaques(song):
    from signkit.text.vertical import house_column_size

    frame = Rect(40, 110, 220, 1780)
    spec = ColumnSpec(frame, 51, 180, min_gap_em=0.12)
    names = ["中国共产党句容市天王镇青禾村委员会", "句容市天王镇青禾村村民委员会", "青禾村便民服务代办点（农村电商）"]
    house = house_column_size([(song, n, spec) for n in names])
    columns = [set_column(song, n, spec, house) for n in names]
    heights = [c.fit.char_height_mm for c in columns]
    assert max(heights) - min(heights) < 0.5 and all(c.fit.fits for c in columns)
    assert house == pytest.approx(min(set_column(song, n, spec).fit.char_height_mm for n in names), abs=0.5)


def test_a_very_long_name_is_flattened_before_the_row_shrinks(song):
    from signkit.text.vertical import house_column_size

    frame = Rect(40, 110, 220, 1780)
    plain = ColumnSpec(frame, 51, 180, min_gap_em=0.12)
    flat = ColumnSpec(frame, 51, 180, min_gap_em=0.12, condensed=0.88, condense_below_mm=80)
    names = ["中国共产党句容市天王镇青禾村股份经济合作社委员会", "句容市天王镇青禾村村民委员会"]
    natural = house_column_size([(song, n, plain) for n in names])
    house = house_column_size([(song, n, flat) for n in names])
    assert natural < 65 and house >= natural + 5  # flattening keeps the row from shrinking as far
    long, short = (set_column(song, n, flat, house) for n in names)
    assert 0.88 - 1e-9 <= long.condense < 0.9 and short.condense == 1  # only the long name is flattened
    assert long.fit.fits and long.size_mm == pytest.approx(short.size_mm)  # one character width


def test_short_names_are_capped_and_still_spread(song):
    frame = Rect(40, 110, 220, 1780)
    column = set_column(song, "村委会", ColumnSpec(frame, 40, 180))
    assert column.fit.char_height_mm == pytest.approx(180, abs=0.01)
    assert column.glyphs[-1].y - column.glyphs[0].y == pytest.approx(2 * column.pitch_mm)


def test_punctuation_takes_vertical_forms_and_quotes_become_corner_brackets(song):
    frame = Rect(0, 0, 100, 1000)
    plain = shape(song, "（一）", vertical=False)
    column = set_column(song, "（一）", ColumnSpec(frame, 10, 90))
    assert column.glyphs[0].gid != plain.glyphs[0].gid  # vert form of （
    quoted = set_column(song, "“两委”", ColumnSpec(frame, 10, 90))
    corner = shape(song, "『两委』", vertical=True)
    assert [g.gid for g in quoted.glyphs] == [g.gid for g in corner.glyphs]


def test_a_name_too_long_for_the_minimum_is_marked(song):
    frame = Rect(40, 110, 220, 600)
    column = set_column(song, PARTY, ColumnSpec(frame, 40, 180, min_gap_em=0.12))
    assert not column.fit.fits
    assert column.fit.char_height_mm == pytest.approx(40, abs=1e-6)
