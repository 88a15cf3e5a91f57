"""Load the rule pack: the brand's ``rules.toml`` (merged along its ``extends`` chain, rule by
rule) with the profile's ``[rules.<ID>]`` overrides.

In:  the rules.toml tables of the brand chain, the profile's overrides, the check registry
     (:data:`signkit.checks.rules.CHECKS`), the sign families and the brand (for the names
     parameters may refer to: palette colours, room functions, families).
Out: a :class:`~signkit.checks.rules.RulePack` whose every rule names a registered check and
     carries that check's typed parameters, or an error listing every problem: an unknown
     code, family in ``applies_to``, parameter or name is a BrandError (in rules.toml) or a
     ProfileError (in the profile), each with a did-you-mean.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ..checks.rules import CHECKS, Rule, RulePack
from ..config import check_refs, did_you_mean, load
from ..errors import BrandError, Problem, ProfileError
from ..frozendict import FrozenDict
from ..i18n import _
from ..model.brand import Brand
from .brand import merge


@dataclasses.dataclass(frozen=True, slots=True)
class _PackFile:
    rules: dict[str, Rule]


def load_rule_pack(files: list[tuple[Path, dict[str, Any]]], *, brand: Brand, families: dict[str, Any],
                   overrides: dict[str, dict[str, Any]], profile_file: str) -> RulePack:
    data: dict[str, Any] = {}
    for _path, table in reversed(files):  # the base first, the brand's own last
        data = merge(data, table)
    file = str(files[0][0])
    pack: _PackFile = load(_PackFile, data, file=file, error=BrandError)
    names = {"palette": brand.palette, "function": brand.functions, "kind": families}
    problems: list[Problem] = []
    codes: dict[str, str] = {}
    rules: dict[str, Rule] = {}
    for rule_id, rule in pack.rules.items():
        where = f"{file}: rules.{rule_id}"
        if rule.code in codes:
            problems.append(Problem(f"{where}.code", _("code {code} is also used by {rule}").format(
                code=rule.code, rule=codes[rule.code]), _("every rule needs its own code")))
        codes[rule.code] = rule_id
        check = CHECKS.get(rule.code)
        if check is None:
            problems.append(Problem(f"{where}.code", _("no check is called {code}").format(code=rule.code),
                                    did_you_mean(rule.code, CHECKS) or _("checks: {names}").format(
                                        names=", ".join(sorted(CHECKS)))))
            continue
        for kind in rule.applies_to:
            if kind not in families:
                problems.append(Problem(f"{where}.applies_to", _("no sign family is called '{kind}'").format(kind=kind),
                                        did_you_mean(kind, families) or _("families: {names}").format(
                                            names=", ".join(families))))
        raw = dict(rule.params) if isinstance(rule.params, dict) else {}
        params = _params(check.params, raw, file, f"rules.{rule_id}.params", names, problems, BrandError)
        rules[rule_id] = dataclasses.replace(rule, id=rule_id, params=params, raw=FrozenDict(raw))
    if problems:
        raise BrandError(problems)
    return _apply_overrides(RulePack(FrozenDict(rules)), overrides, file=profile_file, names=names)


def _params(cls: type, raw: dict[str, Any], file: str, root: str, names: dict, problems: list[Problem],
            error: type) -> Any:
    try:
        value = load(cls, raw, file=file, error=error, root=root)
    except (BrandError, ProfileError) as exc:
        problems.extend(exc.problems)
        return None
    check_refs(value, names, file=file, root=root, problems=problems)
    return value


def _apply_overrides(pack: RulePack, overrides: dict[str, dict[str, Any]], *, file: str,
                     names: dict) -> RulePack:
    """The pack with a profile's ``[rules.<ID>]`` tables applied (parameters, or switched off)."""
    problems: list[Problem] = []
    rules = dict(pack.rules)
    for rule_id, table in overrides.items():
        where = f"{file}: rules.{rule_id}"
        if rule_id not in rules:
            problems.append(Problem(where, _("unknown rule '{rule}'").format(rule=rule_id),
                                    did_you_mean(rule_id, rules) or _("rules: {names}").format(
                                        names=", ".join(sorted(rules)))))
            continue
        rule = rules[rule_id]
        raw = dict(rule.raw)
        enabled, reason = rule.enabled, rule.reason
        changed = []
        for key, value in table.items():
            if key == "enabled":
                if not isinstance(value, bool):
                    problems.append(Problem(f"{where}.enabled", _("expected true or false"),
                                            _("write enabled = false (no quotes)")))
                enabled = bool(value)
            elif key == "reason":
                if not isinstance(value, str):
                    problems.append(Problem(f"{where}.reason", _("expected text"), _('write reason = "…"')))
                reason = str(value)
            else:
                raw[key] = value
                changed.append(key)
        params = rule.params
        if changed:
            fields = {f.name for f in dataclasses.fields(CHECKS[rule.code].params)}
            for key in changed:
                if key not in fields:
                    names_ = ["enabled", "reason", *fields]
                    problems.append(Problem(f"{where}.{key}", _("unknown parameter '{key}' of {code}").format(
                        key=key, code=rule.code), did_you_mean(key, names_) or _("parameters: {names}").format(
                            names=", ".join(names_))))
            if not problems:
                params = _params(CHECKS[rule.code].params, raw, file, f"rules.{rule_id}", names, problems,
                                 ProfileError)
        if not enabled and not reason.strip():
            problems.append(Problem(f"{where}.enabled", _("{code} is switched off without a reason").format(
                code=rule.code), _('add reason = "…": why this centre may skip the rule (shown in the report)')))
        rules[rule_id] = dataclasses.replace(rule, params=params, raw=FrozenDict(raw), enabled=enabled, reason=reason,
                                             overridden=tuple(changed))
    if problems:
        raise ProfileError(problems)
    return RulePack(FrozenDict(rules))
