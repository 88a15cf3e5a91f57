"""Findings: what a check reports about a sign or the centre.

A finding is data, never an exception (errors.py, policy 2).  ``severity`` decides the
exit code (any ``error`` → 1) and whether a sign is approved for print.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from ..i18n import N_, _

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning"), "info": N_("note")}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # stable, e.g. MISSING_GLYPH
    severity: Severity
    sign: str  # sign id, or "" for the centre as a whole
    key: str  # profile key path (rooms[3].name) or template/brand location
    message: str  # in the language current when the check ran
    hint: str = ""
    rule: str = ""  # rule id in the rule pack, e.g. DP-02
    box: tuple[float, float, float, float] | None = None  # x, y, w, h in the sign's mm: what to outline

    def as_dict(self) -> dict:
        out = asdict(self)
        out["box"] = [round(v, 2) for v in self.box] if self.box else None
        return out


def severity_word(severity: str) -> str:
    """``error``, ``warning`` or ``info`` as a reader's word in the current language."""
    return _(SEVERITY_WORDS[severity]) if severity in SEVERITY_WORDS else severity


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.sign, f.code, f.key, f.message))


def has_errors(findings: list[Finding] | tuple[Finding, ...]) -> bool:
    return any(f.severity == "error" for f in findings)
