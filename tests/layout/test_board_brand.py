"""Boards follow the brand (issue 11): house style as brand data, headings that keep to the
contrast rule at any body size, title sizes per wall or centre; placeholders in board texts."""

from __future__ import annotations


import pytest

from signkit.api import render_centre as build
from signkit.errors import ContentError
from signkit.ir import Glyphs, walk
from signkit.layout.compose import qr_modules
from signkit.load import load_inputs
from signkit.make import MakeOptions
from signkit.text.markdown import Item, parse_board

from ..conftest import SAMPLE, brand_with
from .test_real_boards import REAL

LIGHT_RED = '[palette.light-red]\ncmyk = [0, 75, 65, 0]\n'  # 3.26:1 on white: large text only


def test_house_style_is_brand_data(tmp_path):
    inputs = load_inputs(SAMPLE, brand_with(tmp_path, '[signs.board.tokens.house_style]\nrange_dash = "—"\n'
                                                      'bullet = "■"\nhan_digit_gap_em = 0.25\n'))
    style = inputs.brand.signs["board"].tokens.house_style.house()
    assert (style.range_dash, style.bullet, style.han_digit_gap_em) == ("—", "■", 0.25)
    service = next(text for text, shown in inputs.content.texts.values() if shown == "boards/service.md")
    items = [b for b in service.blocks if isinstance(b, Item)]
    assert {i.label for i in items} == {"■"}
    assert "8:30—11:30" in items[0].text  # the brand's range mark (the sample types —)


def test_a_misspelt_house_style_switch_is_an_error(tmp_path):
    from signkit.errors import BrandError

    with pytest.raises(BrandError) as info:
        load_inputs(SAMPLE, brand_with(tmp_path, '[signs.board.tokens.house_style]\nrange_dahs = "—"\n'))
    assert "did you mean 'range_dash'" in info.value.problems[0].hint


def headings(result):
    """The headings and chapters flowed into boards' bodies."""
    return [(s.job.id, i) for s in result.signs if s.job.kind == "board" and s.sheet is not None
            for i, _, parents in walk(s.sheet.items)
            if isinstance(i, Glyphs) and i.face.role == "hei" and any(p.id == f"{s.job.id}-body" for p in parents)
            and not i.id.endswith(("-article", "-label"))]


@pytest.mark.parametrize("small", [False, True])
def test_headings_keep_to_the_contrast_rule_at_any_body_size(tmp_path, small):
    toml = LIGHT_RED
    for style in ("standard", "party"):
        toml += f'[signs.board.styles.{style}]\nheading = "light-red"\n' + ('heading_small = "black"\n' if small else "")
    result = build(REAL, tmp_path / "out", brand_dir=brand_with(tmp_path, toml),
                   options=MakeOptions(formats=(), only=("board-law",)))
    assert not [f for f in result.findings if f.code == "LOW_CONTRAST"], [str(f) for f in result.findings]
    found = [(sign, run) for sign, run in headings(result) if sign.startswith("board-law")]
    large = result.inputs.rules.by_code("LOW_CONTRAST").params.large_text_mm
    assert len(found) >= 4 and result.signs and 1.3 * 10.0 < large  # chapters at 1.3 × a 10 mm body
    for sign, run in found:
        if run.fill.name == "light-red":
            assert run.fit.char_height_mm >= large - 1e-6, (sign, run.text)
        else:
            assert small and run.fill.name == "black" and run.fit.char_height_mm < large, (sign, run.text)


def test_titles_share_one_size_per_wall_by_brand_token(tmp_path):
    result = build(SAMPLE, tmp_path / "out", brand_dir=brand_with(tmp_path, '[signs.board.tokens]\ntitle_scale = "wall"\n'),
                   options=MakeOptions(formats=()))
    sizes: dict[str, set] = {}
    for s in result.signs:
        if s.job.kind == "board" and s.job.placement.wall == "room-party" and not s.job.id.startswith("oath"):
            title = next(i for i, _, _ in walk(s.sheet.items) if isinstance(i, Glyphs) and i.id.endswith("-title"))
            sizes.setdefault(s.job.placement.wall, set()).add(round(title.size_mm, 6))
    assert sizes and all(len(v) == 1 for v in sizes.values())


def test_placeholders_take_the_profiles_values():
    board = parse_board("# 指南\n\n- 服务热线：{hotline}\n- {village}村务监督\n", file="b.md",
                        values={"hotline": "0511-87650000", "village": "青禾村"})
    assert [b.text for b in board.blocks] == ["服务热线：0511-87650000", "青禾村村务监督"]


def test_an_unknown_or_missing_placeholder_is_an_error_naming_the_line():
    with pytest.raises(ContentError) as info:
        parse_board("# 指南\n\n服务热线：{hotlne}\n\n监督：{hotline}\n", file="b.md", values={"hotline": None})
    problems = info.value.problems
    assert [p.where for p in problems] == ["b.md:3", "b.md:5"]
    assert "did you mean {hotline}" in problems[0].hint and "center.hotline" in problems[1].message


def test_qr_modules_are_vector_rectangles_inside_the_quiet_zone():
    path = qr_modules("https://www.example.gov.cn/qinghe/service", "m", 10.0, 20.0, 60.0)
    x0, y0, x1, y1 = path.control_bounds()
    import segno

    n = len(segno.make_qr("https://www.example.gov.cn/qinghe/service", error="m", boost_error=False).matrix)
    module = 60.0 / (n + 8)
    assert (x0, y0) == pytest.approx((10 + 4 * module, 20 + 4 * module))  # the finder pattern's corner
    assert (x1, y1) == pytest.approx((70 - 4 * module, 80 - 4 * module))
    assert path == qr_modules("https://www.example.gov.cn/qinghe/service", "m", 10.0, 20.0, 60.0)  # deterministic


def test_a_series_can_number_its_panels(tmp_path):
    result = build(REAL, tmp_path / "out", brand_dir=brand_with(tmp_path, '[signs.board.tokens]\nseries_tag = "count"\n'),
                   options=MakeOptions(formats=(), only=("board-law",)))
    law = [s for s in result.signs if s.job.series == "board-law"]
    tags = [next(i.text for i, _, _ in walk(s.sheet.items) if isinstance(i, Glyphs) and i.id.endswith("-series-tag"))
            for s in law]
    assert tags == [f"{n}/{len(law)}" for n in range(1, len(law) + 1)]
