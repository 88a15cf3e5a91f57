"""Every sign type, and the long-name variants of the families that set names, look as the
pictures kept in tests/reference/png/ (see tests/reference/__init__.py).  A failure writes the
picture drawn and the difference next to the test's temporary folder and names the command
that accepts the change."""

from __future__ import annotations

import pytest

from .reference import cases, difference, draw, picture_path

TOLERANCE = 0.002  # share of pixels that may differ visibly (antialiasing of another cairo build)


@pytest.mark.parametrize(("centre", "sign"), cases(), ids=[f"{c}/{s}" for c, s in cases()])
def test_sign_looks_as_its_reference(centre, sign, tmp_path):
    expected = picture_path(centre, sign)
    assert expected.exists(), f"no reference picture {expected}: run python -m tests.reference {sign}"
    actual = draw(centre, sign)
    share, picture = difference(expected.read_bytes(), actual)
    if share > TOLERANCE:
        (tmp_path / "actual.png").write_bytes(actual)
        picture.save(tmp_path / "difference.png")
        pytest.fail(f"{centre}/{sign} differs from {expected.name} in {share:.2%} of its pixels; drawn: "
                    f"{tmp_path / 'actual.png'}, difference: {tmp_path / 'difference.png'}. If the change is "
                    f"meant, look at it and accept it: python -m tests.reference {sign}")


def test_the_comparison_sees_a_change():
    """The guard is not blind: a plate with another name differs beyond the tolerance."""
    a = draw("sample", "plate-hall")
    b = draw("sample", "plate-grid")
    assert difference(a, b)[0] > TOLERANCE
    assert difference(a, a)[0] == 0.0
