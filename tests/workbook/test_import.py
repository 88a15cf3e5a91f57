"""Importing room lists: workbooks and CSV files become profiles that load."""

from __future__ import annotations

import pytest

from signkit.workbook import import_rooms

from .conftest import CENTRE, HEADERS, ROOMS, load_result, make_xlsx, standard


def test_workbook_imports_to_a_profile_that_loads(tmp_path, functions):
    result = import_rooms(standard(tmp_path), functions=functions)
    assert (result.rooms, result.organisations, result.warnings) == (4, 2, ())
    profile = load_result(result, tmp_path / "centre", functions)
    assert profile.center.name == "青禾村党群服务中心"
    assert profile.entrance.door_width_mm == 1800
    assert [(o.kind, o.name[:5]) for o in profile.organisations] == [("party", "中国共产党"),
                                                                     ("villagers_committee", "句容市天王")]
    hall, party, secretary, reading = profile.rooms
    assert (hall.id, hall.function, hall.windows) == ("hall", "service_hall", ("综合窗口", "党员服务"))
    assert (hall.door.width_mm, hall.door.latch_side, hall.door.wall_mm) == (1800, "right", 900)
    assert (party.id, party.function, party.floor, party.door.latch_side) == ("party", "party_activity", 2, "left")
    assert (secretary.id, secretary.function) == ("party-2", "party_office")  # made from the function
    assert (reading.id, reading.door, reading.area_m2) == ("reading", None, 30)  # no door: a zone sign


def test_profile_text_is_commented_and_names_its_rows(tmp_path, functions):
    text = import_rooms(standard(tmp_path), functions=functions).text
    assert text.startswith("# signkit profile imported from rooms.xlsx (sheets 房间, 中心, 挂牌机构).")
    assert "[[rooms]]                            # sheet 房间, row 3\n" in text
    assert 'function = "party_office"            # 书记工作室\n' in text
    assert "# no door: an open area gets a zone sign" in text
    assert "# [[boards]]" in text  # what the workbook cannot hold, as a commented example


CSV_TEXT = "\n".join([
    "青禾村党群服务中心房间清单",
    *(",".join(str(v) for v in row[:2]) for row in CENTRE[1:]),
    "",
    ",".join(HEADERS + ["备注"]),
    *(",".join("" if v is None else f'"{v}"' if "、" in str(v) else str(v) for v in row) for row in ROOMS),
    ",,,,,,,,,,见平面图",  # only a note: a blank row
]) + "\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_utf8_utf8_bom_and_gbk(tmp_path, functions, encoding):
    path = tmp_path / "rooms.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    result = import_rooms(path, functions=functions)
    profile = load_result(result, tmp_path / "centre", functions)
    assert [r.id for r in profile.rooms] == ["hall", "party", "party-2", "reading"]
    assert profile.rooms[0].windows == ("综合窗口", "党员服务")
    assert profile.center.county == "句容市"
    assert [p.message for p in result.warnings] == [
        "no organisations: the profile will have no plaques beside the main door"]


def test_csv_encodings_give_the_same_profile(tmp_path, functions):
    texts = set()
    for encoding in ("utf-8", "utf-8-sig", "gbk"):
        path = tmp_path / encoding / "rooms.csv"
        path.parent.mkdir()
        path.write_bytes(CSV_TEXT.encode(encoding))
        texts.add(import_rooms(path, functions=functions).text)
    assert len(texts) == 1


def test_tab_separated_utf16_unicode_text(tmp_path, functions):
    path = tmp_path / "rooms.txt"
    path.write_bytes(CSV_TEXT.replace(",", "\t").encode("utf-16"))
    assert import_rooms(path, functions=functions).rooms == 4


def test_merged_floor_cells_apply_to_every_row_they_span(tmp_path, functions):
    rooms = [[1, "便民服务大厅", "便民服务大厅", 96],
             [None, "调解室", "调解室", 20],
             [None, None, None, None],  # a blank row inside the merged floor
             [None, "卫生室", "卫生室", 45],
             [2, "党员活动室", "党员活动室", 110],
             [None, "农家书屋", "农家书屋", 40]]
    path = make_xlsx(tmp_path / "rooms.xlsx", {"房间": [HEADERS[:4], *rooms], "中心": CENTRE},
                     merges={"房间": ["A2:A5", "A6:A7"]})
    profile = load_result(import_rooms(path, functions=functions), tmp_path / "c", functions)
    assert [(r.name, r.floor) for r in profile.rooms] == [
        ("便民服务大厅", 1), ("调解室", 1), ("卫生室", 1), ("党员活动室", 2), ("农家书屋", 2)]


