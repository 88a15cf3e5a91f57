#!/usr/bin/env python3
"""Build the room workbooks an official fills for ``signkit import``.

In:  the bundled brand (room functions and their usual names), the workbook layout
     (:mod:`signkit.workbook.layout`) and examples/qinghe/profile.toml.
Out: examples/rooms-template.xlsx (sheets 房间, 中心, 挂牌机构 and 说明: headers, two
     example rooms, drop-down lists and notes in Chinese) and examples/rooms-sample.xlsx (the
     sample centre: every room, its entrance and plaques; floors as merged 楼层 cells).
     The bytes depend only on the inputs: timestamps inside the .xlsx are fixed.

Usage: python tools/make_rooms_template.py [--out examples]
"""

from __future__ import annotations

import argparse
import datetime
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: E402
from openpyxl.worksheet.datavalidation import DataValidation  # noqa: E402

from signkit.families import FAMILIES  # noqa: E402
from signkit.load import load_brand, load_profile  # noqa: E402
from signkit.model.profile import Profile  # noqa: E402
from signkit.workbook.cells import ORGANISATION_KINDS  # noqa: E402
from signkit.workbook.layout import CENTRE_FIELDS, ORGANISATION_COLUMNS, ROOM_COLUMNS  # noqa: E402

FIXED_TIME = datetime.datetime(2024, 1, 1)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
HEADER_FILL = PatternFill("solid", fgColor="C00000")
HEADER_FONT = Font(bold=True, color="FFFFFF")
REQUIRED_FONT = Font(bold=True, color="FFFF00")
EXAMPLE_FONT = Font(italic=True, color="808080")
THIN = Border(*(Side(style="thin", color="BFBFBF"),) * 4)
ROOM_ROWS = 60  # rows formatted and given drop-downs in the template

