"""The sign set as one designed system (issue 10): numbers measured on the IR.

Plaques at one entrance share one character height and align their columns on ink; they
hang symmetrically about the door.  Floor directories use the whole width, right-align their
room numbers and keep one row size across the centre.  The facade's lock-up is centred and
its emblem is as tall as its text block; the identity line is one artwork (the same glyph
rhythm) on every sign that carries it.  Showcase figures are one size, their units 45 % of
it.  tests/fixtures/system/profile.toml (names with quotes and brackets, room names of 2, 5,
8 and 12 characters, window names up to 12, photos) renders with no TEXT_OVERFLOW and no ink
outside the trim.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from signkit.api import render_centre
from signkit.checks.geometry import text_runs
from signkit.ir import Glyphs, Group, Shape, ink_box, transform_rect, walk
from signkit.make import MakeOptions

FIXTURE = Path(__file__).parents[1] / "fixtures" / "system" / "profile.toml"


@pytest.fixture(scope="module")
def system_result(tmp_path_factory):
    return render_centre(FIXTURE, tmp_path_factory.mktemp("system"), brand_dir=None, options=MakeOptions(formats=()))


def sheets(result, prefix: str):
    return {s.job.id: s for s in result.signs if s.job.id.startswith(prefix) and s.sheet is not None}


def runs(sheet, suffix: str = ""):
    return [r for r in text_runs(sheet) if r.glyphs.id.endswith(suffix)]


def glyph_ink(run, index: int):
    """One glyph's ink box in sheet mm."""
    g = run.glyphs.glyphs[index]
    b = run.glyphs.face.bounds(g.gid)
    s = run.glyphs.scale
    from signkit.ir import Rect

    local = Rect(g.x + b[0] * s, g.y - b[3] * s, (b[2] - b[0]) * s, (b[3] - b[1]) * s)
    return transform_rect(run.matrix, local)


# -- plaques -------------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["sample", "system"])
def test_plaques_at_an_entrance_share_one_character_height_and_align_on_ink(which, sample_result, system_result):
    result = sample_result if which == "sample" else system_result
    plaques = sheets(result, "plaque-")
    assert len(plaques) >= 4
    columns = {pid: runs(s.sheet, "-name")[0] for pid, s in plaques.items()}
    heights = [r.glyphs.fit.char_height_mm for r in columns.values()]
    assert max(heights) - min(heights) <= 0.5  # was 94, 114, 100, 100 mm
    assert all(r.glyphs.fit.fits for r in columns.values())
    tops = [glyph_ink(r, 0).y for r in columns.values()]
    feet = [glyph_ink(r, len(r.glyphs.glyphs) - 1).bottom for r in columns.values()]
    assert max(feet) - min(feet) <= 1.0  # a column ending in ︶ stood 76 mm higher
    assert max(tops) - min(tops) <= 1.0


def test_the_party_plaque_sets_the_size_and_is_not_the_smallest(sample_result):
    plaques = sheets(sample_result, "plaque-")
    party = runs(plaques["plaque-1-party"].sheet, "-name")[0].glyphs
    assert party.fit.char_height_mm == pytest.approx(88.0, abs=0.5)
    for pid, sign in plaques.items():  # the shorter names spread further down their columns
        if pid != "plaque-1-party":
            other = runs(sign.sheet, "-name")[0].glyphs
            assert other.fit.tracking_mm > party.fit.tracking_mm


def test_plaques_hang_symmetrically_about_the_door(system_result):
    jobs = {s.job.id: s.job.placement for s in system_result.signs if s.job.kind == "plaque"}
    assert (jobs["plaque-1-party"].side, jobs["plaque-1-party"].location.values["nth"]) == ("right", 1)
    assert (jobs["plaque-2-villagers"].side, jobs["plaque-2-villagers"].location.values["nth"]) == ("left", 1)
    assert [jobs[k].side for k in sorted(jobs)] == ["right", "left", "right", "left", "right"]
    assert jobs["plaque-1-party"].offset_mm == jobs["plaque-2-villagers"].offset_mm
    assert not [f for f in system_result.findings if f.code == "HONOUR_POSITION"]


def test_brackets_and_quotes_leave_no_hole(system_result):
    sign = sheets(system_result, "plaque-")["plaque-4-other"]  # 青禾村便民服务代办点（农村电商）
    run = runs(sign.sheet, "-name")[0]
    em, gap = run.glyphs.size_mm, run.glyphs.fit.tracking_mm
    # 点 (index 9) to 农 (index 11): one gap and a half-em bracket, where there was a 62–98 mm hole
    assert glyph_ink(run, 11).y - glyph_ink(run, 9).bottom < gap + 0.6 * em


def test_the_entrance_elevation_shows_the_plaques_on_both_sides(sample_result):
    from signkit.layout.elevations import elevation_sheets

    signs = [(s.job, s.sheet) for s in sample_result.signs]
    entrance = next(e for e in elevation_sheets(signs, profile=sample_result.inputs.profile,
                                                brand=sample_result.inputs.brand) if e.id == "elevation-entrance")
    door = next(i for i in entrance.items if isinstance(i, Shape) and i.id.endswith("-door")).bounds()
    arts = [i for i in entrance.items if isinstance(i, Group) and (i.label or "").startswith("plaque-")]
    left = [a for a in arts if a.transform[4] < door.x]
    right = [a for a in arts if a.transform[4] > door.right]
    assert len(left) == 2 and len(right) == 2


