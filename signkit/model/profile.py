"""The centre profile as frozen dataclasses: what an official fills in ``profile.toml``.

In:  nothing (declarations only); :mod:`signkit.load.profile` fills them from TOML.
Out: :class:`Profile` and its parts.  Lengths are millimetres (``*_mm``), areas square
metres (``*_m2``).  Field docs double as hints in error messages and as descriptions in
the JSON Schema (``signkit schema``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..config import spec

ID_PATTERN = r"[a-z0-9][a-z0-9-]*"
Side = Literal["left", "right"]
OrganisationKind = Literal["party", "villagers_committee", "supervision_committee", "economic_cooperative", "other"]
# Direction arrows (GB/T 10001.1 方向): up is straight ahead on a wall or hung sign, upstairs on a floor sign
Arrow = Literal["up", "up-right", "right", "down-right", "down", "down-left", "left", "up-left"]
WayfindingKind = Literal["wall", "hanging", "floor"]
# Public facilities a direction sign may point to besides the profile's rooms (their names and
# pictograms are the brand's [facilities] table)
FACILITIES = ("toilet", "accessible-toilet", "exit", "stairs", "lift")


@dataclass(frozen=True, slots=True)
class Center:
    """The centre itself: its name on the facade and where it sits."""

    name: str = spec(doc="the full name on the facade sign, e.g. 青禾村党群服务中心", nonblank=True)
    village: str = spec(doc="village name, e.g. 青禾村")
    township: str = spec(doc="township, e.g. 天王镇")
    county: str = spec(doc="county or county-level city, e.g. 句容市")
    city: str = spec(doc="city, e.g. 镇江市")
    floor_area_m2: float | None = spec(None, gt=0, doc="built floor area of the centre in m²")
    outdoor_area_m2: float | None = spec(None, ge=0, doc="outdoor square / activity ground in m²")
    households: int | None = spec(None, ge=0, doc="households served")
    hotline: str | None = spec(None, doc="service telephone number: {hotline} in board texts, the contact band of "
                                         "boards with contact = true, the floor directories' footer")
    qr_url: str | None = spec(None, pattern=r"https?://\S+", doc="address a QR code on the contact band of boards "
                                                                 "with contact = true leads to (an online service hall)")
    slogan: str = spec("以人民为中心", doc="identity line used on boards and the facade; \"\" leaves it out")
    street_distance_mm: float = spec(15000, gt=0, doc="distance from which the facade sign is read, mm")


@dataclass(frozen=True, slots=True)
class Entrance:
    """The wall with the main door, where the facade sign and the plaques hang."""

    facade_width_mm: float = spec(gt=0, doc="width of the facade wall in mm")
    door_width_mm: float = spec(gt=0, doc="width of the main door opening in mm")
    door_height_mm: float = spec(gt=0, doc="height of the main door opening in mm")
    wall_left_mm: float = spec(ge=0, doc="free wall left of the door frame (seen from outside), mm")
    wall_right_mm: float = spec(ge=0, doc="free wall right of the door frame (seen from outside), mm")
    honour_side: Side = spec("right", doc="position of honour for the party plaque, seen from outside")


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation whose vertical plaque (竖牌) hangs beside the main door."""

    name: str = spec(doc="the legal name exactly as approved, e.g. 中国共产党句容市天王镇青禾村委员会", nonblank=True)
    kind: OrganisationKind = spec(doc="party, villagers_committee, supervision_committee, economic_cooperative or other")
    size_mm: tuple[float, float] | None = spec(None, gt=0, doc="plaque width and height, mm, if not the brand's default")
    side: Side | None = spec(None, doc="hang the plaque on this side of the door (seen from outside), if not the "
                                       "usual symmetric arrangement")
    order: int | None = spec(None, ge=1, doc="its precedence among the plaques (1 = first: the position of honour, "
                                             "nearest the door), if not party, villagers' committee, then profile order")


