"""Statistics as a showcase sets them: an Arabic number and its unit.

In:  the value of a showcase item written "名称：数值" (``2300亩``, ``4600万元``, ``98%``,
     or in Chinese numerals, ``两千三百亩``).
Out: :class:`Figure`: a prefix (约, 近 …), the number in Arabic numerals and the unit (户, 人,
     万元, %, 余人 …), or None when the value holds no number (it is then set as text).

Statistics take Arabic numerals (GB/T 15835-2011 §4.1: counts and measures in Arabic
numerals), so a value typed in Chinese numerals is converted: 两千三百亩 → 2300 亩.  A
trailing 万 or 亿 stays with the unit, as statistics are written (四千六百万元 → 4600 万元).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL = {"十": 10, "百": 100, "千": 1000}
LARGE = {"万": 10_000, "亿": 100_000_000}
PREFIXES = ("约", "近", "超", "逾", "达", "共", "计")
ARABIC = re.compile(r"^(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<unit>.*)$")


@dataclass(frozen=True, slots=True)
class Figure:
    prefix: str
    number: str
    unit: str


def split_figure(value: str) -> Figure | None:
    value = "".join(value.split())
    prefix = next((p for p in PREFIXES if value.startswith(p) and len(value) > len(p)), "")
    rest = value[len(prefix):]
    m = ARABIC.match(rest)
    if m:
        return Figure(prefix, m.group("num"), m.group("unit"))
    run = 0
    while run < len(rest) and (rest[run] in DIGITS or rest[run] in SMALL or rest[run] in LARGE):
        run += 1
    numeral = rest[:run]
    # a trailing 万/亿 belongs to the unit (4600万元), unless nothing else is left of the number
    while numeral and numeral[-1] in LARGE and len(numeral) > 1:
        numeral = numeral[:-1]
    number = chinese_number(numeral)
    if number is None:
        return None
    return Figure(prefix, str(number), rest[len(numeral):])


def chinese_number(text: str) -> int | None:
    """两千三百 → 2300, 三十 → 30, 十五 → 15, 一万二千 → 12000; None if ``text`` is not a numeral."""
    if not text or any(c not in DIGITS and c not in SMALL and c not in LARGE for c in text):
        return None
    total, section, digit = 0, 0, None
    for c in text:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in SMALL:
            section += (1 if digit is None else digit) * SMALL[c]
            digit = None
        else:
            total += (section + (digit or 0)) * LARGE[c]
            section, digit = 0, None
    return total + section + (digit or 0)
