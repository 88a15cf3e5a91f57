"""Boards (制度牌) and the showcase: fitting, series, vertical rhythm, CLREQ on the drawn lines."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from signkit.api import render_centre as build
from signkit.make import MakeOptions
from signkit.ir import Glyphs, walk

from ..conftest import SAMPLE_DIR

# CLREQ basic level (../shared/domain/CLREQ.md §2), written out again here on purpose
NO_START_BASIC = "、，；：。？！．‼⁇⁈⁉”’）〕］｝】〗》〉」』–～·/／"
NO_END_BASIC = "“‘（〔［｛【〖《〈「『"
BOARD_IDS = ["board-duties", "board-meetings", "board-decisions", "board-service", "oath-duties", "oath-rights",
             "showcase"]


def boards(result):
    return [s for s in result.signs if s.job.kind in ("board", "showcase")]


def lines(sign):
    """The lines flowed into the board's body frame, as drawn."""
    return [i for i, _, parents in walk(sign.sheet.items)
            if isinstance(i, Glyphs) and any(p.id == f"{sign.job.id}-body" for p in parents)]


def test_sample_boards_render_without_overflow(sample_result):
    made = boards(sample_result)
    assert [s.job.id for s in made] == BOARD_IDS
    for sign in made:
        assert "pdf" in sign.files and "svg" in sign.files
        assert not [f for f in sign.findings if f.severity == "error"], sign.findings
        assert all(line.fit.fits for line in lines(sign))
    report = json.loads((sample_result.out_dir / "report.json").read_text(encoding="utf-8"))
    listed = {b["id"]: b for b in report["boards"]}
    assert set(listed) == set(BOARD_IDS) | {"oath-text"}  # the oath is set by the boards' flow too
    for b in (listed[i] for i in BOARD_IDS):
        assert b["series"] == 1 and 10 <= b["body_char_height_mm"] <= 24 and 0.5 < b["fill"] <= 1.0
    assert listed["oath-text"]["series"] == 1 and listed["oath-text"]["body_char_height_mm"] >= 28  # PL-04 from 3 m


def test_no_drawn_line_starts_or_ends_with_a_forbidden_mark(sample_result):
    for sign in boards(sample_result):
        for line in lines(sign):
            text = line.text.strip()
            assert text[0] not in NO_START_BASIC, (sign.job.id, text)
            assert text[-1] not in NO_END_BASIC, (sign.job.id, text)


def test_body_lines_sit_on_the_baseline_grid(sample_result):
    sign = next(s for s in boards(sample_result) if s.job.id == "board-duties")
    body = [line for line in lines(sign) if line.face.role == "body"]
    baselines = sorted({round(line.glyphs[0].y, 6) for line in body})
    unit = min(b - a for a, b in zip(baselines, baselines[1:])) / 2  # lines inside a paragraph are 2 units apart
    for a, b in zip(baselines, baselines[1:]):
        assert (b - a) / unit == pytest.approx(round((b - a) / unit), abs=1e-6)


def test_article_numbers_hang(sample_result):
    sign = next(s for s in boards(sample_result) if s.job.id == "board-duties")
    body = lines(sign)
    first = [line for line in body if line.text[:2] in {f"{n}." for n in range(1, 10)}]
    assert len(first) == 8  # eight articles, each number on its article's first line
    numbered_x = {round(line.glyphs[0].x, 3) for line in first}
    assert len(numbered_x) == 1  # numbers flush with the frame
    continuation = [line for line in body if line not in first]
    text_x = {round(line.glyphs[0].x, 3) for line in continuation}
    assert len(text_x) == 1 and min(text_x) > min(numbered_x)  # hanging indent


def test_svg_keeps_each_line_searchable(sample_result):
    root = ET.parse(sample_result.out_dir / "svg" / "board-duties.svg").getroot()
    labels = [g.get("aria-label") for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("aria-label")]
    assert any(label.startswith("1.宣传和执行党的路线方针政策") for label in labels)
    assert "村党组织工作职责" in labels


def write_board(folder: Path, text: str) -> Path:
    profile = (SAMPLE_DIR / "profile.toml").read_text(encoding="utf-8")
    (folder / "boards").mkdir(parents=True)
    for md in (SAMPLE_DIR / "boards").iterdir():
        (folder / "boards" / md.name).write_text(md.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "boards" / "duties.md").write_text(text, encoding="utf-8")
    (folder / "profile.toml").write_text(profile, encoding="utf-8")
    return folder / "profile.toml"