# -- the facade and the identity line --------------------------------------------------------

@pytest.mark.parametrize("which", ["sample", "system"])
def test_facade_lockup_is_centred_and_the_emblem_as_tall_as_the_text_block(which, sample_result, system_result):
    result = sample_result if which == "sample" else system_result
    sheet = next(s.sheet for s in result.signs if s.job.id == "facade")
    lockup = next(i for i in sheet.items if isinstance(i, Group) and i.id.endswith("lockup"))
    box = ink_box((lockup,))
    left, right = box.x, sheet.trim.width_mm - box.right
    assert abs(left - right) <= 1.0  # was 180 mm left, 418 mm right
    emblem = next((g, m) for g, m, _ in walk(sheet.items) if isinstance(g, Group) and g.asset == "emblem")
    ebox = transform_rect(emblem[1], transform_rect(emblem[0].transform, emblem[0].box))
    name = runs(sheet, "-name")[0]
    line = runs(sheet, "slogan-line")[0]
    text_top = name.ink.y
    text_bottom = line.ink.bottom
    # the emblem spans the text block (within the ink's overshoot of the ideographic face)
    assert abs(ebox.height - (text_bottom - text_top)) < 0.06 * ebox.height
    gap = name.ink.x - ebox.right
    assert 0.3 * name.glyphs.fit.char_height_mm < gap < 0.6 * name.glyphs.fit.char_height_mm  # a fixed gap


def identity_rhythm(run):
    """The identity line's glyph origins, relative to the first, per mm of character height."""
    g0 = run.glyphs.glyphs[0]
    h = run.glyphs.fit.char_height_mm
    return tuple(round((g.x - g0.x) / h, 4) for g in run.glyphs.glyphs)


def test_the_identity_line_is_one_artwork_on_every_sign(sample_result):
    lines = {}
    for s in sample_result.signs:
        if s.sheet is None:
            continue
        for r in runs(s.sheet, "slogan-line"):
            lines[s.job.id] = r
    assert {"facade", "board-duties", "directory-1f", "showcase"} <= set(lines)
    rhythms = {identity_rhythm(r) for r in lines.values()}
    assert len(rhythms) == 1  # the same proportions everywhere: was tracked 1.0, 0.6 and 0.3 em
    tracking = {round(r.glyphs.fit.tracking_mm / r.glyphs.size_mm, 4) for r in lines.values()}
    assert tracking == {round(sample_result.inputs.brand.identity.tracking_em, 4)}


def test_an_empty_slogan_leaves_the_identity_line_out(profile_copy, tmp_path):
    path = profile_copy('slogan = "以人民为中心"', 'slogan = ""')
    result = render_centre(path, tmp_path / "out", brand_dir=None, options=MakeOptions(formats=()))
    for s in result.signs:
        if s.sheet is not None:
            assert not [i for i, _, _ in walk(s.sheet.items) if i.id.endswith("slogan") or i.id.endswith("slogan-line")]
    facade = next(s.sheet for s in result.signs if s.job.id == "facade")
    box = ink_box(facade.items[1:])
    assert abs(box.x - (facade.trim.width_mm - box.right)) <= 1.0


def test_an_official_lockup_file_replaces_the_drawn_line(tmp_path):
    brand = tmp_path / "brand"
    (brand / "assets").mkdir(parents=True)
    (brand / "assets" / "lockup.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100"><rect x="0" y="0" width="400" height="100" '
        'fill="#E41F25"/></svg>', encoding="utf-8")
    (brand / "brand.toml").write_text(
        '[brand]\nname = "official lock-up"\nextends = "default"\n\n[assets.identity-lockup]\n'
        'file = "assets/lockup.svg"\nrole = "mark"\n', encoding="utf-8")
    result = render_centre(FIXTURE, tmp_path / "out", brand_dir=brand, options=MakeOptions(formats=()))
    board = next(s.sheet for s in result.signs if s.job.id == "showcase")
    art = [g for g, _, _ in walk(board.items) if isinstance(g, Group) and g.asset == "identity-lockup"]
    assert len(art) == 1 and not runs(board, "slogan-line")


# -- directories ---------------------------------------------------------------------------

def test_directory_rows_are_one_size_across_the_centre_and_use_the_whole_width(system_result):
    directories = sheets(system_result, "directory-")
    rows = [r for s in directories.values() for r in runs(s.sheet) if r.glyphs.id.startswith(("room", "number"))
            or "-room" in r.glyphs.id or "-number" in r.glyphs.id]
    heights = {round(r.glyphs.fit.char_height_mm, 2) for r in rows}
    assert len(heights) == 1
    tokens = system_result.inputs.brand.signs["directory"].tokens
    for pid, sign in directories.items():
        numbers = runs(sign.sheet, ) and [r for r in runs(sign.sheet) if "-number" in r.glyphs.id]
        arrows = [i for i, _, _ in walk(sign.sheet.items) if isinstance(i, Shape) and "arrow-" in i.id]
        right = sign.sheet.trim.width_mm - tokens.margin_mm
        edges = [r.ink.right for r in numbers] + [ink_box((a,)).right for a in arrows]
        assert edges and max(edges) == pytest.approx(right, abs=2.0)  # the second column reaches the margin
        plain = [r for r in numbers if not any(abs(ink_box((a,)).y - r.ink.y) < 40 for a in arrows)]
        # right-aligned numerals: their advance ends on one line
        ends = {round(r.glyphs.fit.frame.right, 3) for r in plain}
        assert len(ends) <= 1


