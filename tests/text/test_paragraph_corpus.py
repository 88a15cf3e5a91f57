"""The CLREQ corpus (clreq_corpus.py) set at a sweep of measures, two sizes and several
option sets; every line of every setting is checked against the rules of CLREQ.md §2–§4,
with the rules written out here again (not imported from signkit) so the test is a second
reading of the spec, not an echo of the implementation."""

from __future__ import annotations

import re

import pytest

from signkit.text.fonts import Face
from signkit.text.lint import check_lines
from signkit.text.paragraph import set_paragraph
from signkit.text.shape import shape

from ..conftest import ROOT
from .clreq_corpus import CASES

OPEN = "“‘（〔［｛【〖《〈「『"
CLOSE = "”’）〕］｝】〗》〉」』"
# CLREQ.md §2, basic level: not at line start / not at line end
NO_START = "、，。．：；？！‼⁇⁈⁉" + CLOSE + "～–·/／ "
NO_END = OPEN
NO_START_STRICT = ("——", "……", "⸺", "⋯⋯")
HANG_MARKS = "。，、"

SIZES_MM = (4.2, 7.5)
MEASURES_EM = tuple(round(5 + 0.37 * k, 2) for k in range(52))   # 5 … 23.9 em, mixed fractions
OPTION_SETS = {
    "basic": {},
    "strict": {"strict": True},
    "hang": {"hang_punctuation": True},
    "article": {"label": "1.", "first_indent_em": 2.0, "label_gap_em": 0.25},
    "item": {"label": "•", "label_gap_em": 0.5},
    "line-end-always": {"line_end": "always"},
    "ragged": {"justify": False},
}

UNIT_PATTERNS = (
    re.compile(r"——|……|⋯⋯"),                                  # 2 em units, paired from the left
    re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z.,:/@_+%-]*[0-9A-Za-z%])?"),  # words, numbers, 8:30
    re.compile(r"[¥￥$€£]\d[\d.,]*"),                            # prefix + number
    re.compile(r"\d[\d.,]*[%％‰℃°]"),                           # number + postfix
    re.compile(r"\d[\d:.,]*[—–～~]\d[\d:.,]*[%％‰℃]?"),           # ranges 8:30—11:30, 18～25℃
)


@pytest.fixture(scope="module")
def song():
    return Face.open("body", ROOT / "fonts" / "SignKitSongSC-Regular.otf")


def units(case) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for p in UNIT_PATTERNS for m in p.finditer(case.text)]
    for word in case.keep:
        assert word in case.text, f"corpus: {word!r} not in {case.id}"
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(word), case.text)]
    return [s for s in spans if s[1] - s[0] > 1]


def settings(case, options):
    """(size, width) pairs of the sweep; a label's hanging indent narrows every line."""
    indent = 3.5 if options.get("label") else 0.0
    for size in SIZES_MM:
        for em in MEASURES_EM:
            if em >= case.min_em + indent:
                yield size, em * size


def stretchable(text: str, start: int, end: int, spans) -> bool:
    """Has text[start:end] a gap that justification may widen (CLREQ §3.5.4: not inside
    units, not around connectors, solidi or spaces)?"""
    end = start + len(text[start:end].rstrip(" "))
    for i in range(start + 1, end):
        if text[i - 1] in " ～–/／" or text[i] in " ～–/／":
            continue
        if text[i - 1] == "—" and text[i] != "—" or text[i] == "—" and text[i - 1] != "—":
            continue
        if not any(s < i < e for s, e in spans):
            return True
    return False


