"""Board texts and photos: every file a profile names besides itself, read once.

In:  the profile (paths already resolved inside its folder by :mod:`.profile`).
Out: :class:`Content`: each board text parsed (:func:`signkit.text.markdown.parse_board`) and
     each photo read into a :class:`~signkit.ir.Raster` (its bytes and what its header says).
     Later stages ask :meth:`Content.text` and :meth:`Content.photo` and never open a file.

Limits protect the run from a file that is not what it claims: a board text over
:data:`MAX_BOARD_BYTES` (a regulation of several chapters is under 60 KB) and a photo over
:data:`MAX_PHOTO_BYTES` are input errors naming the file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage

from ..errors import ContentError, Problem
from ..i18n import _
from ..ir import Raster
from ..model.profile import Profile
from ..text.markdown import BoardText, parse_board
from ..text.style import HouseStyle

MAX_BOARD_BYTES = 200_000
MAX_PHOTO_BYTES = 64_000_000


@dataclass(frozen=True, slots=True)
class Content:
    texts: dict[Path, tuple[BoardText, str]]  # path → (parsed text, the path as the profile shows it)
    photos: dict[Path, Raster]

    def text(self, path: Path) -> tuple[BoardText, str]:
        return self.texts[path]

    def photo(self, path: Path) -> Raster:
        return self.photos[path]


def load_content(profile: Profile, *, board_style: HouseStyle | None = None,
                 showcase_style: HouseStyle | None = None) -> Content:
    """``board_style`` / ``showcase_style``: the brand's house style for each family's texts
    (normalisation and the bullet; None: the 党政 defaults)."""
    problems: list[Problem] = []
    texts: dict[Path, tuple[BoardText, str]] = {}
    files = [(b.file, board_style) for b in profile.boards] + \
        ([(profile.showcase.file, showcase_style)] if profile.showcase else [])
    c = profile.center
    values = {"hotline": c.hotline, "village": c.village, "township": c.township, "county": c.county,
              "centre": c.name, "center": c.name}
    for path, style in files:
        shown = _shown(path, profile.folder)
        try:
            texts[path] = (_read_board(path, shown, style, values), shown)
        except ContentError as exc:
            problems.extend(exc.problems)
    photos: dict[Path, Raster] = {}
    for n, path in enumerate(profile.showcase.images if profile.showcase else ()):
        try:
            photos[path] = _read_photo(path, _shown(path, profile.folder), f"showcase.images[{n}]")
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return Content(texts, photos)


def _shown(path: Path, folder: Path) -> str:
    return path.relative_to(folder).as_posix() if path.is_relative_to(folder) else str(path)


def _read_board(path: Path, shown: str, style: HouseStyle | None, values: dict[str, str | None]) -> BoardText:
    size = path.stat().st_size
    if size > MAX_BOARD_BYTES:
        raise ContentError.at(shown, _("is {size} KB: far more than boards can hold (at most {limit} KB)").format(
            size=size // 1000, limit=MAX_BOARD_BYTES // 1000),
                              _("split the text into several boards, or give an excerpt (节选)"))
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError.at(shown, _("not UTF-8 text ({reason} at byte {byte})").format(
            reason=exc.reason, byte=exc.start), _("save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8)"))
    return parse_board(text, file=shown, style=style, values=values)


def _read_photo(path: Path, shown: str, key: str) -> Raster:
    size = path.stat().st_size
    if size > MAX_PHOTO_BYTES:
        raise ContentError.at(f"{shown} ({key})", _("is {size} MB, more than a photo signkit takes ({limit} MB)").format(
            size=size // 1_000_000, limit=MAX_PHOTO_BYTES // 1_000_000),
                              _("export the photo as a JPEG at the size it is printed (150–300 ppi)"))
    data = path.read_bytes()
    try:
        with PILImage.open(io.BytesIO(data)) as im:  # reads the header only
            adobe = im.format == "JPEG" and im.mode == "CMYK" and "adobe" in im.info
            return Raster(shown, data, im.size, im.mode, im.format or "", adobe)
    except (PILImage.UnidentifiedImageError, OSError) as exc:
        raise ContentError.at(f"{shown} ({key})", _("not an image signkit can read: {error}").format(error=exc),
                              _("give a JPEG or PNG photo (CMYK JPEG for print)"))
