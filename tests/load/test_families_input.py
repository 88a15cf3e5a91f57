"""Input errors of the direction signs, the disclosure board and the oath wall: a sign cannot
point to, or hang in, what the centre does not have; the brand's standard texts carry their
source.  Each problem names its key path, with a did-you-mean where one helps."""

from __future__ import annotations

import pytest

from signkit.errors import BrandError, ProfileError
from signkit.load import load_inputs, load_profile

from ..conftest import SAMPLE, brand_with


def problems(path, brand) -> list[tuple[str, str, str]]:
    with pytest.raises(ProfileError) as info:
        load_profile(path, functions=brand.functions)
    return [(p.where.split(": ", 1)[1], p.message, p.hint) for p in info.value.problems]


def test_the_sample_names_only_rooms_and_facilities_it_has(brand):
    profile = load_profile(SAMPLE, functions=brand.functions)
    kinds = [w.kind for w in profile.wayfinding]
    assert {"wall", "hanging", "floor"} <= set(kinds)
    assert profile.disclosure.period and profile.oath.room == "party"


def test_an_unknown_destination_is_an_input_error_with_a_did_you_mean(profile_copy, brand):
    path = profile_copy('{ to = "mediation", arrow = "left" }', '{ to = "mediaton", arrow = "left" }')
    [(key, message, hint)] = problems(path, brand)
    assert key == "wayfinding[0].destinations[2].to"
    assert "'mediaton' is neither a room of the profile nor a public facility" in message
    assert hint == "did you mean 'mediation'?"


def test_a_misspelt_facility_gets_its_did_you_mean(profile_copy, brand):
    path = profile_copy('{ to = "toilet", arrow = "right" }', '{ to = "toilett", arrow = "right" }')
    [(key, _, hint)] = problems(path, brand)
    assert key == "wayfinding[0].destinations[4].to" and hint == "did you mean 'toilet'?"


def test_an_unknown_arrow_is_a_type_error_naming_the_eight(profile_copy, brand):
    path = profile_copy('{ to = "mediation", arrow = "left" }', '{ to = "mediation", arrow = "lefft" }')
    [(key, message, hint)] = problems(path, brand)
    assert key == "wayfinding[0].destinations[2].arrow" and "'lefft' is not one of" in message
    assert hint == "did you mean 'left'?"


def test_a_floor_sign_points_only_up_or_down(profile_copy, brand):
    path = profile_copy('{ to = "party", arrow = "up" }', '{ to = "party", arrow = "up-left" }')
    [(key, message, _)] = problems(path, brand)
    assert key == "wayfinding[2].destinations[0].arrow" and "points up or down" in message


def test_only_hanging_signs_have_a_back(profile_copy, brand):
    path = profile_copy('where = "门厅 正对主入口的墙面"', 'where = "门厅 正对主入口的墙面"\nback = [{ to = "hall", arrow = "up" }]')
    [(key, message, _)] = problems(path, brand)
    assert key == "wayfinding[0].back" and "back is for hanging signs" in message


def test_direction_sign_ids_are_unique(profile_copy, brand):
    path = profile_copy('id = "corridor"', 'id = "lobby"')
    assert [k for k, _, _ in problems(path, brand)] == ["wayfinding[1].id"]


def test_a_direction_sign_needs_a_destination_a_floor_sign_need_not(profile_copy, brand):
    path = profile_copy(append='\n[[wayfinding]]\nid = "empty"\nwhere = "走廊"\n\n'
                               '[[wayfinding]]\nid = "number"\nkind = "floor"\nwhere = "电梯厅"\n')
    [(key, message, _)] = problems(path, brand)
    assert key == "wayfinding[4].destinations" and "at least one destination" in message


def test_rooms_of_the_disclosure_board_and_the_oath_wall_exist(profile_copy, brand):
    path = profile_copy('room = "party"\nduties', 'room = "partty"\nduties', append='')
    text = path.read_text(encoding="utf-8").replace('pocket = "A4"', 'pocket = "A4"\nroom = "hal"')
    path.write_text(text, encoding="utf-8")
    found = problems(path, brand)
    assert [(k, h) for k, _, h in found] == [("disclosure.room", "did you mean 'hall'?"),
                                             ("oath.room", "did you mean 'party'?")]


def test_a_standard_text_needs_its_source(tmp_path):
    with pytest.raises(BrandError) as info:
        load_inputs(SAMPLE, brand_with(tmp_path, '[texts.oath]\nsource = ""\n'))
    [problem] = info.value.problems
    assert problem.where.endswith("texts.oath.source") and "needs its source" in problem.message


def test_a_misspelt_text_key_and_an_unknown_facility_are_brand_errors(tmp_path):
    with pytest.raises(BrandError) as info:
        load_inputs(SAMPLE, brand_with(tmp_path, '[texts.oath]\nsorce = "x"\n\n[facilities.toilets]\nlabel = "厕所"\n'))
    found = {p.where.split(": ", 1)[1]: p.hint for p in info.value.problems}
    assert found == {"texts.oath.sorce": "did you mean 'source'?", "facilities.toilets": "did you mean 'toilet'?"}


def test_direction_signs_need_every_facility_in_the_brand(tmp_path):
    with pytest.raises(BrandError) as info:
        load_inputs(SAMPLE, brand_with(tmp_path, "[facilities]\nlift = false\n"))
    assert [p.where.split(": ", 1)[1] for p in info.value.problems] == ["facilities.lift"]
