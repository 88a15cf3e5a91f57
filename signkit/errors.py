"""Errors and the policy for raising them.

Policy (read this before adding a ``raise``):

1. **Bad input or environment** (a malformed or misspelled profile, a brand or template
   that does not make sense, a missing file, an output folder that cannot be written, a
   full disk) raises a :class:`SignkitError` subclass.  Every such error
   says *where* (file and key path, e.g. ``profile.toml: rooms[3].door.latch_side``) and
   gives a *hint*.  The CLI prints it without a traceback and exits with code 2; nothing
   is written.
2. **A sign that can be composed but breaks a rule** (text overflow, a character the fonts
   lack, a plate on the wrong side of its door) is never an exception: it is a
   :class:`signkit.checks.findings.Finding` in the report.  Error findings make the run exit
   with code 1; the other signs are still made.
3. **Anything else is a bug** and propagates.  The CLI (and the batch, per centre) is the
   one place that catches it: it exits with code 3, says it is a bug in signkit and saves
   the traceback to a file.  No bare ``except Exception`` anywhere else in the library.

Messages and hints are written in English and passed through :func:`signkit.i18n._` where
they are made (``_("file not found")``), so an error speaks the language chosen when it is
raised; ``kind`` is translated where it is shown.

Log through ``logging.getLogger("signkit")``; the library never prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, _


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: where it is, what is wrong, how to fix it."""

    where: str  # "file: key.path" or "file:line"
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        return f"{text}\n    " + _("hint: {hint}").format(hint=self.hint) if self.hint else text


class SignkitError(Exception):
    """Bad input.  Carries one or more :class:`Problem`; the CLI exits with code 2."""

    exit_code = 2
    kind = N_("input error")  # translated where shown

    def __init__(self, problems: Problem | list[Problem] | tuple[Problem, ...]):
        self.problems: tuple[Problem, ...] = (problems,) if isinstance(problems, Problem) else tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, where: str, message: str, hint: str = "") -> "SignkitError":
        return cls(Problem(where, message, hint))


class ProfileError(SignkitError):
    kind = N_("profile error")  # translated where shown


class BrandError(SignkitError):
    kind = N_("brand error")  # translated where shown


class TemplateError(SignkitError):
    kind = N_("template error")  # translated where shown


class SetupError(SignkitError):
    """Something this machine lacks (a system library), not something the input got wrong."""

    kind = N_("setup error")  # translated where shown


class OutputError(SignkitError):
    """The output folder cannot take the files: a file in its place, permissions, a full disk."""

    kind = N_("output error")  # translated where shown


class Interrupted(BaseException):
    """The run was stopped by a signal (SIGINT, SIGTERM, SIGHUP); nothing was changed."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signum)


class ContentError(SignkitError):
    """A board or showcase text file that cannot be read as signkit Markdown."""

    kind = N_("content error")  # translated where shown
