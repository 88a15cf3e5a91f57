"""A line checker: the faults of issue 11 and the CLREQ line-start/line-end rules, read from
the text of set lines alone.

In:  the text of each line of one paragraph as set (what the SVG's per-line ``aria-label``
     holds: the label, if any, on the first line), and optionally the house style.
Out: a list of :class:`Fault` (empty when the lines are clean), in line order.

It needs no font and no geometry, so it runs as well over rendered boards as over the
engine's own output.  Fault kinds:

======================  ==============================================================
``no-start``            a line starts with a mark CLREQ §3.1.4 keeps off line starts
                        (、，。：；？！, closing brackets and quotes, ～ – · /; strict: ——, ……)
``no-end``              a line ends with an opening bracket or quote
``ordinal-split``       第 split from its numeral, or the numeral from its counter
                        (第|12网格, 第十|二条, 第三|条)
``number-split``        a number (+ 余/多) split from its unit word (8600余|户次, 8600|余户,
                        三百多|户, 120平方|米)
``designation-split``   a standard designation split (GB/T |15835—2011, GB |2894)
``sentence-start``      a sentence's first character stranded at a line end (…工作。必|须)
``one-char-start``      one character and its mark at a line start (…建|设，), or one
                        character alone on the paragraph's last line (孤字)
``halfwidth-bracket``   ( or ) in Chinese context (夏季(7月1日～9月30日))
``range-dash``          a dash between two numbers or dates where the house style wants its
                        range mark (1日—5日 with ``range_dash="～"``); standard designations
                        excepted
======================  ==============================================================
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .breaking import CLOSE, DESIGNATION, HAN_NUMERALS, OPEN, SENTENCE_STOPS, STACKED, STOP_END, STOP_IN, UNIT_WORDS
from .style import HouseStyle

KINDS = ("no-start", "no-end", "ordinal-split", "number-split", "designation-split", "sentence-start",
         "one-char-start", "halfwidth-bracket", "range-dash")

NO_START = STOP_IN + STOP_END + STACKED + CLOSE + "～–·/／"
NO_START_STRICT = ("——", "……", "⸺", "⋯⋯")
NO_END = OPEN

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NUM = HAN_NUMERALS
_UNIT = "|".join(map(re.escape, UNIT_WORDS))
_SPANS = (
    ("ordinal-split", re.compile(rf"第(?:\d+|[{_NUM}]+)(?:{_UNIT}|[{_HAN}])?")),
    ("number-split", re.compile(rf"(?:\d[\d.,]*|[{_NUM}]{{2,}}|[{_NUM}]*[十百千万亿])[余多](?:{_UNIT}|[{_HAN}])")),
    ("number-split", re.compile(rf"\d[\d.,]*(?:{_UNIT})")),
    ("designation-split", DESIGNATION),
)
_AFTER_WORD = STOP_IN + STOP_END + STACKED + CLOSE
_STRANDED = re.compile(rf"[{re.escape(SENTENCE_STOPS)}][{re.escape(CLOSE)}]*[{_HAN}]$")
_ONE_CHAR = re.compile(rf"[{_HAN}][{re.escape(_AFTER_WORD)}]")
_LONE = re.compile(rf"[{_HAN}][{re.escape(_AFTER_WORD)}…—]*$")
_ENUMERATOR = re.compile(rf"[{_NUM}]、")
_CJK = re.compile(rf"[{_HAN}\u3000-\u303f\uff00-\uffef“”‘’—…·]")
_RANGE = re.compile(r"\d[年月日时分秒号点]?([—–])(?=\d)")


@dataclass(frozen=True, slots=True)
class Fault:
    kind: str      # one of KINDS
    line: int      # the line it is on; for a split, the line before the break
    excerpt: str   # a few characters around it, "|" marking a line break
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.kind}: {self.message} ({self.excerpt})"


def check_lines(lines: Sequence[str], *, strict: bool = False, style: HouseStyle | None = None) -> list[Fault]:
    """Every fault of the set ``lines`` of one paragraph (see the module docstring).

    ``strict``: the strict 禁则 level (no ——/…… at line starts).  ``style``: check the range
    mark against ``style.range_dash`` (None: the range-dash check is skipped)."""
    faults: list[Fault] = []
    joined = "".join(lines)
    ends, pos = [], 0
    for text in lines:
        pos += len(text)
        ends.append(pos)
    breaks = ends[:-1]
    last = len(lines) - 1

    def excerpt(at: int, width: int = 6) -> str:
        return joined[max(0, at - width):at] + "|" + joined[at:at + width]

    for no, text in enumerate(lines):
        if no > 0 and text:
            if text[0] in NO_START or text[0] == " ":
                faults.append(Fault("no-start", no, text[:6], f"line starts with {text[0]!r}"))
            elif strict and text.startswith(NO_START_STRICT):
                faults.append(Fault("no-start", no, text[:6], "line starts with ——/…… (strict)"))
            if (_ONE_CHAR.match(text) or no == last and _LONE.match(text)) and not _ENUMERATOR.match(text):
                faults.append(Fault("one-char-start", no, text[:6], f"{text[0]!r} alone at the line start"))
        if no < last:
            end = text.rstrip(" ")
            if end and end[-1] in NO_END:
                faults.append(Fault("no-end", no, text[-6:], f"line ends with {end[-1]!r}"))
            if _STRANDED.search(text):
                faults.append(Fault("sentence-start", no, excerpt(ends[no]),
                                    f"the sentence's first character {text[-1]!r} ends the line"))
    for kind, pattern in _SPANS:
        for m in pattern.finditer(joined):
            for b in breaks:
                if m.start() < b < m.end():
                    faults.append(Fault(kind, ends.index(b), excerpt(b), f"{m.group()!r} split across lines"))
    for m in re.finditer(r"[()]", joined):
        i = m.start()
        near = joined[max(0, i - 1):i] + joined[i + 1:i + 2]
        inside = _enclosed(joined, i)
        if _CJK.search(near) or _CJK.search(inside):
            faults.append(Fault("halfwidth-bracket", _line_of(ends, i), excerpt(i, 4),
                                f"half-width {m.group()!r} in Chinese context"))
    if style is not None and style.range_dash is not None:
        designated = {k for d in DESIGNATION.finditer(joined) for k in range(d.start(), d.end())}
        for m in _RANGE.finditer(joined):
            i = m.start(1)
            if m.group(1) != style.range_dash and i not in designated:
                faults.append(Fault("range-dash", _line_of(ends, i), excerpt(i, 4),
                                    f"{m.group(1)!r} between numbers; the house style sets {style.range_dash!r}"))
    faults.sort(key=lambda f: (f.line, KINDS.index(f.kind)))
    return faults


def _line_of(ends: list[int], i: int) -> int:
    return next(no for no, end in enumerate(ends) if i < end)


def _enclosed(text: str, i: int) -> str:
    """The text between the bracket at ``i`` and its partner (or "")."""
    if text[i] == "(":
        j = text.find(")", i + 1)
        return text[i + 1:j] if j > 0 else ""
    j = text.rfind("(", 0, i)
    return text[j + 1:i] if j >= 0 else ""
