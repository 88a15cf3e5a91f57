"""Paragraph setting (text/paragraph.py), one behaviour per test, asserted on the returned
lines and glyph positions.  Size 10 mm throughout, so 1 em = 10 mm."""

from __future__ import annotations

import pytest

from signkit.text.fonts import Face
from signkit.text.paragraph import measure_paragraph, set_paragraph
from signkit.text.shape import shape
from signkit.text.style import BOOK, HouseStyle

from ..conftest import ROOT
from .clreq_corpus import CASES

EM = 10.0


@pytest.fixture(scope="module")
def song():
    return Face.open("body", ROOT / "fonts" / "SignKitSongSC-Regular.otf")


def setp(face, text, width_em, **kw):
    return set_paragraph(face, text, size_mm=EM, width_mm=width_em * EM, **kw)


def xs(sp, line=0):
    """{character: x} of one line (first occurrence)."""
    out = {}
    for g in sp.lines[line].glyphs:
        out.setdefault(sp.text[g.cluster], g.x)
    return out


def texts(sp):
    return [line.text for line in sp.lines]


# --- punctuation widths (CLREQ §3.1.6) -------------------------------------------------------

@pytest.mark.parametrize("pair", ["。”", "，”", "”，", "》。", "）》", "）（", "”“", "，“", "“《", "（“"])
def test_adjacent_marks_take_one_and_a_half_em(song, pair):
    sp = setp(song, f"甲{pair}乙", 20)
    x = [g.x for g in sp.lines[0].glyphs]
    assert x[3] - x[1] == pytest.approx(1.5 * EM)       # from the first mark to 乙
    assert sp.lines[0].natural_width_mm == pytest.approx(3.5 * EM)


def test_opening_mark_at_line_start_drops_its_blank_half(song):
    sp = setp(song, "（一）组织领导", 20)
    assert sp.lines[0].glyphs[0].x == pytest.approx(-0.5 * EM)   # its face starts at the edge
    assert sp.lines[0].natural_width_mm == pytest.approx(6.5 * EM)
    keep = setp(song, "（一）组织领导", 20, trim_opening=False)
    assert keep.lines[0].glyphs[0].x == 0.0


def test_first_line_indent_and_opening_mark(song):
    sp = setp(song, "“三会一课”制度要落实", 20, first_indent_em=2)
    assert sp.lines[0].x_mm == pytest.approx(2 * EM)
    assert sp.lines[0].glyphs[0].x == pytest.approx(1.5 * EM)    # after the indent, half dropped


def test_interpunct_is_half_an_em(song):
    sp = setp(song, "马克思·恩格斯", 20)
    x = xs(sp)
    assert x["恩"] - x["思"] == pytest.approx(1.5 * EM)


def test_line_end_mark_is_cut_when_needed_or_always(song):
    # 9 hanzi and a comma in 10 em: fits at full width
    text = "一二三四五六七八九，甲乙丙丁"
    needed = setp(song, text, 10)
    assert needed.lines[0].text == "一二三四五六七八九，"
    assert needed.lines[0].natural_width_mm == pytest.approx(10 * EM)
    always = setp(song, text, 10, line_end="always")
    assert always.lines[0].natural_width_mm == pytest.approx(9.5 * EM)   # GB 5.1.10
    assert always.lines[0].right_mm == pytest.approx(10 * EM)            # then justified


# --- CJK–Latin spacing (CLREQ §3.2.2) -----------------------------------------------------------

def test_quarter_em_between_han_and_latin(song):
    sp = setp(song, "使用Python编程", 20)
    x = xs(sp)
    assert x["P"] - x["用"] == pytest.approx(1.25 * EM)
    python = shape(song, "Python").advance / 1000 * EM          # kerned
    assert x["编"] - x["P"] == pytest.approx(python + 0.25 * EM)


def test_no_quarter_em_next_to_marks_or_at_line_start(song):
    sp = setp(song, "好，Python。", 20)
    x = xs(sp)
    assert x["P"] - x["，"] == pytest.approx(1.0 * EM)
    sp = setp(song, "一二三四五六七八九十GDP增长", 10)
    assert texts(sp) == ["一二三四五六七八九十", "GDP增长"]
    assert sp.lines[1].glyphs[0].x >= 0 and sp.lines[1].glyphs[0].x < 0.05 * EM


