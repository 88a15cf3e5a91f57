"""A new centre from the bundled sample: ``signkit init``.

In:  a folder that does not exist yet (or is empty).
Out: the commented sample profile and its board texts copied into it, or an
     :class:`~signkit.errors.OutputError` (a file or a non-empty folder in the way, no
     permission) with the path and a hint; nothing is overwritten.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import OutputError
from .i18n import _
from .resources import data_dir
from .write import _guard


def start_centre(folder: Path) -> Path:
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError.at(str(folder), _("is a file, not a folder"),
                             _("give a new folder name, e.g. signkit init qinghe-2027"))
    if folder.is_dir() and any(folder.iterdir()):
        raise OutputError.at(str(folder), _("already exists and is not empty; nothing was written"),
                             _("give a new folder name, e.g. signkit init qinghe-2027"))
    _guard(lambda: shutil.copytree(data_dir("examples") / "qinghe", folder, dirs_exist_ok=True), folder)
    return folder / "profile.toml"
