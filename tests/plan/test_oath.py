"""The oath wall (入党誓词墙): flag over oath, duties left, rights right, texts from the brand."""

from __future__ import annotations

import re

import pytest

from signkit.ir import Group, walk
from signkit.load import load_inputs
from signkit.plan import plan_jobs

from ..conftest import SAMPLE


@pytest.fixture(scope="module")
def jobs():
    return {j.id: j for j in plan_jobs(load_inputs(SAMPLE))}


def test_the_oath_wall_flag_over_oath_duties_left_rights_right(jobs):
    flag, oath, duties, rights = (jobs[i] for i in ("oath-flag", "oath-text", "oath-duties", "oath-rights"))
    assert {j.placement.wall for j in (flag, oath, duties, rights)} == {"oath-party"}
    assert (flag.kind, oath.kind, duties.kind, rights.kind) == ("flag", "oath", "board", "board")
    assert (flag.width_mm, flag.height_mm) == (1440, 960) and (oath.width_mm, oath.height_mm) == (1440, 480)
    assert flag.placement.offset_mm == oath.placement.offset_mm == 4800 / 2  # one axis, centred on the wall
    assert duties.placement.offset_mm < flag.placement.offset_mm < rights.placement.offset_mm
    base = oath.placement.edge_mm("bottom", oath.height_mm)
    assert duties.placement.edge_mm("bottom", duties.height_mm) == rights.placement.edge_mm("bottom", 900) == base
    assert flag.placement.edge_mm("bottom", flag.height_mm) == pytest.approx(base + 480 + 100)


def test_the_wall_planner_leaves_the_oath_boards_where_their_family_put_them(sample_result):
    placed = {s.job.id: s.job.placement.offset_mm for s in sample_result.signs}
    assert placed["oath-duties"] == pytest.approx(2400 - 720 - 300 - 300)
    assert placed["oath-rights"] == pytest.approx(2400 + 720 + 300 + 300)


def test_the_texts_are_the_brand_s_with_their_sources(jobs, brand):
    oath = brand.texts["oath"]
    assert "2022年10月22日" in oath["source"] and "第六条" in oath["source"]
    assert "第三条" in brand.texts["duties"]["source"] and "第四条" in brand.texts["rights"]["source"]
    # RULES.md RB-06: the oath is 80 characters without its punctuation
    assert len(re.sub(r"[，。、；：]", "", oath["text"])) == 80
    assert oath["text"].startswith("我志愿加入中国共产党") and oath["text"].endswith("永不叛党。")
    duties = jobs["oath-duties"].content.text
    assert duties.title == "党员的义务" and duties.mode == "legal"
    assert [b.label for b in duties.blocks if hasattr(b, "label")] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）",
                                                                     "（七）", "（八）"]
    rights = jobs["oath-rights"].content.text
    assert rights.blocks[-1].text == "党的任何一级组织直至中央都无权剥夺党员的上述权利。"


def test_the_flag_is_an_official_artwork_slot_never_drawn(sample_result):
    sign = next(s for s in sample_result.signs if s.job.id == "oath-flag")
    art = [g for g, _, _ in walk(sign.sheet.items) if isinstance(g, Group) and g.asset]
    assert [(g.asset, g.artwork_role, g.placeholder) for g in art] == [("party-flag", "flag", True)]
    assert not sign.approved and {f.code for f in sign.findings} == {"EMBLEM_PLACEHOLDER"}


def test_a_brand_without_the_flag_type_keeps_the_oath_and_its_boards(tmp_path):
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "brand.toml").write_text('[brand]\nname = "t"\nextends = "default"\n\n[signs]\nflag = false\n',
                                       encoding="utf-8")
    found = {j.id: j for j in plan_jobs(load_inputs(SAMPLE, folder)) if j.id.startswith("oath")}
    assert set(found) == {"oath-text", "oath-duties", "oath-rights"}
    assert (found["oath-text"].width_mm, found["oath-text"].height_mm) == (1440, 480)
