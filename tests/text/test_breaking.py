"""Break opportunities (text/breaking.py): CLREQ §3.1.4 prohibitions and the never-split
units of CLREQ.md §2, asserted on the returned Breaks for small texts."""

from __future__ import annotations

import pytest

from signkit.text.breaking import BreakClass as C, char_class, find_breaks


def breaks_at(text: str, **kw) -> list[int]:
    """Indexes i where a line may end before text[i] (the end excluded)."""
    b = find_breaks(text, **kw)
    return [i for i in range(1, len(text)) if b.allowed[i]]


@pytest.mark.parametrize("ch, cls", [
    ("国", C.HAN), ("a", C.LATIN), ("7", C.DIGIT), (" ", C.SPACE), ("“", C.OPEN), ("‘", C.OPEN),
    ("《", C.OPEN), ("”", C.CLOSE), ("’", C.CLOSE), ("》", C.CLOSE), ("、", C.STOP_IN),
    ("，", C.STOP_IN), ("；", C.STOP_IN), ("：", C.STOP_IN), ("。", C.STOP_END), ("？", C.STOP_END),
    ("！", C.STOP_END), ("‼", C.STACKED), ("⸺", C.DASH), ("…", C.ELLIPSIS), ("～", C.CONNECT),
    ("–", C.CONNECT), ("·", C.INTERPUNCT), ("／", C.SOLIDUS), ("￥", C.PREFIX), ("%", C.POSTFIX),
    ("℃", C.POSTFIX),
])
def test_classes(ch, cls):
    assert char_class(ch) == cls


@pytest.mark.parametrize("mark", list("、，。．：；？！‼”’）〕］｝】〗》〉」』～–·／"))
def test_no_line_starts_with_closing_marks_stops_connectors(mark):
    text = f"甲乙{mark}丙丁"
    assert 2 not in breaks_at(text)          # not before the mark
    assert breaks_at(text) == [1, 3, 4]      # elsewhere between hanzi: allowed


@pytest.mark.parametrize("mark", list("“‘（〔［｛【〖《〈「『"))
def test_no_line_ends_with_an_opening_mark(mark):
    text = f"甲乙{mark}丙丁"
    assert 3 not in breaks_at(text)          # not after the mark
    assert 2 in breaks_at(text)              # before it: allowed


def test_dash_and_ellipsis_are_one_unit_each():
    for unit in ("——", "……", "⋯⋯"):
        text = f"甲乙{unit}丙丁"
        b = find_breaks(text)
        assert not b.allowed[3] and b.tie[3]                # never inside the unit
        assert b.allowed[2]                                 # basic: before it is allowed
        assert not find_breaks(text, strict=True).allowed[2]  # strict: not before it
        assert (2, 4) in b.units()
    # runs of units may break between units (CLREQ §3.1.5.1)
    b = find_breaks("甲……………乙")
    assert b.tie[2] and not b.tie[3] and b.tie[4]


def test_a_lone_dash_is_a_connector():
    b = find_breaks("青禾村—县城")
    assert b.classes[3] == C.CONNECT
    assert not b.allowed[3] and b.allowed[4]
    assert find_breaks("好——的").classes[1] == C.DASH


@pytest.mark.parametrize("unit", ["8:30—11:30", "14:00—17:30", "0511-87650000", "www.qinghe.gov.cn",
                                  "¥100", "￥200", "50%", "30℃", "30°C", "3.14", "1,850", "18～25℃",
                                  "20–30", "Python", "WiFi", "5‰"])
def test_numbers_words_and_ranges_never_split(unit):
    text = f"甲乙{unit}丙"
    b = find_breaks(text, glue_units=False)
    assert all(b.tie[i] for i in range(3, 2 + len(unit))), b.tie
    assert b.allowed[2]                      # before the unit: allowed (Han ÷ Latin)
    assert (2, 2 + len(unit)) in b.units()


def test_number_and_han_unit_glue_is_an_option():
    assert 3 not in breaks_at("重量5千克以上")
    assert 3 in breaks_at("重量5千克以上", glue_units=False)
    assert not find_breaks("重量5千克以上").tie[3]   # glued, yet not a unit: it may be spaced out


def test_spaces_break_after_never_before():
    text = "周五 上午"
    assert breaks_at(text) == [1, 3, 4]


def test_solidus_gb_rule_only_in_strict():
    assert 3 in breaks_at("五元／次以上")          # basic: after the solidus
    assert 3 not in breaks_at("五元／次以上", strict=True)
    assert 2 not in breaks_at("五元／次以上")      # never before it


def test_slash_inside_words_is_latin():
    b = find_breaks("速度km/h以内")
    assert b.classes[4] == C.LATIN and b.tie[4] and b.tie[5]
    assert find_breaks("五元/次").classes[2] == C.SOLIDUS


def test_breaks_after_clause_punctuation_are_preferred():
    b = find_breaks("甲乙，丙丁。”戊己；庚")
    assert b.prefer[3] and b.prefer[7] and b.prefer[10]
    assert not b.prefer[1] and not b.prefer[4]


def test_tuples_cover_every_boundary():
    text = "村“两委”商议"
    b = find_breaks(text)
    assert len(b.classes) == len(text)
    assert len(b.allowed) == len(b.tie) == len(b.prefer) == len(text) + 1
    assert b.allowed[len(text)] and not b.allowed[0]


# --- issue 11: numbers with their words, designations, stranded characters --------------------

def shown(text: str, **kw) -> str:
    """The text with | at every allowed break and ! at every avoided one."""
    b = find_breaks(text, **kw)
    return "".join(("!" if b.avoid[i] else "|") * (0 < i and b.allowed[i]) + ch for i, ch in enumerate(text))


@pytest.mark.parametrize("text, unit", [
    ("共有第1网格至第12网格", "第12网格"), ("依据第二十四条规定", "第二十四条"), ("选举第三届委员会", "第三届"),
    ("走访8600余户次群众", "8600余户次"), ("带动三百多户农户", "三百多户"), ("组织十余次活动", "十余次"),
    ("服务五千多人次", "五千多人次"), ("占地3000平方米以上", "3000平方米"),
])
def test_numbers_stay_with_their_words(text, unit):
    start = text.index(unit)
    assert breaks_at(text).count(start) == 1                 # before the unit: allowed
    assert not set(breaks_at(text)) & set(range(start + 1, start + len(unit)))


def test_han_numerals_are_glued_only_as_numbers():
    assert 2 in breaks_at("全面统一管理")                      # 统|一
    assert 3 in breaks_at("坚持一致原则")


@pytest.mark.parametrize("designation", ["GB/T 15834—2011", "GB 2894", "DB32/T 3000—2016", "GB/T 1.1—2009",
                                         "JGJ/T 1.1", "GB/T 15835-2011"])
def test_standard_designations_are_one_unit(designation):
    text = f"依据{designation}执行"
    b = find_breaks(text)
    assert all(b.tie[i] for i in range(3, 2 + len(designation))), designation
    assert b.allowed[2] and b.allowed[2 + len(designation)]   # before and after: allowed


def test_breaks_that_strand_a_character_are_marked():
    assert shown("开展工作。必须坚持") == "开|展|工!作。|必!须|坚!持"
    assert shown("主体作用》。条例规定") == "主|体|作!用》。|条!例|规!定"
    assert shown("全面建设，村") == "全|面|建!设，!村"
    assert shown("甲乙，二、丙丁") == "甲!乙，|二、|丙!丁"          # 二、 is an enumerator
