"""Import a room list kept in Excel/WPS (``.xlsx``) or CSV into a commented ``profile.toml``.

In:  a workbook laid out as ``examples/rooms-template.xlsx`` shows (docs/import.md), or its
     room table saved as CSV, and the brand's room functions (id → usual Chinese label).
Out: :class:`ImportResult`: the text of a profile.toml that loads with
     :func:`signkit.load.load_profile`, plus warnings; or :class:`WorkbookError` listing
     every problem of the file at once, each located as ``rooms.xlsx: 房间!D7 (门宽)`` with a
     hint.  :func:`write_profile` writes the text without replacing an existing file.

    read (grids, merged cells filled) ─▶ tables (rooms, centre, organisations) ─▶ profile_toml

The layout, in short (:mod:`.layout` has every header and its variants):

* sheet **房间**: a header row, one room per row.  房间名称 and 功能 are required; 楼层, 面积(㎡),
  门宽(mm), 门高(mm), 把手位置(左/右), 门旁墙宽(mm), 门另一侧墙宽(mm), 服务窗口, 做标牌(是/否)
  and 编号 are optional.  No 编号: the id is made from the function (party, party-2).
* sheet **中心**: rows of ``项目 | 内容``: 名称, 村, 镇, 县(市、区), 市, 门头所在墙宽, 大门宽/高,
  门左/右墙宽 (required), 建筑面积, 户外面积, 服务户数, 服务电话, 标语, 尊位 (optional).  A CSV
  (or a workbook without 中心) writes the same rows above the room headers.
* sheet **挂牌机构** (optional): 机构名称 | 类型.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..i18n import _
from .layout import CENTRE_FIELDS, ORGANISATION_COLUMNS, ROOM_COLUMNS, Field
from .profile_toml import profile_text
from .read import WorkbookError, read_grids
from .tables import collect


@dataclass(frozen=True, slots=True)
class ImportResult:
    text: str  # the profile.toml, commented
    source: Path  # the workbook or CSV it came from
    rooms: int  # rooms imported
    organisations: int  # plaques imported
    warnings: tuple[Problem, ...] = ()  # the import went through, but the official should look at these


def import_rooms(path: Path, *, functions: Mapping[str, Any]) -> ImportResult:
    """Read ``path`` (.xlsx or .csv) into profile.toml text; raise :class:`WorkbookError` on any error.

    ``functions`` maps function id → usual label (``{"party_activity": "党员活动室"}``); the
    brand's ``functions`` (id → Function with ``.label``) is accepted as it is.
    """
    path = Path(path)
    labels = {fid: getattr(f, "label", f) for fid, f in functions.items()}
    data = collect(read_grids(path), file=str(path), functions=labels)
    if data.errors:
        raise WorkbookError(data.errors, tuple(data.warnings))
    return ImportResult(profile_text(data, path.name), path, len(data.rooms), len(data.organisations),
                        tuple(data.warnings))


def write_profile(result: ImportResult, target: Path, *, force: bool) -> Path:
    """Write ``result`` to ``target`` (a folder, or a ``.toml`` path); return the file written.

    An existing file is replaced only with ``force``; otherwise :class:`WorkbookError`.
    """
    target = Path(target)
    file = target if target.suffix.lower() == ".toml" else target / "profile.toml"
    if file.exists() and not force:
        raise WorkbookError(Problem(str(file), _("already exists; nothing was written"),
                                    _("use --force to replace it, or choose another folder with -o")))
    if file.parent.exists() and not file.parent.is_dir():
        raise WorkbookError(Problem(str(file.parent), _("is a file, not a folder"), _("choose a folder with -o")))
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(result.text, encoding="utf-8")
    return file


__all__ = ["import_rooms", "write_profile", "ImportResult", "WorkbookError", "Field", "ROOM_COLUMNS",
           "CENTRE_FIELDS", "ORGANISATION_COLUMNS"]
