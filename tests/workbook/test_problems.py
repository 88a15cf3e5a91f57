"""Malformed workbooks: every problem is located (file, sheet, cell, column) and has a hint,
and all of a file's problems come at once."""

from __future__ import annotations

import copy
import zipfile

import pytest

from signkit.errors import SignkitError
from signkit.workbook import WorkbookError, import_rooms, write_profile

from .conftest import CENTRE, HEADERS, ROOMS, make_xlsx, standard


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # relative paths: where reads "rooms.xlsx: 房间!E3 (门宽)"


def problems(path, functions) -> list[tuple[str, str, str]]:
    with pytest.raises(WorkbookError) as info:
        import_rooms(path.name, functions=functions)  # the workbook is in the current folder
    assert info.value.kind == "workbook error" and isinstance(info.value, SignkitError)
    return [(p.where, p.message, p.hint) for p in info.value.problems]


def edited(row: int, col: str, value) -> list[list]:
    """ROOMS with one cell changed; row and column as Excel shows them (the header is row 1)."""
    rooms = copy.deepcopy(ROOMS)
    rooms[row - 2][HEADERS.index(col)] = value
    return rooms


CASES = {
    "unknown function": (edited(3, "功能", "党员活动中心"), "rooms.xlsx: 房间!C3 (功能)",
                         "unknown function '党员活动中心'", "did you mean 党员活动室 (party_activity)?"),
    "unknown function id": (edited(3, "功能", "mediaton"), "rooms.xlsx: 房间!C3 (功能)",
                            "unknown function 'mediaton'", "did you mean 调解室 (mediation)?"),
    "bad number": (edited(4, "门宽(mm)", "九百"), "rooms.xlsx: 房间!E4 (门宽)",
                   "'九百' is not a number", "write a number, with or without its unit, e.g. 900, 900mm, 0.9m"),
    "metres in a mm column": (edited(4, "门高(mm)", 2.1), "rooms.xlsx: 房间!F4 (门高)",
                              "2.1 mm is too small to be meant", "lengths are in millimetres: write 2100, or add "
                              "the unit: 2.1m"),
    "unknown unit": (edited(4, "门宽(mm)", "900寸"), "rooms.xlsx: 房间!E4 (门宽)",
                     "'寸' is not a length unit", "write mm, cm or m, e.g. 900, 900mm, 0.9m"),
    "zero width": (edited(4, "门宽(mm)", 0), "rooms.xlsx: 房间!E4 (门宽)", "must be more than 0", "check the value"),
    "bad area": (edited(2, "面积(㎡)", "96m"), "rooms.xlsx: 房间!D2 (面积)",
                 "'m' is not an area unit", "write square metres, e.g. 96 or 96㎡"),
    "bad latch side": (edited(3, "把手位置(左/右)", "中"), "rooms.xlsx: 房间!G3 (把手位置)",
                       "'中' is not left or right",
                       "write 左 or 右: the side of the door handle seen from the corridor, facing the door"),
    "empty name": (edited(3, "房间名称", None), "rooms.xlsx: 房间!B3 (房间名称)", "the room name is empty",
                   "write the name as it should appear on the sign, or delete the row"),
    "blank name": (edited(3, "房间名称", " \u3000"), "rooms.xlsx: 房间!B3 (房间名称)", "the room name is empty",
                   "write the name as it should appear on the sign, or delete the row"),
    "duplicate id": (edited(4, "编号", "hall"), "rooms.xlsx: 房间!J4 (编号)", "the id 'hall' is used twice",
                     "it is also at rooms.xlsx: 房间!J2 (编号); give every room its own id, or leave the cell empty "
                     "to have one made"),
    "bad id": (edited(4, "编号", "书记室"), "rooms.xlsx: 房间!J4 (编号)", "'书记室' cannot be an id",
               "use lower-case letters, digits and '-' only, e.g. party; or leave it empty to have one made"),
    "bad floor": (edited(3, "楼层", "顶楼"), "rooms.xlsx: 房间!A3 (楼层)", "'顶楼' is not a floor",
                  "write the floor number: 1 for the ground floor, 2, or -1 / B1 below ground"),
    "door half filled": (edited(5, "门宽(mm)", 900), "rooms.xlsx: 房间!F5 (门高)", "the door needs its 门高 too",
                         "fill 门宽, 门高, 把手位置 and 门旁墙宽 for a room with a door; leave all four empty for an "
                         "open area without a door"),
    "empty function, unusual name": ([[1, "支部书记室", None, *ROOMS[0][3:]]],
                                     "rooms.xlsx: 房间!C2 (功能)", "the function is empty",
                                     "did you mean 书记工作室 (party_office)?"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_problem_is_located_with_a_hint(case, tmp_path, functions):
    rooms, where, message, hint = CASES[case]
    found = problems(standard(tmp_path, rooms), functions)
    assert (where, message, hint) in found
    assert len(found) == 1 or case == "door half filled", found


def test_missing_required_column(tmp_path, functions):
    headers = [h for h in HEADERS if h != "功能"]
    rooms = [[v for h, v in zip(HEADERS, row) if h != "功能"] for row in ROOMS]
    assert problems(standard(tmp_path, rooms, headers), functions) == [
        ("rooms.xlsx: 房间!A1:I1", "the required column 功能 is missing",
         "add a column headed 功能 (see examples/rooms-template.xlsx)")]


def test_two_columns_with_one_meaning(tmp_path, functions):
    found = problems(standard(tmp_path, [row + [900] for row in ROOMS], HEADERS + ["门洞宽度"]), functions)
    assert found == [("rooms.xlsx: 房间!K1 (门洞宽度)", "column E is already 门宽", "keep one of the two columns")]


def test_every_problem_of_the_file_at_once(tmp_path, functions):
    rooms = edited(3, "功能", "党员活动中心")
    rooms[2][HEADERS.index("把手位置(左/右)")] = "中"
    rooms[0][HEADERS.index("门宽(mm)")] = "宽"
    centre = [row for row in CENTRE if row[0] != "大门高(mm)"] + [["大门宽(mm)", 1800]]
    path = standard(tmp_path, rooms, 中心=centre, 挂牌机构=[["机构名称", "类型"], ["某村委会", "村会"]])
    assert [w for w, _m, _h in problems(path, functions)] == [
        "rooms.xlsx: 房间!E2 (门宽)", "rooms.xlsx: 房间!C3 (功能)", "rooms.xlsx: 房间!G4 (把手位置)",
        "rooms.xlsx: 中心!A11 (大门宽)",  # given twice
        "rooms.xlsx: 挂牌机构!B2 (类型)", "rooms.xlsx"]  # 大门高 missing: no cell to point at


def test_centre_problems(tmp_path, functions):
    centre = [row if row[0] != "门左墙宽(mm)" else [row[0], "一米六"] for row in CENTRE]
    centre = [row if row[0] != "名称" else [row[0], None] for row in centre]
    assert problems(standard(tmp_path, 中心=centre), functions) == [
        ("rooms.xlsx: 中心!B10 (门左墙宽)", "'一米六' is not a number",
         "write a number, with or without its unit, e.g. 900, 900mm, 0.9m"),
        ("rooms.xlsx: 中心!B2 (名称)", "名称 is empty", "fill in the value, e.g. 青禾村党群服务中心"),
    ]


def test_missing_centre_sheet(tmp_path, functions):
    path = make_xlsx(tmp_path / "rooms.xlsx", {"房间": [HEADERS, *ROOMS]})
    found = problems(path, functions)
    assert [m for _w, m, _h in found] == [
        "名称 is missing", "村 is missing", "镇 is missing", "县(市、区) is missing", "市 is missing", "门头所在墙宽 is missing",
        "大门宽 is missing", "大门高 is missing", "门左墙宽 is missing", "门右墙宽 is missing"]
    assert found[0][2] == ("add a row 名称 to sheet 中心 with the value in column B (in a CSV: a row 名称,value above "
                           "the room headers)")


def test_unknown_centre_row_is_a_warning_with_did_you_mean(tmp_path, functions):
    result = import_rooms(standard(tmp_path, 中心=[*CENTRE, ["户外面积平米", 1200], ["负责人", "张三"]]).name,
                          functions=functions)
    assert [(p.where, p.message, p.hint) for p in result.warnings] == [
        ("rooms.xlsx: 中心!A12 (户外面积平米)", "'户外面积平米' is not a centre item signkit reads; the row is ignored",
         "did you mean 户外面积(㎡)?"),
        ("rooms.xlsx: 中心!A13 (负责人)", "'负责人' is not a centre item signkit reads; the row is ignored",
         result.warnings[1].hint)]
    assert result.warnings[1].hint.startswith("centre items: 名称、村、镇")


def test_no_header_row(tmp_path, functions):
    path = make_xlsx(tmp_path / "rooms.xlsx", {"房间": [["党员活动室", 110]] * 3, "中心": CENTRE})
    assert problems(path, functions) == [("rooms.xlsx: 房间", "no header row found",
                                          "one of the first rows must be the headers, with 房间名称、功能")]


def test_no_rooms_below_the_headers(tmp_path, functions):
    assert problems(standard(tmp_path, []), functions) == [
        ("rooms.xlsx: 房间!2:2", "no rooms below the header row", "write one room per row under the headers")]


def test_no_room_sheet(tmp_path, functions):
    path = make_xlsx(tmp_path / "rooms.xlsx", {"中心": CENTRE, "说明": [["x"]]})
    assert problems(path, functions) == [
        ("rooms.xlsx", "no sheet with the room list", "name the sheet with the rooms 房间 (see "
                                                      "examples/rooms-template.xlsx)")]


@pytest.mark.parametrize("name, content, message", [
    ("rooms.xls", b"\xd0\xcf\x11\xe0", "signkit cannot read '.xls' files"),
    ("rooms.et", b"\xd0\xcf\x11\xe0", "signkit cannot read '.et' files"),
    ("missing.xlsx", None, "file not found"),
    ("broken.xlsx", b"not a zip", "not a readable .xlsx workbook (File is not a zip file)"),
    ("rooms.csv", b"\xff\xfe\xfd" * 10 + b"\x81", None),
])
def test_files_that_cannot_be_read(tmp_path, functions, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(WorkbookError) as info:
        import_rooms(name, functions=functions)
    problem, = info.value.problems
    assert problem.where == name and problem.hint
    if message:
        assert problem.message == message


def test_gbk_lookalike_bytes_are_not_guessed(tmp_path, functions):
    (tmp_path / "rooms.csv").write_bytes("房间名称".encode("utf-16-le"))  # no BOM: neither UTF-8 nor GBK
    with pytest.raises(WorkbookError):
        import_rooms("rooms.csv", functions=functions)


def test_write_profile_never_overwrites_without_force(tmp_path, functions):
    result = import_rooms(standard(tmp_path), functions=functions)
    written = write_profile(result, tmp_path / "centre", force=False)
    assert written == tmp_path / "centre" / "profile.toml" and written.read_text(encoding="utf-8") == result.text
    written.write_text("# edited by hand\n", encoding="utf-8")
    with pytest.raises(WorkbookError) as info:
        write_profile(result, tmp_path / "centre", force=False)
    problem, = info.value.problems
    assert (problem.where, problem.message) == (str(written), "already exists; nothing was written")
    assert "--force" in problem.hint and "-o" in problem.hint
    assert written.read_text(encoding="utf-8") == "# edited by hand\n"
    assert write_profile(result, tmp_path / "centre", force=True).read_text(encoding="utf-8") == result.text
    assert write_profile(result, tmp_path / "other.toml", force=False) == tmp_path / "other.toml"


def test_errors_carry_the_warnings_too(tmp_path, functions):
    path = standard(tmp_path, edited(3, "功能", "党员活动中心"), 挂牌机构=[["机构名称"]])
    with pytest.raises(WorkbookError) as info:
        import_rooms(path, functions=functions)
    assert [p.message for p in info.value.warnings] == [
        "no organisations: the profile will have no plaques beside the main door"]


def test_a_zip_that_is_not_a_workbook(tmp_path, functions):
    with zipfile.ZipFile(tmp_path / "rooms.xlsx", "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(WorkbookError) as info:
        import_rooms("rooms.xlsx", functions=functions)
    assert info.value.problems[0].message.startswith("not a readable .xlsx workbook")
