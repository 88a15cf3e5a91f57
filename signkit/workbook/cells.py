"""Read one cell as the value the profile needs.

In:  a cell value as openpyxl or csv gives it (int, float, str, bool, datetime), the kind of
     its column (:attr:`signkit.workbook.layout.Field.kind`) and its header.
Out: the profile value (lengths in mm, areas in m², ``"left"``/``"right"``, an id …), or
     :class:`CellError` with a message and hint; the caller adds the cell's location.

What officials type is accepted as long as it is unambiguous: full-width digits (``４００``),
units (``900mm``, ``1.2m``, ``96㎡``, ``860户``), a unit in the header (``门宽(m)``),
``1,200``, ``约30``, floors as ``2``, ``2楼``, ``二层``, ``B1``; 左/右/left/right/L/R; 是/否.
Limits (``gt``, ``ge``, ``le``) come from the profile model, so a cell is accepted exactly
when the schema would accept it.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from decimal import Decimal
from typing import Any

from ..i18n import _
from ..model.profile import ID_PATTERN, Center, Door, Entrance, Room

_LENGTH_UNITS = {"mm": 1, "毫米": 1, "cm": 10, "厘米": 10, "公分": 10, "m": 1000, "米": 1000}
_AREA_UNITS = {"m2": 1, "平方米": 1, "平米": 1, "平方": 1, "平": 1}
_LEFT = frozenset({"左", "左侧", "左边", "靠左", "左手", "l", "left"})
_RIGHT = frozenset({"右", "右侧", "右边", "靠右", "右手", "r", "right"})
_YES = frozenset({"是", "要", "需要", "做", "制作", "y", "yes", "true", "1", "√", "✓"})
_NO = frozenset({"否", "不", "不要", "不做", "不制作", "无", "n", "no", "false", "0", "×", "✗", "x"})
_CN_DIGITS = dict(zip("零一二两三四五六七八九", (0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9)))
_MODELS = {"door": Door, "center": Center, "entrance": Entrance, "": Room}

ORGANISATION_KINDS = {
    "party": ("党组织", "党委", "党支部", "党总支", "村党组织"),
    "villagers_committee": ("村民委员会", "村委会", "居民委员会", "居委会", "村(居)民委员会"),
    "supervision_committee": ("村务监督委员会", "监委会", "村务监督", "监督委员会"),
    "economic_cooperative": ("经济合作社", "股份经济合作社", "集体经济组织", "经济合作组织"),
    "other": ("其他",),
}


class CellError(Exception):
    """A cell that cannot be read: the message and hint of its Problem."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


def parse(kind: str, value: Any, *, header: Any = "", key: str = "") -> Any:
    """The profile value of a non-empty cell; ``key`` (``door.width_mm``) names its limits."""
    if kind in ("text", "phone"):
        return clean(value) or None
    if kind in ("length", "area", "count"):
        return number(kind, value, header=header, key=key)
    if kind == "floor":
        return floor(value)
    if kind == "side":
        return side(value)
    if kind == "list":
        return tuple(w for w in (clean(p) for p in re.split(r"[、,，;；/|\s]+", clean(value))) if w)
    if kind == "yes_no":
        return yes_no(value)
    if kind == "id":
        return room_id(value)
    if kind == "kind":
        return organisation_kind(value)
    raise AssertionError(f"no reader for column kind {kind!r}")


def number(kind: str, value: Any, *, header: Any = "", key: str = "") -> int | float:
    """A length in mm, an area in m² or a count, from ``900``, ``"900mm"``, ``"1.2m"``, ``"４００"``."""
    examples = {"length": "900, 900mm, 0.9m", "area": "96, 96㎡", "count": "860"}[kind]
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise CellError(_("'{value}' is not a number").format(value=value),
                        _("the cell holds a date or another kind of value: format it as a number and type it again"))
    text = re.sub(r"\s|^大?约|左右$", "", norm_value(value))
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?\D*", text):
        text = text.replace(",", "")  # 1,200: a thousands separator
    m = re.fullmatch(r"(\d+(?:\.\d*)?|\.\d+)(.*)", text)
    if m is None:
        raise CellError(_("'{value}' is not a number").format(value=clean(value)),
                        _("write a number, with or without its unit, e.g. {examples}").format(examples=examples))
    amount, unit = Decimal(m.group(1)), m.group(2).replace("²", "2")
    if kind == "length":
        header_units = re.findall(r"\((.*?)\)", norm_value(header))
        if unit and unit not in _LENGTH_UNITS:
            raise CellError(_("'{unit}' is not a length unit").format(unit=unit),
                            _("write mm, cm or m, e.g. {examples}").format(examples=examples))
        amount *= _LENGTH_UNITS[unit or next((u for u in header_units if u in _LENGTH_UNITS), "mm")]
        if not unit and 0 < amount < 20:  # 1.2 in a mm column: metres were meant
            raise CellError(_("{value} mm is too small to be meant").format(value=clean(value)),
                            _("lengths are in millimetres: write {mm}, or add the unit: {value}m").format(
                                mm=int(amount * 1000), value=clean(value)))
    elif kind == "area" and unit and unit not in _AREA_UNITS:
        raise CellError(_("'{unit}' is not an area unit").format(unit=unit), _("write square metres, e.g. 96 or 96㎡"))
    elif kind == "count" and (unit not in ("", "户") or amount != amount.to_integral_value()):
        raise CellError(_("'{value}' is not a whole number").format(value=clean(value)),
                        _("write digits only, e.g. 860"))
    _check_limits(amount, key)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _check_limits(amount: Decimal, key: str) -> None:
    limits = limits_of(key)
    if limits.get("gt") is not None and not amount > Decimal(str(limits["gt"])):
        raise CellError(_("must be more than {limit}").format(limit=limits["gt"]), _("check the value"))
    if limits.get("ge") is not None and not amount >= Decimal(str(limits["ge"])):
        raise CellError(_("must be at least {limit}").format(limit=limits["ge"]), _("check the value"))
    if limits.get("le") is not None and not amount <= Decimal(str(limits["le"])):
        raise CellError(_("must be at most {limit}").format(limit=limits["le"]), _("check the value"))


