"""Normalisation of typed text (text/normalize.py): the conversion table, what must stay
untouched (numbers, times, Latin, URLs, phone numbers), and the change report."""

from __future__ import annotations

import pytest

from signkit.text.normalize import Change, normalize, normalize_with_changes
from signkit.text.style import BOOK, HouseStyle

from .clreq_corpus import CASES

CONVERTED = [
    # quotes, alternating per paragraph, in Chinese context
    ('村"两委"商议', "村“两委”商议"),
    ('"三会一课"制度', "“三会一课”制度"),
    ('吃上"旅游饭"，学习"三会一课"', "吃上“旅游饭”，学习“三会一课”"),
    ('使用 "Python" 语言', "使用“Python”语言"),
    ("他说'你好'", "他说‘你好’"),
    ('他说："老人讲\'先干一步\'。"', "他说：“老人讲‘先干一步’。”"),
    # ASCII marks next to Chinese
    ("电话:0511-87650000,请拨打", "电话：0511-87650000，请拨打"),
    ("时间: 8:30～11:30", "时间：8:30～11:30"),
    ("好吗?好的!", "好吗？好的！"),
    ("使用Python,它很好!!", "使用Python，它很好！！"),
    ("第一;第二", "第一；第二"),
    ("(1)村民会议", "（1）村民会议"),
    ("依据(试行)执行", "依据（试行）执行"),
    ("Python(蟒蛇)", "Python（蟒蛇）"),
    # ellipsis and dash
    ("我们走吧...", "我们走吧……"),
    ("等等......然后", "等等……然后"),
    ("等等。。。", "等等……"),
    ("等等…", "等等……"),
    ("他说--好的", "他说——好的"),
    ("他说---好的", "他说——好的"),
    ("好吧—我去", "好吧——我去"),
    ("他说 — 好的", "他说——好的"),
    ("目标―让", "目标——让"),
    # compatibility forms
    ("北京〜上海", "北京～上海"),
    ("马克思・恩格斯", "马克思·恩格斯"),
    ("马克思‧恩格斯", "马克思·恩格斯"),
    ("马克思•恩格斯", "马克思·恩格斯"),
    ("１２３元", "123元"),
    # spaces
    ("  你好， 世界  ", "你好，世界"),
    ("周一至周五  上午", "周一至周五 上午"),
    ("\u3000\u3000首问负责", "首问负责"),
]

UNTOUCHED = [
    "周一至周五 上午8:30～11:30 下午14:00～17:30",
    "0511-87650000",
    "1,000元",
    "比例1:2",
    "3.14",
    "Hello, world!",
    'A "quote" here',
    "don't 走",
    "Python (v3.11) 很好",
    "见http://www.a.com/?x=1",
    "网址www.qinghe.gov.cn",
    "邮箱a.b@x.cn",
    '"半个',
    "2020～2021年",
    "依据GB/T 15834—2011和GB 2894执行",
    "DB32/T 3000—2016",
    "2019-01-10",
    "• 项目",
    "wait...",
    "a--b",
    "1--2",
]


@pytest.mark.parametrize("typed, wanted", CONVERTED)
def test_conversion_table(typed, wanted):
    assert normalize(typed) == wanted


# what the 党政 house style changes on purpose (issue 11); the book style leaves it as typed
HOUSE = [
    # ranges of numbers, dates and times take the range dash ～
    ("周一至周五 上午8:30—11:30 下午14:00—17:30", "周一至周五 上午8:30～11:30 下午14:00～17:30"),
    ("8:30-11:30", "8:30～11:30"),
    ("8:30 — 11:30", "8:30～11:30"),
    ("2020–2021年", "2020～2021年"),
    ("费用50—80元，3~5天", "费用50～80元，3～5天"),
    ("1 日—5 日", "1日～5日"),
    ("第1—3条", "第1～3条"),
    # typed spaces between numbers and their units or ordinals
    ("2019 年 1 月 10 日", "2019年1月10日"),
    ("第 1 网格至第 12 网格", "第1网格至第12网格"),
    ("服务 8600 余户次", "服务8600余户次"),
    # brackets in Chinese context, also across spaces
    ("夏季(7 月 1 日—9 月 30 日)开放", "夏季（7月1日～9月30日）开放"),
    ("上午 (8:30-11:30) 下午", "上午（8:30～11:30）下午"),
]


@pytest.mark.parametrize("text", UNTOUCHED)
def test_left_alone(text):
    out, changes = normalize_with_changes(text)
    assert out == text and changes == ()


@pytest.mark.parametrize("typed, wanted", HOUSE)
def test_house_style(typed, wanted):
    assert normalize(typed) == wanted
    assert normalize(wanted) == wanted


def test_book_style_keeps_ranges_and_spaces_as_typed():
    for typed in ("上午8:30—11:30", "8:30-11:30", "2020–2021年", "2019 年 1 月 10 日"):
        assert normalize(typed, style=BOOK) == typed
    assert normalize("夏季(7月1日—9月30日)", style=BOOK) == "夏季（7月1日—9月30日）"


def test_range_dash_is_configurable():
    assert normalize("8:30～11:30", style=HouseStyle(range_dash="—")) == "8:30—11:30"
    assert normalize("8:30—11:30", style=HouseStyle(range_dash="–")) == "8:30–11:30"
    with pytest.raises(ValueError):
        HouseStyle(range_dash="-")


def test_range_changes_are_reported():
    out, changes = normalize_with_changes("上午8:30—11:30")
    assert out == "上午8:30～11:30"
    assert changes == (Change(6, "—", "～", "range"),)


def test_urls_keep_their_marks_but_text_around_is_converted():
    assert normalize("见http://www.a.com/?x=1,谢谢") == "见http://www.a.com/?x=1，谢谢"
    assert normalize("网址:www.qinghe.gov.cn。") == "网址：www.qinghe.gov.cn。"


def test_changes_name_position_before_after_and_rule():
    out, changes = normalize_with_changes('村"两委"商议:召开...')
    assert out == "村“两委”商议：召开……"
    assert changes == (
        Change(1, '"', "“", "quote"),
        Change(4, '"', "”", "quote"),
        Change(7, ":", "：", "punct"),
        Change(10, "...", "……", "ellipsis"),
    )
    assert "quote" in str(changes[0])


def test_normalising_twice_changes_nothing_more():
    for typed, _ in CONVERTED:
        once = normalize(typed)
        assert normalize(once) == once


# mixed-spaces has a space before ， on purpose; connectors has a lone — between hanzi, which
# normalize reads as a mistyped dash (documented in normalize.py)
@pytest.mark.parametrize("case", [c for c in CASES if c.id not in ("mixed-spaces", "connectors")],
                         ids=lambda c: c.id)
def test_the_normalised_corpus_is_a_fixed_point(case):
    # (the corpus was written in the book style: ranges typed with — and –)
    assert normalize(case.text, style=BOOK) == case.text


def test_a_lone_dash_between_hanzi_becomes_a_dash_but_not_between_digits():
    assert normalize("青禾村—县城") == "青禾村——县城"
    assert normalize("8:30—11:30", style=BOOK) == "8:30—11:30"


def test_unpaired_quote_is_reported_by_leaving_it():
    out, changes = normalize_with_changes('他说"好')
    assert out == '他说"好' and changes == ()
