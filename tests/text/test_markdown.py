"""The board Markdown format (text/markdown.py): the sample boards parse into the expected
blocks; every unsupported construct is a ContentError at file:line with a hint."""

from __future__ import annotations

import pytest

from signkit.errors import ContentError
from signkit.text.markdown import (Article, BoardText, Chapter, Clause, Heading, Item, LegalArticle, LegalItem,
                                   Note, Paragraph, Section, parse_board)
from signkit.text.style import BOOK

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
    # the 党政 house style: ● bullets, ～ between times (issue 11)
    assert service.blocks[1] == Item("●", "周一至周五 上午8:30～11:30 下午14:00～17:30", 4)
    book = parse_board((BOARDS / "service.md").read_text(encoding="utf-8"), file="service.md", style=BOOK)
    assert book.blocks[1] == Item("•", "周一至周五 上午8:30—11:30 下午14:00—17:30", 4)
    assert [type(b).__name__ for b in service.blocks].count("Heading") == 3


def test_lead_paragraph_and_item_label():
    board = parse("# 标题\n\n第一段\n\n- 事项一\n- 事项二\n")
    assert board.blocks == (Paragraph("第一段", 3), Item("●", "事项一", 5), Item("●", "事项二", 6))
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
    assert board.title == "标题" and board.blocks == (Item("●", "甲", 3),)


def test_results_are_frozen_tuples():
    board = parse("# 标题\n- 甲\n")
    assert isinstance(board.blocks, tuple) and isinstance(board.edits, tuple)
    with pytest.raises(AttributeError):
        board.title = "x"


# --- legal-text mode (issue 11) ----------------------------------------------------------------

LAW = """# 中华人民共和国村民委员会组织法（节选）

（1998年11月4日第九届全国人民代表大会常务委员会第五次会议通过　2018年12月29日修正）

## 第一章 总则

第一条 为了保障农村村民实行自治，根据宪法，制定本法。

第二条　村民委员会是基层群众性自治组织。

村民委员会向村民会议、村民代表会议负责并报告工作。

## 第三章 村民委员会的选举

第十三条 村民委员会选举前，应当对下列人员进行登记，列入参加选举的村民名单：
（一）户籍在本村并且在本村居住的村民；
（二）户籍在本村，不在本村居住，本人表示参加选举的村民；

已在户籍所在村登记参加选举的村民，不得再参加其他地方村民委员会的选举。
"""


def test_legal_structure_is_recognised():
    board = parse(LAW)
    assert board.mode == "legal"
    assert board.blocks == (
        Note("（1998年11月4日第九届全国人民代表大会常务委员会第五次会议通过\u30002018年12月29日修正）", 3),
        Chapter("第一章\u3000总则", 5, "第一章", "总则"),
        LegalArticle("第一条\u3000为了保障农村村民实行自治，根据宪法，制定本法。", 7, "第一条",
                     "为了保障农村村民实行自治，根据宪法，制定本法。"),
        LegalArticle("第二条\u3000村民委员会是基层群众性自治组织。", 9, "第二条", "村民委员会是基层群众性自治组织。"),
        Clause("村民委员会向村民会议、村民代表会议负责并报告工作。", 11, "第二条"),
        Chapter("第三章\u3000村民委员会的选举", 13, "第三章", "村民委员会的选举"),
        LegalArticle("第十三条\u3000村民委员会选举前，应当对下列人员进行登记，列入参加选举的村民名单：", 15, "第十三条",
                     "村民委员会选举前，应当对下列人员进行登记，列入参加选举的村民名单："),
        LegalItem("（一）户籍在本村并且在本村居住的村民；", 16, "（一）", "户籍在本村并且在本村居住的村民；", "第十三条"),
        LegalItem("（二）户籍在本村，不在本村居住，本人表示参加选举的村民；", 17, "（二）",
                  "户籍在本村，不在本村居住，本人表示参加选举的村民；", "第十三条"),
        Clause("已在户籍所在村登记参加选举的村民，不得再参加其他地方村民委员会的选举。", 19, "第十三条"),
    )


def test_legal_blocks_keep_working_as_the_old_block_types():
    """The current layout dispatches on Heading / Paragraph: legal blocks are both."""
    blocks = parse(LAW).blocks
    assert all(isinstance(b, Heading) for b in blocks if isinstance(b, Chapter))
    assert all(isinstance(b, Paragraph) for b in blocks if isinstance(b, (LegalArticle, Clause, LegalItem, Note)))


def test_mode_line_overrides_detection():
    plain = parse("<!-- plain -->\n# 标题\n\n第一条 甲乙\n\n## 第一章 总则\n")
    assert plain.mode == "plain" and plain.title_line == 2
    assert plain.blocks == (Paragraph("第一条 甲乙", 4), Heading("第一章 总则", 6))
    legal = parse("<!-- mode: legal -->\n# 村规民约\n\n全体村民应当遵守本约。\n\n## 第一节 环境卫生\n")
    assert legal.mode == "legal"
    assert legal.blocks == (Paragraph("全体村民应当遵守本约。", 4), Section("第一节\u3000环境卫生", 6, "第一节", "环境卫生"))
    assert parse_board("# 标题\n\n第一条 甲\n", file="b.md", mode="plain").mode == "plain"
    assert parse("# 标题\n\n1. 甲\n").mode == "plain"


def test_unknown_mode_and_late_comments_are_errors():
    assert problems("<!-- lgal -->\n# 标题\n")[0][:2] == ("board.md:1", "unknown board mode 'lgal'")
    assert any("HTML" in message for _, message, _ in problems("# 标题\n\n<!-- legal -->\n"))


def test_note_only_right_under_the_title():
    board = parse("# 制度\n\n（2023年3月修订）\n\n正文（附件）\n\n（另附）\n")
    assert board.blocks == (Note("（2023年3月修订）", 3), Paragraph("正文（附件）", 5), Paragraph("（另附）", 7))
    assert parse("# 制度\n\n（一）甲（乙）\n").blocks == (Paragraph("（一）甲（乙）", 3),)
