"""make reports its progress sign by sign, then the centre's files, for a progress bar."""

from __future__ import annotations

from signkit.make import MakeOptions, make

from .test_cases import CASES


def test_progress_counts_every_sign_then_the_centre():
    from signkit.load import load_inputs

    seen = []
    result = make(load_inputs(CASES / "clean.toml"), MakeOptions(formats=("svg",), cache=None,
                                                                 progress=lambda *a: seen.append(a)))
    total = len(result.signs)
    signs = [s for s in seen if s[0] == "signs"]
    assert signs == [("signs", n, total) for n in range(total + 1)]
    assert seen[-2:] == [("centre", 0, 1), ("centre", 1, 1)]
    assert seen.index(("centre", 0, 1)) > seen.index(("signs", total, total))
