"""The sign families' planners: which signs a centre gets, and where each hangs."""

from __future__ import annotations

from collections import Counter

import pytest

from signkit.load import load_inputs
from signkit.plan import plan_jobs

from ..conftest import SAMPLE


def plan(path, brand):
    return plan_jobs(load_inputs(path))


def test_the_sample_gets_the_whole_family(brand):
    jobs = plan(SAMPLE, brand)
    assert Counter(j.kind for j in jobs) == {"facade": 1, "plaque": 4, "door-plate": 12, "zone": 2,
                                             "window": 4, "desk": 4, "directory": 2, "board": 6, "showcase": 1,
                                             "wayfinding-wall": 1, "wayfinding-hanging": 2, "wayfinding-floor": 2,
                                             "disclosure": 1, "flag": 1, "oath": 1}
    assert len({j.id for j in jobs}) == len(jobs)


def test_plaque_colours_follow_the_organisation_kind(brand):
    plaques = [j for j in plan(SAMPLE, brand) if j.kind == "plaque"]
    assert [j.style for j in plaques] == ["party", "standard", "standard", "standard"]
    styles = brand.signs["plaque"].styles
    assert [styles[j.style]["text"] for j in plaques] == ["party-red", "black", "black", "black"]  # VP-01
    assert {styles[j.style]["background"] for j in plaques} == {"white"}


def test_plaques_hang_symmetrically_party_in_the_position_of_honour(brand, profile_copy):
    right = [j for j in plan(SAMPLE, brand) if j.kind == "plaque"]
    assert [j.id for j in right] == ["plaque-1-party", "plaque-2-villagers", "plaque-3-supervision",
                                     "plaque-4-cooperative"]
    # party nearest the door on the honour side, the villagers' committee nearest it on the
    # other side, the others alternating outward (VP-05, S41)
    assert [j.placement.side for j in right] == ["right", "left", "right", "left"]
    assert [j.placement.location.values["nth"] for j in right] == [1, 1, 2, 2]
    offsets = [j.placement.offset_mm for j in right]
    assert offsets[0] == offsets[1] < offsets[2] == offsets[3]  # mirror images about the door
    assert all(j.placement.anchor == "top" and j.placement.height_mm == 2400 for j in right)  # level with the door head

    left = [j for j in plan(profile_copy('honour_side = "right"', 'honour_side = "left"'), brand) if j.kind == "plaque"]
    assert [j.id for j in left] == [j.id for j in right]
    assert [j.placement.side for j in left] == ["left", "right", "left", "right"]
    assert [j.placement.offset_mm for j in left] == offsets


def test_the_profile_may_name_a_plaques_side_and_order(brand, profile_copy):
    path = profile_copy('kind = "supervision_committee"', 'kind = "supervision_committee"\norder = 2\nside = "right"')
    plaques = [j for j in plan(path, brand) if j.kind == "plaque"]
    assert [j.id for j in plaques][:2] == ["plaque-1-party", "plaque-2-supervision"]
    assert [(j.placement.side, j.placement.location.values["nth"]) for j in plaques] == [
        ("right", 1), ("right", 2), ("left", 1), ("left", 2)]


def test_plaques_continue_on_the_other_side_when_the_wall_is_full(brand, profile_copy):
    path = profile_copy("wall_right_mm = 1600", "wall_right_mm = 500")
    plaques = [j for j in plan(path, brand) if j.kind == "plaque"]
    assert [j.placement.side for j in plaques] == ["right", "left", "left", "left"]
    assert [j.placement.location.values["nth"] for j in plaques] == [1, 1, 2, 3]


def test_door_plates_hang_on_the_latch_side_at_1500(brand):
    plates = {j.room: j for j in plan(SAMPLE, brand) if j.kind == "door-plate"}
    assert plates["party"].placement.side == "left" and plates["hall"].placement.side == "right"
    assert {j.placement.height_mm for j in plates.values()} == {1500}
    assert plates["party"].style == "party" and plates["secretary"].style == "party"
    assert plates["library"].style == "standard"


def test_facade_size_follows_the_entrance_and_the_street(brand, profile_copy):
    facade = next(j for j in plan(SAMPLE, brand) if j.kind == "facade")
    assert (facade.width_mm, facade.height_mm) == (5000, 750)  # capped at the brand's maximum width
    assert facade.content.letter_height_mm == 300  # max(300, 15000 / 150)
    path = profile_copy("facade_width_mm = 12000", "facade_width_mm = 4200",
                        append="")
    narrow = next(j for j in plan(path, brand) if j.kind == "facade")
    assert narrow.width_mm == 3200  # 4200 − 2 × 500 clearance
    text = path.read_text(encoding="utf-8").replace('slogan = "以人民为中心"',
                                                    'slogan = "以人民为中心"\nstreet_distance_mm = 60000')
    path.write_text(text, encoding="utf-8")
    far = next(j for j in plan(path, brand) if j.kind == "facade")
    assert far.content.letter_height_mm == pytest.approx(400)  # 60 m / 150
    assert far.height_mm == pytest.approx(1000)  # 400 × 2.5


def test_windows_and_desks_per_service_window(brand):
    jobs = plan(SAMPLE, brand)
    windows = [j for j in jobs if j.kind == "window"]
    desks = [j for j in jobs if j.kind == "desk"]
    assert [j.texts["name"].text for j in windows] == ["综合窗口", "党员服务", "民政社保", "卫生健康"]
    assert [j.id for j in desks] == ["desk-hall-1", "desk-hall-2", "desk-hall-3", "desk-hall-4"]
    assert windows[1].texts["name"].key == "rooms[0].windows[1].name"  # written as a table: { name = … }
    assert windows[1].content.party and windows[1].style == "party" and windows[0].style == "standard"
    assert (windows[0].width_mm, windows[0].height_mm) == (500, 250)


def test_directories_list_their_floor_in_profile_order(brand):
    directories = {j.id: j for j in plan(SAMPLE, brand) if j.kind == "directory"}
    assert set(directories) == {"directory-1f", "directory-2f"}
    second = directories["directory-2f"]
    names = [second.texts[e.id].text for e in second.content.entries]
    assert names == ["党员活动室", "书记工作室", "农家书屋", "妇女儿童之家", "多功能会议室"]
    assert [e.party for e in second.content.entries] == [True, True, False, False, False]
    assert directories["directory-1f"].placement.wall == "lobby"


def test_zone_sign_for_the_open_area(brand):
    zones = [j for j in plan(SAMPLE, brand) if j.kind == "zone"]
    assert [(j.id, j.texts["name"].text, j.content.pictogram) for j in zones] == [
        ("zone-reading", "共享阅读区", "pictogram-reading"), ("zone-reading-b", "共享阅读区", "pictogram-reading")]
