"""Single-line fitting (text/line.py): largest size that fits, minimum then overflow,
letter-spacing for short names; numbers asserted on the placed glyphs."""

from __future__ import annotations

import pytest

from signkit.ir import Rect
from signkit.text.fonts import Face
from signkit.text.line import LineSpec, ink_extent, set_line
from signkit.text.shape import shape

from ..conftest import ROOT

FRAME = Rect(12, 12, 276, 96)


@pytest.fixture(scope="module")
def hei():
    return Face.open("hei", ROOT / "fonts" / "SignKitHeiSC-Bold.otf")


def spec(**kw):
    values = dict(frame=FRAME, min_char_height_mm=16, max_char_height_mm=46, max_tracking_em=0.6)
    values.update(kw)
    return LineSpec(**values)


def span(hei, line):
    """(left, right) of the run: first glyph origin to last glyph's advance end."""
    last = line.glyphs[-1]
    return line.glyphs[0].x, last.x + hei.advance(last.gid) * line.size_mm / hei.units_per_em


def test_long_name_fills_the_width(hei):
    line = set_line(hei, "网格化服务管理工作站", spec())
    left, right = span(hei, line)
    assert right - left == pytest.approx(FRAME.width, abs=0.01)
    assert line.fit.tracking_mm == 0 and line.fit.fits
    assert line.fit.char_height_mm < 46


def test_short_name_is_capped_and_letter_spaced(hei):
    line = set_line(hei, "调解室", spec())
    assert line.fit.char_height_mm == pytest.approx(46, abs=0.01)  # capped by the brand's maximum
    assert line.fit.tracking_mm == pytest.approx(0.6 * line.size_mm, abs=0.01)  # spaced, at most 0.6 em
    xs = [g.x for g in line.glyphs]
    pitch = [b - a for a, b in zip(xs, xs[1:])]
    assert pitch[0] == pytest.approx(pitch[1], abs=1e-6)  # even spacing
    left, right = span(hei, line)
    assert (left - FRAME.x) == pytest.approx(FRAME.right - right, abs=0.01)  # centred


def test_two_characters_spread_until_the_cap(hei):
    line = set_line(hei, "书屋", spec(max_tracking_em=5))
    left, right = span(hei, line)
    assert right - left == pytest.approx(FRAME.width, abs=0.01)  # fills the frame when allowed


def test_ink_is_vertically_centred_and_inside_the_frame(hei):
    line = set_line(hei, "党员活动室", spec())
    tallest, lo, hi = ink_extent(hei, shape(hei, "党员活动室"))
    s = line.size_mm / hei.units_per_em
    top, bottom = line.glyphs[0].y - hi * s, line.glyphs[0].y - lo * s
    assert (top - FRAME.y) == pytest.approx(FRAME.bottom - bottom, abs=0.01)
    assert line.fit.char_height_mm == pytest.approx(tallest * s, abs=1e-6)


def test_too_long_is_set_at_the_minimum_and_marked(hei):
    text = "句容市天王镇青禾村网格化服务管理工作站第一分站"
    line = set_line(hei, text, spec())
    assert not line.fit.fits
    assert line.fit.char_height_mm == pytest.approx(16, abs=1e-6)
    left, right = span(hei, line)
    assert right - left > FRAME.width  # not squeezed, not clipped: the check reports it
    assert len(line.glyphs) == len(text)
