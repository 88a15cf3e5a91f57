"""Write the collected values as a commented ``profile.toml``, laid out like the sample.

In:  :class:`~signkit.workbook.tables.Collected` without errors, and the source file's name.
Out: TOML text: [center], [entrance], [[organisations]], [[rooms]] (each naming the sheet
     row it came from), and commented examples of what a workbook cannot hold (boards).
     Strings are written as JSON strings, which TOML reads as basic strings.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from ..i18n import _
from .layout import CENTRE_FIELDS
from .tables import Collected

COMMENT_COLUMN = 37  # as in examples/qinghe/profile.toml
DOOR_KEYS = ("width_mm", "height_mm", "latch_side", "wall_mm", "hinge_wall_mm")
NOTES = {
    "center.name": lambda: _("the facade name sign reads exactly this"),
    "center.floor_area_m2": lambda: _("built floor area of the centre"),
    "center.slogan": lambda: _("identity line used on boards and the facade"),
    "entrance.wall_left_mm": lambda: _("free wall between the door frame and the next obstacle"),
    "entrance.honour_side": lambda: _("position of honour, seen from outside"),
}


def profile_text(data: Collected, source: str) -> str:
    sheets = ", ".join(s for s in data.sheets if s)
    out = ["# " + (_("signkit profile imported from {source} (sheets {sheets}).").format(source=source, sheets=sheets)
                   if sheets else _("signkit profile imported from {source}.").format(source=source)),
           "# " + _("Check every value against the building before printing. Lengths are millimetres,"),
           "# " + _("areas square metres. Each [[rooms]] says which row of the workbook it came from."),
           "", "[center]"]
    for item in CENTRE_FIELDS:
        table, key = item.key.split(".")
        if item.key == "entrance.facade_width_mm":
            out += ["", _comment("[entrance]", _("the wall with the main door"))]
        if data.centre.get(item.key) is not None:
            note = NOTES.get(item.key)
            out.append(_comment(f"{key} = {value(data.centre[item.key])}", note() if note else ""))

    out += ["", "# " + _("Organisations whose vertical plaques (竖牌) hang beside the main door."),
            "# kind: party | villagers_committee | supervision_committee | economic_cooperative | other"]
    for org in data.organisations:
        out += [_comment("[[organisations]]", _row(org)), f"name = {value(org['name'])}",
                f"kind = {value(org['kind'])}", ""]
    if not data.organisations:
        out += ["# [[organisations]]", '# name = "中国共产党……委员会"', '# kind = "party"', ""]

    out += ["# " + _("Rooms and zones (功能区). door.latch_side is seen from the corridor. A room"),
            "# " + _("with a door gets a door plate; an open area without one gets a zone sign."), ""]
    for room in data.rooms:
        out += [_comment("[[rooms]]", _row(room) if room["sheet"] else _("row {row}").format(row=room["row"])),
                f"id = {value(room['id'])}", f"name = {value(room['name'])}",
                _comment(f"function = {value(room['function'])}", data.functions[room["function"]]),
                f"floor = {room['floor']}"]
        if room.get("area_m2") is not None:
            out.append(f"area_m2 = {value(room['area_m2'])}")
        if "door" in room:
            out.append("door = { " + ", ".join(f"{k} = {value(room['door'][k])}" for k in DOOR_KEYS
                                               if k in room["door"]) + " }")
        else:
            out.append("# " + _("no door: an open area gets a zone sign (功能区标识) instead of a door plate"))
        if room.get("windows"):
            out.append(f"windows = {value(room['windows'])}")
        if room.get("plate") is False:
            out.append(_comment("plate = false", _("no sign is made for this room")))
        out.append("")

    first = data.rooms[0]["id"] if data.rooms else "party"
    out += ["# " + _("Boards (制度牌) and the featured display (特色展示) are not in the workbook: write"),
            "# " + _("their text in Markdown files in this folder and list them here, e.g."),
            "# [[boards]]", '# id = "duties"', '# file = "boards/duties.md"', f"# room = {value(first)}", ""]
    return "\n".join(out)


def value(v: Any) -> str:
    """A TOML value: bool, number, string or list of strings."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v.replace("\x7f", ""), ensure_ascii=False)  # TOML allows no raw DEL; JSON keeps it raw
    if isinstance(v, tuple):
        return "[" + ", ".join(value(x) for x in v) + "]"
    raise AssertionError(f"no TOML form for {type(v).__name__}")


def _row(entry: dict[str, Any]) -> str:
    return _("sheet {sheet}, row {row}").format(sheet=entry["sheet"], row=entry["row"])


def _comment(code: str, comment: str) -> str:
    """``code`` with ``# comment`` at the comment column (Chinese characters count double)."""
    if not comment:
        return code
    width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in code)
    return code + " " * max(1, COMMENT_COLUMN - width) + "# " + comment