# Notes for the 说明 sheet, per field key: (what to write, example).
ROOM_NOTES = {
    "floor": ("所在楼层：1 为一楼，-1 或 B1 为地下一层；可写 2、2楼、二层。同一层的房间可合并单元格，"
              "或只在第一行填写（空白表示同上一行）。", "1"),
    "name": ("门牌上印的房间名称，照实填写。", "党员活动室"),
    "function": ("房间功能，决定标牌样式（党建类为红色牌）。从下拉列表选择，或填写功能代号；"
                 "可选的功能见本表下方“功能一览”。", "党员活动室"),
    "area_m2": ("房间使用面积，单位平方米；可写 96 或 96㎡。", "110"),
    "door.width_mm": ("门洞宽度，单位毫米；也可写 0.9m、90cm。没有门的开放区域，门的四列都空着，"
                      "会做功能区标识而不是门牌。", "1000"),
    "door.height_mm": ("门洞高度，单位毫米。", "2100"),
    "door.latch_side": ("站在走廊面对房门，门把手在左边还是右边：填 左 或 右。门牌挂在把手一侧。", "左"),
    "door.wall_mm": ("把手一侧门框外可挂牌的墙面宽度（到墙角、窗户或消火栓为止），单位毫米。", "700"),
    "door.hinge_wall_mm": ("选填：门另一侧（合页一侧）可挂牌的墙面宽度，单位毫米；把手一侧太窄时使用。", ""),
    "windows": ("选填：此房间内的服务窗口名称，用顿号或逗号分隔，每个窗口做一块窗口牌。", "综合窗口、民政社保"),
    "plate": ("选填：填 否 表示此房间已有标牌，不再制作。默认 是。", ""),
    "id": ("选填：房间代号，只用小写字母、数字和“-”，例如 party。空着则按功能自动生成"
           "（party、party-2……）。制度牌挂在哪个房间，用这个代号指明。", "party"),
}
CENTRE_NOTES = {
    "center.name": ("门头上的中心全称，照实填写。", "青禾村党群服务中心"),
    "center.village": ("村（社区）名称。", "青禾村"),
    "center.township": ("乡镇（街道）名称。", "天王镇"),
    "center.county": ("县（市、区）名称。", "句容市"),
    "center.city": ("设区市名称。", "镇江市"),
    "center.floor_area_m2": ("选填：中心建筑面积，平方米。", "620"),
    "center.outdoor_area_m2": ("选填：户外活动场地面积，平方米。", "1200"),
    "center.households": ("选填：服务户数。", "860"),
    "center.hotline": ("选填：服务电话。请把单元格设为文本格式，以免丢掉区号前的 0。", "0511-87650000"),
    "center.slogan": ("选填：标识语，用于门头和展板；默认“以人民为中心”。", "以人民为中心"),
    "entrance.facade_width_mm": ("挂门头的那面外墙的宽度，单位毫米；也可写 12m。", "12000"),
    "entrance.door_width_mm": ("大门门洞宽度，单位毫米。", "1800"),
    "entrance.door_height_mm": ("大门门洞高度，单位毫米。", "2400"),
    "entrance.wall_left_mm": ("从外面看，大门左侧门框到下一个障碍物（窗、墙角）之间的墙宽，单位毫米。竖牌挂在这里。", "1600"),
    "entrance.wall_right_mm": ("从外面看，大门右侧可挂竖牌的墙宽，单位毫米。", "1600"),
    "entrance.honour_side": ("选填：党组织牌挂在大门哪一侧（从外面看），填 左 或 右；默认 右。", "右"),
}
ORGANISATION_NOTES = {
    "name": ("挂在大门两侧的竖牌上的机构全称，按批准的名称照实填写，一行一块牌子。",
             "中国共产党句容市天王镇青禾村委员会"),
    "kind": ("选填：党组织、村民委员会、村务监督委员会、经济合作社 或 其他；空着则按名称判断"
             "（以“中国共产党”开头的为党组织）。", "党组织"),
}
GENERAL_NOTES = (
    "用法：填好“房间”“中心”“挂牌机构”三张表，保存为 .xlsx，然后运行 signkit import 本文件，"
    "得到 profile.toml（中心档案），再运行 signkit check 和 signkit render。",
    "长度一律以毫米为单位，可以直接写数字（900），也可以带单位（900mm、90cm、0.9m）；全角数字也可以。",
    "第一行的标题、空行、“合计”行会被跳过；“备注”列不会被读取。列的顺序可以调整，表头名称不要改。",
    "“房间”表中的示例行请改成本中心的房间，或删除。",
    "也可以把“房间”表另存为 CSV（UTF-8 或 GBK 均可）：这时把“中心”表的各项写在房间表头的上方，"
    "每行一项，第一列写项目名称，第二列写内容。",
    "制度牌、特色展示的文字不在本表中填写：导入后按 profile.toml 末尾的说明添加。",
)


def template_workbook(functions: dict[str, str]) -> bytes:
    examples = [
        {"floor": 1, "name": "便民服务大厅", "function": "service_hall", "area_m2": 96, "door.width_mm": 1800,
         "door.height_mm": 2400, "door.latch_side": "right", "door.wall_mm": 900, "windows": ("综合窗口", "民政社保")},
        {"floor": 2, "name": "党员活动室", "function": "party_activity", "area_m2": 110, "door.width_mm": 1000,
         "door.height_mm": 2100, "door.latch_side": "left", "door.wall_mm": 700, "id": "party"},
    ]
    return _workbook(functions, rooms=examples, centre={}, organisations=[], example=True)


def sample_workbook(profile: Profile, functions: dict[str, str]) -> bytes:
    rooms = []
    for room in sorted(profile.rooms, key=lambda r: r.floor):  # by floor, so 楼层 can be merged
        row: dict[str, Any] = {"floor": room.floor, "name": room.name, "function": room.function,
                               "area_m2": room.area_m2, "windows": tuple(w if isinstance(w, str) else w.name for w in room.windows), "id": room.id}
        if room.door:
            row |= {"door.width_mm": room.door.width_mm, "door.height_mm": room.door.height_mm,
                    "door.latch_side": room.door.latch_side, "door.wall_mm": room.door.wall_mm,
                    "door.hinge_wall_mm": room.door.hinge_wall_mm}
        if not room.plate:
            row["plate"] = False
        rooms.append(row)
    centre = {f"center.{k}": getattr(profile.center, k) for k in profile.center.__dataclass_fields__}
    centre |= {f"entrance.{k}": getattr(profile.entrance, k) for k in profile.entrance.__dataclass_fields__}
    organisations = [{"name": o.name, "kind": o.kind} for o in profile.organisations]
    return _workbook(functions, rooms=rooms, centre=centre, organisations=organisations, example=False)


