"""Loading the centre profile: the sample loads; bad profiles fail with key paths and hints."""

from __future__ import annotations

import pytest

from signkit.errors import ProfileError
from signkit.load import load_profile

from ..conftest import SAMPLE


def load(path, brand):
    return load_profile(path, functions=brand.functions)


def test_sample_profile_loads(brand):
    profile = load(SAMPLE, brand)
    assert profile.center.name == "青禾村党群服务中心"
    assert len(profile.organisations) == 4
    assert len(profile.rooms) == 13
    assert sum(1 for r in profile.rooms if r.door) == 12
    from signkit.model.profile import Window

    assert profile.rooms[0].windows == ("综合窗口", Window("党员服务", party=True, model_post=True), "民政社保", "卫生健康")
    assert all(b.file.is_absolute() and b.file.is_file() for b in profile.boards)
    assert profile.entrance.honour_side == "right"


def where(exc: pytest.ExceptionInfo) -> list[str]:
    return [p.where.split(": ", 1)[1] for p in exc.value.problems]


def test_unknown_function_gets_did_you_mean(profile_copy, brand):
    path = profile_copy('function = "mediation"', 'function = "mediaton"')
    with pytest.raises(ProfileError) as info:
        load(path, brand)
    assert where(info) == ["rooms[5].function"]
    assert "did you mean 'mediation'" in info.value.problems[0].hint


def test_missing_board_file(profile_copy, brand):
    path = profile_copy('file = "boards/service.md"', 'file = "boards/servic.md"')
    with pytest.raises(ProfileError) as info:
        load(path, brand)
    assert where(info) == ["boards[3].file"]
    assert "file not found: boards/servic.md" in info.value.problems[0].message


def test_paths_may_not_escape_the_profile_folder(profile_copy, brand, tmp_path):
    (tmp_path / "secret.md").write_text("# x\n", encoding="utf-8")
    path = profile_copy('file = "boards/service.md"', 'file = "../secret.md"')
    with pytest.raises(ProfileError) as info:
        load(path, brand)
    assert "outside the profile's folder" in info.value.problems[0].message


def test_duplicate_room_ids(profile_copy, brand):
    path = profile_copy('id = "clinic"', 'id = "library"')
    with pytest.raises(ProfileError) as info:
        load(path, brand)
    # the clinic's id is gone, so the hanging direction sign that points to it points nowhere
    assert where(info) == ["rooms[9].id", "wayfinding[1].destinations[0].to"]
    assert "used 2 times" in info.value.problems[0].message


def test_wrong_type_and_unknown_key_in_one_pass(profile_copy, brand):
    path = profile_copy("area_m2 = 96", 'area_m2 = "96"\nnmae = "x"')
    with pytest.raises(ProfileError) as info:
        load(path, brand)
    assert sorted(where(info)) == ["rooms[0].area_m2", "rooms[0].nmae"]


def test_bad_room_id_pattern(profile_copy, brand):
    path = profile_copy('id = "hall"', 'id = "Hall 1"')
    with pytest.raises(ProfileError) as info:
        load(path, brand)
    assert where(info) == ["rooms[0].id"]
