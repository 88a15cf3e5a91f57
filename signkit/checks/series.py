"""Checks of how a board text continues over a series of panels (issue 11).

In:  a rule and a board panel's job (its content says what the planner decided: where the
     text continues, and whether a paragraph had to be split to get there).
Out: findings.
- SERIES_SPLIT_PARAGRAPH (info): a series breaks between paragraphs only; a paragraph
  longer than a whole panel is the one exception, split at a sentence end (or, when no
  sentence end fits, at a line end).  The panel that continues it says so, naming the
  paragraph, so an editor can shorten it or accept the break.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..families.board import Content as BoardContent
from ..i18n import _
from ..ir import Sheet
from ..model.brand import Brand
from ..model.job import SignJob
from .findings import Finding
from .rules import Rule, sheet_check


@sheet_check("SERIES_SPLIT_PARAGRAPH", needs=BoardContent)
def check_split_paragraph(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    content: BoardContent = job.content
    if not content.continues:
        return
    where = _("at a sentence end") if content.continues_at_sentence else _("at a line end (no sentence end fitted)")
    yield rule.finding(sheet.id, content.continues,
                       _("panel {panel} of {panels} continues the paragraph at {source}, which is longer than a "
                         "whole panel: it is split {where}").format(panel=content.panel, panels=content.panels,
                                                                     source=content.continues, where=where),
                       _("shorten the paragraph or divide it into 款 if the break should fall elsewhere"))
