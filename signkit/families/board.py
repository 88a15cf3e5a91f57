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

from dataclasses import dataclass
from typing import Literal

from ..config import spec
from ..ir import Raster
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from ..text.markdown import BoardText
from ..text.style import BULLETS, HouseStyle
from .base import Family, PlanInput
from .door_plate import is_party


@dataclass(frozen=True, slots=True)
class HouseStyleTokens:
    """``[signs.<kind>.tokens.house_style]``: the text engine's house-style switches as brand
    data (:mod:`signkit.text.style`; the defaults are the 党政 ones)."""

    han_digit_gap_em: float = spec(0.0, ge=0, le=0.25, doc="space between Han and digits, em (党政: 0, set solid)")
    range_dash: Literal["～", "—", "–", ""] = spec("～", doc="the mark between two numbers, dates or times; "
                                                           "\"\" leaves what was typed")
    bullet: str = spec("●", pattern=f"[{BULLETS}]", doc="the item mark")
    bullet_size_em: float = spec(0.35, gt=0, le=1, doc="the bullet's size ÷ the body size")
    label_align: Literal["left", "right"] = spec("right", doc="article numbers 1.–12. in their box")
    max_squeeze_em: float = spec(0.25, ge=0, le=0.5, doc="the most a mark inside a line gives up when squeezed, em")

    def house(self) -> HouseStyle:
        return HouseStyle(han_digit_gap_em=self.han_digit_gap_em, range_dash=self.range_dash or None,
                          bullet=self.bullet, bullet_size_em=self.bullet_size_em, label_align=self.label_align,
                          max_squeeze_em=self.max_squeeze_em)


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
    chapter_gap: int = spec(3, ge=0, doc="legal text: grid units before 第X章 (one more follows it)")
    article_gap: int = spec(1, ge=0, doc="legal text: grid units before 第X条")
    clause_gap: int = spec(0, ge=0, doc="legal text: grid units before a further 款 of an article")
    item_gap: int = spec(0, ge=0, doc="legal text: grid units before a （一） item")
    article_label: Literal["run-in", "hanging"] = spec("run-in", doc="legal text: 第X条 run in (第二条　正文, as laws "
                                                                     "are printed) or hanging in a box of its own")
    note_ratio: float = spec(0.8, gt=0, le=1, doc="the adoption note (题注) ÷ body")
    title_leading: float = spec(1.25, gt=1, doc="a two-line title's baseline pitch ÷ its size")
    title_scale: Literal["series", "wall", "centre"] = spec("series", doc="titles share one size per series, per wall "
                                                                          "or across the centre")
    emblem_gap_mm: float = spec(24.0, ge=0, doc="the emblem to the title in their lock-up, mm (≥ the emblem's clear space)")
    series_tag: Literal["continued", "count"] = spec("continued", doc="a series' panels carry （续） after the first, or "
                                                                      "every panel its number, 2/3")
    tag_char_mm: float = spec(12.0, gt=0, doc="character height of the series tag （续） or 2/3 under the header, mm")
    contact_mm: float = spec(70.0, ge=0, doc="height of the contact band (hotline, QR code) above the footer, mm")
    qr_mm: float = spec(60.0, gt=0, doc="the QR code with its quiet zone, mm")
    hotline_label: str = spec("服务热线", doc="the words before the hotline's number on the contact band")
    qr_caption: str = spec("扫码办事", doc="the words beside the QR code on the contact band (\"\": none)")
    house_style: HouseStyleTokens = spec(default_factory=HouseStyleTokens,
                                         doc="the text engine's house style (CJK–digit gap, range mark, bullet …)")


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
    contrast: tuple[float, float] | None = None  # set by the wall planner: LOW_CONTRAST's (large_text_mm, small_min)
    title_size_mm: float | None = None  # set by the wall planner: the title's font size (one per series, wall or centre)
    continues: str = ""  # set by the wall planner: file:line of a paragraph split at this panel's head
    qr: str = ""  # contact boards: the address the QR code leads to
    contact: bool = False  # a contact band (hotline, QR code) at the board's foot
    continues_at_sentence: bool = True


def plan_boards(inp: PlanInput) -> list[SignJob]:
    entries = [(f"board-{b.id}", b.file, b.room, f"boards[{i}]", b.contact) for i, b in enumerate(inp.profile.boards)]
    return [_job(inp, "board", *entry) for entry in entries]


def plan_showcase(inp: PlanInput) -> list[SignJob]:
    showcase = inp.profile.showcase
    if showcase is None:
        return []
    return [_job(inp, "showcase", "showcase", showcase.file, showcase.room, "showcase")]


def _job(inp: PlanInput, kind: str, sign_id: str, path, room_id: str, key: str, contact: bool = False) -> SignJob:
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
    texts = {"title": Text(text.title, f"{shown}:{text.title_line}"), "centre": Text(_footer_name(profile.center), "center.name")}
    if contact and profile.center.hotline:
        texts["hotline"] = Text(profile.center.hotline, "center.hotline")
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
        floor=room.floor if room else None,
        content=Content(text, sign_id, shown, party, photos, captions, contact=contact,
                        qr=(profile.center.qr_url or "") if contact else ""))


def _footer_name(center) -> str:
    """The centre as the footer names it: its name, led by the village when the name lacks it."""
    village = center.village.strip()
    return center.name if not village or village in center.name else f"{village}{center.name}"


_BOARD_BAND = Band("extent", 700.0, 2100.0, "PL-06/PL-07: bottom edge ≥ 700 mm, top edge ≤ 2100 mm")
BOARD = Family(kind="board", tokens=Tokens, content=Content, plan=plan_boards, template="board.svg.j2", order=80,
               band=_BOARD_BAND)
SHOWCASE = Family(kind="showcase", tokens=ShowcaseTokens, content=Content, plan=plan_showcase,
                  template="showcase.svg.j2", order=90, band=_BOARD_BAND)
