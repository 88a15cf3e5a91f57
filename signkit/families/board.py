"""Rule boards (制度牌, ``[[boards]]``) and the featured display (特色展示, ``[showcase]``).

In:  the profile's boards and showcase, their texts and photos as the load stage read them
(:class:`~signkit.text.markdown.BoardText`, :class:`~signkit.ir.Raster`); tokens
``[signs.board.tokens]`` and ``[signs.showcase.tokens]``.
Out: ``board-<id>`` and ``showcase`` jobs, one per text.  A text longer than one panel becomes
a series (``board-<id>-1``, ``-2`` …) and boards on one wall share one body size: both are
wall-level decisions made in :mod:`signkit.plan.walls`, which also gives every panel its
place on the wall.  Party boards (hung in a party room) take the party style (the emblem).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import spec
from ..ir import Raster
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from ..text.markdown import BoardText
from .base import Family, PlanInput
from .door_plate import is_party


@dataclass(frozen=True, slots=True, kw_only=True)
class Tokens:
    margin_mm: float = spec(ge=0, doc="side margin, mm")
    header_mm: float = spec(gt=0, doc="header band height, mm")
    footer_mm: float = spec(ge=0, doc="footer height, mm")
    footer_text_mm: float = spec(gt=0, doc="the footer line's frame height, mm")
    body_min_char_mm: float = spec(gt=0, doc="PL-08: primary text Z ≤ 150 at the reading distance")
    body_max_char_mm: float = spec(gt=0, doc="largest body character height, mm")
    step_mm: float = spec(gt=0, doc="body sizes are tried in these steps, mm")
    leading: float = spec(gt=1, doc="body line pitch ÷ body size")
    heading_ratio: float = spec(gt=0, doc="heading character height ÷ body")
    title_ratio: float = spec(gt=0, doc="title character height ÷ body")
    title_min_mm: float = spec(gt=0, doc="smallest title character height, mm")
    paragraph_gap: int = spec(ge=0, doc="grid units (half a body line) between paragraphs")
    section_gap: int = spec(ge=0, doc="grid units before a section heading")
    hang_punctuation: bool = spec(doc="a final 。，、 may hang in the margin (CLREQ §3.1.7; rare in mainland practice)")
    board_gap_mm: float = spec(ge=0, doc="between boards hung side by side, mm")
    harmonise_on_wall: bool = spec(True, doc="boards on one wall share one body size")


@dataclass(frozen=True, slots=True, kw_only=True)
class ShowcaseTokens(Tokens):
    figure_ratio: float = spec(gt=0, doc="figures ÷ body")
    text_share: float = spec(gt=0, le=1, doc="share of the body width for text when photos take the rest")
    gutter_mm: float = spec(ge=0, doc="between text and photos, mm")
    unit_ratio: float = spec(0.45, gt=0, le=1, doc="a figure's unit (户, 人, 万元, %) ÷ its number")
    line_chars: tuple[int, int] = spec((25, 30), gt=0, doc="beside photos, the text keeps this many characters a line")
    caption_char_mm: float = spec(12.0, gt=0, doc="character height of photo captions, mm")


@dataclass(frozen=True, slots=True)
class Content:
    text: BoardText
    series_id: str  # the board's id before the wall planner numbers its panels (board-duties)
    file: str  # the text file as the profile names it, for messages
    party: bool
    photos: tuple[tuple[Raster, str], ...] = ()  # each photo and its profile key
    captions: tuple[str | None, ...] = ()  # the text key of each photo's caption (caption0 …), None: none
    panel: int = 1  # set by the wall planner: this panel's number in its series
    panels: int = 1
    body_char_mm: float | None = None  # set by the wall planner: the body size shared on the wall
    limit_char_mm: float | None = None  # the largest body size the wall allows (for measuring)
    fixed: bool = False  # placed by its family (the oath wall's boards): the wall planner keeps its place


def plan_boards(inp: PlanInput) -> list[SignJob]:
    entries = [(f"board-{b.id}", b.file, b.room, f"boards[{i}]") for i, b in enumerate(inp.profile.boards)]
    return [_job(inp, "board", *entry) for entry in entries]


def plan_showcase(inp: PlanInput) -> list[SignJob]:
    showcase = inp.profile.showcase
    if showcase is None:
        return []
    return [_job(inp, "showcase", "showcase", showcase.file, showcase.room, "showcase")]


def _job(inp: PlanInput, kind: str, sign_id: str, path, room_id: str, key: str) -> SignJob:
    profile, brand = inp.profile, inp.brand
    sign = brand.signs[kind]
    text, shown = inp.boards.text(path)
    width, height = sign.size_mm
    room = profile.room(room_id)
    party = room is not None and is_party(brand, room.function)
    location = Location("board", {"floor": room.floor, "room": room.name, "n": 1}) if room else \
        Location("board-nowhere", {"room": room_id, "n": 1})
    placement = Placement(
        wall=f"room-{room_id}", location=location, anchor=sign.placement.anchor, height_mm=sign.placement.height_mm,
        side="left", viewing_distance_mm=sign.placement.viewing_distance_mm,
        free_wall_mm=room.display_wall_mm if room else None,
        free_wall_key=f"{profile.key_of_room(room_id)}.display_wall_mm" if room else "")
    photos, captions = (), ()
    texts = {"title": Text(text.title, f"{shown}:{text.title_line}"), "centre": Text(profile.center.name, "center.name")}
    if kind == "showcase" and profile.showcase is not None:
        showcase = profile.showcase
        photos = tuple((inp.boards.photo(p), f"showcase.images[{n}]") for n, p in enumerate(showcase.images))
        for n, caption in enumerate(showcase.captions[:len(photos)]):
            if caption.strip():
                texts[f"caption{n}"] = Text(caption, f"showcase.captions[{n}]")
        captions = tuple(f"caption{n}" if f"caption{n}" in texts else None for n in range(len(photos)))
    if profile.center.slogan.strip():
        texts["slogan"] = Text(profile.center.slogan, "center.slogan")
    return make_job(
        id=sign_id, kind=kind, width_mm=width, height_mm=height,
        style=brand.style_of(kind, brand.roles.party_style if party else ""),
        texts=texts, source=key, placement=placement, material=sign.material, quantity=sign.quantity, room=room_id,
        floor=room.floor if room else None, content=Content(text, sign_id, shown, party, photos, captions))


_BOARD_BAND = Band("extent", 700.0, 2100.0, "PL-06/PL-07: bottom edge ≥ 700 mm, top edge ≤ 2100 mm")
BOARD = Family(kind="board", tokens=Tokens, content=Content, plan=plan_boards, template="board.svg.j2", order=80,
               band=_BOARD_BAND)
SHOWCASE = Family(kind="showcase", tokens=ShowcaseTokens, content=Content, plan=plan_showcase,
                  template="showcase.svg.j2", order=90, band=_BOARD_BAND)
