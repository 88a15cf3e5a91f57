"""Lengths.  signkit works in millimetres everywhere; this is the one place that parses
other units (``"12mm"``, ``"36pt"``, ``"1.5cm"``, ``"2in"``) and converts for the PDF backend.
"""

from __future__ import annotations

import re

from .i18n import _

MM_PER_PT = 25.4 / 72
PT_PER_MM = 72 / 25.4

_FACTORS = {"mm": 1.0, "cm": 10.0, "m": 1000.0, "pt": MM_PER_PT, "in": 25.4, "px": 25.4 / 96, "": 1.0}
_LENGTH = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([a-z]*)\s*$")


def parse_length_mm(value: str | float | int) -> float:
    """A length in millimetres from a number (taken as mm) or a string with a unit.

    Raises ValueError with the accepted units for anything else.
    """
    if isinstance(value, bool):
        raise ValueError(_("not a length: {value}").format(value=repr(value)))
    if isinstance(value, (int, float)):
        return float(value)
    match = _LENGTH.match(value)
    if not match or match.group(2) not in _FACTORS:
        raise ValueError(_("not a length: {value} (use a number in mm, or mm, cm, m, pt, in, px)").format(
            value=repr(value)))
    return float(match.group(1)) * _FACTORS[match.group(2)]
