"""The board Markdown format (text/markdown.py): the sample boards parse into the expected
blocks; every unsupported construct is a ContentError at file:line with a hint."""

from __future__ import annotations

import pytest

from signkit.errors import ContentError
from signkit.text.markdown import Article, BoardText, Heading, Item, Paragraph, parse_board

from ..conftest import ROOT

BOARDS = ROOT / "examples" / "qinghe" / "boards"


def parse(text: str) -> BoardText:
    return parse_board(text, file="board.md")


def problems(text: str) -> list[tuple[str, str, str]]:
    with pytest.raises(ContentError) as info:
        parse(text)
    return [(p.where, p.message, p.hint) for p in info.value.problems]


@pytest.mark.parametrize("path", sorted(BOARDS.glob("*.md")), ids=lambda p: p.name)
def test_the_sample_boards_parse(path):
    board = parse_board(path.read_text(encoding="utf-8"), file=path.name)
    assert board.title and board.title_line == 1 and board.blocks
    for block in board.blocks:
        assert '"' not in block.text and "\n" not in block.text


def test_articles_keep_their_numbers_and_quotes_are_normalised():
    board = parse_board((BOARDS / "decisions.md").read_text(encoding="utf-8"), file="decisions.md")
    assert board.title == "村级重大事项决策程序"
    assert [b.label for b in board.blocks] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert all(isinstance(b, Article) for b in board.blocks)
    assert board.blocks[1] == Article("2.", "村“两委”商议：召开村党组织和村民委员会联席会议，对提议进行充分讨论，"
                                            "形成商议意见。", 5)
    assert [(e.line, e.change.after) for e in board.edits] == [(5, "“"), (5, "”")]


def test_title_with_quotes_and_sections_with_items():
    meetings = parse_board((BOARDS / "meetings.md").read_text(encoding="utf-8"), file="meetings.md")
    assert meetings.title == "“三会一课”制度"
    service = parse_board((BOARDS / "service.md").read_text(encoding="utf-8"), file="service.md")
    assert service.blocks[0] == Heading("服务时间", 3)
    assert service.blocks[1] == Item("•", "周一至周五 上午8:30—11:30 下午14:00—17:30", 4)
    assert [type(b).__name__ for b in service.blocks].count("Heading") == 3


def test_lead_paragraph_and_item_label():
    board = parse("# 标题\n\n第一段\n\n- 事项一\n- 事项二\n")
    assert board.blocks == (Paragraph("第一段", 3), Item("•", "事项一", 5), Item("•", "事项二", 6))
    assert parse_board("# 标题\n- 事项\n", file="b.md", item_label="—").blocks == (Item("—", "事项", 2),)


def test_lines_join_without_space_between_chinese_and_with_one_between_latin():
    board = parse("# 标题\n\n村党组织在调查研究、\n听取群众意见的基础上\nuse the\nWiFi network\n开展工作。\n\n1. 第一条\n继续写\n")
    assert board.blocks[0] == Paragraph("村党组织在调查研究、听取群众意见的基础上use the WiFi network开展工作。", 3)
    assert board.blocks[1] == Article("1.", "第一条继续写", 9)


def test_blank_lines_separate_paragraphs_and_headings_end_them():
    board = parse("# 标题\n甲\n乙\n\n丙\n## 小节\n丁\n")
    assert board.blocks == (Paragraph("甲乙", 2), Paragraph("丙", 5), Heading("小节", 6), Paragraph("丁", 7))


@pytest.mark.parametrize("line, found", [
    ("### 三级标题", "level-3 heading"),
    ("#### 四级", "level-4 heading"),
    ("**加粗**文字", "bold"),
    ("这是*强调*", "emphasis"),
    ("这是_强调_的", "emphasis"),
    ("代码`x`", "code"),
    ("```", "code block"),
    ("[链接](http://a.cn)", "link"),
    ("![图片](a.png)", "image"),
    ("| 项目 | 内容 |", "table"),
    ("> 引用", "block quote"),
    ("<b>加粗</b>", "HTML"),
    ("<br>", "HTML"),
    ("<http://a.cn>", "autolink"),
    ("1) 列表", "')'"),
    ("* 星号列表", "bullet '*'"),
    ("+ 加号列表", "bullet '+'"),
    ("  - 嵌套", "nested"),
    ("    缩进代码", "indented line"),
    ("---", "horizontal rule"),
    ("* * *", "horizontal rule"),
    ("===", "setext"),
    ("~~删除~~", "strikethrough"),
    ("\\*转义", "backslash escape"),
    ("#没有空格", "followed by a space"),
    ("- ", "empty item"),
])
def test_unsupported_markdown_is_a_content_error(line, found):
    found_problems = problems(f"# 标题\n\n{line}\n\n正文\n")
    assert any(where == "board.md:3" and found in message and hint
               for where, message, hint in found_problems), found_problems


def test_all_problems_of_a_file_are_reported_together():
    found = problems("# 标题\n### 三\n**粗**\n> 引\n")
    assert [where for where, _, _ in found] == ["board.md:2", "board.md:3", "board.md:4"]


def test_title_rules():
    assert "no title" in problems("正文\n")[0][1] or "must start" in problems("正文\n")[0][1]
    assert problems("")[0][:2] == ("board.md:1", "the board text has no title")
    second = problems("# 一\n\n# 二\n")
    assert second[0][0] == "board.md:3" and "second title" in second[0][1]
    late = problems("正文\n# 标题\n")
    assert ("board.md:1", "the board text must start with its title") in [p[:2] for p in late]


def test_byte_order_mark_and_crlf():
    board = parse("\ufeff# 标题\r\n\r\n- 甲\r\n")
    assert board.title == "标题" and board.blocks == (Item("•", "甲", 3),)


def test_results_are_frozen_tuples():
    board = parse("# 标题\n- 甲\n")
    assert isinstance(board.blocks, tuple) and isinstance(board.edits, tuple)
    with pytest.raises(AttributeError):
        board.title = "x"