@dataclass(frozen=True, slots=True)
class Door:
    """A room's door, seen from the corridor."""

    width_mm: float = spec(gt=0, doc="door opening width in mm")
    height_mm: float = spec(gt=0, doc="door opening height in mm")
    latch_side: Side = spec(doc="side of the door handle seen from the corridor: left or right")
    wall_mm: float = spec(ge=0, doc="free wall beside the latch side of the door frame, mm")
    hinge_wall_mm: float | None = spec(None, ge=0, doc="free wall on the hinge side, mm (used if the latch side is too narrow)")
    id: str | None = spec(None, pattern=r"[a-z0-9][a-z0-9-]*",
                          doc="give rooms that share one door the same door id: their plates stack beside it")
    plate_order: int | None = spec(None, ge=1, doc="position of this room's plate among plates sharing a door (1 = top)")
    plate_centre_mm: float | None = spec(None, gt=0, doc="mounting height of the plate's centre, if the site needs another")


@dataclass(frozen=True, slots=True)
class Window:
    """A service window written as a table, when it needs more than its name."""

    name: str = spec(doc="the window's name, e.g. 党员服务", nonblank=True)
    party: bool = spec(False, doc="true: its window and desk signs take the party colours")
    model_post: bool = spec(False, doc="true: its desk sign carries the 党员示范岗 badge")


@dataclass(frozen=True, slots=True)
class Room:
    """A room or open area (功能区) of the centre."""

    id: str = spec(pattern=ID_PATTERN, doc="short id in lower-case letters, digits and '-', e.g. party")
    name: str = spec(doc="the name on the door plate, e.g. 党员活动室", nonblank=True)
    function: str = spec(doc="what the room is for; picks the sign style (`signkit functions` lists them)")
    floor: int = spec(1, ge=-5, le=99, doc="floor number (1 = ground floor)")
    area_m2: float | None = spec(None, gt=0, doc="floor area in m²")
    door: Door | None = spec(None, doc="the door; a room without one gets a zone sign instead of a plate")
    windows: tuple[str | Window, ...] = spec(
        (), nonblank=True, doc="service windows in this room, e.g. [\"综合窗口\", { name = \"党员服务\", party = true, "
                               "model_post = true }]")
    plate: bool = spec(True, doc="false: signkit makes no plate or zone sign for this room (it keeps an existing one)")
    number: str | None = spec(None, doc="room number shown on the floor directory, e.g. 101")
    direction: Literal["left", "right", "ahead", "behind"] | None = spec(
        None, doc="where the room lies seen from its floor's directory: an arrow on the directory (left, right, ahead, behind)")
    display_wall_mm: float | None = spec(None, gt=0, doc="free wall for boards in this room, mm (boards and series must fit it)")


@dataclass(frozen=True, slots=True)
class Board:
    """A system-publicity board (制度牌) whose text is a Markdown file."""

    id: str = spec(pattern=ID_PATTERN, doc="short id, e.g. duties")
    file: Path = spec(doc="Markdown file with the board text, relative to the profile")
    room: str = spec(doc="id of the room where the board hangs")
    contact: bool = spec(False, doc="a contact band at the board's foot: the hotline and the QR code of center.qr_url")


@dataclass(frozen=True, slots=True)
class Showcase:
    """The featured-display board (特色展示)."""

    file: Path = spec(doc="Markdown file with the showcase text, relative to the profile")
    room: str = spec(doc="id of the room where the showcase hangs")
    images: tuple[Path, ...] = spec((), doc="optional photos (CMYK-safe JPEG/PNG, ≥ 150 ppi at final size): the "
                                           "showcase then leads with them, in a grid beside the text")
    captions: tuple[str, ...] = spec((), doc="a caption for each photo, in the order of images (\"\" for none)")


@dataclass(frozen=True, slots=True)
class Destination:
    """One line of a direction sign: where it leads and which way."""

    to: str = spec(doc="a room id of this profile, or a public facility: toilet, accessible-toilet, exit, stairs, lift")
    arrow: Arrow = spec(doc="up (straight ahead; upstairs on a floor sign), up-right, right, down-right, down, "
                            "down-left, left or up-left, as the reader facing the sign sees it")
    label: str | None = spec(None, doc="the words on the sign when not the room's name or the facility's usual name, "
                                       "e.g. 网格站", nonblank=True)


