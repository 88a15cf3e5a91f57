"""Line-breaking classes and break opportunities for zh-Hans text (禁则: 避头 / 避尾).

In:  one paragraph of (normalised) text.
Out: :class:`Breaks`: the class of every character, where a line may break (``allowed``),
     which boundaries lie inside a unit that is never split nor spaced out (``tie``), and
     which breaks are preferred because they follow clause punctuation (``prefer``).

Two levels (CLREQ.md §2, CLREQ §3.1.4): **basic** (基本处理, the default) and **strict**
(严格, which also includes the GB法 solidus rule).  The tailoring of UAX #14 follows the
table in CLREQ.md §2: “‘ act as opening and ”’ as closing brackets, ～ ／ · and a lone —
take no break before them, …… may break before its first … at the basic level.

This module knows characters, not glyphs: :mod:`signkit.text.paragraph` maps the
opportunities onto glyph clusters and chooses the breaks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache


class BreakClass(IntEnum):
    """What a character is for breaking, spacing and punctuation width (CLREQ.md §1)."""

    HAN = 0         # ideographs and other full-width letters and symbols (UAX14 ID)
    LATIN = 1       # Latin (Greek, Cyrillic) letters and ASCII symbols: parts of words
    DIGIT = 2       # Arabic digits
    SPACE = 3       # U+0020, U+3000
    OPEN = 4        # opening brackets and quotes
    CLOSE = 5       # closing brackets and quotes
    STOP_IN = 6     # 、，；：   in-sentence stops
    STOP_END = 7    # 。？！．   sentence-end stops
    STACKED = 8     # ‼⁇⁈⁉
    DASH = 9        # ⸺, or one — of a —— pair (2 em unit)
    ELLIPSIS = 10   # … ⋯ (one half of the 2 em unit)
    CONNECT = 11    # – ～ and a lone — (一字线)
    INTERPUNCT = 12  # ·
    SOLIDUS = 13    # ／, or / outside a Latin word
    PREFIX = 14     # ￥ ¥ $ …  before a number
    POSTFIX = 15    # ％ % ‰ ℃ …  after a number


C = BreakClass

# CLREQ.md §1 table and the class data at the end of CLREQ.md.
OPEN = "“‘（〔［｛【〖《〈「『"
CLOSE = "”’）〕］｝】〗》〉」』"
STOP_IN = "、，；："
STOP_END = "。？！．"
STACKED = "‼⁇⁈⁉"
PREFIX = "￥¥＄$€£￡№"
POSTFIX = "％%‰℃℉°′″￠"
CLAUSE_STOPS = "，；。？！："  # a break after these is preferred (small bonus)
SENTENCE_STOPS = "。？！‼⁇⁈⁉"  # a sentence's first character must not end a line after these

# Numbers with their words (issue 11): 第 + numeral + counter (第十二条, 第1网格), number + 余/多
# + unit word (8600余户次, 三百多户).  Han numerals are glued only in these frames, never in
# words like 统一 or 一致.
HAN_NUMERALS = "零〇一二三四五六七八九十百千万亿两"
APPROX = "余多"
UNIT_WORDS = tuple(sorted((
    "平方公里", "平方米", "立方米", "户次", "人次", "万元", "亿元", "千元", "百元", "万人", "万户",
    "万亩", "万吨", "公里", "千米", "公斤", "千克", "公顷", "小时", "分钟", "个月", "周岁", "网格",
    "季度", "阶段", "部分", "小组", "批次", "周年", "年度", "届次", "余次"), key=len, reverse=True))

# Standard designations are one unit (GB/T 15834—2011, GB 2894, DB32/T 3000—2016, JGJ/T 1.1):
# issuer code, /T or /Z, one optional space, number with dotted parts, optional year.
DESIGNATION = re.compile(
    r"(?<![A-Za-z0-9])(?:(?:GBZ|GB|GJB|DB\d{2}|JGJ|CJJ|HJ|QB|YY|WS|SL|NY|MZ|GA|AQ|DL|XF|JT|JB|HG|LY)(?:/[TZ])?"
    r"|[A-Z]{2,4}/[TZ])[ \u00a0]?\d+(?:\.\d+)*(?:[—–-]\d{4})?(?![0-9])")

_FIXED = {ch: cls for chars, cls in (
    (OPEN, C.OPEN), (CLOSE, C.CLOSE), (STOP_IN, C.STOP_IN), (STOP_END, C.STOP_END),
    (STACKED, C.STACKED), ("⸺", C.DASH), ("…⋯", C.ELLIPSIS), ("–～", C.CONNECT),
    ("·", C.INTERPUNCT), ("/／", C.SOLIDUS), (PREFIX, C.PREFIX), (POSTFIX, C.POSTFIX),
    (" \u3000", C.SPACE), ("—", C.DASH),
) for ch in chars}

# Classes that never start a line (CLREQ §3.1.4 basic: stops, closing marks, connectors,
# interpunct, solidus) and never end one (opening marks).  Prefix/postfix signs are glued
# to their number (CLREQ.md §2 "Never split").
NO_START = frozenset({C.STOP_IN, C.STOP_END, C.STACKED, C.CLOSE, C.CONNECT, C.INTERPUNCT,
                      C.SOLIDUS, C.POSTFIX, C.SPACE})
NO_START_STRICT = NO_START | {C.DASH, C.ELLIPSIS}   # strict: —— and …… too
NO_END = frozenset({C.OPEN, C.PREFIX})
NO_END_STRICT = NO_END | {C.SOLIDUS}                 # GB 5.1.9: not after the solidus

# ASCII punctuation inside Latin text that UAX14 keeps off line starts (CL, EX, IS, PO, HY)
# and off line ends (OP).
_ASCII_NO_START = set(")]}!?,.:;%-~/")
_ASCII_NO_END = set("([{")

# Classes of characters that are “Latin” for CJK–Latin spacing (CLREQ §3.2.2).
WORDISH = frozenset({C.LATIN, C.DIGIT})
PUNCT = frozenset({C.OPEN, C.CLOSE, C.STOP_IN, C.STOP_END, C.STACKED, C.DASH, C.ELLIPSIS,
                   C.CONNECT, C.INTERPUNCT, C.SOLIDUS})


def char_class(ch: str) -> BreakClass:
    """The context-free class of one character (a lone — is decided in :func:`find_breaks`)."""
    cls = _FIXED.get(ch)
    if cls is not None:
        return cls
    if "0" <= ch <= "9":
        return C.DIGIT
    if " " < ch <= "~":
        return C.LATIN
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return C.HAN
    cat = unicodedata.category(ch)
    if cat == "Nd":
        return C.DIGIT
    if cat[0] in "LM" or cat in ("Pd", "Pc"):
        return C.LATIN
    return C.HAN


def is_latin_spacing(ch: str) -> bool:
    """Does ``ch`` count as Western text for the ¼ em CJK–Latin space (CLREQ §3.2.2)?"""
    cls = char_class(ch)
    return cls in WORDISH or (cls in (C.PREFIX, C.POSTFIX) and
                              unicodedata.east_asian_width(ch) not in ("W", "F", "A"))


@dataclass(frozen=True, slots=True)
class Breaks:
    """Break opportunities of one text; every tuple but ``classes`` has ``len(text) + 1`` entries.

    Index ``i`` names the boundary *before* ``text[i]`` (``i == len(text)`` is the end).
    """

    text: str
    classes: tuple[BreakClass, ...]   # per character, after context (lone —, / in words)
    allowed: tuple[bool, ...]         # a line may end before text[i]
    tie: tuple[bool, ...]             # inside a never-split unit: no break, no added space
    prefer: tuple[bool, ...]          # allowed and right after clause punctuation
    strict: bool
    # allowed, but a break here strands a character: the first character of a sentence at a
    # line end (…工作。必|须), or one character and its mark at a line start (…建|设，)
    avoid: tuple[bool, ...] = ()

    def units(self) -> tuple[tuple[int, int], ...]:
        """Spans ``(start, end)`` of the never-split units longer than one character."""
        spans, start = [], None
        for i in range(1, len(self.text)):
            if self.tie[i] and start is None:
                start = i - 1
            elif not self.tie[i] and start is not None:
                spans.append((start, i))
                start = None
        if start is not None:
            spans.append((start, len(self.text)))
        return tuple(spans)


@lru_cache(maxsize=2048)
def find_breaks(text: str, *, strict: bool = False, glue_units: bool = True) -> Breaks:
    """Classes and break opportunities of ``text`` (CLREQ.md §2).

    ``strict`` selects the strict level (no break before ——/……, none after /).
    ``glue_units`` keeps a number on the line of the Han unit that follows it (5千克, 8月):
    the house option of CLREQ.md §2, “Number + Han unit”.
    """
    n = len(text)
    cls = [char_class(ch) for ch in text]
    _resolve_context(text, cls)
    tie = [False] * (n + 1)
    glue = [False] * (n + 1)
    _find_units(text, cls, tie, glue_units, glue)

    no_start = NO_START_STRICT if strict else NO_START
    no_end = NO_END_STRICT if strict else NO_END
    allowed = [False] * (n + 1)
    prefer = [False] * (n + 1)
    for i in range(1, n):
        a, b = cls[i - 1], cls[i]
        if tie[i] or glue[i] or b in no_start or a in no_end:
            continue
        if text[i] in _ASCII_NO_START or text[i - 1] in _ASCII_NO_END:
            continue
        allowed[i] = True
        j = i - 1
        while j > 0 and cls[j] == C.CLOSE:   # 。” and ，） still count as after a stop
            j -= 1
        prefer[i] = text[j] in CLAUSE_STOPS
    if n:
        allowed[n] = True
    avoid = [allowed[i] and i < n and strands(text, cls, tie, i) for i in range(n + 1)]
    return Breaks(text, tuple(cls), tuple(allowed), tuple(tie), tuple(prefer), strict, tuple(avoid))


_AFTER_WORD = frozenset({C.STOP_IN, C.STOP_END, C.STACKED, C.CLOSE})


def strands(text: str, cls, tie, i: int) -> bool:
    """Does a line break before ``text[i]`` strand one character (issue 11)?

    * the first character of a sentence left at the end of a line: a single hanzi right
      after 。？！ (closing marks between allowed: 。”必|须, 》。条|例);
    * one hanzi alone at the start of a line, followed by a stop or closing mark (建|设，),
      or by nothing but marks up to the paragraph's end (孤字, CLREQ §3.4.4).  A Han
      ordinal with its 顿号 (二、) is an enumerator, not a stranded word.
    """
    n = len(text)
    if i >= 2 and cls[i - 1] == C.HAN and not tie[i - 1]:
        j = i - 2
        while j > 0 and cls[j] == C.CLOSE:
            j -= 1
        if text[j] in SENTENCE_STOPS:
            return True
    if cls[i] == C.HAN and (i + 1 >= n or not tie[i + 1]):
        k = i + 1
        if k == n:
            return True
        if cls[k] in _AFTER_WORD and not (text[i] in HAN_NUMERALS and text[k] == "、"):
            return True
        while k < n and cls[k] in PUNCT:
            k += 1
        return k == n and k > i + 1
    return False


def _resolve_context(text: str, cls: list[BreakClass]) -> None:
    """Classes that depend on the neighbours (CLREQ.md §2, tailoring table)."""
    n = len(text)
    i = 0
    while i < n:
        if text[i] == "—":   # a lone — is a connector (一字线); a run of two or more is ——
            j = i
            while j < n and text[j] == "—":
                j += 1
            if j - i == 1:
                cls[i] = C.CONNECT
            i = j
            continue
        if text[i] == "/":   # a slash inside a word or number (km/h, 3/4, URLs) is Latin
            left = cls[i - 1] if i else None
            right = char_class(text[i + 1]) if i + 1 < n else None
            if left in WORDISH or right in WORDISH or (i + 1 < n and text[i + 1] == "/"):
                cls[i] = C.LATIN
        i += 1


def _find_units(text: str, cls: list[BreakClass], tie: list[bool], glue_units: bool,
                glue: list[bool]) -> None:
    """Mark the boundaries inside never-split units (CLREQ.md §2 “Never split”)."""
    n = len(text)
    for i in range(1, n):
        a, b = cls[i - 1], cls[i]
        if a in WORDISH and b in WORDISH:        # words, numbers, 8:30, 0511-87650000, URLs
            tie[i] = True
        elif a == C.PREFIX and b in WORDISH:     # ¥100, $5
            tie[i] = True
        elif a in WORDISH and b == C.POSTFIX:    # 50%, 30℃
            tie[i] = True
        elif a == C.POSTFIX and text[i] in "CF" and text[i - 1] == "°":   # 30°C
            tie[i] = True
        elif glue_units and a == C.DIGIT and b == C.HAN:   # 5千克, 8月 (house option)
            glue[i] = True
    _glue_numbers(text, cls, glue, glue_units)
    for m in DESIGNATION.finditer(text):                  # GB/T 15834—2011: one unit
        for i in range(m.start() + 1, m.end()):
            tie[i] = True
        glue[m.end()] = False                             # its year is no number with a unit
    # Connectors between numbers make one range unit: 8:30—11:30, 1～3, 2020–2021.
    for i in range(1, n - 1):
        if cls[i] == C.CONNECT and _number_end(cls, i - 1) and _number_start(cls, i + 1):
            tie[i] = tie[i + 1] = True
    # 2 em units: each pair of —— or …… (and ⋯⋯) is one unit; runs may break between pairs
    # (CLREQ §3.1.5.1).
    i = 0
    while i < n:
        ch = text[i]
        if cls[i] in (C.DASH, C.ELLIPSIS) and ch != "⸺":
            j = i
            while j < n and text[j] == ch:
                j += 1
            for k in range(i + 1, j, 2):
                tie[k] = True
            i = j
        else:
            i += 1


def _glue_numbers(text: str, cls: list[BreakClass], glue: list[bool], glue_units: bool) -> None:
    """第 + numeral + counter, number + 余/多 + unit word: no break inside (issue 11).

    Always: 第|十|二|条, 第|1|网|格, 8600|余|户|次, 三|百|多|户.  With ``glue_units``
    also a plain number with its unit word: 3000|平|方|米 (the digit–hanzi glue above
    covers the first character only)."""
    n = len(text)
    i = 0
    while i < n:
        ordinal = text[i] == "第" and i + 1 < n and (text[i + 1] in HAN_NUMERALS or cls[i + 1] == C.DIGIT)
        start = i + 1 if ordinal else i
        j = _numeral_end(text, cls, start)
        if j == start:
            i += 1
            continue
        han = cls[start] != C.DIGIT
        # a Han numeral is a number only after 第, or before 余/多 + a unit (三百多户, 十余年)
        approx = (j + 1 < n and text[j] in APPROX and cls[j + 1] == C.HAN
                  and (not han or j - start >= 2 or text[j - 1] in "十百千万亿"))
        if not (ordinal or approx or (glue_units and not han)):
            i = j
            continue
        for k in range(i + 1, j):
            glue[k] = True                         # 第|1, 十|二
        k = j + 1 if approx else j                 # past the 余/多
        if k < n and cls[k] == C.HAN:              # the counter or unit word
            word = next((w for w in UNIT_WORDS if text.startswith(w, k)), text[k])
            for m in range(j, k + len(word)):
                glue[m] = True                     # 二|条, 00|余|户|次
        i = j


def _numeral_end(text: str, cls: list[BreakClass], start: int) -> int:
    """End of the numeral starting at ``start`` (Arabic with . and , inside, or Han)."""
    n, j = len(text), start
    if j < n and cls[j] == C.DIGIT:
        while j < n and (cls[j] == C.DIGIT or (text[j] in ".," and j + 1 < n and cls[j + 1] == C.DIGIT)):
            j += 1
    else:
        while j < n and text[j] in HAN_NUMERALS and j - start < 8:
            j += 1
    return j


def _number_end(cls: list[BreakClass], i: int) -> bool:
    return cls[i] in (C.DIGIT, C.POSTFIX)


def _number_start(cls: list[BreakClass], i: int) -> bool:
    return cls[i] in (C.DIGIT, C.PREFIX)
