"""The workbook layout: which columns and rows signkit reads, and how headers are matched.

In:  header texts as an official typed them (``*门宽（mm）``, ``门洞宽度``, ``door_width_mm``).
Out: the :class:`Field` each one means, or None.  Matching ignores case, spaces, ``*`` and
     bracketed units, and knows common variants (``aliases``); the TOML key itself is always
     accepted too.  ``label`` is what the template writes; docs/import.md lists them all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Field:
    """One column of a table, or one row of the 中心 sheet."""

    key: str  # where it goes: "door.width_mm", "center.name", "entrance.wall_left_mm"
    label: str  # the header as the template writes it
    kind: str  # how the cell is read: see signkit.workbook.cells.parse
    aliases: tuple[str, ...] = ()
    required: bool = False


ROOM_COLUMNS = (
    Field("floor", "楼层", "floor", ("层", "层数", "所在楼层", "楼层号")),
    Field("name", "房间名称", "text", ("名称", "房间", "室名", "房间名", "功能室名称", "门牌名称", "标牌名称", "名字"), True),
    Field("function", "功能", "function", ("功能类型", "类型", "用途", "房间功能", "功能室类型", "房间类型"), True),
    Field("area_m2", "面积(㎡)", "area", ("使用面积", "房间面积")),
    Field("door.width_mm", "门宽(mm)", "length", ("门宽度", "门洞宽", "门洞宽度", "门的宽度")),
    Field("door.height_mm", "门高(mm)", "length", ("门高度", "门洞高", "门洞高度", "门的高度")),
    Field("door.latch_side", "把手位置(左/右)", "side", ("把手", "门把手", "把手侧", "门把手位置", "把手在")),
    Field("door.wall_mm", "门旁墙宽(mm)", "length", ("把手侧墙宽", "门边墙宽", "门侧墙宽", "门旁墙面宽", "门旁墙面宽度", "墙宽")),
    Field("door.hinge_wall_mm", "门另一侧墙宽(mm)", "length", ("铰链侧墙宽", "合页侧墙宽", "门轴侧墙宽")),
    Field("windows", "服务窗口", "list", ("窗口", "窗口名称", "服务窗口名称")),
    Field("plate", "做标牌(是/否)", "yes_no", ("做标牌", "制作标牌", "做门牌", "制作门牌", "制牌")),
    Field("id", "编号", "id", ("房间编号", "代号", "标识")),
)
DOOR_REQUIRED = ("door.width_mm", "door.height_mm", "door.latch_side", "door.wall_mm")

CENTRE_FIELDS = (
    Field("center.name", "名称", "text", ("中心名称", "全称", "服务中心名称", "门头名称", "中心全称"), True),
    Field("center.village", "村", "text", ("村名", "村名称", "社区", "村社区"), True),
    Field("center.township", "镇", "text", ("乡镇", "乡", "街道", "乡镇街道", "镇街"), True),
    Field("center.county", "县(市、区)", "text", ("县", "区县", "县区", "县市区", "县级市"), True),
    Field("center.city", "市", "text", ("地级市", "设区市", "所在市", "市州"), True),
    Field("center.floor_area_m2", "建筑面积(㎡)", "area", ("中心面积", "总面积", "面积", "中心建筑面积")),
    Field("center.outdoor_area_m2", "户外面积(㎡)", "area", ("广场面积", "室外面积", "户外活动场地面积", "活动场地面积")),
    Field("center.households", "服务户数", "count", ("户数", "农户数", "总户数")),
    Field("center.hotline", "服务电话", "phone", ("电话", "联系电话", "热线", "服务热线")),
    Field("center.slogan", "标语", "text", ("宣传语", "口号", "标识语")),
    Field("entrance.facade_width_mm", "门头所在墙宽(mm)", "length",
          ("门头墙宽", "门头所在墙面宽", "门头所在墙面宽度", "外墙宽", "正立面宽", "立面宽度", "门头墙面宽度"), True),
    Field("entrance.door_width_mm", "大门宽(mm)", "length", ("大门宽度", "正门宽", "正门宽度", "大门洞宽"), True),
    Field("entrance.door_height_mm", "大门高(mm)", "length", ("大门高度", "正门高", "正门高度", "大门洞高"), True),
    Field("entrance.wall_left_mm", "门左墙宽(mm)", "length",
          ("大门左侧墙宽", "门左侧墙宽", "左侧墙宽", "左墙宽", "大门左墙宽"), True),
    Field("entrance.wall_right_mm", "门右墙宽(mm)", "length",
          ("大门右侧墙宽", "门右侧墙宽", "右侧墙宽", "右墙宽", "大门右墙宽"), True),
    Field("entrance.honour_side", "尊位(左/右)", "side", ("党组织牌一侧", "党组织牌位置", "上位")),
)
CENTRE_HEADER_WORDS = ("项目", "内容", "填写内容", "字段", "说明")  # the 中心 sheet's own header row

ORGANISATION_COLUMNS = (
    Field("name", "机构名称", "text", ("名称", "全称", "单位名称", "组织名称", "牌子名称"), True),
    Field("kind", "类型", "kind", ("机构类型", "组织类型")),
)
NOTE_HEADERS = ("备注", "说明", "注", "notes", "note", "序号", "no")  # columns read by people only

SHEETS = {
    "centre": ("中心", "中心信息", "基本信息", "中心基本信息", "中心概况", "centre", "center"),
    "organisations": ("挂牌机构", "机构", "挂牌", "竖牌", "机构牌", "organisations", "organizations"),
    "notes": ("说明", "填写说明", "notes", "readme"),
    "rooms": ("房间", "房间清单", "功能室", "功能室清单", "功能区", "rooms"),
}


def norm(text: Any) -> str:
    """A header or key for matching: NFKC, lower case, no brackets, spaces or marks."""
    s = unicodedata.normalize("NFKC", str(text)).lower()
    s = re.sub(r"\(.*?\)|\[.*?\]|【.*?】|〔.*?〕", "", s)
    return re.sub(r"[\s*:_\-/、.·]", "", s)


def display(header: Any) -> str:
    """A header for messages, without a bracketed unit or choice: 门宽(mm) → 门宽, 把手位置(左/右) → 把手位置."""
    units = r"mm|cm|m|m2|m²|㎡|毫米|厘米|米|平方米|平米"
    text = re.sub(rf"\s*[(（]\s*(?:{units}|[^()（）]*/[^()（）]*)\s*[)）]", "", str(header).strip(), flags=re.I)
    return text.strip() or str(header).strip()


def lookup(fields: tuple[Field, ...]) -> dict[str, Field]:
    table: dict[str, Field] = {}
    for field in fields:
        toml_key = field.key.replace("door.", "door_").rsplit(".", 1)[-1]  # door_width_mm, name, wall_left_mm
        for alias in (field.label, *field.aliases, toml_key):
            table.setdefault(norm(alias), field)
    return table


def match(header: Any, table: dict[str, Field]) -> Field | None:
    key = norm(header)
    if key in table:
        return table[key]
    bare = re.sub(r"(mm|cm|m2|m|毫米|厘米|平方米|米)$", "", key)  # 门宽mm, 面积m2
    return table.get(bare) if bare else None


def sheet_kind(name: str | None) -> str | None:
    """centre, organisations, notes, rooms, or None for a sheet with another name."""
    key = norm(name or "")
    return next((kind for kind, names in SHEETS.items() if key in {norm(n) for n in names}), None)


ROOM_LOOKUP = lookup(ROOM_COLUMNS)
ROOM_BY_KEY = {f.key: f for f in ROOM_COLUMNS}
CENTRE_LOOKUP = lookup(CENTRE_FIELDS)
ORGANISATION_LOOKUP = lookup(ORGANISATION_COLUMNS)
CENTRE_HEADER_NORMS = frozenset(norm(w) for w in CENTRE_HEADER_WORDS)
NOTE_NORMS = frozenset(norm(w) for w in NOTE_HEADERS)
