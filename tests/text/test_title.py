"""Titles (text/title.py): balanced two-line breaks at word boundaries, compressed
punctuation, and the largest size at which a title fits its frame."""

from __future__ import annotations

import pytest

from signkit.ir import Rect
from signkit.text.fonts import Face
from signkit.text.title import TitleSpec, break_title, set_title

from ..conftest import ROOT


@pytest.fixture(scope="module")
def hei():
    return Face.open("hei", ROOT / "fonts" / "SignKitHeiSC-Bold.otf")


@pytest.mark.parametrize("title, lines", [
    ("中华人民共和国村民委员会组织法（节选）", ("中华人民共和国", "村民委员会组织法（节选）")),
    ("村务公开和民主管理制度", ("村务公开和", "民主管理制度")),
    ("青禾村村规民约", ("青禾村", "村规民约")),
    ("党员活动室管理制度（试行）", ("党员活动室", "管理制度（试行）")),
    ("中国共产党农村基层组织工作条例", ("中国共产党", "农村基层组织工作条例")),
])
def test_two_lines_break_at_a_word_boundary(hei, title, lines):
    assert break_title(hei, title).lines == lines


def test_punctuation_is_compressed_as_in_the_body(hei):
    assert break_title(hei, "“三会一课”制度", max_lines=1).width_em == pytest.approx(7.5)   # “ trimmed, ” full
    assert break_title(hei, "制度（试行）（修订）", max_lines=1).width_em == pytest.approx(9.0)  # ）（ 1.5 em, ） ½
    two = break_title(hei, "中华人民共和国村民委员会组织法（节选）")
    assert two.widths_em == pytest.approx((7.0, 11.5))


def test_never_inside_numbers_or_quotes(hei):
    lines = break_title(hei, "“三会一课”制度2023年版").lines
    assert "".join(lines) == "“三会一课”制度2023年版"
    assert not lines[0].endswith(("“三", "会", "20", "202"))


def test_one_line_when_it_fits(hei):
    spec = TitleSpec(Rect(40, 40, 520, 100), min_char_height_mm=30, max_char_height_mm=60)
    st = set_title(hei, "“三会一课”制度", spec)
    assert st.fits and len(st.lines) == 1 and st.fit.lines == 1
    assert st.fit.char_height_mm == pytest.approx(60)                       # capped by the maximum
    line = st.lines[0]
    assert line.x_mm - 40 == pytest.approx(560 - (line.x_mm + line.width_mm))   # centred


def test_two_balanced_lines_before_shrinking_below_the_minimum(hei):
    spec = TitleSpec(Rect(40, 40, 520, 130), min_char_height_mm=30, max_char_height_mm=60)
    st = set_title(hei, "中华人民共和国村民委员会组织法（节选）", spec)
    assert st.fits and [line.text for line in st.lines] == ["中华人民共和国", "村民委员会组织法（节选）"]
    assert st.fit.lines == 2 and st.fit.char_height_mm >= 30
    assert max(line.width_mm for line in st.lines) == pytest.approx(520)     # the longer line fills the width
    a, b = st.lines
    assert b.baseline_mm - a.baseline_mm == pytest.approx(spec.leading * st.size_mm)
    for line in st.lines:
        assert all(40 - 1e-6 <= g.x <= 560 for g in line.glyphs)
        assert [line.text[g.cluster] for g in line.glyphs] == list(line.text)


def test_fits_neither_is_reported_at_the_minimum(hei):
    spec = TitleSpec(Rect(0, 0, 200, 50), min_char_height_mm=30, max_char_height_mm=60)
    st = set_title(hei, "中华人民共和国村民委员会组织法（节选）", spec)
    assert not st.fits and st.fit.char_height_mm == pytest.approx(30) and len(st.lines) == 2
