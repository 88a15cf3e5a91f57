"""fit_flow on its own (issue 11): where a series breaks, legal text, headings and contrast."""

from __future__ import annotations

import dataclasses

import pytest

from signkit.ir import Rect
from signkit.layout.compose import palette_paints
from signkit.layout.flow import FlowStyle, fit_flow
from signkit.text.fonts import FontBook
from signkit.text.markdown import parse_board

SENTENCE = "村民委员会应当支持和组织村民依法发展各种形式的合作经济和其他经济，承担本村生产的服务和协调工作。"


@pytest.fixture(scope="module")
def style(brand):
    fonts, paints = FontBook(brand.font_paths), palette_paints(brand)
    return FlowStyle(body=fonts.face("body"), heading=fonts.face("hei"), figure=fonts.face("hei-heavy"),
                     body_fill=paints["black"], heading_fill=paints["party-red"], figure_fill=paints["party-red"],
                     min_char_mm=10, max_char_mm=10, leading=1.75)


FRAME = Rect(0, 0, 500, 300)  # about eight body lines


def panels(text: str, style, frame=FRAME):
    board = parse_board(text, file="t.md")
    layout = fit_flow(board.blocks, frame, style, id_prefix="t", source="t.md")
    return board, layout, [[(g.id, g.text) for g in page.items if g.id.count("-") == 2 or "-b" in g.id]
                           for page in layout.pages]


def first_line_ids(layout):
    return [next(i.id for i in page.items) for page in layout.pages]


def test_a_series_breaks_only_between_paragraphs(style):
    text = "# 制度\n\n" + "\n\n".join(f"{n}. {SENTENCE * 2}" for n in range(1, 9))
    _, layout, _ = panels(text, style)
    assert len(layout.pages) >= 2 and not layout.splits
    for page in layout.pages:
        ids = [i.id for i in page.items if i.id.startswith("t-b")]
        assert ids[0].endswith("-0")  # every panel opens with a paragraph's first line


def test_article_keeps_its_first_item_and_a_heading_what_follows(style):
    text = ("<!-- legal -->\n# 组织法\n\n" + "\n\n".join(f"第{n}条 {SENTENCE}" for n in "一二三")
            + "\n\n## 第二章 选举\n\n第四条 村民委员会的选举，由村民选举委员会主持。村民选举委员会依照下列规定产生：\n"
            + "（一）由村民会议推选产生；\n（二）由村民代表会议推选产生。\n")
    board, layout, _ = panels(text, style, Rect(0, 0, 500, 200))
    for page in layout.pages:
        blocks = [board.blocks[int(i.id.split("-b")[1].split("-")[0])] for i in page.items if i.id.startswith("t-b")]
        last = blocks[-1]
        assert type(last).__name__ != "Chapter"  # never a heading at a panel's foot
        if type(last).__name__ == "LegalArticle":
            assert last.label != "第四条"  # 第四条 goes with its （一）
    where = {type(board.blocks[int(i.id.split("-b")[1].split("-")[0])]).__name__: n
             for n, page in enumerate(layout.pages) for i in page.items if i.id.startswith("t-b")}
    assert where["LegalArticle"] <= where["LegalItem"]


def test_a_paragraph_longer_than_a_panel_is_split_at_a_sentence_end(style):
    text = "# 制度\n\n" + SENTENCE * 20 + "\n"
    _, layout, _ = panels(text, style)
    assert len(layout.pages) >= 2
    assert [s.at_sentence for s in layout.splits] == [True] * (len(layout.pages) - 1)
    for page in layout.pages[:-1]:
        last = [i for i in page.items if i.id.startswith("t-b")][-1]
        assert last.text.endswith("。")
    assert layout.pages[1].continues == "t.md:3"


def test_legal_labels_hang_in_a_box_of_their_own(style):
    text = "<!-- legal -->\n# 条例\n\n第一条 " + SENTENCE + "\n\n第十二条 " + SENTENCE + "\n"
    hanging = dataclasses.replace(style, article_label="hanging", max_char_mm=12, min_char_mm=12)
    _, layout, _ = panels(text, hanging, Rect(0, 0, 500, 600))
    items = layout.pages[0].items
    labels = [i for i in items if i.id.endswith("-article")]
    assert [label.text for label in labels] == ["第一条", "第十二条"]
    assert {round(label.glyphs[0].x, 6) for label in labels} == {0.0}  # at the left of the box
    body = [i for i in items if i.id.startswith("t-b") and not i.id.endswith("-article")]
    text_x = {round(min(g.x for g in line.glyphs), 3) for line in body}
    assert len(text_x) == 1 and text_x.pop() > 4 * labels[0].size_mm  # every line in the column beside


def test_headings_hold_the_large_text_size_when_their_colour_needs_it(style, brand):
    text = "# 制度\n\n## 小标题\n\n" + SENTENCE + "\n"
    held = dataclasses.replace(style, heading_min_char_mm=16.0)
    _, layout, _ = panels(text, held)
    heading = next(i for i in layout.pages[0].items if i.face.role == "hei")
    assert heading.fit.char_height_mm >= 16.0 - 1e-6 > 1.3 * 10
    black = palette_paints(brand)["black"]
    small = dataclasses.replace(style, heading_small_fill=black, large_text_mm=16.0)
    _, layout, _ = panels(text, small)
    heading = next(i for i in layout.pages[0].items if i.face.role == "hei")
    assert heading.fill == black  # 13 mm: the brand's colour for small headings