def _workbook(functions: dict[str, str], *, rooms: list[dict[str, Any]], centre: dict[str, Any],
              organisations: list[dict[str, Any]], example: bool) -> bytes:
    book = Workbook()
    book.properties.creator = "signkit"
    book.properties.created = book.properties.modified = FIXED_TIME
    notes = book.create_sheet("说明")
    function_range = _notes_sheet(notes, functions)
    _rooms_sheet(book.active, functions, rooms, function_range, example=example)
    _centre_sheet(book.create_sheet("中心", 1), centre)
    _organisations_sheet(book.create_sheet("挂牌机构", 2), organisations)
    out = io.BytesIO()
    book.save(out)
    return _fixed_times(out.getvalue())


def _rooms_sheet(sheet, functions: dict[str, str], rooms: list[dict[str, Any]], function_range: str, *,
                 example: bool) -> None:
    sheet.title = "房间"
    headers = [f.label for f in ROOM_COLUMNS] + ["备注"]
    sheet.append(["房间清单：每行一个房间或开放区域（功能区）。填写说明见“说明”工作表。"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.row_dimensions[1].height = 24
    _header_row(sheet, 2, headers, {f.label for f in ROOM_COLUMNS if f.required})
    for room in rooms:
        cells = [_cell(room.get(f.key), f.kind, functions) for f in ROOM_COLUMNS] + ["示例，请修改或删除" if example else None]
        sheet.append(cells)
    for r in range(3, 3 + max(len(rooms), ROOM_ROWS)):
        for c in range(1, len(headers) + 1):
            sheet.cell(r, c).border = THIN
            if example and r < 3 + len(rooms):
                sheet.cell(r, c).font = EXAMPLE_FONT
    start = 3
    for r in range(4, 4 + len(rooms)):  # merge 楼层 over each run of rooms on one floor
        if r == 3 + len(rooms) or sheet.cell(r, 1).value != sheet.cell(start, 1).value:
            if r - start > 1 and not example:
                sheet.merge_cells(start_row=start, start_column=1, end_row=r - 1, end_column=1)
                sheet.cell(start, 1).alignment = Alignment(vertical="center", horizontal="center")
            start = r
    last = 2 + max(len(rooms), ROOM_ROWS)
    columns = {f.key: i for i, f in enumerate(ROOM_COLUMNS, start=1)}
    _list(sheet, function_range, columns["function"], 3, last)
    _list(sheet, '"左,右"', columns["door.latch_side"], 3, last)
    _list(sheet, '"是,否"', columns["plate"], 3, last)
    widths = {"name": 22, "function": 20, "windows": 28, "door.latch_side": 16, "plate": 14}
    for f, c in columns.items():
        sheet.column_dimensions[_letter(c)].width = widths.get(f, 13)
    sheet.column_dimensions[_letter(len(headers))].width = 20
    sheet.freeze_panes = "A3"


def _centre_sheet(sheet, centre: dict[str, Any]) -> None:
    _header_row(sheet, 1, ["项目", "内容", "说明"], set())
    for r, item in enumerate(CENTRE_FIELDS, start=2):
        value = centre.get(item.key)
        sheet.cell(r, 1, item.label).font = Font(bold=item.required)
        sheet.cell(r, 2, _cell(value, item.kind, {}))
        text, sample = CENTRE_NOTES[item.key]
        sheet.cell(r, 3, ("必填。" if item.required else "") + text + (f"例：{sample}" if sample else ""))
        if item.kind == "phone":
            sheet.cell(r, 2).number_format = "@"  # text: keeps the 0 of the area code
        if item.kind == "side":
            _list(sheet, '"左,右"', 2, r, r)
        for c in (1, 2, 3):
            sheet.cell(r, c).border = THIN
            sheet.cell(r, c).alignment = Alignment(vertical="center", wrap_text=c == 3)
    for c, width in zip("ABC", (20, 36, 70)):
        sheet.column_dimensions[c].width = width
    sheet.freeze_panes = "A2"


def _organisations_sheet(sheet, organisations: list[dict[str, Any]]) -> None:
    _header_row(sheet, 1, [f.label for f in ORGANISATION_COLUMNS] + ["备注"], {"机构名称"})
    for org in organisations:
        sheet.append([org["name"], ORGANISATION_KINDS[org["kind"]][0]])
    for r in range(2, 12):
        for c in (1, 2, 3):
            sheet.cell(r, c).border = THIN
    kinds = ",".join(words[0] for words in ORGANISATION_KINDS.values())
    _list(sheet, f'"{kinds}"', 2, 2, 11)
    for c, width in zip("ABC", (44, 18, 24)):
        sheet.column_dimensions[c].width = width


def _notes_sheet(sheet, functions: dict[str, str]) -> str:
    """The notes; returns the range of function names for the 功能 drop-down."""
    sheet.append(["填写说明"])
    sheet["A1"].font = Font(bold=True, size=14)
    for line in GENERAL_NOTES:
        sheet.append([line])
    _header_row(sheet, sheet.max_row + 2, ["工作表", "列 / 项目", "必填", "说明", "示例"], set())
    for name, fields, notes in (("房间", ROOM_COLUMNS, ROOM_NOTES), ("中心", CENTRE_FIELDS, CENTRE_NOTES),
                                ("挂牌机构", ORGANISATION_COLUMNS, ORGANISATION_NOTES)):
        for f in fields:
            text, sample = notes[f.key]
            sheet.append([name, f.label, "是" if f.required else "", text, sample])
            sheet.cell(sheet.max_row, 4).alignment = Alignment(wrap_text=True, vertical="top")
    title = sheet.max_row + 2
    sheet.cell(title, 1, "功能一览").font = Font(bold=True)
    sheet.cell(title, 2, "“功能”列填写下面的名称（或代号）")
    _header_row(sheet, sheet.max_row + 1, ["功能名称", "代号"], set())
    first = sheet.max_row + 1
    for fid, label in functions.items():
        sheet.append([label, fid])
    for c, width in zip("ABCDE", (22, 22, 8, 80, 30)):
        sheet.column_dimensions[c].width = width
    return f"'说明'!$A${first}:$A${sheet.max_row}"


def _header_row(sheet, row: int, headers: list[str], required: set[str]) -> None:
    for c, text in enumerate(headers, start=1):
        cell = sheet.cell(row, c, text)
        cell.fill = HEADER_FILL
        cell.font = REQUIRED_FONT if text in required else HEADER_FONT
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = THIN
    sheet.row_dimensions[row].height = 30


def _list(sheet, formula: str, col: int, first: int, last: int) -> None:
    check = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=False)
    check.add(f"{_letter(col)}{first}:{_letter(col)}{last}")
    sheet.add_data_validation(check)


def _cell(value: Any, kind: str, functions: dict[str, str]) -> Any:
    """A profile value as an official would type it."""
    if value is None or value == ():
        return None
    if kind == "function":
        return functions[value]
    if kind == "side":
        return {"left": "左", "right": "右"}[value]
    if kind == "list":
        return "、".join(value)
    if kind == "yes_no":
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _letter(col: int) -> str:
    return chr(64 + col) if col <= 26 else chr(64 + (col - 1) // 26) + chr(65 + (col - 1) % 26)


def _fixed_times(data: bytes) -> bytes:
    """The same workbook with fixed zip entry times and document dates: same input, same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, body)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=ZIP_TIME), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "examples", help="folder for the two workbooks")
    args = parser.parse_args(argv)
    brand, _files = load_brand(families=FAMILIES)
    functions = {fid: f.label for fid, f in brand.functions.items()}
    profile = load_profile(ROOT / "examples" / "qinghe" / "profile.toml", functions=functions)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "rooms-template.xlsx").write_bytes(template_workbook(functions))
    (args.out / "rooms-sample.xlsx").write_bytes(sample_workbook(profile, functions))
    print(f"wrote {args.out / 'rooms-template.xlsx'} and {args.out / 'rooms-sample.xlsx'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
