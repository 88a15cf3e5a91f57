"""Checks of the texts signs carry as a whole: boards and directories.

In:  a rule and a job (its content says what the planner decided).
Out: findings.
- BOARD_TEXT_EMPTY: a board whose file holds only its title is made with the title alone,
  and said so;
- SERIES_TOO_LONG: a text that needs more panels than the rule allows is not drawn at all
  (decided in the plan, before anything is composed);
- DIRECTORY_FULL: a floor with more rooms than its directory holds, once per directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import spec
from ..i18n import _
from ..families.board import Content as BoardContent
from ..families.directory import Content as DirectoryContent
from ..ir import Sheet
from ..model.brand import Brand
from ..model.job import SignJob
from ..model.profile import Profile
from .findings import Finding
from .rules import Rule, centre_check, sheet_check


@sheet_check("BOARD_TEXT_EMPTY", needs=BoardContent)
def check_board_empty(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    if not job.content.text.blocks:
        yield rule.finding(sheet.id, job.texts["title"].key,
                           _("{file} holds only its title: the board is made with the title alone").format(
                               file=job.content.file),
                           _("write the board's text under the # title line, or remove the board from the profile"))


@dataclass(frozen=True, slots=True)
class SeriesLength:
    max_panels: int = spec(ge=1, doc="most panels one text may take on a wall")


@centre_check("SERIES_TOO_LONG", params=SeriesLength)
def check_series_length(rule: Rule, profile: Profile, jobs: tuple[SignJob, ...], brand: Brand) -> Iterator[Finding]:
    for job in jobs:
        if isinstance(job.content, BoardContent) and job.content.panels > rule.params.max_panels:
            yield rule.finding(job.id, job.source,
                               _("{file} needs {panels} panels at the smallest body size, more than {limit}: "
                                 "nothing is drawn for it").format(file=job.content.file, panels=job.content.panels,
                                                                   limit=rule.params.max_panels),
                               _("shorten the text or split it into several boards (an excerpt, 节选, is common)"))


@sheet_check("DIRECTORY_FULL", needs=DirectoryContent)
def check_directory_full(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    content: DirectoryContent = job.content
    if content.overfull:
        hint = (_("list some of the floor's rooms on a second directory (two sign faces), or shorten the list")
                if content.larger is None else
                _("use the larger {width} × {height} size, or list fewer rooms").format(
                    width=f"{content.larger[0]:g}", height=f"{content.larger[1]:g}"))
        yield rule.finding(sheet.id, job.source,
                           _("the {floor}F directory lists {rooms} rooms; at {width} × {height} mm it holds "
                             "{capacity}").format(floor=job.content.floor, rooms=len(content.entries),
                                                  width=f"{job.width_mm:g}", height=f"{job.height_mm:g}",
                                                  capacity=content.capacity), hint)
