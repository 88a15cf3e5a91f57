"""Find the tables in the grids and read them: rooms, centre data and organisations.

In:  the grids of one file (:mod:`.read`) and the brand's functions (id → usual label).
Out: :class:`Collected`: plain dicts of profile values in sheet order, every error and
     warning located at its cell (``rooms.xlsx: 房间!D7 (门宽)``), all of them at once.

Where things are: the room table is on the sheet named 房间 (or the first sheet with
another name; a CSV's only sheet), below a header row found among its first 30 rows.
Centre rows (``key | value``) are on sheet 中心, or above the room table's header row.
Organisations are on sheet 挂牌机构.  Rows of a table that are blank (a merged 楼层 alone
counts as blank) or say 合计/小计/总计 are skipped; a blank 楼层 repeats the floor above; a
row holding only a floor (二楼, often merged across the table) sets the floor of the rows below.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..i18n import _
from . import cells
from .cells import CellError
from .layout import (CENTRE_FIELDS, CENTRE_HEADER_NORMS, CENTRE_LOOKUP, DOOR_REQUIRED, NOTE_NORMS,
                     ORGANISATION_COLUMNS, ROOM_BY_KEY, ROOM_COLUMNS, Field, display, lookup, match, norm,
                     sheet_kind)
from .read import Grid, letter

Columns = dict[str, tuple[int, str]]  # field key → (column number, header as written)
HEADER_SEARCH_ROWS = 30


@dataclass
class Collected:
    file: str
    functions: dict[str, str]
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # the sheets read, rooms first
    centre: dict[str, Any] = field(default_factory=dict)  # "center.name" → value
    rooms: list[dict[str, Any]] = field(default_factory=list)  # Room keys, plus "row" and "sheet"
    organisations: list[dict[str, Any]] = field(default_factory=list)


def collect(grids: list[Grid], *, file: str, functions: Mapping[str, str]) -> Collected:
    return _Collector(Collected(file, dict(functions))).run(grids)


class _Collector:
    def __init__(self, out: Collected):
        self.out = out
        self.centre_where: dict[str, str] = {}  # centre key → where it was given
        self.failed: set[str] = set()  # centre keys given but unreadable (no "missing" error for them)
        self.id_where: dict[int, str] = {}  # id(room) → where its id came from

    def error(self, where: str, message: str, hint: str = "") -> None:
        self.out.errors.append(Problem(where, message, hint))

    def warn(self, where: str, message: str, hint: str = "") -> None:
        self.out.warnings.append(Problem(where, message, hint))

    def run(self, grids: list[Grid]) -> Collected:
        kinds = [sheet_kind(g.sheet) for g in grids]
        rooms = next((g for g, k in zip(grids, kinds) if k == "rooms"), None) or \
            next((g for g, k in zip(grids, kinds) if k is None), None)
        if rooms is None:
            self.error(self.out.file, _("no sheet with the room list"),
                       _("name the sheet with the rooms 房间 (see examples/rooms-template.xlsx)"))
            return self.out
        self.out.sheets.append(rooms.sheet or "")
        header_row = self._rooms(rooms)
        self._centre(rooms, range(1, header_row or 1))
        for grid, kind in zip(grids, kinds):
            if kind == "centre":
                self.out.sheets.append(grid.sheet or "")
                self._centre(grid, range(1, len(grid.rows) + 1))
            elif kind == "organisations":
                self.out.sheets.append(grid.sheet or "")
                self._organisations(grid)
        if header_row or "centre" in kinds:  # else the centre rows may be what we failed to find
            self._centre_required()
        self._ids()
        if not self.out.organisations:
            self.warn(self.out.file, _("no organisations: the profile will have no plaques beside the main door"),
                      _("add a sheet 挂牌机构 with the columns 机构名称 and 类型, or fill [[organisations]] "
                        "in profile.toml"))
        return self.out

    # -- the room table ------------------------------------------------------------------
    def _rooms(self, grid: Grid) -> int | None:
        found = self._header(grid, ROOM_COLUMNS)
        if found is None:
            return None
        header_row, columns = found
        floor, rooms = 1, 0
        for r in range(header_row + 1, len(grid.rows) + 1):
            section = _section(grid, r, columns)
            if section is not None:  # 二楼 alone on its row (often merged across): the floor of the rows below
                floor = section or floor
                continue
            if _skip(grid, r, columns):
                floor = _floor_or(grid.cell(r, columns["floor"][0]) if "floor" in columns else None, floor)
                continue
            rooms += 1
            room = self._room(grid, r, columns)
            if room is not None:
                floor = room.setdefault("floor", floor)  # a blank 楼层 repeats the floor above
                self.out.rooms.append(room)
        if not rooms:
            self.error(grid.where(header_row + 1), _("no rooms below the header row"),
                       _("write one room per row under the headers"))
        return header_row

    def _room(self, grid: Grid, r: int, columns: Columns) -> dict[str, Any] | None:
        room: dict[str, Any] = {"row": r, "sheet": grid.sheet}
        failed: set[str] = set()
        for key, (c, header) in columns.items():
            value = grid.cell(r, c)
            if value is None:
                continue
            try:
                parsed = self._cell(ROOM_BY_KEY[key], value, header)
            except CellError as bad:
                self.error(grid.where(r, c, header), bad.message, bad.hint)
                failed.add(key)
                continue
            if parsed is not None:
                room[key] = parsed
        if "name" not in room:
            self.error(grid.where(r, *columns["name"]), _("the room name is empty"),
                       _("write the name as it should appear on the sign, or delete the row"))
            return None
        if "function" not in room and "function" not in failed:
            room["function"] = self._function_of_name(room["name"])  # 功能 left empty: a usual name says it
            if room["function"] is None:
                self.error(grid.where(r, *columns["function"]), _("the function is empty"),
                           self._function_hint(room["name"]))
        door = {key.split(".", 1)[1]: room.pop(key) for key in list(room) if key.startswith("door.")}
        if door or any(key.startswith("door.") for key in failed):
            for key in DOOR_REQUIRED:
                if key.split(".", 1)[1] in door or key in failed:
                    continue
                c, header = columns.get(key, (0, ROOM_BY_KEY[key].label))
                self.error(grid.where(r, c or None, header if c else None),
                           _("the door needs its {what} too").format(what=display(ROOM_BY_KEY[key].label)),
                           _("fill 门宽, 门高, 把手位置 and 门旁墙宽 for a room with a door; "
                             "leave all four empty for an open area without a door"))
            room["door"] = door
        c, header = columns.get("id", columns["name"])
        self.id_where[id(room)] = grid.where(r, c, header)
        return room

    def _ids(self) -> None:
        """Check the ids given; make the others from the function: party, party-2 …"""
        taken: dict[str, str] = {}
        for room in self.out.rooms:
            if "id" not in room:
                continue
            where = self.id_where[id(room)]
            if room["id"] in taken:
                self.error(where, _("the id '{id}' is used twice").format(id=room["id"]),
                           _("it is also at {other}; give every room its own id, or leave the cell empty to have "
                             "one made").format(other=taken[room["id"]]))
            taken.setdefault(room["id"], where)
        for room in self.out.rooms:
            if "id" not in room:
                base = re.sub(r"[^a-z0-9-]", "", (room.get("function") or "").split("_")[0].lower()) or "room"
                rid, n = base, 1
                while rid in taken:
                    n += 1
                    rid = f"{base}-{n}"
                room["id"] = rid
                taken[rid] = ""

    # -- the centre: rows of key | value -------------------------------------------------
    def _centre(self, grid: Grid, rows: range) -> None:
        for r in rows:
            key, value, c = _key_value(grid, r)
            if key is None:
                continue
            found = match(key, CENTRE_LOOKUP)
            if found is None:  # warn only when a value would be lost: not for a title, merged or not
                if value is not None and value != key and norm(key) not in CENTRE_HEADER_NORMS:
                    labels = [f.label for f in CENTRE_FIELDS]
                    self.warn(grid.where(r, 1, key), _("'{key}' is not a centre item signkit reads; the row is "
                                                       "ignored").format(key=cells.clean(key)),
                              _did_you_mean(display(key), labels) or _("centre items: {labels}").format(
                                  labels="、".join(labels)))
                continue
            if found.key in self.centre_where:
                self.error(grid.where(r, 1, key), _("{item} is given twice").format(item=display(found.label)),
                           _("it is also at {other}; keep one").format(other=self.centre_where[found.key]))
                continue
            where = self.centre_where[found.key] = grid.where(r, c, key)
            if value is None:
                continue
            try:
                self.out.centre[found.key] = self._cell(found, value, key)
            except CellError as bad:
                self.error(where, bad.message, bad.hint)
                self.failed.add(found.key)
                continue
            if found.kind == "phone" and isinstance(value, (int, float)) and not str(value).startswith("1"):
                self.warn(where, _("the telephone number is stored as a number, so its leading 0 is lost"),
                          _("format the cell as text and type the number again, e.g. 0511-87650000"))

    def _centre_required(self) -> None:
        for item in CENTRE_FIELDS:
            if not item.required or self.out.centre.get(item.key) is not None or item.key in self.failed:
                continue
            village = self.out.centre.get("center.village")
            example = _(", e.g. {village}党群服务中心").format(village=village) \
                if item.key == "center.name" and village else ""
            if item.key in self.centre_where:
                self.error(self.centre_where[item.key], _("{item} is empty").format(item=display(item.label)),
                           _("fill in the value{example}").format(example=example))
            else:
                self.error(self.out.file, _("{item} is missing").format(item=display(item.label)),
                           _("add a row {label} to sheet 中心 with the value in column B (in a CSV: a row "
                             "{label},value above the room headers)").format(label=item.label))

    # -- sheet 挂牌机构 --------------------------------------------------------------------
    def _organisations(self, grid: Grid) -> None:
        found = self._header(grid, ORGANISATION_COLUMNS)
        if found is None:
            return
        header_row, columns = found
        for r in range(header_row + 1, len(grid.rows) + 1):
            if _skip(grid, r, columns):
                continue
            c, header = columns["name"]
            name = cells.clean(grid.cell(r, c))
            if not name:
                self.error(grid.where(r, c, header), _("the organisation name is empty"),
                           _("write the approved name in full, or delete the row"))
                continue
            kind = cells.kind_from_name(name)
            if "kind" in columns and grid.cell(r, columns["kind"][0]) is not None:
                try:
                    kind = cells.organisation_kind(grid.cell(r, columns["kind"][0]))
                except CellError as bad:
                    self.error(grid.where(r, *columns["kind"]), bad.message, bad.hint)
            self.out.organisations.append({"name": name, "kind": kind, "row": r, "sheet": grid.sheet})

    # -- shared --------------------------------------------------------------------------
    def _header(self, grid: Grid, fields: tuple[Field, ...]) -> tuple[int, Columns] | None:
        """The first row that names two of ``fields`` (or all required ones) is the header row."""
        table = lookup(fields)
        for r in range(1, min(len(grid.rows), HEADER_SEARCH_ROWS) + 1):
            row = grid.rows[r - 1]
            matched = {c: match(v, table) for c, v in enumerate(row, start=1) if isinstance(v, str)}
            keys = {f.key for f in matched.values() if f is not None}
            if len(keys) < 2 and not all(f.key in keys for f in fields if f.required):
                continue  # a title (one text in every merged cell), a centre row, a blank row
            columns: Columns = {}
            for c, found in matched.items():
                header = row[c - 1]
                if found is None and norm(header) not in NOTE_NORMS:
                    labels = [f.label for f in fields]
                    self.warn(grid.where(r, c, header), _("column '{header}' is not one signkit reads; it is ignored")
                              .format(header=cells.clean(header)),
                              _did_you_mean(display(header), labels) or _("columns signkit reads: {labels}").format(
                                  labels="、".join(labels)))
                elif found is not None and found.key in columns:
                    self.error(grid.where(r, c, header),
                               _("column {first} is already {name}").format(first=letter(columns[found.key][0]),
                                                                           name=display(found.label)),
                               _("keep one of the two columns"))
                elif found is not None:
                    columns[found.key] = (c, header)
            missing = [f for f in fields if f.required and f.key not in columns]
            for f in missing:
                self.error(grid.where(r, 1, end_col=max(len(row), 1)),
                           _("the required column {name} is missing").format(name=display(f.label)),
                           _("add a column headed {label} (see examples/rooms-template.xlsx)").format(label=f.label))
            return None if missing else (r, columns)
        self.error(grid.where(), _("no header row found"),
                   _("one of the first rows must be the headers, with {labels}").format(
                       labels="、".join(f.label for f in fields if f.required)))
        return None

    def _cell(self, item: Field, value: Any, header: Any) -> Any:
        if item.kind == "function":
            return self._function(value)
        return cells.parse(item.kind, value, header=header, key=item.key)

    def _function(self, value: Any) -> str:
        text = cells.norm_value(value)
        for fid, label in self.out.functions.items():
            if text in (fid.lower(), cells.norm_value(label)):
                return fid
        raise CellError(_("unknown function '{value}'").format(value=cells.clean(value)),
                        self._function_hint(cells.clean(value)))

    def _function_of_name(self, name: str) -> str | None:
        return next((fid for fid, label in self.out.functions.items()
                     if cells.norm_value(label) == cells.norm_value(name)), None)

    def _function_hint(self, text: str) -> str:
        by_label = {label: fid for fid, label in self.out.functions.items()}
        close = difflib.get_close_matches(text, [*by_label, *self.out.functions], n=1, cutoff=0.5)
        if close:
            fid = by_label.get(close[0], close[0])
            return _("did you mean {label} ({id})?").format(label=self.out.functions[fid], id=fid)
        return _("write one of: {labels}").format(labels="、".join(self.out.functions.values()))


def _key_value(grid: Grid, r: int) -> tuple[str | None, Any, int]:
    """A centre row: the key in column A and the value in column B, or ``名称：…`` in column A."""
    key, value = grid.cell(r, 1), grid.cell(r, 2)
    if key is None:
        return None, None, 2
    key = str(key)
    if value is None and re.search(r"[:：]", key):
        key, value = re.split(r"[:：]", key, maxsplit=1)
        return key, cells.clean(value) or None, 1
    return key, value, 2


def _skip(grid: Grid, r: int, columns: Columns) -> bool:
    """A blank row (a merged 楼层 alone counts as blank), or a 合计/小计/总计 row."""
    if all(grid.cell(r, c) is None for key, (c, _h) in columns.items() if key != "floor"):
        return True
    return any(isinstance(v, str) and re.sub(r"\s", "", v) in ("合计", "总计", "小计") for v in grid.rows[r - 1])


def _section(grid: Grid, r: int, columns: Columns) -> int | None:
    """A row holding one text only: the floor it names (二楼, 2F), 0 for a sub-title merged across
    the table (党建区), None for anything else (a room row, a blank row)."""
    values = [v for v in grid.rows[r - 1] if v is not None]
    if not values or not isinstance(values[0], str) or len(set(values)) > 1:
        return None
    floor = _floor_or(values[0], 0)
    if floor:
        return floor
    across = len(columns) >= 3 and all(grid.cell(r, c) == values[0] for c, _h in columns.values())
    return 0 if across else None


def _floor_or(text: Any, floor: int) -> int:
    """The floor a band or a lone 楼层 cell names, else ``floor``."""
    if text is None:
        return floor
    try:
        return cells.floor(text)
    except CellError:
        return floor


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    return _("did you mean {choice}?").format(choice=close[0]) if close else ""
