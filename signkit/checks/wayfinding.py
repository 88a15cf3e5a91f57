"""Checks of direction signs: where their arrows lead.

In:  a rule and a direction sign's job (its lines, as the planner resolved them).
Out: findings.
- FLOOR_ARROW (PL-09): on a floor sign, up leads to a higher floor and down to a lower one;
  a room on the sign's own floor is not reached by the stairs;
- BACK_AHEAD (PL-09): the back of a hanging sign whose lines are the front's mirrored keeps
  an "ahead" arrow to a destination on its own floor; but what is ahead of the front's
  readers is behind the back's, so the profile should say the back's lines.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..families.wayfinding import Content as WayContent
from ..i18n import _
from ..ir import Sheet
from ..model.brand import Brand
from ..model.job import SignJob
from .findings import Finding
from .rules import Rule, sheet_check


@sheet_check("FLOOR_ARROW", needs=WayContent)
def check_floor_arrows(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    content: WayContent = job.content
    if content.kind != "floor":
        return
    for line in content.lines:
        to = line.destination_floor
        if to is None:  # a facility: the stairs, the exit … are where the arrow says
            continue
        wrong = (line.arrow == "up" and to <= content.floor) or (line.arrow == "down" and to >= content.floor)
        if wrong:
            where = _("on this floor") if to == content.floor else _("on floor {floor}").format(floor=to)
            message = (_("\"{text}\" is {where}, but the floor sign on floor {floor} points up to it")
                       if line.arrow == "up" else
                       _("\"{text}\" is {where}, but the floor sign on floor {floor} points down to it"))
            yield rule.finding(sheet.id, line.key, message.format(text=line.text, where=where, floor=content.floor),
                               _("up leads to the floors above, down to the floors below; a room on this floor "
                                 "belongs on a wall direction sign"))


@sheet_check("BACK_AHEAD", needs=WayContent)
def check_back_ahead(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    content: WayContent = job.content
    if job.face != 2 or not content.mirrored:
        return
    for line in content.lines:
        if line.arrow.startswith("up") and not line.upstairs:
            yield rule.finding(sheet.id, f"{content.sign_key}.back",
                               _("the back repeats the front's \"ahead\" arrow to \"{text}\": readers of the back "
                                 "have it behind them").format(text=line.text),
                               _("give the sign back = [ … ] with the lines as the back's readers see them"))
