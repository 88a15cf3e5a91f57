"""What a sign family is: one record per family, declared in its own module.

A :class:`Family` names its kind (the key of ``[signs.<kind>]`` in the brand), the frozen
``Tokens`` dataclass its template reads (loaded from ``[signs.<kind>.tokens]`` through the
typed loader: misspelt keys are errors with a did-you-mean), the frozen ``Content`` it hands
to composition and the checks, its planner, its default template, and its mounting band
(the heights it may hang at, with the rule they rest on).  A family without a band is a bug
caught when the registry is built, not a sign that silently escapes the mounting check.

Planners take the :class:`PlanInput` (profile, brand) and return :class:`SignJob` values in
schedule order; they never read files and never compose (wall-level decisions that need the
composed size, such as board series, are made in :mod:`signkit.plan`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model.brand import Band, Brand
from ..model.job import Location, SignJob
from ..model.profile import Profile


@dataclass(frozen=True, slots=True)
class PlanInput:
    """What planners see: the profile, the brand, and the loaded board texts and photos."""

    profile: Profile
    brand: Brand
    boards: Any = None  # signkit.load.content.Content: board texts and photos read by the load stage


Planner = Callable[[PlanInput], list[SignJob]]


@dataclass(frozen=True, slots=True)
class Family:
    kind: str
    tokens: type  # frozen dataclass of the template's numbers
    content: type  # frozen dataclass the planner fills for each job
    plan: Planner
    template: str  # default template file name
    band: Band  # default mounting band (a brand may narrow it: [signs.<kind>.band])
    order: int  # position in the schedule: outside in
    double_sided: bool = False  # hung free: both faces are produced
    notes: tuple[str, ...] = field(default=())  # the rules the family follows, for docs
    back: Callable[[SignJob], SignJob] | None = None  # the second face from the first (default: the same artwork)
    texts: tuple[str, ...] = ()  # standard texts of the brand it sets ([texts.<name>], each with its source)
    facilities: bool = False  # its signs point to public facilities: the brand names every one


def faces(family: Family, job: SignJob) -> Iterator[SignJob]:
    """The job, and for a double-sided sign (``faces == 2``) its back: a second job
    ``<id>-b`` with ``face = 2`` at the same place, whose artwork the family's ``back`` makes
    (mirrored arrows on direction signs) or, by default, the same artwork.  Text is never
    mirrored: each face is a print of its own, read from its own side."""
    yield job
    if job.faces != 2:
        return
    location = Location(job.placement.location.phrase, {**job.placement.location.values, "face": 2})
    back = dataclasses.replace(job, id=f"{job.id}-b", face=2, series=job.series or job.id,
                               placement=dataclasses.replace(job.placement, location=location))
    yield family.back(back) if family.back is not None else back
