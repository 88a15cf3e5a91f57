"""Wall-level decisions for boards: series, one body size per wall, places along the wall.

In:  the families' jobs, the composer (to measure board texts in their templates), the
     brand and the rule pack (SERIES_TOO_LONG's panel limit).
Out: the jobs with every board text turned into its panels (``board-<id>-1`` … when it
     takes more than one), each panel carrying the body size shared by the boards of its
     wall and its own offset along the wall.

The rules, as a designer hangs a row of boards:
- **One size per wall.** Boards of one family on one wall share one body size (brand token
  ``harmonise_on_wall``): the smallest of the sizes at which each single-panel board fits
  one panel; a wall of series only takes the smallest of the series' own sizes.  Every
  board of the wall, series included, is then set at exactly that size, so a text never
  changes size because it is long.
- **Panels.** A text takes as many panels as it needs at that size; more than the rule
  pack allows (SERIES_TOO_LONG's ``max_panels``) and nothing is drawn for it: the job stays
  in the schedule, withheld, and the check reports it.
- **Places.** Panels hang side by side from the wall's left end, the brand's gap
  (``board_gap_mm``) before each, boards in profile order, the showcase after them; boards
  their family placed itself (``fixed``: the oath wall's) keep their places.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from ..families.board import Content as BoardContent
from ..model.brand import Brand
from ..model.job import Location, SignJob

DEFAULT_MAX_PANELS = 6


def settle_boards(jobs: tuple[SignJob, ...], *, composer, brand: Brand, rules) -> tuple[SignJob, ...]:
    boards = [j for j in jobs if isinstance(j.content, BoardContent)]
    if not boards:
        return jobs
    series_rule = rules.by_code("SERIES_TOO_LONG")
    limit = series_rule.params.max_panels if series_rule is not None and series_rule.enabled else None
    best = {j.id: composer.fit_board(j) for j in boards}  # each text at its own best size
    size: dict[str, float] = {j.id: best[j.id].char_height_mm for j in boards}
    walls: dict[tuple[str, str], list[SignJob]] = defaultdict(list)
    for j in boards:
        if brand.signs[j.kind].tokens.harmonise_on_wall:
            walls[(j.placement.wall, j.kind)].append(j)
    for members in walls.values():
        singles = [size[j.id] for j in members if len(best[j.id].pages) == 1]
        shared = min(singles) if singles else min(size[j.id] for j in members)
        for j in members:
            size[j.id] = shared

    expanded: dict[str, list[SignJob]] = {}
    for j in boards:
        layout = composer.fit_board(j, exact_mm=size[j.id])
        count = max(1, len(layout.pages))  # a title-only board is still a board
        content = dataclasses.replace(j.content, panels=count, body_char_mm=size[j.id])
        if limit is not None and count > limit:
            expanded[j.id] = [dataclasses.replace(j, content=content, withheld="series too long")]
            continue
        expanded[j.id] = [dataclasses.replace(j, id=j.id if count == 1 else f"{j.id}-{n}", series=j.id,
                                              content=dataclasses.replace(content, panel=n))
                          for n in range(1, count + 1)]
    out = []
    for j in jobs:
        out.extend(expanded.get(j.id, [j]) if isinstance(j.content, BoardContent) else [j])
    return _hang(tuple(out), brand)


def _hang(jobs: tuple[SignJob, ...], brand: Brand) -> tuple[SignJob, ...]:
    """Each panel's offset along its wall (centre, from the wall's left end) and its place number."""
    along: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    out = []
    for j in jobs:
        if not isinstance(j.content, BoardContent) or j.content.fixed:
            out.append(j)
            continue
        wall = j.placement.wall
        along[wall] += brand.signs[j.kind].tokens.board_gap_mm
        count[wall] += 1
        location = Location(j.placement.location.phrase, {**j.placement.location.values, "n": count[wall]})
        placement = dataclasses.replace(j.placement, offset_mm=along[wall] + j.width_mm / 2, location=location)
        along[wall] += j.width_mm
        out.append(dataclasses.replace(j, placement=placement))
    return tuple(out)