# --- breaking: squeeze in, push out, hang (CLREQ-zh §3.1.4, §3.1.7) -----------------------------

def test_squeeze_in_first(song):
    # natural break would put the second ， at a line start; the first ， gives ½ em
    # (the book style: the 党政 house style caps a mark's squeeze at ¼ em, see below)
    sp = setp(song, "一二三四，五六七八九，甲乙丙丁", 10, style=BOOK)
    assert sp.lines[0].text == "一二三四，五六七八九，"
    assert sp.lines[0].natural_width_mm == pytest.approx(11 * EM)
    assert sp.lines[0].right_mm == pytest.approx(10 * EM) and sp.lines[0].justified
    x = xs(sp)
    assert x["五"] - x["，"] == pytest.approx(0.5 * EM)


def test_squeeze_is_capped_per_mark(song):
    # the same line needs ½ em from the first ，: more than the house cap of ¼ em, so the
    # line pushes out instead (and not "九，" alone at the next line's start)
    sp = setp(song, "一二三四，五六七八九，甲乙丙丁", 10)
    assert texts(sp)[0] == "一二三四，五六七"
    roomy = setp(song, "一二三四，五六七八九，甲乙丙丁", 10, style=HouseStyle(max_squeeze_em=0.5))
    assert texts(roomy)[0] == "一二三四，五六七八九，"
    # ¼ em is enough: taken evenly from both inner commas
    sp = setp(song, "一二，三四，五六七八九，甲乙丙丁", 11)
    assert texts(sp)[0] == "一二，三四，五六七八九，"
    x = xs(sp)
    assert x["三"] - x["，"] == pytest.approx(0.75 * EM)


def test_push_out_when_nothing_can_be_squeezed(song):
    # 十，alone at the next line's start would strand one character with its mark (issue 11):
    # two characters go down
    sp = setp(song, "一二三四五六七八九十，甲乙丙", 10.2)
    assert texts(sp) == ["一二三四五六七八", "九十，甲乙丙"]
    assert sp.lines[0].justified and sp.lines[0].right_mm == pytest.approx(102)


def test_hanging_one_final_mark(song):
    sp = setp(song, "一二三四五六七八九十，甲乙丙", 10.2, hang_punctuation=True)
    first = sp.lines[0]
    assert first.text == "一二三四五六七八九十，" and first.hanging
    assert first.right_mm == pytest.approx(102)                 # the hanzi fill the measure
    assert first.glyphs[-1].x == pytest.approx(102)             # the comma sits past the edge
    assert not setp(song, "一二三四五六七八九十”，甲乙丙", 10.2, hang_punctuation=True).lines[0].hanging


def test_clause_punctuation_wins_a_tie(song):
    # breaking after the comma needs ½ em of stretch; one more hanzi needs ½ em of squeeze
    sp = setp(song, "甲乙丙丁，戊己庚辛壬癸", 5.5)
    assert sp.lines[0].text == "甲乙丙丁，"


def test_strict_keeps_ellipsis_off_line_starts(song):
    text = "一二三四五六七八九十……甲乙"
    assert texts(setp(song, text, 10)) == ["一二三四五六七八九十", "……甲乙"]
    assert texts(setp(song, text, 10, strict=True)) == ["一二三四五六七八九", "十……甲乙"]


def test_a_unit_wider_than_the_line_overflows_and_is_not_split(song):
    sp = setp(song, "电话0511-87650000", 5)
    assert texts(sp) == ["电话", "0511-87650000"]
    assert sp.lines[1].overflow_mm > 0 and not sp.fits
    assert not measure_paragraph(song, "电话0511-87650000", size_mm=EM, width_mm=5 * EM).fits


# --- justification (CLREQ §3.5) --------------------------------------------------------------

