"""Size checks on a composed sheet.

In:  a rule, the sign's job, its sheet and the brand.
Out: findings.  SIGN_SIZE (DP-01, WS-01, §3 table): the size is one of the type's allowed
sizes (a type without a list, such as the facade, is parametric and not held to one);
PLAQUE_OVER_TOWNSHIP (VP-04); PAGE_TOO_LARGE (PDF pages end at 200 in).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..brand import Brand
from ..ir import Sheet
from ..plan.jobs import SignJob
from .findings import Finding
from .rules import Rule


def check_sign_size(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    allowed = brand.signs[job.kind].allowed_sizes_mm
    if not allowed:
        return
    tol = float(rule["tolerance_mm"])
    w, h = sheet.trim.width_mm, sheet.trim.height_mm
    if not any(abs(w - aw) <= tol and abs(h - ah) <= tol for aw, ah in allowed):
        sizes = ", ".join(f"{aw:g} × {ah:g}" for aw, ah in allowed)
        yield rule.finding(sheet.id, job.data.get("size_key", job.source),
                           f"{w:g} × {h:g} mm is not an allowed size for {job.kind} ({sizes} mm)",
                           "use one of the allowed sizes, or add the size to the brand's allowed_sizes_mm "
                           "if the city's rules allow it")


def check_plaque_township(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    if job.kind != "plaque":
        return
    mw, mh = float(rule["max_width_mm"]), float(rule["max_height_mm"])
    w, h = sheet.trim.width_mm, sheet.trim.height_mm
    if w > mw or h > mh:
        yield rule.finding(sheet.id, job.data.get("size_key", job.source),
                           f"the plaque is {w:g} × {h:g} mm, larger than the township preset {mw:g} × {mh:g} mm",
                           "a village plaque should not exceed the level above it (VP-04)")


def check_page_size(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    out = brand.output
    marks = out.mark_offset_mm + out.mark_length_mm if out.crop_marks else 0.0
    extra = 2 * (sheet.bleed_mm + marks)
    longest = max(sheet.trim.width_mm, sheet.trim.height_mm) + extra
    if longest > float(rule["max_mm"]):
        yield rule.finding(sheet.id, job.source,
                           f"the print page is {longest:.0f} mm long (trim, bleed and marks), beyond {rule['max_mm']:g} mm",
                           "lower the sign type's max width in the brand, or print it in panels")
