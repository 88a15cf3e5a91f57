"""Stage 4, check: the rule pack applied to every sheet and to the centre as a whole.

In:  the composed :class:`~signkit.ir.Sheet` of each job (sheet checks see exactly the
     geometry the renderers draw), the profile and the jobs (centre checks), and the
     :class:`~signkit.checks.rules.RulePack` (brand rules + the profile's overrides).
Out: :class:`~signkit.checks.findings.Finding` objects, and the policy that turns them into
     a decision per sign: :func:`drawable`, :func:`printable`, :func:`approved`.

Each rule's ``code`` names one registered check (:data:`CHECKS`, filled by the modules below);
a rule runs on a sign when the sign's family is in the rule's ``applies_to`` (or it has none)
and the sign carries the content the check needs.  A rule switched off in the profile does
not run (the report lists it with its reason).  Whether a sheet may be drawn or printed at
all is not a rule: a glyph the font lacks is never drawn as a box, and a colour without CMYK
or a photo that is not CMYK JPEG is never printed, whatever the rule pack says.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..ir import Glyphs, Image, Sheet, paints, walk
from ..model.brand import Brand
from ..model.job import SignJob
from ..model.profile import Profile
from . import boards, completeness, disclosure, identity, images, placement, series, size, text, wayfinding  # noqa: F401  (registers checks)
from .findings import Finding, has_errors, sort_findings
from .rules import CHECKS, Rule, RulePack

PROOF_CODES = frozenset({"EMBLEM_PLACEHOLDER"})  # warnings that still keep a sign from print


def check_sheet(sheet: Sheet, job: SignJob, brand: Brand, pack: RulePack) -> list[Finding]:
    out = []
    for rule in pack.enabled():
        check = CHECKS[rule.code]
        if check.scope != "sheet" or not rule.applies(job.kind):
            continue
        if check.needs is not None and not isinstance(job.content, check.needs):
            continue
        out.extend(check.fn(rule, job, sheet, brand))
    return out


def check_centre(profile: Profile, jobs: tuple[SignJob, ...], brand: Brand, pack: RulePack) -> list[Finding]:
    return [f for rule in pack.enabled() if CHECKS[rule.code].scope == "centre"
            for f in CHECKS[rule.code].fn(rule, profile, jobs, brand)]


def drawable(sheet: Sheet) -> bool:
    """No glyph is missing: the sign can be drawn at all (SVG, PNG)."""
    return not any(isinstance(i, Glyphs) and any(g.gid == 0 for g in i.glyphs) for i, _, _ in walk(sheet.items))


def printable(sheet: Sheet) -> bool:
    """Drawable, every colour has its exact CMYK and every photo is a CMYK JPEG: the sign may
    go to a print PDF."""
    for item, _, _ in walk(sheet.items):
        if isinstance(item, Image) and not item.printable:
            return False
        if any(not p.printable for p in paints(item)):
            return False
    return drawable(sheet)


def approved(findings: Iterable[Finding]) -> bool:
    """Approved for print: no error, and no placeholder artwork."""
    findings = list(findings)
    return not has_errors(findings) and not any(f.code in PROOF_CODES for f in findings)


def proof_reasons(findings: Iterable[Finding]) -> list[str]:
    """Why a sign is a proof: the codes of its errors and placeholders, once each."""
    return list(dict.fromkeys(f.code for f in findings if f.severity == "error" or f.code in PROOF_CODES))


__all__ = ["CHECKS", "Finding", "Rule", "RulePack", "approved", "check_centre", "check_sheet", "drawable",
           "has_errors", "printable", "proof_reasons", "sort_findings"]
