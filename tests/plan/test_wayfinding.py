"""Direction signs (导向): the planner's lines, arrows and mirrored backs, and what the sheets draw."""

from __future__ import annotations

import pytest

from signkit.checks.geometry import sign_text
from signkit.ir import Glyphs, Group, walk
from signkit.load import load_inputs
from signkit.plan import plan_jobs

from ..conftest import SAMPLE


@pytest.fixture(scope="module")
def jobs():
    return {j.id: j for j in plan_jobs(load_inputs(SAMPLE))}


def lines(job):
    return [(line.text, line.arrow, line.arrow_side) for line in job.content.lines]


def test_lines_go_ahead_then_left_then_right_arrows_at_the_side_they_point(jobs):
    assert lines(jobs["way-lobby"]) == [("楼梯", "up-left", "left"), ("党员活动室", "up-left", "left"),
                                         ("调解室", "left", "left"), ("居家养老服务站", "right", "right"),
                                         ("卫生间", "right", "right")]
    party = jobs["way-lobby"].content.lines[1]
    assert party.party and party.floor_tag == "2F" and party.upstairs  # upstairs: the sign says which floor
    assert not any(line.party or line.floor_tag for n, line in enumerate(jobs["way-lobby"].content.lines) if n != 1)
    stairs = jobs["way-lobby"].content.lines[0]
    assert stairs.pictogram == "pictogram-stairs" and stairs.flip  # the stairs climb the way the arrow points
    assert (stairs.diagonal, stairs.angle) == (True, -90.0)  # the diagonal arrow, a quarter turn left


def test_a_wall_sign_grows_a_line_at_a_time(jobs, brand):
    sign = brand.signs["wayfinding-wall"]
    job = jobs["way-lobby"]
    assert (job.width_mm, job.height_mm) == (sign.size_mm[0], sign.size_mm[1] + 4 * sign.tokens.line_mm)
    assert job.faces == 1 and "way-lobby-b" not in jobs


def test_the_hanging_sign_has_a_back_with_mirrored_arrows_never_mirrored_text(jobs):
    front, back = jobs["way-corridor"], jobs["way-corridor-b"]
    assert (front.faces, back.faces, back.face) == (2, 2, 2)
    assert lines(front) == [("卫生室", "left", "left"), ("退役军人服务站", "left", "left"),
                            ("无障碍卫生间", "right", "right")]
    assert lines(back) == [("无障碍卫生间", "left", "left"), ("卫生室", "right", "right"),
                           ("退役军人服务站", "right", "right")]
    assert back.content.mirrored and back.content.back is None
    assert [t.text for t in back.texts.values()] == ["无障碍卫生间", "卫生室", "退役军人服务站"]
    assert back.placement.wall == front.placement.wall and back.height_mm == front.height_mm


def test_the_back_says_its_own_lines_when_the_profile_gives_them(profile_copy):
    path = profile_copy('  { to = "accessible-toilet", arrow = "right" },\n]',
                        '  { to = "accessible-toilet", arrow = "right" },\n]\n'
                        'back = [{ to = "exit", arrow = "up" }, { to = "hall", arrow = "left" }]')
    found = {j.id: j for j in plan_jobs(load_inputs(path))}
    back = found["way-corridor-b"]
    assert lines(back) == [("出口", "up", "left"), ("便民服务大厅", "left", "left")]
    assert not back.content.mirrored and back.texts["line0"].key == "brand facilities.exit.label"
    assert back.texts["line1"].key == "rooms[0].name"
    assert back.height_mm == found["way-corridor"].height_mm  # both faces one size: the longer list


def test_a_floor_sign_shows_its_floor_and_the_floors_it_leads_to(jobs):
    up, down = jobs["way-stairs-1f"], jobs["way-stairs-2f"]
    assert up.texts["floor"].text == "1F" and up.texts["floor"].key == "wayfinding[2].floor"
    assert [(line.text, line.arrow, line.floor_tag) for line in up.content.lines] == [
        ("党员活动室", "up", "2F"), ("多功能会议室", "up", "2F")]
    assert up.content.lines[0].party and not up.content.lines[1].party
    assert [(line.text, line.floor_tag) for line in down.content.lines] == [("便民服务大厅", "1F"), ("出口", "")]


def test_arrows_and_pictograms_are_vector_artwork(sample_result):
    sheet = next(s.sheet for s in sample_result.signs if s.job.id == "way-lobby")
    art = [g for g, _, _ in walk(sheet.items) if isinstance(g, Group) and g.asset]
    assert sorted({g.asset for g in art}) == ["pictogram-arrow", "pictogram-arrow-diagonal", "pictogram-stairs",
                                              "pictogram-toilet"]
    assert all(g.artwork_role == "pictogram" for g in art)
    texts = [g.text for g, _, _ in walk(sheet.items) if isinstance(g, Glyphs)]
    assert texts == ["楼梯", "党员活动室", "2F", "调解室", "居家养老服务站", "卫生间"]  # no arrow glyphs: arrows are paths
    heights = [run.char_height_mm for run in sign_text(sheet) if run.glyphs.text != "2F"]
    assert max(heights) - min(heights) < 0.01  # one character height for every name of the sign
