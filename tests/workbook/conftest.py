"""Fixture workbooks for the import tests, built with openpyxl in tmp_path (no binaries committed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from signkit.load import load_profile
from signkit.workbook import ImportResult, write_profile

CENTRE = [
    ["项目", "内容", "说明"],
    ["名称", "青禾村党群服务中心"],
    ["村", "青禾村"],
    ["镇", "天王镇"],
    ["县(市、区)", "句容市"],
    ["市", "镇江市"],
    ["门头所在墙宽(mm)", 12000],
    ["大门宽(mm)", 1800],
    ["大门高(mm)", 2400],
    ["门左墙宽(mm)", 1600],
    ["门右墙宽(mm)", 1600],
]
HEADERS = ["楼层", "房间名称", "功能", "面积(㎡)", "门宽(mm)", "门高(mm)", "把手位置(左/右)", "门旁墙宽(mm)", "服务窗口", "编号"]
ROOMS = [
    [1, "便民服务大厅", "便民服务大厅", 96, 1800, 2400, "右", 900, "综合窗口、党员服务", "hall"],
    [2, "党员活动室", "党员活动室", 110, 1000, 2100, "左", 700, None, None],
    [2, "书记工作室", "party_office", 24, 900, 2100, "右", 500, None, None],
    [1, "共享阅读区", "共享阅读区", 30, None, None, None, None, None, None],
]
ORGANISATIONS = [["机构名称", "类型"], ["中国共产党句容市天王镇青禾村委员会", None], ["句容市天王镇青禾村村民委员会", "村委会"]]


@pytest.fixture(scope="session")
def functions(brand) -> dict[str, str]:
    return {fid: f.label for fid, f in brand.functions.items()}


def make_xlsx(path: Path, sheets: dict[str, list[list[Any]]], merges: dict[str, list[str]] | None = None) -> Path:
    """A workbook with one sheet per entry, rows as given; ``merges`` maps a sheet to ranges like "A3:A5"."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in (merges or {}).get(name, ()):
            sheet.merge_cells(cells)  # keeps the top-left value, empties the others (as Excel does)
    book.save(path)
    return path


def standard(tmp_path: Path, rooms: list[list[Any]] | None = None, headers: list[str] | None = None,
             name: str = "rooms.xlsx", **extra: list[list[Any]]) -> Path:
    """The usual three sheets; ``rooms``/``headers`` replace the room table; ``extra`` adds or replaces sheets."""
    sheets = {"房间": [headers or HEADERS, *(ROOMS if rooms is None else rooms)], "中心": CENTRE,
              "挂牌机构": ORGANISATIONS}
    return make_xlsx(tmp_path / name, {**sheets, **extra})


def load_result(result: ImportResult, folder: Path, functions: dict[str, str]):
    """Write the imported profile into ``folder`` and load it as signkit would."""
    return load_profile(write_profile(result, folder, force=False), functions=functions)