def check_setting(face, case, sp, opts, spans):
    label = opts.get("label", "")
    lines = sp.lines
    width = sp.width_mm
    scale = sp.size_mm / face.units_per_em
    # the lines give back the paragraph, in order, without gaps
    assert "".join(line.text for line in lines) == label + case.text
    assert lines[0].start == 0 and lines[-1].end == len(sp.text)
    for prev, line in zip(lines, lines[1:]):
        assert prev.end == line.start
    assert [line.last for line in lines] == [False] * (len(lines) - 1) + [True]
    breaks = [line.end - len(label) for line in lines[:-1]]          # indexes into case.text
    for no, line in enumerate(lines):
        body = line.text[len(label):] if no == 0 else line.text
        where = f"{case.id} size {sp.size_mm} width {width:.2f} line {no} {line.text!r}"
        # 避头 / 避尾 (CLREQ §3.1.4)
        if no > 0:
            assert body[0] not in NO_START, f"line starts with a forbidden mark: {where}"
            assert not (body[0] == "—" and body[:2] != "——"), f"line starts with a connector: {where}"
            if opts.get("strict"):
                assert not body.startswith(NO_START_STRICT), f"strict: line starts with ——/……: {where}"
        if not line.last:
            assert body.rstrip(" ")[-1:] not in NO_END, f"line ends with an opening mark: {where}"
        # widths: justified lines end exactly at the right edge; nothing goes past it
        assert line.overflow_mm == 0, where
        if line.justified:
            assert line.right_mm == pytest.approx(width, abs=0.01), where
        if not line.last and opts.get("justify", True):
            first_char = line.start if no else len(label)
            content_end = line.end - line.hanging
            if stretchable(sp.text, first_char, content_end, [(s + len(label), e + len(label)) for s, e in spans]):
                assert line.justified, f"a non-last line is not justified: {where}"
        if line.last:   # never stretched (CLREQ §3.5.1); squeezed only when it must be
            assert line.width_mm <= line.natural_width_mm + 1e-6, where
        assert line.right_mm <= width + 0.01, where
        # glyphs: increasing x, inside the frame (a hanging mark excepted), clusters on the line
        xs = [g.x for g in line.glyphs]
        # (a mark whose blank half was taken may share its origin with the mark before it)
        assert all(b >= a for a, b in zip(xs, xs[1:])), f"glyph x not increasing: {where}"
        for k, g in enumerate(line.glyphs):
            assert line.start <= g.cluster < line.end, where
            assert g.y == 0
            box = face.bounds(g.gid)
            if box is None:
                continue
            if line.hanging and k == len(line.glyphs) - 1:
                assert sp.text[g.cluster] in HANG_MARKS, where
                assert g.x == pytest.approx(line.right_mm, abs=0.01), where    # right after the text
                continue
            assert g.x + box[0] * scale >= -0.01, f"ink left of the frame: {where}"
            assert g.x + box[2] * scale <= width + 0.01, f"ink right of the frame: {where}"
        if line.hanging:
            assert opts.get("hang_punctuation") and body[-1] in HANG_MARKS and body[-2] not in NO_START + OPEN
    # never-split units (CLREQ §3.1.5, CLREQ.md §2), and no space added or taken inside them
    advance = {g.cluster + len(label): g.x_advance * scale for g in shape(face, case.text).glyphs}
    for s, e in spans:
        inside = [b for b in breaks if s < b < e]
        assert not inside, f"{case.text[s:e]!r} split at {inside} in {case.id}, width {width:.2f}"
        s, e = s + len(label), e + len(label)
        for line in lines:
            for g, h in zip(line.glyphs, line.glyphs[1:]):
                fixed_half = sp.text[g.cluster] in "–·" or sp.text[h.cluster] in "–·"   # set to ½ em
                if s <= g.cluster and h.cluster < e and not fixed_half:
                    assert h.x - g.x == pytest.approx(advance[g.cluster], abs=1e-6), \
                        f"spacing changed inside {sp.text[s:e]!r}: {case.id} width {width:.2f}"
    return breaks


@pytest.mark.parametrize("option_set", list(OPTION_SETS))
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_line_of_every_setting(song, case, option_set):
    opts = OPTION_SETS[option_set]
    spans = units(case)
    count = 0
    for size, width in settings(case, opts):
        sp = set_paragraph(song, case.text, size_mm=size, width_mm=width, **opts)
        check_setting(song, case, sp, opts, spans)
        if width / size >= 10:   # issue 11: no stranded character, no split number (lint.py)
            faults = check_lines([line.text for line in sp.lines], strict=bool(opts.get("strict")))
            assert not faults, f"{case.id} width {width / size:.2f} em: {[str(f) for f in faults]}"
        count += 1
    assert count >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_sweep_lands_on_every_hard_spot(song, case):
    """For each spot, some measure puts a line break right next to (or at) it."""
    hits = {spot: False for spot in case.spots}
    for size, width in settings(case, {}):
        sp = set_paragraph(song, case.text, size_mm=size, width_mm=width)
        breaks = [line.end for line in sp.lines[:-1]]
        for spot in case.spots:
            for m in re.finditer(re.escape(spot), case.text):
                if any(m.start() - 1 <= b <= m.end() + 1 for b in breaks):
                    hits[spot] = True
    assert all(hits.values()), f"never reached: {[s for s, hit in hits.items() if not hit]}"


def test_corpus_is_large_enough():
    assert len(CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)