def limits_of(key: str) -> dict[str, Any]:
    """The ``spec`` metadata (gt, ge, le, pattern) of a profile field: ``door.width_mm``, ``floor``."""
    table, _dot, name = key.rpartition(".")
    model = _MODELS.get(table)
    fields = {f.name: f for f in dataclasses.fields(model)} if model else {}
    return dict(fields[name].metadata) if name in fields else {}


def floor(value: Any) -> int:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        level = int(value)
    else:
        text = re.sub(r"\s", "", norm_value(value))
        m = re.fullmatch(r"(地下|负|-|b)?f?(\d+|[零一二两三四五六七八九十]+)(楼|层|f)?", text)
        if m is None:
            raise CellError(_("'{value}' is not a floor").format(value=clean(value)),
                            _("write the floor number: 1 for the ground floor, 2, or -1 / B1 below ground"))
        level = int(m.group(2)) if m.group(2).isdigit() else _chinese_number(m.group(2))
        level = -level if m.group(1) else level
    limits = limits_of("floor")
    if level == 0 or not limits["ge"] <= level <= limits["le"]:
        raise CellError(_("floor {n} is out of range").format(n=level), _("write 1 for the ground floor, -1 below it"))
    return level


def _chinese_number(text: str) -> int:
    if "十" in text:
        tens, _sep, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return int("".join(str(_CN_DIGITS[ch]) for ch in text))


def side(value: Any) -> str:
    text = re.sub(r"\s", "", norm_value(value))
    if text in _LEFT or text in _RIGHT:
        return "left" if text in _LEFT else "right"
    raise CellError(_("'{value}' is not left or right").format(value=clean(value)),
                    _("write 左 or 右: the side of the door handle seen from the corridor, facing the door"))


def yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = re.sub(r"\s", "", norm_value(value))
    if text in _YES or text in _NO:
        return text in _YES
    raise CellError(_("'{value}' is not yes or no").format(value=clean(value)), _("write 是 or 否"))


def room_id(value: Any) -> str:
    text = re.sub(r"[\s_]+", "-", norm_value(value))
    if not re.fullmatch(ID_PATTERN, text):
        raise CellError(_("'{value}' cannot be an id").format(value=clean(value)),
                        _("use lower-case letters, digits and '-' only, e.g. party; "
                          "or leave it empty to have one made"))
    return text


def organisation_kind(value: Any) -> str:
    text = norm_value(value)
    for kind, words in ORGANISATION_KINDS.items():
        if text == kind or text in {norm_value(w) for w in words}:
            return kind
    raise CellError(_("unknown organisation type '{value}'").format(value=clean(value)),
                    _("write 党组织, 村民委员会, 村务监督委员会, 经济合作社 or 其他"))


def kind_from_name(name: str) -> str:
    """The kind an organisation's name implies; a party committee's name starts with 中国共产党."""
    if name.startswith("中国共产党") or name.endswith(("党委", "党总支", "党支部")):
        return "party"
    for kind, part in (("supervision_committee", "监督委员会"), ("villagers_committee", "民委员会"),
                       ("economic_cooperative", "合作社")):
        if part in name:
            return kind
    return "other"


def clean(value: Any) -> str:
    """Text as typed, without outer spaces (also full-width), zero-width marks or control characters."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = "" if value is None else str(value)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf")).strip()


def norm_value(value: Any) -> str:
    """A cell value for matching: NFKC (full-width digits and letters → ASCII), lower case."""
    return unicodedata.normalize("NFKC", clean(value)).lower()
