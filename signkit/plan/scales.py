"""Type scales: one character height for the names of a family across the whole centre.

In:  every job of the centre and the composer (to read each template's ``<sk:name>`` frames).
Out: the jobs, each carrying the character height of every type scale its template uses
     (``SignJob.scales``).  A scale is named by the template (``scale="plate-name"``, by
     default the family's kind); its height is the largest at which every name of the scale,
     in the centre, fits its own frame: up to the scale's solid limit on one line, longer
     names on two balanced lines (:func:`signkit.text.name.house_size`).  Door plates, window
     and desk signs, zone signs, directory rows: a corridor of signs reads as one system, not
     as names fitted one by one.  Vertical columns (``<sk:column scale=…>``) are a scale too:
     the plaques at one entrance (``scale="plaque@entrance"``) carry one character height,
     set by the longest name, the others spread further down their columns
     (:func:`signkit.text.vertical.house_column_size`).  This is the one mechanism for
     every family's size: the plan measures, the template names the group.
"""

from __future__ import annotations

import dataclasses

from ..errors import TemplateError
from ..i18n import _
from ..frozendict import FrozenDict
from ..model.job import SignJob
from ..text.name import house_size
from ..text.vertical import ColumnSpec, house_column_size


def settle_type_scales(jobs: tuple[SignJob, ...], *, composer) -> tuple[SignJob, ...]:
    users = [j for j in jobs if not j.withheld and composer.sets_names(j)]
    if not users:
        return jobs
    measured = {j.id: composer.measure_names(j) for j in users}
    groups: dict[str, list] = {}
    for names in measured.values():
        for scale, face, text, spec in names:
            groups.setdefault(scale, []).append((face, text, spec))
    sizes = {scale: _house(scale, names) for scale, names in groups.items()}
    out = []
    for job in jobs:
        if job.id in measured:
            mine = {scale: sizes[scale] for scale, *_ in measured[job.id]}
            job = dataclasses.replace(job, scales=FrozenDict(mine))
        out.append(job)
    return tuple(out)


def _house(scale: str, names: list) -> float:
    """The scale's character height: names on one or two lines (text/name.py), or vertical
    columns spread over their plaques (text/vertical.py); one scale is one kind."""
    columns = [isinstance(spec, ColumnSpec) for _, _, spec in names]
    if all(columns):
        return house_column_size(names)
    if any(columns):
        raise TemplateError.at(_("type scale '{scale}'").format(scale=scale), _("mixes <sk:name> and <sk:column> frames"),
                               _("give the vertical columns a scale of their own"))
    return house_size(names)
