"""Normalise text as users type it into proper zh-Hans punctuation.

In:  one paragraph (or heading) of text, as typed in a board's Markdown file.
Out: the same text with the conversions below applied (:func:`normalize`), or that text
     and the list of what changed, for the report (:func:`normalize_with_changes`).

Conversion table (each rule's key appears in :class:`Change`; CLREQ.md §1, §6 [impl] pipeline).
“Chinese” means a character of East-Asian width W/F (hanzi, full-width punctuation) or one
of “ ” ‘ ’ — … ·.  URLs and e-mail addresses are never touched.

=================  ===========================================================================
rule               conversion
=================  ===========================================================================
``wave``           〜 (U+301C) → ～ (U+FF5E), the form CLREQ names
``interpunct``     ・ ‧ ･ → ·;  • between two hanzi → ·  (CLREQ §3.1.1.2: only U+00B7)
``fullwidth``      full-width letters and digits ＡＢ１２ → AB12 (GB/T 15835 §4.1.1)
``bar``            ― (U+2015) → — (then ``dash`` may double it)
``ellipsis``       ... (3 or more dots) or a single … next to Chinese → ……; 。。。 → ……;
                   a single ⋯ → ⋯⋯
``dash``           -- or --- next to Chinese, and a single — between Chinese on both sides,
                   → ——.  Between digits (8:30—11:30, 0511-87650000) nothing changes.
                   (A 一字线 connector between hanzi, 北京—上海, is therefore read as a
                   mistyped dash: write such ranges with ～ or –.)
``quote``          ASCII "…" → “…” when the quoted text or a neighbour is Chinese; quotes
                   pair in order (1st opens, 2nd closes …) per paragraph; an unpaired one stays
``single-quote``   ASCII '…' → ‘…’ when the quoted text is Chinese (or both neighbours are);
                   apostrophes inside words (don't) are not quotes
``digit-space``    a typed space between a number and its Han unit or ordinal, or before a time,
                   is removed (2019 年 1 月 10 日 → 2019年1月10日, 第 1 网格 → 第1网格,
                   上午 8:30 → 上午8:30) when the house style
                   sets Han and digits solid (``HouseStyle.han_digit_gap_em == 0``, the 党政
                   default); a space that separates (上午8:30 下午14:00) stays
``range``          the dash or wave between two numbers, dates or times (8:30—11:30, 8:30-11:30,
                   1日—5日, 2020–2021, 3~5) → ``HouseStyle.range_dash`` (default ～); a hyphen
                   only between times (phone numbers 0511-87650000 stay), never inside a
                   standard designation (GB/T 15834—2011)
``paren``          ( ) → （ ） when the enclosed text or a directly adjacent character is Chinese,
                   or the nearest characters on both sides, across spaces, are
``punct``          , ; : ? ! → ，；：？！ when the nearest non-space character on either side is
                   Chinese; never between digits (1,000 and 8:30 keep their ASCII marks)
``space``          runs of spaces and tabs → one space; none at either end; none next to
                   full-width punctuation (“好， 世界” → “好，世界”)
=================  ===========================================================================

The function is pure: same input, same output; it never raises.  ``style`` (a
:class:`~signkit.text.style.HouseStyle`, default the 党政 one) drives ``digit-space`` and
``range``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .breaking import DESIGNATION
from .style import HouseStyle, resolve

RULES = ("wave", "interpunct", "fullwidth", "bar", "ellipsis", "digit-space", "range", "dash", "quote",
         "single-quote", "paren", "punct", "space")
# what follows a number as its unit or counter (2019 年, 30 日, 5 人), for ``digit-space``
_UNITS = set("年月日时点分秒号个户人次元角万亿千百余多条章节款项届批岁周天亩米克斤吨名位家件份种处座所期类级倍成折度"
             "栋层室间台辆套张本册页篇网宗起例")
_DATE_TAIL = set("年月日时点分秒号")   # a range may end with a date: 1日～5日
_TIME = re.compile(r"\d{1,2}:\d{2}")

_URL_END = r"[A-Za-z0-9/#=_&%+-]"   # a URL does not end with . , ; : ! ? ) (that is the sentence)
_URL = re.compile(
    rf"(?:https?|ftp)://[!-~]*{_URL_END}"
    rf"|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[!-~]*{_URL_END})?"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_FULL_PUNCT = set("“‘（〔［｛【〖《〈「『”’）〕］｝】〗》〉」』、，；：。？！．—…⋯～·⸺")
_PUNCT_MAP = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_WIDE_EXTRA = set("“”‘’—…⋯⸺·")


@dataclass(frozen=True, slots=True)
class Change:
    """One conversion: ``before`` at ``index`` of the input became ``after``."""

    index: int
    before: str
    after: str
    rule: str  # one of RULES

    def __str__(self) -> str:
        return f"{self.before!r} → {self.after!r} ({self.rule}, at {self.index})"


def normalize(text: str, *, style: HouseStyle | None = None) -> str:
    """``text`` with the conversion table applied."""
    return normalize_with_changes(text, style=style)[0]


def normalize_with_changes(text: str, *, style: HouseStyle | None = None) -> tuple[str, tuple[Change, ...]]:
    """``text`` normalised, and the changes made, in order of position."""
    style = resolve(style)
    work = _Work(text)
    work.compat()
    work.ellipsis()
    if style.han_digit_gap_em == 0:
        work.digit_spaces()
    if style.range_dash is not None:
        work.ranges(style.range_dash)
    work.dashes()
    work.quotes('"', "“", "”", "quote")
    work.quotes("'", "‘", "’", "single-quote")
    work.parens()
    work.punct()
    work.spaces()
    return "".join(work.out), work.changes()


def is_chinese(ch: str | None) -> bool:
    """Is ``ch`` Chinese context for the rules above (East-Asian wide, or a CJK mark)?"""
    if not ch:
        return False
    return ch in _WIDE_EXTRA or unicodedata.east_asian_width(ch) in ("W", "F")


def _is_han(ch: str | None) -> bool:
    return bool(ch) and unicodedata.category(ch) == "Lo" and is_chinese(ch)


class _Work:
    """The text as one output piece per input character, so changes map back to positions."""

    def __init__(self, text: str):
        self.text = text
        self.out = list(text)
        self.rule: dict[int, str] = {}
        self.protected = [False] * len(text)
        for m in _URL.finditer(text):
            for i in range(m.start(), m.end()):
                self.protected[i] = True

    # --- helpers -------------------------------------------------------------------------
    def set(self, i: int, value: str, rule: str) -> None:
        self.out[i] = value
        self.rule[i] = rule

    def free(self, i: int, ch: str) -> bool:
        return self.out[i] == ch and not self.protected[i]

    def prev(self, i: int, *, skip_space: bool = True) -> str | None:
        """The nearest output character before position ``i``."""
        for j in range(i - 1, -1, -1):
            piece = self.out[j]
            if piece and not (skip_space and piece in " \t"):
                return piece[-1]
        return None

    def next(self, i: int, *, skip_space: bool = True) -> str | None:
        for j in range(i + 1, len(self.out)):
            piece = self.out[j]
            if piece and not (skip_space and piece in " \t"):
                return piece[0]
        return None

    def run(self, i: int, ch: str) -> int:
        """End of the run of free ``ch`` starting at ``i``."""
        j = i
        while j < len(self.out) and self.free(j, ch):
            j += 1
        return j

    def changes(self) -> tuple[Change, ...]:
        found: list[Change] = []
        start = None
        for i in range(len(self.text) + 1):
            changed = i < len(self.text) and self.out[i] != self.text[i]
            if start is not None and (not changed or self.rule.get(i) != self.rule.get(start)):
                found.append(Change(start, self.text[start:i], "".join(self.out[start:i]),
                                    self.rule[start]))
                start = None
            if changed and start is None:
                start = i
        return tuple(found)

    # --- the rules, in the order they run ------------------------------------------------
    def compat(self) -> None:
        for i, ch in enumerate(self.text):
            if self.protected[i]:
                continue
            if ch == "〜":
                self.set(i, "～", "wave")
            elif ch in "・‧･" or (ch == "•" and _is_han(self.prev(i, skip_space=False))
                                  and _is_han(self.next(i, skip_space=False))):
                self.set(i, "·", "interpunct")
            elif "\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff3a" or "\uff41" <= ch <= "\uff5a":
                self.set(i, chr(ord(ch) - 0xFEE0), "fullwidth")
            elif ch == "―":
                self.set(i, "—", "bar")

    def ellipsis(self) -> None:
        i, n = 0, len(self.out)
        while i < n:
            # runs of 3+ dots (or 。) become ……; a lone … or ⋯ is doubled; …… stays
            for ch, new in ((".", "……"), ("。", "……"), ("…", "……"), ("⋯", "⋯⋯")):
                j = self.run(i, ch)
                if j > i:
                    break
            else:
                i += 1
                continue
            length = j - i
            context = ch == "。" or is_chinese(self.prev(i)) or is_chinese(self.next(j - 1))
            if (length >= 3 if ch in ".。" else length == 1) and context:
                self.set(i, new, "ellipsis")
                for k in range(i + 1, j):
                    self.set(k, "", "ellipsis")
            i = j

    def digit_spaces(self) -> None:
        n = len(self.out)
        for i in range(n):
            if not self.free(i, " "):
                continue
            before, after = self.prev(i), self.next(i)
            if _digit(before) and after in _UNITS and _digit(self.prev(i, skip_space=False) or before):
                self.set(i, "", "digit-space")             # 2019 年, 30 日
            elif _digit(after) and (before == "第" or (_is_han(before) and self._unit_follows(i))):
                self.set(i, "", "digit-space")             # 第 1, 月 1 日, 上午 8:30

    def _unit_follows(self, i: int) -> bool:
        """Is the number after position ``i`` followed (across spaces) by a Han unit?"""
        j = i + 1
        while j < len(self.out) and self.out[j] in ("", " "):
            j += 1
        digits = j
        while j < len(self.out) and (self.out[j][:1].isdigit() or self.out[j] in (".", ",", ":")):
            j += 1
        if _TIME.match("".join(self.out[digits:j])):
            return True                                    # a time of day: 上午 8:30
        while j < len(self.out) and self.out[j] in ("", " "):
            j += 1
        return j < len(self.out) and self.out[j][:1] in _UNITS

    def ranges(self, dash: str) -> None:
        text = "".join(self.out)   # (only digit-space has run: every piece is one char or "")
        index = [i for i, piece in enumerate(self.out) for _ in piece]
        designated = set()
        for m in DESIGNATION.finditer(text):
            designated.update(index[k] for k in range(m.start(), m.end()))
        for i, ch in enumerate(self.out):
            if ch not in ("—", "–", "～", "~", "-") or self.protected[i] or i in designated:
                continue
            if self.prev(i, skip_space=False) == ch or self.next(i, skip_space=False) == ch:
                continue                                     # ——, --: not a range
            left, right = self._left_operand(i), self._right_operand(i)
            if not (left and right):
                continue
            if ch == "-" and not (_TIME.fullmatch(left) and _TIME.fullmatch(right)):
                continue                                     # 0511-87650000 is a phone number
            if ch != dash:
                self.set(i, dash, "range")
            for j in (i - 1, i + 1):                         # 8:30 — 11:30 → 8:30～11:30
                if 0 <= j < len(self.out) and self.out[j] == " " and not self.protected[j]:
                    self.set(j, "", "range")

    def _left_operand(self, i: int) -> str:
        """The number (or date: 1日, 9月30日) that ends before position ``i``, or ""."""
        chars, j = [], i - 1
        while j >= 0 and self.out[j] in ("", " "):
            j -= 1
        if j >= 0 and self.out[j] in _DATE_TAIL:
            j -= 1
        while j >= 0 and (self.out[j][:1].isdigit() or self.out[j] in (":", ".", "")) and self.out[j].isascii():
            chars.append(self.out[j])
            j -= 1
        word = "".join(reversed(chars))
        return word if word[:1].isdigit() and word[-1:].isdigit() else ""

    def _right_operand(self, i: int) -> str:
        chars, j = [], i + 1
        while j < len(self.out) and self.out[j] in ("", " "):
            j += 1
        if "".join(self.out[j:j + 2]) in ("次年", "翌年", "次日"):   # 10月1日～次年6月30日
            j += 2
        while j < len(self.out) and (self.out[j][:1].isdigit() or self.out[j] in (":", ".", "")) and self.out[j].isascii():
            chars.append(self.out[j])
            j += 1
        word = "".join(chars)
        return word if word[:1].isdigit() and word[-1:].isdigit() else ""

    def dashes(self) -> None:
        i, n = 0, len(self.out)
        while i < n:
            if self.free(i, "-"):
                j = self.run(i, "-")
                before, after = self.prev(i), self.next(j - 1)
                digits = _digit(self.prev(i, skip_space=False)) or _digit(self.next(j - 1, skip_space=False))
                if 2 <= j - i <= 3 and not digits and (is_chinese(before) or is_chinese(after)):
                    self.set(i, "——", "dash")
                    for k in range(i + 1, j):
                        self.set(k, "", "dash")
                i = j
            elif self.out[i] == "—" and not self.protected[i]:
                j = self.run(i, "—")
                if j - i == 1 and _chinese_not_dash(self.prev(i)) and _chinese_not_dash(self.next(i)):
                    self.set(i, "——", "dash")
                i = j
            else:
                i += 1

    def quotes(self, ascii_: str, opening: str, closing: str, rule: str) -> None:
        marks = [i for i in range(len(self.out)) if self.free(i, ascii_)]
        if ascii_ == "'":   # an apostrophe inside a word is not a quote
            marks = [i for i in marks if not (_alnum(self.prev(i, skip_space=False))
                                              and _alnum(self.next(i, skip_space=False)))]
        for o, c in zip(marks[0::2], marks[1::2]):
            inside = any(is_chinese(ch) for piece in self.out[o + 1:c] for ch in piece)
            outside = (is_chinese(self.prev(o)), is_chinese(self.next(c)))
            if inside or (all(outside) if ascii_ == "'" else any(outside)):
                self.set(o, opening, rule)
                self.set(c, closing, rule)

    def parens(self) -> None:
        stack: list[int] = []
        pairs: list[tuple[int, int]] = []
        for i in range(len(self.out)):
            if self.free(i, "("):
                stack.append(i)
            elif self.free(i, ")") and stack:
                pairs.append((stack.pop(), i))
        for o, c in sorted(pairs):
            inside = any(is_chinese(ch) for piece in self.out[o + 1:c] for ch in piece)
            if (inside or is_chinese(self.prev(o, skip_space=False))
                    or is_chinese(self.next(c, skip_space=False))
                    or (is_chinese(self.prev(o)) and is_chinese(self.next(c)))):
                self.set(o, "（", "paren")
                self.set(c, "）", "paren")

    def punct(self) -> None:
        for i in range(len(self.out)):
            ch = self.out[i]
            if ch not in _PUNCT_MAP or self.protected[i]:
                continue
            if ch in ",:;" and _digit(self.prev(i, skip_space=False)) and _digit(self.next(i, skip_space=False)):
                continue
            if is_chinese(self.prev(i)) or is_chinese(self.next(i)):
                self.set(i, _PUNCT_MAP[ch], "punct")

    def spaces(self) -> None:
        n = len(self.out)
        for i in range(n):
            if self.out[i] in ("\t", "\n", "\r"):
                self.set(i, " ", "space")
        # none at either end (ideographic spaces typed as manual indents go too)
        for rng in (range(n), range(n - 1, -1, -1)):
            for i in rng:
                if self.out[i] in (" ", "\u3000"):
                    self.set(i, "", "space")
                elif self.out[i]:
                    break
        for i in range(n):
            if self.out[i] != " ":
                continue
            before = self.prev(i, skip_space=False)
            if before == " " or before in _FULL_PUNCT or self.next(i) in _FULL_PUNCT:
                self.set(i, "", "space")


def _digit(ch: str | None) -> bool:
    return bool(ch) and ch.isascii() and ch.isdigit()


def _alnum(ch: str | None) -> bool:
    return bool(ch) and ch.isalnum() and not is_chinese(ch)


def _chinese_not_dash(ch: str | None) -> bool:
    return is_chinese(ch) and ch not in "—⸺"
