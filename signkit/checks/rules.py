"""The rule pack: which checks run, how severe they are, and their parameters, as data.

In:  the brand's ``rules.toml`` and the profile's ``[rules.<ID>]`` overrides.
Out: a :class:`RulePack` of :class:`Rule` values.  A profile may change a rule's
     parameters (by name, each checked against the pack) or switch it off with
     ``enabled = false`` and a written ``reason`` (kept for the report).  Unknown rule ids
     and parameters are profile errors with a did-you-mean.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..config import did_you_mean, load, read_toml, spec
from ..errors import BrandError, Problem, ProfileError
from ..frozendict import FrozenDict
from .findings import Finding, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the pack."""

    code: str = spec(pattern=r"[A-Z][A-Z0-9_]*", doc="stable code in reports, e.g. PLAQUE_COLOUR_ROLE")
    severity: Literal["error", "warning", "info"] = spec(doc="error | warning | info")
    family: Literal["size", "legibility", "fit", "identity", "glyphs", "placement", "completeness"] = spec(
        doc="size, legibility, fit, identity, glyphs, placement or completeness")
    title: str = spec(doc="what the rule asks, in one line")
    source: str = spec(doc="the entry of RULES.md (docs/rules-sources.md) it rests on")
    params: dict[str, Any] = spec(default_factory=dict, doc="parameters a profile may override")
    id: str = spec("", internal=True)
    enabled: bool = spec(True, internal=True)
    reason: str = spec("", internal=True)  # why a profile switched it off
    overridden: tuple[str, ...] = spec((), internal=True)  # parameters the profile changed

    def finding(self, sign: str, key: str, message: str, hint: str = "",
                box: tuple[float, float, float, float] | None = None, severity: Severity | None = None) -> Finding:
        return Finding(self.code, severity or self.severity, sign, key, message, hint, rule=self.id, box=box)

    def __getitem__(self, name: str) -> Any:
        return self.params[name]


@dataclass(frozen=True, slots=True)
class RulePack:
    rules: dict[str, Rule]  # id → rule

    def by_code(self, code: str) -> Rule | None:
        return next((r for r in self.rules.values() if r.code == code), None)

    def enabled(self) -> list[Rule]:
        return [r for r in self.rules.values() if r.enabled]

    def disabled(self) -> list[Rule]:
        return [r for r in self.rules.values() if not r.enabled]


@dataclass(frozen=True, slots=True)
class _PackFile:
    rules: dict[str, Rule]


def load_rules(path: Path) -> RulePack:
    file = str(path)
    pack: _PackFile = load(_PackFile, read_toml(path, BrandError), file=file, error=BrandError)
    codes: dict[str, str] = {}
    problems = []
    for rule_id, rule in pack.rules.items():
        if rule.code in codes:
            problems.append(Problem(f"{file}: rules.{rule_id}.code", f"code {rule.code} is also used by {codes[rule.code]}",
                                    "every rule needs its own code"))
        codes[rule.code] = rule_id
    if problems:
        raise BrandError(problems)
    return RulePack(FrozenDict({rid: dataclasses.replace(r, id=rid) for rid, r in pack.rules.items()}))


def apply_overrides(pack: RulePack, overrides: dict[str, dict[str, Any]], *, file: str) -> RulePack:
    """The pack with a profile's ``[rules.<ID>]`` tables applied (parameters, or switched off)."""
    problems: list[Problem] = []
    rules = dict(pack.rules)
    for rule_id, table in overrides.items():
        where = f"{file}: rules.{rule_id}"
        if rule_id not in rules:
            problems.append(Problem(where, f"unknown rule '{rule_id}'",
                                    did_you_mean(rule_id, rules) or "rules: " + ", ".join(sorted(rules))))
            continue
        rule = rules[rule_id]
        params = dict(rule.params)
        enabled, reason = rule.enabled, rule.reason
        for key, value in table.items():
            if key == "enabled":
                if not isinstance(value, bool):
                    problems.append(Problem(f"{where}.enabled", "expected true or false"))
                enabled = bool(value)
            elif key == "reason":
                if not isinstance(value, str):
                    problems.append(Problem(f"{where}.reason", "expected text"))
                reason = str(value)
            elif key not in params:
                names = ["enabled", "reason", *params]
                problems.append(Problem(f"{where}.{key}", f"unknown parameter '{key}' of {rule.code}",
                                        did_you_mean(key, names) or "parameters: " + ", ".join(names)))
            elif not _same_type(params[key], value):
                problems.append(Problem(f"{where}.{key}", f"expected {type(params[key]).__name__}, got {value!r}"))
            else:
                params[key] = float(value) if isinstance(params[key], float) else value
        if not enabled and not reason.strip():
            problems.append(Problem(f"{where}.enabled", f"{rule.code} is switched off without a reason",
                                    'add reason = "…": why this centre may skip the rule (shown in the report)'))
        changed = tuple(k for k in table if k not in ("enabled", "reason"))
        rules[rule_id] = dataclasses.replace(rule, params=FrozenDict(params), enabled=enabled, reason=reason,
                                             overridden=changed)
    if problems:
        raise ProfileError(problems)
    return RulePack(FrozenDict(rules))


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    if isinstance(default, list):
        return isinstance(value, list)
    return isinstance(value, type(default))
