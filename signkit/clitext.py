"""The command line's help in the chosen language, and where ``--lang`` may stand.

In:  the Click command tree Typer builds from :mod:`signkit.cli` (help written as English
     msgids, marked with :func:`~signkit.i18n.N_`), and the language :mod:`signkit.i18n` speaks.
Out: the same tree with every help text, epilog and option help passed through
     :func:`~signkit.i18n._`.  Help is printed while the arguments are parsed, before any
     command runs, so this happens once, before parsing, for the language chosen from
     ``--lang`` (wherever it stands), ``SIGNKIT_LANG`` or the locale.  The frame around it
     (``Usage:``, ``Options:``, parse errors) is Typer's own, printed in English: Typer's
     bundled Click writes those words without gettext.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .i18n import LANGUAGES, _


def lang_argument(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` anywhere in ``args`` (``--lang en`` or ``--lang=en``), if any."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def hoist_lang(args: Sequence[str]) -> list[str]:
    """``args`` with ``--lang X`` moved before the command, where the option is declared, so
    ``signkit render p.toml --lang en`` works as ``signkit --lang en render p.toml``."""
    out, lang = [], []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            out += args[i:]
            break
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in LANGUAGES:
            lang, i = [arg, args[i + 1]], i + 2
            continue
        if arg.startswith("--lang="):
            lang, i = [arg], i + 1
            continue
        out.append(arg)
        i += 1
    return lang + out


def translate_help(command: Any) -> None:
    """Every help text of ``command`` and its sub-commands in the current language."""
    for attr in ("help", "short_help", "epilog"):
        text = getattr(command, attr, None)
        if text:
            setattr(command, attr, _(text))
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _(param.help)  # type: ignore[attr-defined]
    for sub in getattr(command, "commands", {}).values():
        translate_help(sub)
