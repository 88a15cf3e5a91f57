"""Wall-level decisions for boards: series, one body size per wall, places along the wall.

In:  the families' jobs, the composer (to measure board texts in their templates), the
     brand and the rule pack (SERIES_TOO_LONG's panel limit).
Out: the jobs with every board text turned into its panels (``board-<id>-1`` … when it
     takes more than one), each panel carrying the body size shared by the boards of its
     wall and its own offset along the wall.

The rules, as a designer hangs a row of boards:
- **One size per wall.** Boards of one family on one wall share one body size (brand token
  ``harmonise_on_wall``): the smallest of the sizes at which each single-panel board fits
  one panel; a wall of series only takes the smallest of the series' own sizes, and so
  does a wall where the single boards' size would make a series longer than the rule
  pack allows.  Every
  board of the wall, series included, is then set at exactly that size, so a text never
  changes size because it is long.
- **Panels.** A text takes as many panels as it needs at that size; more than the rule
  pack allows (SERIES_TOO_LONG's ``max_panels``) and nothing is drawn for it: the job stays
  in the schedule, withheld, and the check reports it.
- **Titles.** The panels of a series share one title size; by the brand's ``title_scale``
  so do the boards of a wall or of the whole centre (the smallest of their own sizes).
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
    series_rule = rules.by_code("SERIES_TOO_LONG")
    limit = series_rule.params.max_panels if series_rule is not None and series_rule.enabled else None
    contrast_rule = rules.by_code("LOW_CONTRAST")
    contrast = (contrast_rule.params.large_text_mm, contrast_rule.params.small_min) \
        if contrast_rule is not None and contrast_rule.enabled else None
    jobs = tuple(dataclasses.replace(j, content=dataclasses.replace(j.content, contrast=contrast))
                 if isinstance(j.content, BoardContent) else j for j in jobs)
    boards = [j for j in jobs if isinstance(j.content, BoardContent)]
    if not boards:
        return jobs
    best = {j.id: composer.fit_board(j) for j in boards}  # each text at its own best size
    size: dict[str, float] = {j.id: best[j.id].char_height_mm for j in boards}
    walls: dict[tuple[str, str], list[SignJob]] = defaultdict(list)
    for j in boards:
        if brand.signs[j.kind].tokens.harmonise_on_wall:
            walls[(j.placement.wall, j.kind)].append(j)
    for members in walls.values():
        singles = [size[j.id] for j in members if len(best[j.id].pages) == 1]
        shared = min(singles) if singles else min(size[j.id] for j in members)
        for j in members:  # a series the shared size would make too long takes the wall down to its own size
            if len(best[j.id].pages) > 1 and limit is not None and size[j.id] < shared \
                    and len(composer.fit_board(j, exact_mm=shared).pages) > limit:
                shared = size[j.id]
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
        splits = {split.page: split for split in layout.splits}
        expanded[j.id] = [dataclasses.replace(j, id=j.id if count == 1 else f"{j.id}-{n}", series=j.id,
                                              content=dataclasses.replace(
                                                  content, panel=n, continues=splits[n].source if n in splits else "",
                                                  continues_at_sentence=splits[n].at_sentence if n in splits else True))
                          for n in range(1, count + 1)]
    out = []
    for j in jobs:
        out.extend(expanded.get(j.id, [j]) if isinstance(j.content, BoardContent) else [j])
    return _hang(_title_sizes(tuple(out), composer, brand), brand)


def _title_sizes(jobs: tuple[SignJob, ...], composer, brand: Brand) -> tuple[SignJob, ...]:
    """One title size per series, or per wall or per centre (token ``title_scale``): the
    smallest of the group's own best sizes, so no title of the group overflows."""
    groups: dict[tuple, list[tuple[int, float]]] = defaultdict(list)
    for n, j in enumerate(jobs):
        if not isinstance(j.content, BoardContent) or j.withheld:
            continue
        size = composer.measure_title(j)
        if size is None:
            continue  # no <sk:title>, or it fits nowhere (set at its minimum: TEXT_OVERFLOW)
        scale = getattr(brand.signs[j.kind].tokens, "title_scale", "series")
        group = {"wall": (j.kind, j.placement.wall), "centre": (j.kind,)}.get(scale, (j.kind, j.series or j.id))
        groups[group].append((n, size))
    out = list(jobs)
    for members in groups.values():
        shared = min(size for _, size in members)
        for n, _ in members:
            out[n] = dataclasses.replace(out[n], content=dataclasses.replace(out[n].content, title_size_mm=shared))
    return tuple(out)


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
