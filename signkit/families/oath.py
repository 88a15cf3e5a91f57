"""The oath wall of the party room (入党誓词墙): the party flag, the oath under it, and the
members' duties and rights on boards at its left and right (RULES.md RB-01, S3, S44).

In:  the profile's ``[oath]`` (the room, which boards, the flag's size, the wall's width);
     the brand's standard texts ``[texts.oath]``, ``[texts.duties]``, ``[texts.rights]`` (each
     with its source: 《中国共产党章程》, 2022, RB-07) and tokens ``[signs.flag.tokens]``,
     ``[signs.oath.tokens]``.
Out: ``oath-flag`` (kind ``flag``: a slot for the official flag artwork, 3:2, in one of the
     条例's sizes; signkit never draws the flag, so until the official file is supplied the
     sign is a proof), ``oath-text`` (kind ``oath``: the oath, as wide as the flag, under it)
     and ``oath-duties`` / ``oath-rights`` (kind ``board``: set by the board family's
     template and flow, so they read as the room's other boards; duties first, at the left,
     as in 党章 where obligations come before rights, RB-06).

The wall: the flag and the oath on one axis, the flag above (RB-01, S44: flag above the
oath); the oath board's bottom edge, and the side boards', on one line at the oath's
mounting height; the side boards a gap away from the flag.  The group is centred on the
wall when the profile gives its width (then the wall must hold it), else it starts a gap in.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import spec
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from ..text.markdown import parse_board
from .base import Family, PlanInput
from .board import Content as BoardContent
from .board import Tokens as BoardTokens


@dataclass(frozen=True, slots=True)
class FlagTokens:
    gap_mm: float = spec(ge=0, doc="the oath board's top edge to the flag's bottom edge, mm")


@dataclass(frozen=True, slots=True, kw_only=True)
class OathTokens(BoardTokens):
    height_ratio: float = spec(gt=0, le=1, doc="the oath board's height ÷ the flag's (§3 table row 9: about 0.5)")
    side_gap_mm: float = spec(ge=0, doc="the flag's edge to the duties and rights boards, mm")
    frame_inset_mm: float = spec(ge=0, doc="trim edge to the frame rule, mm")
    frame_width_mm: float = spec(gt=0, doc="frame rule width, mm")


@dataclass(frozen=True, slots=True)
class FlagContent:
    room: str  # the party room whose main wall carries the flag


@dataclass(frozen=True, slots=True)
class Wall:
    """Where the oath wall's pieces hang: widths and offsets along the wall, the base line."""

    room: str
    key: str  # the profile key of the room
    flag: tuple[float, float]
    oath: tuple[float, float]
    board: tuple[float, float]
    flag_x: float  # centre of the flag and the oath board, from the wall's left end, mm
    duties_x: float | None
    rights_x: float | None
    base_mm: float  # bottom edge of the oath board and the side boards above the floor
    wall_mm: float | None


def _wall(inp: PlanInput) -> Wall | None:
    profile, brand = inp.profile, inp.brand
    o = profile.oath
    if o is None or "oath" not in brand.signs:
        return None
    sign = brand.signs["oath"]
    t: OathTokens = sign.tokens
    if "flag" in brand.signs:  # the oath board as wide as the flag, height_ratio of its height
        flag = tuple(o.flag_size_mm or brand.signs["flag"].size_mm)
        oath = (flag[0], round(flag[1] * t.height_ratio))
    else:  # a brand without the flag type: the oath board at its own size, on the same axis
        oath = tuple(sign.size_mm)
        flag = (oath[0], 0.0)
    board = tuple(brand.signs["board"].size_mm) if "board" in brand.signs else (0.0, 0.0)
    duties, rights = o.duties and "board" in brand.signs, o.rights and "board" in brand.signs
    width = flag[0] + (duties + rights) * (t.side_gap_mm + board[0])
    start = (o.wall_mm - width) / 2 if o.wall_mm is not None else t.board_gap_mm
    flag_x = start + (board[0] + t.side_gap_mm if duties else 0.0) + flag[0] / 2
    side = flag[0] / 2 + t.side_gap_mm + board[0] / 2
    return Wall(o.room, profile.key_of_room(o.room), flag, oath, board, flag_x,  # type: ignore[arg-type]
                flag_x - side if duties else None, flag_x + side if rights else None,
                sign.placement.height_mm, o.wall_mm)