def test_blank_floor_repeats_the_floor_above(tmp_path, functions):
    rooms = [[None, "调解室", "调解室"], [2, "党员活动室", "党员活动室"], [None, "农家书屋", "农家书屋"]]
    result = import_rooms(standard(tmp_path, rooms, HEADERS[:3]), functions=functions)
    assert [r.floor for r in load_result(result, tmp_path / "c", functions).rooms] == [1, 2, 2]


def test_title_blank_and_total_rows_are_skipped(tmp_path, functions):
    path = make_xlsx(tmp_path / "rooms.xlsx", {
        "房间": [["青禾村党群服务中心功能室一览表"], [], ["序号", *HEADERS[:4], "备注"],
                 [1, 1, "调解室", "调解室", 20, None], [], [None, None, None, None, None, "说明文字"],
                 [2, 1, "卫生室", "卫生室", 45], ["合计", None, None, None, 65]],
        "中心": CENTRE}, merges={"房间": ["A1:F1"]})
    result = import_rooms(path, functions=functions)
    assert [r.name for r in load_result(result, tmp_path / "c", functions).rooms] == ["调解室", "卫生室"]
    assert [p.message for p in result.warnings if "column" in p.message] == []  # 序号 and 备注 are for people


def test_full_width_digits_units_and_spaces(tmp_path, functions):
    rooms = [["２", " 党员活动室 ", "党员活动室\u3000", "１１０㎡", "１０００", "2.1m", " left", "70cm", None, None],
             ["一楼", "调解室\u200b", "mediation", "约20平方米", "900mm", "2,100", "R", "0.45m", None, None],
             ["B1", "档案室", " ARCHIVE ", "20.5", "90 cm", "２１００ｍｍ", "右侧", "0", None, None]]
    profile = load_result(import_rooms(standard(tmp_path, rooms), functions=functions), tmp_path / "c", functions)
    party, mediation, archive = profile.rooms
    assert (party.name, party.floor, party.area_m2) == ("党员活动室", 2, 110)
    assert (party.door.width_mm, party.door.height_mm, party.door.latch_side, party.door.wall_mm) == \
        (1000, 2100, "left", 700)
    assert (mediation.name, mediation.floor, mediation.area_m2) == ("调解室", 1, 20)
    assert (mediation.door.width_mm, mediation.door.height_mm, mediation.door.latch_side, mediation.door.wall_mm) == \
        (900, 2100, "right", 450)
    assert (archive.function, archive.floor, archive.area_m2) == ("archive", -1, 20.5)
    assert (archive.door.width_mm, archive.door.height_mm, archive.door.wall_mm) == (900, 2100, 0)


def test_header_variants_and_units_in_headers(tmp_path, functions):
    headers = ["所在楼层", "*房间名称", "功能类型", "使用面积（平方米）", "门洞宽度(m)", "门高", "门把手", "门边墙宽mm",
               "door_id_ignored"]
    rooms = [[1, "调解室", "调解室", 20, 0.9, 2100, "左", 400, "x"]]
    result = import_rooms(standard(tmp_path, rooms, headers), functions=functions)
    room = load_result(result, tmp_path / "c", functions).rooms[0]
    assert (room.area_m2, room.door.width_mm, room.door.height_mm, room.door.wall_mm) == (20, 900, 2100, 400)
    assert [(p.where, p.message) for p in result.warnings] == [
        (f"{tmp_path}/rooms.xlsx: 房间!I1 (door_id_ignored)",
         "column 'door_id_ignored' is not one signkit reads; it is ignored")]


