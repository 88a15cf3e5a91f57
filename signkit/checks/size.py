"""Size checks on a composed sheet.

In:  a rule, the sign's job, its sheet and the brand.
Out: findings.  SIGN_SIZE (DP-01, WS-01, §3 table): the size is one of the type's allowed
sizes (a type without a list, such as the facade, is parametric and not held to one);
PLAQUE_OVER_TOWNSHIP (VP-04); PAGE_TOO_LARGE (PDF pages end at 200 in).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import spec
from ..i18n import _
from ..families.plaque import Content as PlaqueContent
from ..ir import Sheet
from ..model.brand import Brand
from ..model.job import SignJob
from .findings import Finding
from .rules import Rule, sheet_check


@dataclass(frozen=True, slots=True)
class SignSize:
    tolerance_mm: float = spec(ge=0, doc="how far a size may be from an allowed one, mm")


@sheet_check("SIGN_SIZE", params=SignSize)
def check_sign_size(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    allowed = brand.signs[job.kind].allowed_sizes_mm
    if not allowed:
        return
    tol = rule.params.tolerance_mm
    w, h = sheet.trim.width_mm, sheet.trim.height_mm
    if not any(abs(w - aw) <= tol and abs(h - ah) <= tol for aw, ah in allowed):
        sizes = ", ".join(f"{aw:g} × {ah:g}" for aw, ah in allowed)
        key = job.content.size_key if isinstance(job.content, PlaqueContent) else job.source
        yield rule.finding(sheet.id, key,
                           _("{width} × {height} mm is not an allowed size for {kind} ({sizes} mm)").format(
                               width=f"{w:g}", height=f"{h:g}", kind=job.kind, sizes=sizes),
                           _("use one of the allowed sizes, or add the size to the brand's allowed_sizes_mm "
                             "if the city's rules allow it"))


@dataclass(frozen=True, slots=True)
class Township:
    max_width_mm: float = spec(gt=0, doc="the township preset's width, mm")
    max_height_mm: float = spec(gt=0, doc="the township preset's height, mm")


@sheet_check("PLAQUE_OVER_TOWNSHIP", params=Township, needs=PlaqueContent)
def check_plaque_township(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    p: Township = rule.params
    w, h = sheet.trim.width_mm, sheet.trim.height_mm
    if w > p.max_width_mm or h > p.max_height_mm:
        yield rule.finding(sheet.id, job.content.size_key,
                           _("the plaque is {width} × {height} mm, larger than the township preset "
                             "{max_width} × {max_height} mm").format(
                               width=f"{w:g}", height=f"{h:g}", max_width=f"{p.max_width_mm:g}",
                               max_height=f"{p.max_height_mm:g}"),
                           _("a village plaque should not exceed the level above it (VP-04)"))


@dataclass(frozen=True, slots=True)
class PageSize:
    max_mm: float = spec(gt=0, doc="longest print page, mm (PDF 1.3 stops at 200 in)")


@sheet_check("PAGE_TOO_LARGE", params=PageSize)
def check_page_size(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    out = brand.output
    marks = out.mark_offset_mm + out.mark_length_mm if out.crop_marks else 0.0
    extra = 2 * (sheet.bleed_mm + marks)
    longest = max(sheet.trim.width_mm, sheet.trim.height_mm) + extra
    if longest > rule.params.max_mm:
        yield rule.finding(sheet.id, job.source,
                           _("the print page is {length} mm long (trim, bleed and marks), beyond {limit} mm").format(
                               length=f"{longest:.0f}", limit=f"{rule.params.max_mm:g}"),
                           _("lower the sign type's max width in the brand, or print it in panels"))
