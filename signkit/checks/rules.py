"""The rule pack and the check registry: which checks run, how severe they are, with which
typed parameters, on which sign families.

In:  declarations: each check function registers itself with :func:`sheet_check` or
     :func:`centre_check`, naming its code, the dataclass of its parameters and (for sheet
     checks) the content type a sign must carry for the check to apply.
Out: :data:`CHECKS` (code → :class:`CheckDef`) and the :class:`Rule` / :class:`RulePack`
     values that :mod:`signkit.load.rules` builds from ``rules.toml`` and the profile's
     ``[rules.<ID>]`` overrides: parameters are typed per rule (a misspelt parameter is a load
     error with a did-you-mean, never a crash at check time), and ``applies_to`` names the sign
     families a rule is limited to (checked against the registered families).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ..config import spec
from ..i18n import current_language
from .findings import Finding, Severity

Scope = Literal["sheet", "centre"]


@dataclass(frozen=True, slots=True)
class NoParams:
    """A rule without parameters."""


@dataclass(frozen=True, slots=True)
class CheckDef:
    code: str
    fn: Callable[..., Any]
    scope: Scope
    params: type  # frozen dataclass of the rule's parameters
    needs: type | None = None  # sheet checks: the job content a sign must carry for the check to apply


CHECKS: dict[str, CheckDef] = {}


def _register(code: str, scope: Scope, params: type | None, needs: type | None):
    def wrap(fn):
        if code in CHECKS:
            raise TypeError(f"two checks are called {code}")
        CHECKS[code] = CheckDef(code, fn, scope, params or NoParams, needs)
        return fn
    return wrap


def sheet_check(code: str, *, params: type | None = None, needs: type | None = None):
    """Register ``fn(rule, job, sheet, brand) -> Iterator[Finding]`` under ``code``."""
    return _register(code, "sheet", params, needs)


def centre_check(code: str, *, params: type | None = None):
    """Register ``fn(rule, profile, jobs, brand) -> Iterator[Finding]`` under ``code``."""
    return _register(code, "centre", params, None)


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the pack.  ``params`` holds the raw table in the file and, once loaded,
    the check's typed parameters."""

    code: str = spec(pattern=r"[A-Z][A-Z0-9_]*", doc="stable code in reports, e.g. PLAQUE_COLOUR_ROLE")
    severity: Literal["error", "warning", "info"] = spec(doc="error | warning | info")
    family: Literal["size", "legibility", "fit", "identity", "glyphs", "placement", "completeness"] = spec(
        doc="size, legibility, fit, identity, glyphs, placement or completeness")
    title: str = spec(doc="what the rule asks, in one line")
    source: str = spec(doc="the entry of RULES.md (docs/rules-sources.md) it rests on")
    params: Any = spec(default_factory=dict, doc="parameters a profile may override")
    applies_to: tuple[str, ...] = spec((), doc="sign families the rule is limited to (default: every family)")
    title_zh: str = spec("", doc="the title in Chinese")
    id: str = spec("", internal=True)
    enabled: bool = spec(True, internal=True)
    reason: str = spec("", internal=True)  # why a profile switched it off
    overridden: tuple[str, ...] = spec((), internal=True)  # parameters the profile changed
    raw: dict[str, Any] = spec(default_factory=dict, internal=True)  # the parameters as written, for the report

    def finding(self, sign: str, key: str, message: str, hint: str = "",
                box: tuple[float, float, float, float] | None = None, severity: Severity | None = None) -> Finding:
        return Finding(self.code, severity or self.severity, sign, key, message, hint, rule=self.id, box=box)

    def shown_title(self) -> str:
        """The title in the current language: ``title_zh`` in Chinese (when the pack gives one)."""
        return self.title_zh if current_language() == "zh" and self.title_zh else self.title

    def applies(self, kind: str) -> bool:
        return not self.applies_to or kind in self.applies_to


@dataclass(frozen=True, slots=True)
class RulePack:
    rules: dict[str, Rule]  # id → rule

    def by_code(self, code: str) -> Rule | None:
        return next((r for r in self.rules.values() if r.code == code), None)

    def enabled(self) -> list[Rule]:
        return [r for r in self.rules.values() if r.enabled]

    def disabled(self) -> list[Rule]:
        return [r for r in self.rules.values() if not r.enabled]
