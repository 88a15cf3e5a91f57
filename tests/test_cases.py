"""Golden check cases: one broken profile per rule in tests/cases/, each with the findings it
must produce written in its header (``# expect: error PLATE_COLOUR_ROLE plate-meeting``; ``-``
for the centre as a whole), and optionally the brand it is checked with (``# brand: …``,
default: the bundled brand with an official-artwork stand-in).  One test runs them all and
asserts exactly the expected findings: the rule fires, and nothing else does."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from signkit.api import render_centre as build
from signkit.make import MakeOptions

CASES = Path(__file__).parent / "cases"
OFFICIAL = CASES / "brands" / "official"


def header(path: Path) -> tuple[Path | None, Counter]:
    brand: Path | None = OFFICIAL
    expected: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if m := re.match(r"#\s*brand:\s*(\S+)", line):
            brand = None if m.group(1) == "default" else CASES / m.group(1)
        elif m := re.match(r"#\s*expect:\s*(error|warning|info)\s+(\w+)\s+(\S+)", line):
            expected[(m.group(1), m.group(2), "" if m.group(3) == "-" else m.group(3))] += 1
    return brand, expected


@pytest.mark.parametrize("case", sorted(CASES.glob("*.toml")), ids=lambda p: p.stem)
def test_case(case: Path, tmp_path: Path):
    brand, expected = header(case)
    result = build(case, tmp_path, brand_dir=brand, options=MakeOptions(formats=()))
    got = Counter((f.severity, f.code, f.sign) for f in result.findings)
    assert got == expected, "\n".join(f"{f.severity} {f.code} {f.sign} [{f.key}]: {f.message}" for f in result.findings)


def test_there_is_a_case_for_every_rule(sample_inputs):
    codes = {code for case in CASES.glob("*.toml") for (_, code, _) in header(case)[1]}
    assert {r.code for r in sample_inputs.rules.rules.values()} <= codes
    assert len(list(CASES.glob("*.toml"))) >= 25


def test_switched_off_rule_is_reported_with_its_reason(tmp_path):
    result = build(CASES / "rule-switched-off.toml", tmp_path, brand_dir=OFFICIAL, options=MakeOptions(formats=()))
    off = result.inputs.rules.disabled()
    assert [(r.id, r.code) for r in off] == [("FA-02", "FLOOR_AREA")]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "county decision 2025-14" in html


def test_switching_a_rule_off_needs_a_reason(tmp_path):
    from signkit.errors import ProfileError

    text = (CASES / "clean.toml").read_text(encoding="utf-8") + "\n[rules.FA-02]\nenabled = false\n"
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match="without a reason"):
        build(path, tmp_path / "out", brand_dir=OFFICIAL, options=MakeOptions(formats=()))
    path.write_text(text.replace("[rules.FA-02]", "[rules.FA-2]"), encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        build(path, tmp_path / "out", brand_dir=OFFICIAL, options=MakeOptions(formats=()))
    assert "did you mean 'FA-02'" in info.value.problems[0].hint