def test_two_thousand_characters_become_a_series_never_below_the_minimum(tmp_path):
    sentence = "村党组织定期召开会议，研究部署重点工作，听取群众意见建议，及时公开办理结果，接受党员和群众监督。"
    articles = "\n\n".join(f"{n}. {sentence * 2}" for n in range(1, 22))
    text = "# 村党组织工作职责\n\n" + articles + "\n"
    assert len(text) > 2000
    result = build(write_board(tmp_path / "c", text), tmp_path / "out", options=MakeOptions(formats=("svg",), only=("board-duties",)))
    series = [s for s in result.signs if s.job.id.startswith("board-duties")]
    assert [s.job.id for s in series] == [f"board-duties-{n}" for n in range(1, len(series) + 1)]
    assert len(series) >= 2
    minimum = result.brand.signs["board"].tokens.body_min_char_mm
    titles, tags, sizes = [], [], set()
    for sign in series:
        assert sign.fit.body_char_height_mm >= minimum
        assert sign.fit.panels == len(series)
        runs = {i.id.rsplit("-", 1)[-1] if i.id.endswith(("-title", "-tag")) else "": i
                for i, _, _ in walk(sign.sheet.items) if isinstance(i, Glyphs)}
        titles.append(runs["title"].text)
        sizes.add(round(runs["title"].size_mm, 6))
        tags.append(runs["tag"].text if "tag" in runs else "")
        assert not [f for f in sign.findings if f.severity == "error"]
    # the title is the same on every panel, at one size; （续） is a tag of its own, not appended
    assert set(titles) == {"村党组织工作职责"} and len(sizes) == 1
    assert tags[0] == "" and all(t == "（续）" for t in tags[1:])
    # every article's first line (with its number) is drawn; nothing is lost between boards
    drawn = "".join(line.text for sign in series for line in lines(sign))
    assert drawn.count(sentence) == 42


def test_a_short_text_is_capped_at_the_brand_maximum(tmp_path):
    text = "# 通知\n\n本周六上午九点在党员活动室召开全体党员大会，请准时参加。\n"
    result = build(write_board(tmp_path / "c", text), tmp_path / "out", options=MakeOptions(formats=("svg",), only=("board-duties",)))
    (sign,) = [s for s in result.signs if s.job.id == "board-duties"]
    from signkit.layout.compose import Composer

    alone = Composer(result.brand, result.inputs.files).fit_board(sign.job)
    assert alone.char_height_mm == result.brand.signs["board"].tokens.body_max_char_mm
    # on its wall it takes the size the longer board beside it fits at: one size per wall
    meetings = next(s for s in result.signs if s.job.id == "board-meetings")
    assert sign.fit.body_char_height_mm == meetings.fit.body_char_height_mm < alone.char_height_mm
    assert sign.fit.fill < 0.5


def test_unsupported_markdown_is_exit_2_with_file_and_line(tmp_path):
    import subprocess
    import sys

    path = write_board(tmp_path / "c", "# 制度\n\n1. 第一条\n\n### 小标题\n")
    done = subprocess.run([sys.executable, "-m", "signkit", "render", str(path), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "boards/duties.md:5" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_boards_on_one_wall_share_one_body_size(sample_result):
    sizes = {s.job.id: (s.job.placement.wall, s.fit.body_char_height_mm) for s in boards(sample_result)}
    party_room = {size for wall, size in sizes.values() if wall == "room-party"}
    assert len(party_room) == 1  # duties and meetings hang together: one body size
    # each alone would take its own largest size: meetings is shorter, so it could be set larger
    from signkit.layout.compose import Composer

    composer = Composer(sample_result.brand, sample_result.inputs.files)
    meetings = next(s.job for s in boards(sample_result) if s.job.id == "board-meetings")
    assert composer.fit_board(meetings).char_height_mm > party_room.pop()


def test_a_title_too_long_for_two_lines_is_an_overflow_naming_it(tmp_path):
    title = "中华人民共和国村民委员会组织法实施办法村务公开民主管理监督细则（节选）"
    text = f"# {title}\n\n1. 村党组织定期召开会议，研究部署重点工作。\n"
    result = build(write_board(tmp_path / "c", text), tmp_path / "out", options=MakeOptions(formats=(), only=("board-duties",)))
    found = [f for f in result.findings if f.code == "TEXT_OVERFLOW" and f.sign == "board-duties"]
    assert found and all(f.severity == "error" and f.key == "boards/duties.md:1" for f in found)
    lines = [f.message.split('"')[1] for f in found]
    assert "".join(lines) == title  # each line of the title, as set (two balanced lines)
