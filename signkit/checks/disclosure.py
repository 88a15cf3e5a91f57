"""Checks of the disclosure board: what its period says, and where its pockets hang.

In:  a rule and the disclosure board's job (period, pockets on the board, placement).
Out: findings.
- DISCLOSURE_PERIOD (BD-02): the period the posted papers cover is no longer than the law's
  cadence (村民委员会组织法 Art. 30: general affairs at least every quarter, finances
  monthly where there are many transactions), and can be read as a period at all;
- POCKET_REACH (PL-06): every pocket hangs where people read papers up close, its bottom
  edge at or above the lower limit and its top edge at or below the upper one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..config import spec
from ..i18n import _
from ..families.disclosure import Content as DisclosureContent
from ..ir import Sheet
from ..model.brand import Brand
from ..model.job import SignJob
from .findings import Finding
from .rules import Rule, sheet_check

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"\d{4}年"
_PERIODS = (  # (pattern, months it spans)
    (re.compile(_YEAR + r"第?[一二三四1-4]季度?$"), lambda m: 3),
    (re.compile(_YEAR + r"(\d{1,2})月(份)?$"), lambda m: 1),
    (re.compile(_YEAR + r"(\d{1,2})月?\s*[至到—–～~\-]\s*(\d{4}年)?(\d{1,2})月$"),
     lambda m: (int(m.group(3)) - int(m.group(1))) % 12 + 1),
    (re.compile(_YEAR + r"[上下]半年$"), lambda m: 6),
    (re.compile(_YEAR + r"(度|全年)?$"), lambda m: 12),
)


def period_months(period: str) -> int | None:
    """How many months a period such as 2026年第四季度, 2026年10月, 2026年10月至12月 or
    2026年上半年 spans; None when it is not a period signkit can read."""
    text = re.sub(r"\s+", "", period)
    for pattern, months in _PERIODS:
        m = pattern.match(text)
        if m:
            return months(m)
    return None


@dataclass(frozen=True, slots=True)
class Cadence:
    max_months: int = spec(ge=1, doc="longest period the posted papers may cover, months (BD-02: a quarter)")


@sheet_check("DISCLOSURE_PERIOD", params=Cadence, needs=DisclosureContent)
def check_period(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    period = job.content.period
    months = period_months(period)
    if months is None:
        yield rule.finding(sheet.id, "disclosure.period", _("\"{period}\" is not a period signkit can read").format(
            period=period), _("write the quarter or the month the papers cover: 2026年第四季度, 2026年10月 or "
                              "2026年10月至12月"))
    elif months > rule.params.max_months:
        yield rule.finding(sheet.id, "disclosure.period",
                           _("\"{period}\" spans {months} months: the papers must be renewed at least every "
                             "{limit} months").format(period=period, months=months, limit=rule.params.max_months),
                           _("村民委员会组织法 Art. 30: general affairs at least every quarter, finances monthly where "
                             "there are many transactions; give the current quarter or month"))


@dataclass(frozen=True, slots=True)
class Reach:
    min_mm: float = spec(ge=0, doc="lowest bottom edge of a pocket above the floor, mm")
    max_mm: float = spec(gt=0, doc="highest top edge of a pocket above the floor, mm")


@sheet_check("POCKET_REACH", params=Reach, needs=DisclosureContent)
def check_pocket_reach(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    p: Reach = rule.params
    top = job.placement.top_mm(job.height_mm)  # the board's top edge above the floor
    pockets = [pocket for column in job.content.columns for pocket in column.pockets]
    if not pockets:
        return
    highest = top - min(pocket.y for pocket in pockets)
    lowest = top - max(pocket.bottom for pocket in pockets)
    problems = []
    if highest > p.max_mm:
        problems.append(_("the top row's papers reach {height} mm, above {limit} mm").format(
            height=f"{highest:.0f}", limit=f"{p.max_mm:g}"))
    if lowest < p.min_mm:
        problems.append(_("the bottom row's papers start at {height} mm, below {limit} mm").format(
            height=f"{lowest:.0f}", limit=f"{p.min_mm:g}"))
    if problems:
        yield rule.finding(sheet.id, "disclosure.pockets", _("; ").join(problems),
                           _("papers are read up close: fewer rows (more pockets side by side, across = …), A4 "
                             "instead of A3, or a lower mounting height"))
