"""Boards: a system-publicity board (制度牌) per ``[[boards]]`` and the featured display
(特色展示) of ``[showcase]``, their text read from Markdown.

In:  Profile, Brand.  Out: ``board-<id>`` and ``showcase`` jobs carrying the parsed text
(:class:`~signkit.text.markdown.BoardText`).  A board that needs more than one panel is
split into a series (``board-<id>-1``, ``-2`` …) when it is composed, because only then is
its size known.  Party boards (hung in a party room) carry the emblem slot.  Boards hang
side by side on the room's wall, centres at the brand's height (PL-07: 1550 mm).
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image as PILImage

from ..brand import Brand
from ..errors import ContentError
from ..ir import Raster
from ..profile import Profile
from ..text.markdown import BoardText, parse_board
from .jobs import Placement, SignJob, Text, make_job


def plan_boards(profile: Profile, brand: Brand) -> list[SignJob]:
    entries = [("board", f"board-{b.id}", b.file, b.room, f"boards[{i}]") for i, b in enumerate(profile.boards)]
    if profile.showcase is not None:
        entries.append(("showcase", "showcase", profile.showcase.file, profile.showcase.room, "showcase"))
    jobs = []
    per_room: dict[str, int] = {}
    for kind, sign_id, path, room_id, key in entries:
        if kind not in brand.signs:
            continue
        sign = brand.signs[kind]
        board = read_board(path, folder=profile.folder)
        width, height = sign.size_mm
        room = profile.room(room_id)
        party = room is not None and brand.functions[room.function].style == "party"
        style = "party" if party and "party" in sign.styles else ("standard" if "standard" in sign.styles
                                                                  else next(iter(sign.styles)))
        n = per_room.get(room_id, 0)
        per_room[room_id] = n + 1
        gap = float(sign.tokens.get("board_gap_mm", 300))
        where = f"{room.floor}F {room.name}" if room else f"room '{room_id}'"
        placement = Placement(
            wall=f"room-{room_id}", location=f"{where}, wall display {n + 1}", anchor=sign.placement.anchor,
            height_mm=sign.placement.height_mm, offset_mm=gap + n * (width + gap) + width / 2, side="left",
            viewing_distance_mm=sign.placement.viewing_distance_mm)
        relative = path.relative_to(profile.folder).as_posix() if path.is_relative_to(profile.folder) else str(path)
        images = tuple(read_image(p, key=f"showcase.images[{n}]", folder=profile.folder)
                       for n, p in enumerate(profile.showcase.images)) if kind == "showcase" and profile.showcase else ()
        jobs.append(make_job(
            id=sign_id, kind=kind, width_mm=width, height_mm=height, style=style,
            texts={"title": Text(board.title, f"{relative}:{board.title_line}"),
                   "centre": Text(profile.center.name, "center.name"),
                   "slogan": Text(profile.center.slogan, "center.slogan")},
            source=key, placement=placement, material=sign.material, quantity=sign.quantity, room=room_id,
            floor=room.floor if room else None, data={"board": board, "file": relative, "images": images}))
    return jobs


def read_image(path: Path, *, key: str, folder: Path) -> tuple[Raster, str]:
    shown = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else str(path)
    try:
        data = path.read_bytes()
        with PILImage.open(io.BytesIO(data)) as im:  # reads the header only
            adobe = im.format == "JPEG" and im.mode == "CMYK" and "adobe" in im.info
            return Raster(shown, data, im.size, im.mode, im.format or "", adobe), key
    except (PILImage.UnidentifiedImageError, OSError) as exc:
        raise ContentError.at(f"{shown} ({key})", f"not an image signkit can read: {exc}",
                              "give a CMYK JPEG (or a PNG for the preview only)")


def read_board(path: Path, *, folder: Path) -> BoardText:
    shown = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError.at(shown, f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                              "save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8)")
    return parse_board(text, file=shown)
