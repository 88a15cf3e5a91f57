"""The line checker (text/lint.py): each fault of issue 11 is found on the bad settings the
issue reports, and nothing is found on clean ones."""

from __future__ import annotations

import pytest

from signkit.text.lint import KINDS, check_lines
from signkit.text.style import BOOK, PARTY

BAD = [
    (["全村划分为第1网格至第", "12网格，每个网格"], "ordinal-split"),
    (["通过了第二十四", "条规定的全部事项"], "ordinal-split"),
    (["通过了第二", "十四条规定的"], "ordinal-split"),
    (["共走访8600余", "户次，收集诉求"], "number-split"),
    (["共走访8600余户", "次，收集诉求"], "number-split"),
    (["带动三百多", "户农户增收"], "number-split"),
    (["依据GB/T ", "15835—2011执行"], "designation-split"),
    (["依据GB", " 2894执行"], "designation-split"),
    (["要求各级组织认真开展工作。必", "须坚持党的领导"], "sentence-start"),
    (["依据《中国共产党农村基层组织工作条例》。条", "例共十章"], "sentence-start"),
    (["他说：“好。”大", "家都笑了"], "sentence-start"),
    (["加快推进乡村全面建", "设，促进农民增收"], "one-char-start"),
    (["全体党员要带头遵守村规民", "约。"], "one-char-start"),
    (["村里的道路", "、桥梁"], "no-start"),
    (["村民代表提出“", "先修路后建房”"], "no-end"),
    (["开放时间：夏季(7月1日～9月30日)上午"], "halfwidth-bracket"),
]

CLEAN = [
    ["全村划分为第1网格至", "第12网格，每个网格"],
    ["共走访8600余户次，", "收集诉求1200余件。"],
    ["依据GB/T 15835—2011", "执行，字高不小于"],
    ["要求各级组织认真开展工作。", "必须坚持党的领导"],
    ["一、每个村民都要爱党", "二、严禁偷盗"],
    ["他说：", "二、村民代表"],
    ["夏季（7月1日～9月30日）上午", "8:30～11:30"],
    ["Python (v3.11) is fine"],
    ["（一）户籍在本村并且在本村居住的村民；"],
]


@pytest.mark.parametrize("lines, kind", BAD, ids=[k + "-" + l[0][-3:] for l, k in BAD])
def test_every_issue_fault_is_found(lines, kind):
    faults = check_lines(lines)
    assert kind in [f.kind for f in faults], faults
    fault = next(f for f in faults if f.kind == kind)
    assert fault.kind in KINDS and fault.message and str(fault).startswith(f"line {fault.line}")


@pytest.mark.parametrize("lines", CLEAN, ids=range(len(CLEAN)))
def test_clean_lines_have_no_fault(lines):
    assert check_lines(lines, style=PARTY) == []


def test_the_split_is_located_and_shown():
    (fault,) = check_lines(["全村划分为第1网格至第", "12网格"])
    assert fault.line == 0 and fault.excerpt == "第1网格至第|12网格"


def test_strict_level_and_range_dash_follow_the_options():
    assert check_lines(["一二三四", "……五六"]) == []
    assert [f.kind for f in check_lines(["一二三四", "……五六"], strict=True)] == ["no-start"]
    assert [f.kind for f in check_lines(["时间1日—5日"], style=PARTY)] == ["range-dash"]
    assert check_lines(["时间1日—5日"], style=BOOK) == check_lines(["时间1日—5日"]) == []
    assert check_lines(["依据GB/T 15834—2011执行"], style=PARTY) == []


def test_empty_and_single_lines():
    assert check_lines([]) == []
    assert check_lines(["好。"]) == []          # a one-line paragraph is no orphan