def test_no_space_is_added_inside_words_numbers_or_dashes(song):
    sp = setp(song, "我们用Python在2024年——今年——完成了任务和计划", 12.3)
    line = sp.lines[0]
    assert line.justified and line.right_mm == pytest.approx(123)
    gl = line.glyphs
    shaped = shape(song, sp.text).glyphs
    for a, b in zip(gl, gl[1:]):
        pair = sp.text[a.cluster] + sp.text[b.cluster]
        natural = shaped[a.cluster].x_advance / 1000 * EM
        if pair.isascii() and pair.isalnum() or pair == "——":
            assert b.x - a.x == pytest.approx(natural), pair


def test_expansion_is_even_between_hanzi(song):
    sp = setp(song, "一二三四五六七八九十甲乙丙", 10.5)
    gaps = {round(b.x - a.x, 6) for a, b in zip(sp.lines[0].glyphs, sp.lines[0].glyphs[1:])}
    assert gaps == {round(10 + 5 / 9, 6)}


def test_last_line_is_flush_left_and_not_stretched(song):
    sp = setp(song, "一二三四五六七八九十甲乙丙丁", 10)
    last = sp.lines[-1]
    assert last.last and not last.justified
    assert last.width_mm == last.natural_width_mm == pytest.approx(4 * EM)
    assert [g.x for g in last.glyphs] == pytest.approx([0, 10, 20, 30])


def test_ragged_setting(song):
    sp = setp(song, CASES[1].text, 9.3, justify=False)
    assert all(not line.justified and line.width_mm <= 93 + 1e-9 for line in sp.lines)


def test_orphan_is_avoided_by_pulling_a_character_down(song):
    text = "一二三四五六七八九十甲。"
    assert texts(setp(song, text, 10, avoid_orphans=False)) == ["一二三四五六七八九十", "甲。"]
    sp = setp(song, text, 10)
    assert texts(sp) == ["一二三四五六七八九", "十甲。"]
    assert sp.lines[0].justified


# --- labels and indents (CLREQ §3.4.1, GB9704 §7.3.3) -------------------------------------------

def test_label_with_hanging_indent(song):
    text = "支部党员大会：一般每季度召开一次，研究决定发展党员、重要事项和年度工作安排。"
    sp = setp(song, text, 12, label="1.", label_gap_em=0.25, first_indent_em=1)
    label_width = (song.advance(sp.lines[0].glyphs[0].gid) + song.advance(sp.lines[0].glyphs[1].gid)) / 100
    assert sp.text == "1." + text
    assert sp.lines[0].text.startswith("1.支部")
    assert sp.lines[0].glyphs[0].x == pytest.approx(10)                  # the indent
    assert sp.lines[0].glyphs[2].x == pytest.approx(10 + label_width + 2.5)
    assert sp.text_x_mm == pytest.approx(10 + label_width + 2.5)
    for line in sp.lines[1:]:
        assert line.x_mm == pytest.approx(sp.text_x_mm)
        assert line.glyphs[0].x == pytest.approx(sp.text_x_mm)
    assert all(line.right_mm == pytest.approx(120) for line in sp.lines[:-1])


def test_label_box_aligns_one_and_two_digit_numbers(song):
    nine = setp(song, "甲乙丙", 10, label="9.", label_width_em=1.5)
    ten = setp(song, "甲乙丙", 10, label="10.", label_width_em=1.5)
    assert nine.text_x_mm == ten.text_x_mm == pytest.approx(15)


def test_clusters_index_label_plus_text(song):
    sp = setp(song, "甲乙", 10, label="•", label_gap_em=0.5)
    assert [sp.text[g.cluster] for g in sp.lines[0].glyphs] == ["•", "甲", "乙"]


# --- sizes, measuring, edge cases ------------------------------------------------------------

def test_breaks_depend_only_on_measure_in_em(song):
    text = CASES[0].text
    small = set_paragraph(song, text, size_mm=4, width_mm=4 * 11.3, first_indent_em=2)
    large = set_paragraph(song, text, size_mm=12, width_mm=12 * 11.3, first_indent_em=2)
    assert texts(small) == texts(large)
    for a, b in zip(small.lines, large.lines):
        assert [g.x * 3 for g in a.glyphs] == pytest.approx([g.x for g in b.glyphs])