def test_directory_lists_party_rooms_first_grouped_by_function(system_result):
    job = next(s.job for s in system_result.signs if s.job.id == "directory-2f")
    sections = job.content.sections
    assert sections[0].party and all(e.party for e in sections[0].entries)
    captions = [job.texts[s.caption].text for s in sections if s.caption]
    assert captions == ["党建活动", "议事办公"]
    one = next(s.job for s in system_result.signs if s.job.id == "directory-1f")
    assert [e.direction for e in one.content.entries if e.direction] == ["left", "right"]


# -- showcase ------------------------------------------------------------------------------

def test_showcase_figures_are_one_size_with_units_at_45_percent(sample_result):
    sheet = next(s.sheet for s in sample_result.signs if s.job.id == "showcase")
    values = [r for r in runs(sheet, "-value")]
    units = [r for r in runs(sheet, "-unit")]
    assert len(values) == 3 and len(units) == 3
    assert len({round(r.glyphs.fit.char_height_mm, 3) for r in values}) == 1  # was 62.7, 56.9, 62.1 mm
    figure = values[0].glyphs.fit.char_height_mm
    assert all(u.glyphs.fit.char_height_mm == pytest.approx(0.45 * figure) for u in units)
    assert [r.glyphs.text for r in values] == ["2300", "4600", "500"]  # Arabic numerals from 两千三百 …
    assert [r.glyphs.text for r in units] == ["亩", "万元", "余人"]
    dividers = [i for i, _, _ in walk(sheet.items) if isinstance(i, Shape) and i.id.endswith("-divider")]
    assert len(dividers) == 2
    # equal columns: the figures' centres are evenly spaced
    centres = [(v.ink.x + u.ink.right) / 2 for v, u in zip(values, units)]
    steps = [b - a for a, b in zip(centres, centres[1:])]
    assert max(steps) - min(steps) < 0.05 * steps[0]
    assert min(b.ink.x - a.ink.right for a, b in zip(units, values[1:])) > 40  # they no longer touch


def test_showcase_with_photos_leads_with_a_grid_and_a_measure_of_25_to_30(system_result):
    sign = next(s for s in system_result.signs if s.job.id == "showcase")
    from signkit.ir import Image

    images = [i for i, _, _ in walk(sign.sheet.items) if isinstance(i, Image)]
    assert len(images) == 3
    captions = [r.glyphs.text for r in runs(sign.sheet) if "caption-" in r.glyphs.id]
    assert captions == ["葡萄采摘节", "合作社分拣车间"]
    body = [r for r in runs(sign.sheet) if "-b0-" in r.glyphs.id]  # the opening paragraph
    em = body[0].glyphs.size_mm
    per_line = body[0].glyphs.fit.frame.width / em
    assert 25 - 1e-6 <= per_line <= 30 + 1e-6
    assert all(r.ink.right < min(i.box.x for i in images) for r in runs(sign.sheet) if "-b" in r.glyphs.id)
    # an RGB photo previews and withholds the print file (IMAGE_COLOUR)
    assert any(f.code == "IMAGE_COLOUR" and f.sign == "showcase" for f in system_result.findings)


# -- the fixture centre as a whole ------------------------------------------------------------

def test_the_system_fixture_has_no_overflow_and_no_ink_outside_the_trim(system_result):
    codes = {f.code for f in system_result.findings if f.severity == "error"}
    assert "TEXT_OVERFLOW" not in codes and "SAFE_ZONE" not in codes
    assert codes <= {"IMAGE_COLOUR", "IMAGE_RESOLUTION"}  # the test photos are RGB and small on purpose
    for s in system_result.signs:
        if s.sheet is None:
            continue
        trim = s.sheet.trim_rect
        for r in text_runs(s.sheet):
            assert trim.contains(r.ink, 0.01), (s.job.id, r.glyphs.text)
        for item, m, _ in walk(s.sheet.items):
            if isinstance(item, Group) and item.asset and item.box is not None:
                assert trim.contains(transform_rect(m, transform_rect(item.transform, item.box)), 0.01)


def test_window_names_up_to_twelve_characters_take_three_lines_at_the_house_size(system_result):
    windows = sheets(system_result, "window-")
    names = {pid: runs(s.sheet, "-name")[0].glyphs for pid, s in windows.items()}
    assert len({round(n.fit.char_height_mm, 2) for n in names.values()}) == 1
    assert names["window-hall-4"].fit.lines == 3 and names["window-hall-4"].fit.fits
