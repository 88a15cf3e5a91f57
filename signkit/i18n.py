"""Words people read: every user-facing message goes through :func:`_` (gettext convention).

In:  an English source message (the msgid), with ``{name}`` placeholders filled by
     ``.format()`` after translation: ``_("{n} signs made").format(n=3)``.
Out: the message in the chosen language.  The catalogue and language choice are set up by
     :func:`set_language`; until then messages are returned as written.
"""

from __future__ import annotations


_language = "en"


def _(message: str) -> str:
    return message


def set_language(lang: str) -> None:  # the catalogues come with issue 12
    global _language
    _language = lang


def current_language() -> str:
    return _language
