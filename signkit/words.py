"""Phrases a person reads about a sign (where it hangs, what it is), in each language.

In:  a :class:`~signkit.model.job.Location` (a phrase key and its values) and a language.
Out: the sentence.  Locations are kept as data in the plan so the schedule, the proof and the
elevations can each say them in the reader's language (Chinese by default, English on request).
"""

from __future__ import annotations

from .i18n import current_language, pgettext
from .model.job import Location

PHRASES: dict[str, dict[str, str]] = {
    "facade": {"zh": "主入口，门头居中", "en": "main entrance, centred over the door"},
    "plaque": {"zh": "主入口门{side_zh}侧（由外向内看），由门起第{nth}块",
               "en": "main entrance, {side} of the door (seen from outside), {nth_en} from the door"},
    "plate": {"zh": "{floor}层 {room}门旁{side_zh}侧（{hand_zh}侧）", "en": "{floor}F, beside the door of {room}, {side} ({hand} side)"},
    "plate-stack": {"zh": "{floor}层 {room}门旁{side_zh}侧（{hand_zh}侧），同门第{position}/{count}块",
                    "en": "{floor}F, beside the door of {room}, {side} ({hand} side), plate {position} of {count}"},
    "zone": {"zh": "{floor}层 {room}上方吊挂", "en": "{floor}F, hung over {room}"},
    "directory-lobby": {"zh": "{floor}层 门厅，主入口内", "en": "{floor}F, lobby, inside the main entrance"},
    "directory-stairs": {"zh": "{floor}层 楼梯平台", "en": "{floor}F stair landing"},
    "window": {"zh": "{floor}层 {room} {n}号窗口上方", "en": "{floor}F {room}, window {n}, above the counter"},
    "desk": {"zh": "{floor}层 {room} {n}号窗口台面", "en": "{floor}F {room}, window {n}, on the counter"},
    "board": {"zh": "{floor}层 {room} 墙面展板第{n}块", "en": "{floor}F {room}, wall display {n}"},
    "board-nowhere": {"zh": "房间“{room}”墙面展板第{n}块", "en": "room '{room}', wall display {n}"},
    "wayfinding": {"zh": "{floor}层 {where}", "en": "{floor}F, {where}"},
    "wayfinding-hanging": {"zh": "{floor}层 {where}，吊挂", "en": "{floor}F, {where}, hung"},
    "disclosure": {"zh": "{floor}层 {room} 公开栏", "en": "{floor}F {room}, disclosure board"},
    "disclosure-outdoor": {"zh": "主入口外侧 公开栏", "en": "outdoors by the main entrance, disclosure board"},
    "oath-flag": {"zh": "{floor}层 {room} 主墙，入党誓词上方居中", "en": "{floor}F {room}, main wall, centred over the oath"},
    "oath-oath": {"zh": "{floor}层 {room} 主墙，党旗下方居中", "en": "{floor}F {room}, main wall, centred under the flag"},
    "oath-duties": {"zh": "{floor}层 {room} 主墙，党旗左侧", "en": "{floor}F {room}, main wall, left of the flag"},
    "oath-rights": {"zh": "{floor}层 {room} 主墙，党旗右侧", "en": "{floor}F {room}, main wall, right of the flag"},
}

_BACK = {"zh": "（B面，背面）", "en": " (face B, the back)"}  # the second face of a double-sided sign
_SIDES = {"left": "左", "right": "右", "centre": "中"}
_HANDS = {"latch": "把手", "hinge": "门轴"}
_ORDINALS_EN = {1: "1st", 2: "2nd", 3: "3rd"}


def say(location: Location, lang: str | None = None) -> str:
    """The location as a sentence in ``lang`` (default: the current language)."""
    lang = lang or current_language()
    templates = PHRASES[location.phrase]
    values = dict(location.values)
    if "side" in values:
        values["side_zh"] = _SIDES.get(values["side"], values["side"])
    if "hand" in values:
        values["hand_zh"] = _HANDS.get(values["hand"], values["hand"])
    if "nth" in values:
        values["nth_en"] = _ORDINALS_EN.get(values["nth"], f"{values['nth']}th")
    text = templates.get(lang, templates["en"]).format(**values)
    return text + _BACK.get(lang, _BACK["en"]) if values.get("face") == 2 else text


def side_word(side: str) -> str:
    """A placement's side (``left``, ``right``, ``centre``) as a word in the current language."""
    words = {"left": pgettext("side", "left"), "right": pgettext("side", "right"),
             "centre": pgettext("side", "centre")}
    return words.get(side, side)


def edge_word(edge: str) -> str:
    """The edge a mounting height refers to (``bottom``, ``centre``, ``top``) in the current language."""
    words = {"bottom": pgettext("edge", "bottom"), "centre": pgettext("edge", "centre"), "top": pgettext("edge", "top")}
    return words.get(edge, edge)


def label(text: str) -> str:
    """A brand label such as ``门牌 door plate`` in the current language: in Chinese its Chinese
    words alone (``门牌``), in English as written."""
    if current_language() == "en":
        return text
    head, _, tail = text.partition(" ")
    return head if tail and _cjk(head) and not _cjk(tail[:1]) else text


def _cjk(text: str) -> bool:
    return bool(text) and all("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)
