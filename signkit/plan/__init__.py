"""Stage 2, plan: Profile + Brand → the sign jobs a centre needs, each with its placement.

In:  :class:`~signkit.profile.Profile`, :class:`~signkit.brand.Brand`.
Out: a tuple of :class:`~signkit.plan.jobs.SignJob` in schedule order.  Each sign family
has one planner function in :data:`PLANNERS`; a new family is one more entry.
"""

from __future__ import annotations

from ..brand import Brand
from ..profile import Profile
from .doorplates import plan_door_plates
from .jobs import Placement, SignJob, Text

PLANNERS = (plan_door_plates,)


def plan_signs(profile: Profile, brand: Brand) -> tuple[SignJob, ...]:
    jobs: list[SignJob] = []
    for planner in PLANNERS:
        jobs.extend(planner(profile, brand))
    return tuple(jobs)


__all__ = ["plan_signs", "Placement", "SignJob", "Text", "PLANNERS"]
