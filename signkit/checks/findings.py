"""Findings: what a check reports about a sign or the centre.

A finding is data, never an exception (errors.py, policy 2).  ``severity`` decides the
exit code (any ``error`` → 1) and whether a sign is approved for print.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # stable, e.g. MISSING_GLYPH
    severity: Severity
    sign: str  # sign id, or "" for the centre as a whole
    key: str  # profile key path (rooms[3].name) or template/brand location
    message: str
    hint: str = ""
    rule: str = ""  # rule id in the rule pack, e.g. DP-02
    box: tuple[float, float, float, float] | None = None  # x, y, w, h in the sign's mm: what to outline

    def as_dict(self) -> dict:
        out = asdict(self)
        out["box"] = [round(v, 2) for v in self.box] if self.box else None
        return out


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.sign, f.code, f.key, f.message))


def has_errors(findings: list[Finding] | tuple[Finding, ...]) -> bool:
    return any(f.severity == "error" for f in findings)