@pytest.mark.parametrize("case", CASES[::3], ids=lambda c: c.id)
def test_measure_agrees_with_set(song, case):
    for width in (7.7, 12.1, 19.6):
        kw = dict(size_mm=EM, width_mm=width * EM, label="1.", first_indent_em=2)
        sp = set_paragraph(song, case.text, **kw)
        m = measure_paragraph(song, case.text, **kw)
        assert m.line_count == len(sp.lines)
        assert m.starts == tuple(max(0, line.start - 2) for line in sp.lines)
        assert m.fits == sp.fits


def test_trailing_space_takes_no_width(song):
    sp = setp(song, "周一至周五 上午九点", 6)
    assert sp.lines[0].text == "周一至周五 "
    assert sp.lines[0].natural_width_mm == pytest.approx(5 * EM)


def test_empty_and_label_only(song):
    assert setp(song, "", 10).lines == ()
    sp = setp(song, "", 10, label="1.")
    assert texts(sp) == ["1."]


def test_newlines_are_rejected(song):
    with pytest.raises(ValueError):
        setp(song, "第一行\n第二行", 10)


def test_results_are_frozen(song):
    sp = setp(song, "甲乙", 10)
    with pytest.raises(AttributeError):
        sp.lines[0].text = "x"
    assert isinstance(sp.lines, tuple) and isinstance(sp.lines[0].glyphs, tuple)


# --- house style (issue 11) -------------------------------------------------------------------

def test_han_and_digits_are_set_solid_letters_keep_their_gap(song):
    sp = setp(song, "共8月使用Python", 20)
    x = xs(sp)
    eight = shape(song, "8").advance / 1000 * EM
    assert x["8"] - x["共"] == pytest.approx(EM)                      # 共8: solid
    assert x["月"] - x["8"] == pytest.approx(eight)                   # 8月: solid
    assert x["P"] - x["用"] == pytest.approx(1.25 * EM)              # 用 Python: ¼ em
    book = xs(setp(song, "共8月使用Python", 20, style=BOOK))
    assert book["月"] - book["8"] == pytest.approx(eight + 0.25 * EM)


def test_article_numbers_are_right_aligned_by_whole_figures(song):
    labels = [f"{n}." for n in range(1, 13)]
    box = max(shape(song, label).advance for label in labels) / 1000
    firsts = {label: setp(song, "甲乙丙", 20, label=label, label_width_em=box).lines[0].glyphs[0].x
              for label in labels}
    figure = shape(song, "0").advance / 1000 * EM
    assert len({round(firsts[f"{n}."], 6) for n in range(1, 10)}) == 1        # one left edge for 1.–9.
    assert len({round(firsts[f"{n}."], 6) for n in range(10, 13)}) == 1
    assert firsts["9."] - firsts["10."] == pytest.approx(figure)            # one figure in
    left = setp(song, "甲乙丙", 20, label="9.", label_width_em=box, style=BOOK)
    assert left.lines[0].glyphs[0].x == 0.0


def test_the_house_bullet_is_small_and_centred_on_the_face(song):
    sp = setp(song, "甲乙丙", 20, label="●", label_gap_em=0.35, label_width_em=1.0)
    assert sp.label_size_mm < EM
    (bullet,) = sp.label_glyphs
    assert [sp.text[g.cluster] for g in sp.lines[0].glyphs] == ["甲", "乙", "丙"]   # drawn apart
    box = song.bounds(bullet.gid)
    s = sp.label_size_mm / 1000
    ink_w, ink_h = (box[2] - box[0]) * s, (box[3] - box[1]) * s
    assert max(ink_w, ink_h) == pytest.approx(0.35 * EM)
    assert bullet.x + (box[0] + box[2]) / 2 * s == pytest.approx(0.5 * EM)      # centred in its box
    guo = song.bounds(shape(song, "国").glyphs[0].gid)
    assert bullet.y - (box[1] + box[3]) / 2 * s == pytest.approx(-(guo[1] + guo[3]) / 2 / 100)
    assert sp.text_x_mm == pytest.approx(1.35 * EM)
    plain = setp(song, "甲乙丙", 20, label="•")                       # any other label: body size
    assert plain.label_size_mm == EM and plain.label_glyphs == plain.lines[0].glyphs[:1]
