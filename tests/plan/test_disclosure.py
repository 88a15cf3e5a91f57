"""The disclosure board (三务公开栏): sized from its pockets, the pockets a cut path, the period read."""

from __future__ import annotations

import pytest

from signkit.checks.disclosure import period_months
from signkit.ir import Shape, walk
from signkit.load import load_inputs
from signkit.plan import plan_jobs

from ..conftest import SAMPLE


@pytest.fixture(scope="module")
def jobs():
    return {j.id: j for j in plan_jobs(load_inputs(SAMPLE))}


def test_the_disclosure_board_is_sized_from_its_pockets(jobs, brand):
    job = jobs["disclosure"]
    t = brand.signs["disclosure"].tokens
    c = job.content
    assert [job.texts[col.text].text for col in c.columns] == ["党务公开", "村务公开", "财务公开"]
    assert [col.party for col in c.columns] == [True, False, False]
    assert (c.rows, c.across) == (2, 2) and all(len(col.pockets) == 4 for col in c.columns)
    assert all((p.width, p.height) == (210, 297) for col in c.columns for p in col.pockets)
    m = c.margin_mm
    content_w = 3 * (2 * 210 + t.pocket_gap_mm) + 2 * t.column_gap_mm
    assert job.width_mm % 10 == 0 and 0 <= job.width_mm - (2 * m + content_w) < 10  # whole centimetres
    assert c.columns[0].x - m == pytest.approx(job.width_mm - m - (c.columns[-1].x + c.columns[-1].width))  # centred
    assert job.height_mm % 10 == 0 and 0 <= job.height_mm - (c.pockets_top_mm + 2 * 297 + t.pocket_gap_mm + t.footer_mm + m) < 10
    assert m >= 0.05 * min(job.width_mm, job.height_mm)  # the margin keeps to the safe zone as the board grows
    assert job.texts["title"].text == "青禾村党务村务财务公开栏" and job.texts["period"].text == "2026年第四季度"
    assert job.texts["rule"].key == "brand texts.disclosure" and "每季度" in job.texts["rule"].text


def test_more_pockets_make_a_larger_board(profile_copy, jobs):
    path = profile_copy('pockets = 4                          # per column', 'pockets = 6\nacross = 3\ncolumns = ["党务公开", "村务公开"]')
    job = next(j for j in plan_jobs(load_inputs(path)) if j.id == "disclosure")
    assert len(job.content.columns) == 2 and job.content.across == 3
    assert job.texts["column1"].key == "disclosure.columns[1]"
    assert job.width_mm > jobs["disclosure"].width_mm * 0.9 and job.height_mm == jobs["disclosure"].height_mm


def test_pockets_are_a_cut_path_in_the_cutcontour_spot(sample_result, brand):
    sheet = next(s.sheet for s in sample_result.signs if s.job.id == "disclosure")
    pockets = [s for s, _, _ in walk(sheet.items) if isinstance(s, Shape) and "pocket" in s.id]
    assert len(pockets) == 12
    assert all(s.fill is None and s.stroke is not None and s.stroke.spot == "CutContour" for s in pockets)
    pdf = (sample_result.out_dir / "pdf" / "disclosure.pdf").read_bytes()
    assert b"/CutContour" in pdf and b"/Separation" in pdf


@pytest.mark.parametrize("period, months", [("2026年第四季度", 3), ("2026年10月", 1), ("2026年10月至12月", 3),
                                            ("2026年1月-6月", 6), ("2026年上半年", 6), ("2026年度", 12),
                                            ("第四季度", None)])
def test_periods_are_read_as_months(period, months):
    assert period_months(period) == months
