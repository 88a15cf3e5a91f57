"""Words people read: every user-facing message goes through :func:`_` (gettext convention).

In:  an English source message (the msgid), with ``{name}`` placeholders filled by
     ``.format()`` after translation: ``_("{n} signs made").format(n=3)``.
Out: the message in the chosen language: English as written, or Chinese from the catalogue
     ``signkit/locale/zh_CN/LC_MESSAGES/signkit.mo`` (compiled from ``signkit.po`` beside it by
     ``tools/update_catalogue.py``; read once, on the first Chinese message, with the standard
     library's :mod:`gettext`).

The library speaks whatever :func:`set_language` last chose (English until then); the CLI
chooses once at start with :func:`choose_language`: ``--lang``, else ``SIGNKIT_LANG``, else
the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: English when it starts with ``en``), else
Chinese.  A message the catalogue lacks is shown in English, never dropped.

Strings defined before a language is chosen (module constants, error kinds, field docs) are
kept in English, marked with :func:`N_` for the catalogue, and passed through :func:`_` where
they are shown.  Field docs (``spec(doc="…")``) are extracted without a marker.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

LANGUAGES = ("zh", "en")
DEFAULT = "zh"  # the CLI's language when nothing says English
DOMAIN = "signkit"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
CATALOGUES = {"zh": "zh_CN"}  # language → catalogue folder under LOCALE_DIR; English is the msgids

_language = "en"
_catalogues: dict[str, gettext.NullTranslations] = {}


def _(message: str) -> str:
    """``message`` in the current language."""
    if _language == "en" or not message:
        return message
    return catalogue(_language).gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, where the same English word needs different
    translations (``pgettext("edge", "centre")`` is not ``pgettext("side", "centre")``)."""
    if _language == "en":
        return message
    return catalogue(_language).pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it now (it is shown later, through
    :func:`_`)."""
    return message


def set_language(lang: str) -> None:
    """Speak ``lang`` (``zh`` or ``en``) from now on, in this process."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: signkit speaks {', '.join(LANGUAGES)}")
    _language = lang


def current_language() -> str:
    return _language


def choose_language(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language a command speaks: ``option`` (``--lang``), else ``SIGNKIT_LANG``, else the
    locale; English only when one of them starts with ``en``, Chinese otherwise (no locale,
    ``C``, ``POSIX``, ``zh_CN.UTF-8`` …)."""
    env = os.environ if environ is None else environ
    for value in (option, env.get("SIGNKIT_LANG"), _locale(env)):
        if value:
            return "en" if value.strip().lower().startswith("en") else DEFAULT
    return DEFAULT


def _locale(env: Mapping[str, str]) -> str:
    """The locale that decides the language of messages (POSIX: the first of these that is set)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return env[name]
    return ""


def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``, read once; an empty one when it is not there."""
    found = _catalogues.get(lang)
    if found is None:
        path = LOCALE_DIR / CATALOGUES.get(lang, lang) / "LC_MESSAGES" / f"{DOMAIN}.mo"
        try:
            with open(path, "rb") as fh:
                found = gettext.GNUTranslations(fh)
        except OSError:
            found = gettext.NullTranslations()
        _catalogues[lang] = found
    return found


__all__ = ["LANGUAGES", "N_", "_", "catalogue", "choose_language", "current_language", "pgettext", "set_language"]
