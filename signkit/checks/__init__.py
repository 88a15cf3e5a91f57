"""Stage 5, check: pure functions over sheets (and, for centre-wide rules, the profile).

In:  :class:`~signkit.layout.sheet.Sheet` objects; the checks see exactly the geometry the
     renderers draw.
Out: :class:`~signkit.checks.findings.Finding` objects, sorted for the report.
:data:`SHEET_CHECKS` lists the checks run on every composed sheet.
"""

from __future__ import annotations

from ..layout.sheet import Sheet
from .findings import Finding, has_errors, sort_findings
from .identity import check_placeholders
from .text import check_glyphs, check_overflow

SHEET_CHECKS = (check_glyphs, check_overflow, check_placeholders)


def check_sheet(sheet: Sheet) -> list[Finding]:
    return [finding for check in SHEET_CHECKS for finding in check(sheet)]


def blocks_drawing(findings: list[Finding]) -> bool:
    """A sign whose text cannot be drawn at all gets no files (no tofu boxes, ever)."""
    return any(f.code == "MISSING_GLYPH" for f in findings)


def approved(findings: list[Finding]) -> bool:
    """Approved for print: no error, and no placeholder artwork."""
    return not has_errors(findings) and not any(f.code == "EMBLEM_PLACEHOLDER" for f in findings)


__all__ = ["Finding", "SHEET_CHECKS", "approved", "blocks_drawing", "check_sheet", "has_errors", "sort_findings"]
