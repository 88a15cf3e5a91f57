"""Issue 11 on real texts: the legal corpus (legal_corpus.py) set at a sweep of measures, run
in and with hanging labels, every setting read back by the line checker (text/lint.py): no
fault may occur.  A naive setting of the same texts (a line every k characters) shows that the
sweep really meets every kind of fault the checker knows."""

from __future__ import annotations

import pytest

from signkit.text.breaking import DESIGNATION
from signkit.text.fonts import Face
from signkit.text.lint import check_lines
from signkit.text.normalize import normalize
from signkit.text.paragraph import measure_paragraph, set_paragraph
from signkit.text.style import PARTY

from ..conftest import ROOT
from .legal_corpus import ISSUE, ISSUE_CASES, LEGAL_CASES

SIZE_MM = 9.0
# 10 … 31.8 em: a plate's line to a 制度牌's; from 14 em when a paragraph holds a standard
# designation (GB/T 15834—2011 alone is 7.3 em wide and never breaks)
MEASURES_EM = tuple(round(10 + 0.37 * k, 2) for k in range(60))
ALL = LEGAL_CASES + ISSUE_CASES


@pytest.fixture(scope="module")
def song():
    return Face.open("body", ROOT / "fonts" / "SignKitSongSC-Regular.otf")


def settings(case):
    """(how, text, extra measure in em, keyword arguments) of each way a board sets the case;
    a hanging label widens the measure by its box, so the text keeps the sweep's measures."""
    text = normalize(case.text)
    yield "run-in", text, 0.0, dict(first_indent_em=2.0)
    if case.label:
        box = len(case.label) + 0.5
        yield "hanging", normalize(case.body), box, dict(label=case.label, label_gap_em=0.5,
                                                         label_width_em=box - 0.5)
    if case.source == ISSUE:
        yield "item", text, 1.35, dict(label="●", label_gap_em=0.35, label_width_em=1.0)


@pytest.mark.parametrize("case", ALL, ids=[c.id for c in ALL])
def test_no_fault_at_any_measure(song, case):
    for how, text, extra, kw in settings(case):
        least = 14 if DESIGNATION.search(text) else 0
        for em in (m + extra for m in MEASURES_EM if m >= least):
            sp = set_paragraph(song, text, size_mm=SIZE_MM, width_mm=em * SIZE_MM, **kw)
            lines = [line.text for line in sp.lines]
            assert "".join(lines) == sp.text
            faults = check_lines(lines, style=PARTY)
            assert not faults, f"{case.id} {how} at {em} em: {[str(f) for f in faults]}\n{lines}"
            assert sp.fits, f"{case.id} {how} at {em} em overflows"
            m = measure_paragraph(song, text, size_mm=SIZE_MM, width_mm=em * SIZE_MM, **kw)
            assert m.line_count == len(sp.lines)


def test_the_corpus_is_real_and_large_enough():
    assert len(LEGAL_CASES) >= 60
    assert len({c.id for c in ALL}) == len(ALL)
    assert all(c.source and c.source != ISSUE for c in LEGAL_CASES)
    articles = [c for c in LEGAL_CASES if c.label.startswith("第")]
    assert len(articles) >= 30 and all(c.text == f"{c.label}\u3000{c.body}" for c in articles)


def _naive(text: str, k: int) -> list[str]:
    return [text[i:i + k] for i in range(0, len(text), k)]


def test_the_sweep_meets_every_kind_of_fault():
    """Set naively (every k characters), the same texts show every fault the engine avoids."""
    kinds = set()
    for case in ALL:
        text = normalize(case.text)
        for k in range(8, 30):
            kinds.update(f.kind for f in check_lines(_naive(text, k)))
    assert kinds >= {"no-start", "no-end", "ordinal-split", "number-split", "designation-split",
                     "sentence-start", "one-char-start"}


def test_typed_issue_texts_have_house_style_faults_until_normalised():
    kinds = {f.kind for c in ISSUE_CASES for f in check_lines([c.text], style=PARTY)}
    assert {"halfwidth-bracket", "range-dash"} <= kinds
    assert not [f for c in ISSUE_CASES for f in check_lines([normalize(c.text)], style=PARTY)]