@dataclass(frozen=True, slots=True)
class Wayfinding:
    """A direction sign (导向标识): on a wall, hung from the ceiling (both faces), or a floor sign."""

    id: str = spec(pattern=ID_PATTERN, doc="short id, e.g. lobby; the sign is way-<id>")
    where: str = spec(doc="where it hangs, in a few words, e.g. 门厅东墙 or 二楼走廊转角", nonblank=True)
    kind: WayfindingKind = spec("wall", doc="wall (on a wall, read close up), hanging (hung from the ceiling, "
                                            "read from both sides) or floor (楼层号 at a stair landing or lift)")
    floor: int = spec(1, ge=-5, le=99, doc="floor where the sign hangs (a floor sign shows it large)")
    destinations: tuple[Destination, ...] = spec(
        (), doc='lines of the sign, e.g. [{ to = "party", arrow = "up-right" }, { to = "toilet", arrow = "left" }]; '
                "signkit sets them ahead first, then left, then right (floor signs: up, then down)")
    back: tuple[Destination, ...] | None = spec(
        None, doc="hanging signs: the lines of the other face, as its readers see them (default: this face's "
                  "lines with the arrows mirrored left ↔ right)")
    height_mm: float | None = spec(None, gt=0, doc="mounting height of the sign's reference edge (the brand's "
                                                   "placement anchor), if the site needs another")


@dataclass(frozen=True, slots=True)
class Disclosure:
    """The disclosure board (三务公开栏: 党务、村务、财务公开) with replaceable pockets for the papers."""

    period: str = spec(doc="the period the posted papers cover, e.g. 2026年第四季度 or 2026年10月", nonblank=True)
    room: str | None = spec(None, pattern=ID_PATTERN, doc="id of the room whose wall carries it; leave it out for "
                                                          "an outdoor board beside the main entrance")
    pockets: int = spec(4, ge=1, le=12, doc="pockets per column")
    pocket: Literal["A4", "A3"] = spec("A4", doc="paper size a pocket holds, upright: A4 or A3")
    across: int | None = spec(None, ge=1, le=4, doc="pockets side by side in a column (default: 2 when a column "
                                                    "holds 4 or more, else 1)")
    columns: tuple[str, ...] | None = spec(None, nonblank=True, doc="column titles, default the brand's "
                                                                    "(党务公开, 村务公开, 财务公开)")
    title: str | None = spec(None, nonblank=True, doc="title over the board (default: the village name and the "
                                                      "brand's title, e.g. 青禾村党务村务财务公开栏)")
    wall_mm: float | None = spec(None, gt=0, doc="free wall for the board, mm (the board must fit it)")


@dataclass(frozen=True, slots=True)
class Oath:
    """The oath wall (入党誓词墙) of the party room: the party flag, the oath under it, and the
    members' duties and rights boards left and right (RULES.md RB-01)."""

    room: str = spec(pattern=ID_PATTERN, doc="id of the party room whose main wall carries it, e.g. party")
    duties: bool = spec(True, doc="hang the 党员的义务 board at the left")
    rights: bool = spec(True, doc="hang the 党员的权利 board at the right")
    flag_size_mm: tuple[float, float] | None = spec(None, gt=0, doc="flag width and height, mm (EM-05: 2880 × 1920, "
                                                                     "2400 × 1600, 1920 × 1280, 1440 × 960 or 960 × 640)")
    wall_mm: float | None = spec(None, gt=0, doc="width of the free main wall, mm (the wall is centred on it)")


@dataclass(frozen=True, slots=True)
class Profile:
    """One centre: everything signkit needs to make its sign set."""

    center: Center
    entrance: Entrance
    organisations: tuple[Organisation, ...] = ()
    rooms: tuple[Room, ...] = ()
    boards: tuple[Board, ...] = ()
    showcase: Showcase | None = None
    wayfinding: tuple[Wayfinding, ...] = spec((), doc="direction signs, floor signs (导向)")
    disclosure: Disclosure | None = spec(None, doc="the 三务公开 disclosure board")
    oath: Oath | None = spec(None, doc="the oath wall of the party room (flag, 入党誓词, duties, rights)")
    rules: dict[str, dict[str, Any]] = spec(
        default_factory=dict, doc="per-rule overrides, e.g. [rules.VP-04] with parameters, or enabled = false and a reason")
    source: Path = spec(Path("profile.toml"), internal=True)

    @property
    def folder(self) -> Path:
        return self.source.parent

    def room(self, room_id: str) -> Room | None:
        return next((r for r in self.rooms if r.id == room_id), None)

    def key_of_room(self, room_id: str) -> str:
        index = next(i for i, r in enumerate(self.rooms) if r.id == room_id)
        return f"rooms[{index}]"