def _placement(inp: PlanInput, wall: Wall, what: str, x: float, base: float, viewing_mm: float) -> Placement:
    room = inp.profile.room(wall.room)
    return Placement(
        wall=f"oath-{wall.room}", location=Location(f"oath-{what}", {"floor": room.floor, "room": room.name}),
        anchor="bottom", height_mm=base, offset_mm=x, side="left", viewing_distance_mm=viewing_mm,
        free_wall_mm=wall.wall_mm, free_wall_key="oath.wall_mm" if wall.wall_mm is not None else "")


def plan_flag(inp: PlanInput) -> list[SignJob]:
    wall = _wall(inp)
    if wall is None:
        return []
    brand = inp.brand
    sign = brand.signs["flag"]
    room = inp.profile.room(wall.room)
    base = wall.base_mm + wall.oath[1] + sign.tokens.gap_mm
    return [make_job(
        id="oath-flag", kind="flag", width_mm=wall.flag[0], height_mm=wall.flag[1], style=brand.style_of("flag"),
        texts={}, source="oath.flag_size_mm" if inp.profile.oath.flag_size_mm else "oath",  # type: ignore[union-attr]
        placement=_placement(inp, wall, "flag", wall.flag_x, base, sign.placement.viewing_distance_mm),
        material=sign.material, quantity=sign.quantity, room=wall.room, floor=room.floor,
        content=FlagContent(wall.room))]


def plan_oath(inp: PlanInput) -> list[SignJob]:
    wall = _wall(inp)
    if wall is None:
        return []
    brand = inp.brand
    jobs = [_text_board(inp, wall, "oath", "oath-text", "oath", wall.flag_x, wall.oath, brand.signs["oath"])]
    for name, x in (("duties", wall.duties_x), ("rights", wall.rights_x)):
        if x is not None:
            jobs.append(_text_board(inp, wall, "board", f"oath-{name}", name, x, wall.board, brand.signs["board"]))
    return jobs


def _text_board(inp: PlanInput, wall: Wall, kind: str, sign_id: str, text: str, x: float,
                size: tuple[float, float], sign) -> SignJob:
    """A board whose text is one of the brand's standard texts, set by the board machinery
    (``<sk:flow>``: fitted body size, CLREQ paragraphs, legal items with hanging labels)."""
    profile, brand = inp.profile, inp.brand
    entry = brand.texts[text]
    where = f"brand texts.{text}"
    title = entry.get("title", "").strip() or entry["text"][:8]
    note = f"\n\n{entry['note'].strip()}" if entry.get("note", "").strip() else ""
    parsed = parse_board(f"# {title}{note}\n\n{entry['text'].strip()}\n", file=where, mode="legal")
    room = profile.room(wall.room)
    texts = {"title": Text(parsed.title, f"{where}.title")}
    if kind == "board":  # the rule boards' footer: the centre and its identity line
        texts["centre"] = Text(profile.center.name, "center.name")
        if profile.center.slogan.strip():
            texts["slogan"] = Text(profile.center.slogan, "center.slogan")
    placement = _placement(inp, wall, text, x, wall.base_mm, sign.placement.viewing_distance_mm)
    return make_job(
        id=sign_id, kind=kind, width_mm=size[0], height_mm=size[1], style=brand.style_of(kind, brand.roles.party_style),
        texts=texts, source="oath" if text == "oath" else f"oath.{text}", placement=placement, material=sign.material, quantity=sign.quantity,
        room=room.id, floor=room.floor, content=BoardContent(parsed, sign_id, where, True, fixed=True))


_STANDARD_SIZES = "EM-05: 2880 × 1920, 2400 × 1600, 1920 × 1280, 1440 × 960, 960 × 640"
FLAG = Family(kind="flag", tokens=FlagTokens, content=FlagContent, plan=plan_flag, template="flag.svg.j2", order=82,
              # RB-01: the flag at the top of the main wall; a 3 m ceiling over it
              band=Band("extent", 1400.0, 3000.0, f"RB-01 (flag over the oath, under a 3 m ceiling); {_STANDARD_SIZES}"))
OATH = Family(kind="oath", tokens=OathTokens, content=BoardContent, plan=plan_oath, template="oath.svg.j2", order=83,
              texts=("oath", "duties", "rights"),
              band=Band("extent", 700.0, 2100.0, "PL-06/PL-07: bottom edge ≥ 700 mm, top edge ≤ 2100 mm"))
