"""Boards set with real texts (issue 11): the 村民委员会组织法 as a series, 条例 articles, village
rules, a service board with times and telephone numbers, a paragraph dense with standard
designations (tests/fixtures/real-boards/).  Read as an editor would: titles, legal
structure, series breaks, one size per wall, every set line free of the faults of lint.py."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from signkit.api import render_centre as build
from signkit.checks.geometry import artwork
from signkit.ir import Glyphs, Group, walk
from signkit.make import MakeOptions
from signkit.text.lint import check_lines

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real-boards" / "profile.toml"
LINE_ID = re.compile(r"-b(?P<block>\d+)-(?:(?P<piece>\d+)-)?(?P<nth>\d+)$")


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    return build(REAL, tmp_path_factory.mktemp("real") / "out", options=MakeOptions(formats=("svg",)))


def boards(result):
    return [s for s in result.signs if s.job.kind == "board"]


def body_lines(sign):
    """The flowed lines of a panel, in order: (block, piece, nth, run)."""
    out = []
    for item, _, parents in walk(sign.sheet.items):
        if isinstance(item, Glyphs) and any(p.id == f"{sign.job.id}-body" for p in parents):
            m = LINE_ID.search(item.id)
            if m:
                out.append((int(m["block"]), int(m["piece"] or 0), int(m["nth"]), item))
    return out


def runs(sign, suffix: str):
    return [i for i, _, _ in walk(sign.sheet.items) if isinstance(i, Glyphs) and i.id.endswith(suffix)]


def title_lines(sign):
    return [i for i, _, parents in walk(sign.sheet.items)
            if isinstance(i, Glyphs) and any(p.id == f"{sign.job.id}-title-lockup" for p in parents)
            and i.face.role == "song-heavy"]


def test_eight_boards_render_with_no_error_and_a_series_of_three_or_more(real):
    made = boards(real)
    series = {s.job.series or s.job.id for s in made}
    assert len(series) == 8
    assert not [f for f in real.findings if f.severity == "error"], [str(f) for f in real.findings]
    warnings = {f.code for f in real.findings if f.severity == "warning"}
    assert warnings <= {"EMBLEM_PLACEHOLDER"}
    law = [s for s in made if s.job.series == "board-law"]
    assert len(law) >= 3 and [s.job.content.panel for s in law] == list(range(1, len(law) + 1))


def test_no_ink_outside_its_frame(real):
    for sign in boards(real):
        trim = sign.sheet.trim_rect
        for item, matrix, _ in walk(sign.sheet.items):
            if not isinstance(item, Glyphs) or item.fit is None:
                continue
            ink = item.ink_bounds()
            assert ink is not None and item.fit.frame.contains(ink, 0.01), (sign.job.id, item.text)
            assert trim.contains(ink, 0.0), (sign.job.id, item.text)


def test_every_set_line_is_free_of_the_faults(real):
    paragraphs: dict[tuple[str, int], list[str]] = defaultdict(list)
    checked = 0
    for sign in boards(real):
        style = real.brand.signs["board"].tokens.house_style.house()
        for block, _piece, _nth, run in body_lines(sign):
            paragraphs[(sign.job.series or sign.job.id, block)].append(run.text)
        titles = [t.text for t in title_lines(sign)]
        assert check_lines(titles, style=style) == [], (sign.job.id, titles)
    for key, lines in paragraphs.items():
        faults = check_lines(lines, style=style)
        assert faults == [], (key, [str(f) for f in faults], lines)
        checked += len(lines)
    assert checked > 150


def test_a_series_breaks_between_paragraphs_only(real):
    law = [s for s in boards(real) if s.job.series == "board-law"]
    for before, after in zip(law, law[1:]):
        last, first = body_lines(before)[-1], body_lines(after)[0]
        assert first[1] == 0 and first[2] == 0, (after.job.id, first[3].text)  # a paragraph's first line
        assert last[0] != first[0]
        assert not after.job.content.continues
    # a heading never ends a panel; a 第X章 opens its panel or follows text
    for sign in law:
        lines = body_lines(sign)
        assert lines[-1][3].face.role == "body", (sign.job.id, lines[-1][3].text)


def test_one_body_size_per_wall_and_one_title_size_per_series(real):
    walls: dict[str, set] = defaultdict(set)
    titles: dict[str, set] = defaultdict(set)
    for sign in boards(real):
        walls[sign.job.placement.wall].add(sign.fit.body_char_height_mm)
        titles[sign.job.series or sign.job.id].add(round(title_lines(sign)[0].size_mm, 6))
    assert all(len(sizes) == 1 for sizes in walls.values()), walls
    assert all(len(sizes) == 1 for sizes in titles.values()), titles


def test_titles_wrap_to_two_balanced_lines_beside_the_emblem(real):
    law = next(s for s in boards(real) if s.job.id == "board-law-1")
    lines = [t.text for t in title_lines(law)]
    assert lines == ["中华人民共和国", "村民委员会组织法（节选）"]
    box = next(b for g, _, b in artwork(law.sheet) if g.asset == "emblem")
    ink = [t.ink_bounds() for t in title_lines(law)]
    gap = min(b.x for b in ink) - box.right
    tokens = real.brand.signs["board"].tokens
    assert gap == pytest.approx(tokens.emblem_gap_mm, abs=3.0)  # the lock-up's fixed gap (ink vs advance)
    # the later panels carry （续） as a small tag of their own, the title unchanged
    second = next(s for s in boards(real) if s.job.id == "board-law-2")
    assert [t.text for t in title_lines(second)] == lines
    (tag,) = runs(second, "-series-tag")
    assert tag.text == "（续）" and tag.size_mm < title_lines(second)[0].size_mm / 2


def test_legal_structure_is_set_as_laws_are_printed(real):
    law = next(s for s in boards(real) if s.job.id == "board-law-1")
    frame = law.sheet.trim_rect
    lines = body_lines(law)
    chapter = next(run for *_, run in lines if run.text.startswith("第一章"))
    ink = chapter.ink_bounds()
    assert chapter.face.role == "hei"
    assert (ink.x + ink.right) / 2 == pytest.approx(frame.width / 2, abs=2.0)  # centred
    labels = runs(law, "-article")
    assert labels and all(label.face.role == "hei" and label.text.startswith("第") and label.text.endswith("条")
                          for label in labels)
    # gaps: before an article (one grid unit) more than before a further 款 (none)
    baselines = [(block, nth, run.glyphs[0].y, run.text, run.face.role == "body" and run.role == "primary")
                 for block, _, nth, run in lines if run.glyphs]
    pitch = min(b[2] - a[2] for a, b in zip(baselines, baselines[1:]) if a[0] == b[0])
    steps = {}
    for a, b in zip(baselines, baselines[1:]):
        if a[0] != b[0] and b[1] == 0 and a[4] and b[4]:
            kind = "article" if b[3].startswith("第") and "条" in b[3][:5] else "clause"
            steps.setdefault(kind, set()).add(round((b[2] - a[2]) / pitch, 3))
    assert steps["clause"] == {1.0} and steps["article"] == {1.5}  # 款 solid, half a line before 第X条
    note = next(run for *_, run in lines if run.text.startswith("（1998年"))
    assert note.role == "secondary" and note.size_mm < chapter.size_mm * 0.7


def test_the_hotline_and_qr_code_are_printed_on_the_service_board(real):
    service = next(s for s in boards(real) if s.job.id == "board-service")
    texts = [i.text for i, _, _ in walk(service.sheet.items) if isinstance(i, Glyphs)]
    assert any("0511-87650000" in t for t in texts if t.startswith("咨询电话"))  # {hotline} in the text
    assert any(t.endswith("0511-87650000") and t.startswith("服务热线") for t in texts)  # the contact band
    qr = next(i for i, _, _ in walk(service.sheet.items) if isinstance(i, Group) and i.id.endswith("-qr"))
    assert qr.label == "QR: https://www.example.gov.cn/qinghe/service"
    directory = next(s for s in real.signs if s.job.kind == "directory")
    assert any(i.text.endswith("0511-87650000") for i, _, _ in walk(directory.sheet.items) if isinstance(i, Glyphs))
