"""Wall-level decisions, made for the whole centre before any selection: series panels each
with their own place on the wall, one body size per wall, the showcase after the boards."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from signkit.api import render_centre
from signkit.ir import Glyphs, walk
from signkit.make import MakeOptions

from ..conftest import SAMPLE, SAMPLE_DIR

SENTENCE = "村党组织定期召开会议，研究部署重点工作，听取群众意见建议，及时公开办理结果，接受党员和群众监督。"


@pytest.fixture(scope="module")
def long_centre(tmp_path_factory) -> Path:
    """The sample with the service board (hung in the hall, beside the showcase) long enough
    for a series."""
    folder = tmp_path_factory.mktemp("long") / "centre"
    shutil.copytree(SAMPLE_DIR, folder)
    text = "# 便民服务制度\n\n## 服务要求\n\n" + "\n\n".join(f"{n}. {SENTENCE * 2}" for n in range(1, 23)) + "\n"
    (folder / "boards" / "service.md").write_text(text, encoding="utf-8")
    return folder / "profile.toml"


@pytest.fixture(scope="module")
def long_result(long_centre, tmp_path_factory):
    return render_centre(long_centre, tmp_path_factory.mktemp("out"), options=MakeOptions(formats=("svg",)))


def test_series_panels_hang_side_by_side_and_the_showcase_follows(long_result):
    hall = [s.job for s in long_result.signs if s.job.placement.wall == "room-hall"]
    ids = [j.id for j in hall]
    assert ids[:-1] == [f"board-service-{n}" for n in range(1, len(ids))] and ids[-1] == "showcase"
    assert len(ids) >= 3
    brand = long_result.brand
    x = 0.0
    for job in hall:
        gap = brand.signs[job.kind].tokens.board_gap_mm
        x += gap
        assert job.placement.offset_mm == pytest.approx(x + job.width_mm / 2)  # centre, mm from the wall's end
        x += job.width_mm
    assert [j.placement.location.values["n"] for j in hall] == list(range(1, len(hall) + 1))


def test_the_schedule_and_the_elevation_agree_on_every_panel(long_result):
    rows = {r["id"]: r for r in json.loads((long_result.out_dir / "schedule.json").read_text(encoding="utf-8"))["signs"]}
    hall = [s.job for s in long_result.signs if s.job.placement.wall == "room-hall"]
    assert [rows[j.id]["offset_mm"] for j in hall] == [round(j.placement.offset_mm, 1) for j in hall]
    assert len({rows[j.id]["offset_mm"] for j in hall}) == len(hall)  # no two panels at one spot
    svg = (long_result.out_dir / "elevations" / "room-hall.svg").read_text(encoding="utf-8")
    for job in hall:
        assert f'aria-label="{job.id}"' in svg


def test_every_board_on_a_wall_shares_one_body_size_series_included(long_result):
    sizes = {s.job.id: s.fit.body_char_height_mm for s in long_result.signs
             if s.fit is not None and s.job.kind == "board" and s.job.placement.wall == "room-hall"}
    assert len(sizes) >= 2 and len(set(sizes.values())) == 1


def test_only_a_panel_of_a_series_is_accepted_and_drawn_as_in_the_full_run(long_centre, long_result, tmp_path):
    partial = render_centre(long_centre, tmp_path, options=MakeOptions(formats=("svg",), only=("board-service-2",)))
    assert [p for p in partial.written.written if p.startswith("svg/")] == ["svg/board-service-2.svg"]
    assert (tmp_path / "svg" / "board-service-2.svg").read_bytes() == \
        (long_result.out_dir / "svg" / "board-service-2.svg").read_bytes()


def test_only_one_board_keeps_the_size_it_has_beside_its_neighbours(sample_result, tmp_path):
    partial = render_centre(SAMPLE, tmp_path, options=MakeOptions(formats=("svg",), only=("board-meetings",)))
    full = {s.job.id: s.fit.body_char_height_mm for s in sample_result.signs if s.fit}
    mine = {s.job.id: s.fit.body_char_height_mm for s in partial.signs if s.fit}
    assert mine == full
    assert (tmp_path / "svg" / "board-meetings.svg").read_bytes() == \
        (sample_result.out_dir / "svg" / "board-meetings.svg").read_bytes()


def test_a_heading_never_ends_a_panel_and_no_lone_line_opens_one(long_result):
    import re

    panels = [s for s in long_result.signs if s.job.id.startswith("board-service")]
    assert len(panels) >= 3
    for sign in panels:
        body = [i for i, _, parents in walk(sign.sheet.items)
                if isinstance(i, Glyphs) and any(p.id == f"{sign.job.id}-body" for p in parents)]
        base = min(g.size_mm for g in body)
        assert body[-1].size_mm < base * 1.15, f"{sign.job.id} ends on a heading"  # headings are set larger
        block, nth = (int(v) for v in re.search(r"-b(\d+)-(\d+)$", body[0].id).groups())
        if nth > 0:  # the panel opens inside a paragraph: at least two of its lines come along
            assert re.search(r"-b(\d+)-", body[1].id).group(1) == str(block), f"{sign.job.id} opens on a lone line"


def test_schedule_offsets_are_millimetres(sample_result):
    rows = {r["id"]: r for r in json.loads((sample_result.out_dir / "schedule.json").read_text(encoding="utf-8"))["signs"]}
    tokens = sample_result.brand.signs["plaque"].tokens
    assert rows["plaque-1-party"]["offset_mm"] == tokens.door_gap_mm + 300 / 2  # 150 mm from the frame + half a plaque
    assert rows["plate-party"]["offset_mm"] == 100 + 300 / 2