def test_function_may_be_left_empty_when_the_name_is_the_usual_one(tmp_path, functions):
    rooms = [[1, "卫生室", None], [1, "警务室", None]]
    profile = load_result(import_rooms(standard(tmp_path, rooms, HEADERS[:3]), functions=functions),
                          tmp_path / "c", functions)
    assert [(r.id, r.function) for r in profile.rooms] == [("clinic", "clinic"), ("police", "police")]


def test_centre_rows_above_the_room_table_in_one_sheet(tmp_path, functions):
    rows = [["名称：青禾村党群服务中心"], *CENTRE[2:], [], HEADERS[:3], [1, "调解室", "调解室"]]
    path = make_xlsx(tmp_path / "rooms.xlsx", {"Sheet1": rows})
    profile = load_result(import_rooms(path, functions=functions), tmp_path / "c", functions)
    assert (profile.center.name, profile.entrance.wall_right_mm) == ("青禾村党群服务中心", 1600)


def test_optional_centre_items_and_plate_column(tmp_path, functions):
    centre = [*CENTRE, ["建筑面积(㎡)", "620㎡"], ["服务户数", "860户"], ["服务电话", "0511-87650000"],
              ["尊位(左/右)", "左"], ["标语", "为人民服务"]]
    rooms = [[1, "调解室", "调解室", "否"]]
    path = standard(tmp_path, rooms, ["楼层", "房间名称", "功能", "做标牌(是/否)"], 中心=centre)
    profile = load_result(import_rooms(path, functions=functions), tmp_path / "c", functions)
    assert (profile.center.floor_area_m2, profile.center.households, profile.center.hotline) == \
        (620, 860, "0511-87650000")
    assert (profile.entrance.honour_side, profile.center.slogan) == ("left", "为人民服务")
    assert profile.rooms[0].plate is False


def test_phone_typed_as_a_number_is_a_warning(tmp_path, functions):
    path = standard(tmp_path, 中心=[*CENTRE, ["服务电话", 51187650000]])
    result = import_rooms(path, functions=functions)
    assert [(p.where.split(": ")[1], p.message) for p in result.warnings] == [
        ("中心!B12 (服务电话)", "the telephone number is stored as a number, so its leading 0 is lost")]


def test_organisation_kind_from_name_or_column(tmp_path, functions):
    orgs = [["机构名称", "类型"], ["中国共产党句容市天王镇青禾村委员会", None], ["句容市天王镇青禾村村务监督委员会", None],
            ["句容市天王镇青禾村股份经济合作社", None], ["青禾村新时代文明实践站", None], ["某某协会", "党组织"]]
    profile = load_result(import_rooms(standard(tmp_path, 挂牌机构=orgs), functions=functions),
                          tmp_path / "c", functions)
    assert [o.kind for o in profile.organisations] == [
        "party", "supervision_committee", "economic_cooperative", "other", "party"]


def test_brand_functions_are_accepted_as_they_are(tmp_path, brand):
    assert import_rooms(standard(tmp_path), functions=brand.functions).rooms == 4


def test_floor_bands_merged_across_the_table(tmp_path, functions):
    path = make_xlsx(tmp_path / "rooms.xlsx", {
        "房间": [HEADERS[1:4], ["一楼", "一楼", "一楼"], ["调解室", "调解室", 20], ["二 楼", None, None],
                 ["党建区", None, None], ["党员活动室", "党员活动室", 110], ["农家书屋", "农家书屋", 40]],
        "中心": CENTRE}, merges={"房间": ["A2:C2", "A5:C5"]})  # 二楼 alone in column A, not merged
    profile = load_result(import_rooms(path, functions=functions), tmp_path / "c", functions)
    assert [(r.name, r.floor) for r in profile.rooms] == [("调解室", 1), ("党员活动室", 2), ("农家书屋", 2)]


def test_quotes_and_backslashes_survive_the_toml(tmp_path, functions):
    rooms = [[1, '“老兵”之家 "A" \\ B', "退役军人服务站"]]
    path = standard(tmp_path, rooms, HEADERS[:3], 中心=[*CENTRE, ["标语", 'say "hi"\tnow']])
    profile = load_result(import_rooms(path, functions=functions), tmp_path / "c", functions)
    assert profile.rooms[0].name == '“老兵”之家 "A" \\ B'
    assert profile.center.slogan == 'say "hi"\tnow'
