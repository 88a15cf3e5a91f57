"""Where signkit's bundled data lives: templates, the default brand and the fonts.

In a wheel they ship inside the package (``signkit/_data/…``, see ``pyproject.toml``); in
a source checkout they sit at the top of the repository, where designers edit them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The bundled ``templates``, ``brand`` or ``fonts`` folder."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def default_brand_dir() -> Path:
    return data_dir("brand") / "default"
