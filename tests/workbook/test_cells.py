"""Reading single cells: what officials type becomes the profile's value, or a clear problem."""

from __future__ import annotations

import datetime

import pytest

from signkit.workbook.cells import CellError, floor, number, organisation_kind, parse, room_id, side, yes_no
from signkit.workbook.layout import ROOM_LOOKUP, display, match, sheet_kind


@pytest.mark.parametrize("typed, mm", [
    (900, 900), (900.0, 900), ("900", 900), ("900mm", 900), ("900 mm", 900), ("９００", 900), ("９００ｍｍ", 900),
    ("0.9m", 900), ("1.2m", 1200), ("0.3米", 300), ("90cm", 900), ("90厘米", 900), ("900毫米", 900),
    ("1,200", 1200), ("约900", 900), ("900左右", 900), ("900.5", 900.5), (" 900 ", 900), ("0", 0),
])
def test_lengths(typed, mm):
    assert number("length", typed, key="door.wall_mm") == mm


def test_the_header_unit_is_the_default_unit():
    assert number("length", 1.2, header="门宽(m)") == 1200
    assert number("length", 90, header="门宽（厘米）") == 900
    assert number("length", "900mm", header="门宽(m)") == 900  # a unit in the cell wins


@pytest.mark.parametrize("typed, message", [
    ("九百", "'九百' is not a number"), ("1.2", "1.2 mm is too small to be meant"),
    ("900寸", "'寸' is not a length unit"), ("-5", "'-5' is not a number"),
    (datetime.datetime(2024, 9, 1), "'2024-09-01 00:00:00' is not a number"), (True, "'True' is not a number"),
])
def test_bad_lengths(typed, message):
    with pytest.raises(CellError) as info:
        number("length", typed, key="door.width_mm")
    assert info.value.message == message and info.value.hint


def test_limits_come_from_the_profile_model():
    with pytest.raises(CellError, match="must be more than 0"):
        number("length", 0, key="door.width_mm")  # Door.width_mm: gt=0
    assert number("length", 0, key="door.wall_mm") == 0  # Door.wall_mm: ge=0


@pytest.mark.parametrize("typed, m2", [(96, 96), ("96㎡", 96), ("96m2", 96), ("96m²", 96), ("96平方米", 96),
                                       ("96平米", 96), ("20.5", 20.5)])
def test_areas(typed, m2):
    assert number("area", typed, key="area_m2") == m2


def test_counts():
    assert number("count", "860户", key="center.households") == 860
    with pytest.raises(CellError):
        number("count", "86.5", key="center.households")


@pytest.mark.parametrize("typed, level", [(1, 1), (2.0, 2), ("2", 2), ("２", 2), ("2楼", 2), ("2层", 2), ("2F", 2),
                                          ("F2", 2), ("二楼", 2), ("二层", 2), ("十二层", 12), ("-1", -1), ("B1", -1),
                                          ("负一层", -1), ("地下1层", -1)])
def test_floors(typed, level):
    assert floor(typed) == level


@pytest.mark.parametrize("typed", ["顶楼", "0", 100, 1.5])
def test_bad_floors(typed):
    with pytest.raises(CellError):
        floor(typed)


@pytest.mark.parametrize("typed, expected", [("左", "left"), ("右", "right"), (" 左侧 ", "left"), ("靠右", "right"),
                                             ("left", "left"), ("Right", "right"), ("L", "left"), ("Ｒ", "right")])
def test_sides(typed, expected):
    assert side(typed) == expected


def test_yes_no_ids_kinds_and_lists():
    assert (yes_no("否"), yes_no("是"), yes_no(False), yes_no("×")) == (False, True, False, False)
    assert (room_id("Party 2"), room_id(" hall "), room_id(201)) == ("party-2", "hall", "201")
    assert (organisation_kind("村委会"), organisation_kind("party")) == ("villagers_committee", "party")
    assert parse("list", "综合窗口、党员服务,民政社保；卫生健康　社保", key="windows") == (
        "综合窗口", "党员服务", "民政社保", "卫生健康", "社保")
    assert parse("text", "\u200b党员活动室\u3000") == "党员活动室"


@pytest.mark.parametrize("header, key", [("门宽(mm)", "door.width_mm"), ("*门宽（mm）", "door.width_mm"),
                                         ("门宽mm", "door.width_mm"), ("门洞 宽度", "door.width_mm"),
                                         ("door_width_mm", "door.width_mm"), ("把手位置（左/右）", "door.latch_side"),
                                         ("面积（㎡）", "area_m2"), ("房间名称", "name"), ("ID", "id")])
def test_header_variants(header, key):
    assert match(header, ROOM_LOOKUP).key == key


def test_sheet_names_and_display():
    assert [sheet_kind(n) for n in ("房间", "房间清单（2024）", "中心", "挂牌机构", "说明", "Sheet1")] == [
        "rooms", "rooms", "centre", "organisations", "notes", None]
    assert [display(h) for h in ("门宽(mm)", "面积（㎡）", "把手位置(左/右)", "县(市、区)", "门洞宽度")] == [
        "门宽", "面积", "把手位置", "县(市、区)", "门洞宽度"]
