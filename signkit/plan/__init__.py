"""Stage 2, plan: Profile + Brand → the sign jobs a centre needs, each with its placement.

In:  :class:`~signkit.profile.Profile`, :class:`~signkit.brand.Brand`.
Out: a tuple of :class:`~signkit.plan.jobs.SignJob` in schedule order (outside in: facade,
plaques, directories, door plates, zones, windows, desks, boards, the showcase).  Each sign family has one planner
in :data:`PLANNERS`; a new family is one more entry.  A family whose type the brand does not
define is not planned.
"""

from __future__ import annotations

from ..brand import Brand
from ..profile import Profile
from .boards import plan_boards
from .directories import plan_directories
from .entrance import plan_facade, plan_plaques
from .jobs import Placement, SignJob, Text
from .rooms import plan_door_plates, plan_zone_signs
from .service import plan_service_windows

PLANNERS = (plan_facade, plan_plaques, plan_directories, plan_door_plates, plan_zone_signs, plan_service_windows,
            plan_boards)


def plan_signs(profile: Profile, brand: Brand) -> tuple[SignJob, ...]:
    jobs: list[SignJob] = []
    for planner in PLANNERS:
        jobs.extend(planner(profile, brand))
    return tuple(jobs)


__all__ = ["plan_signs", "Placement", "SignJob", "Text", "PLANNERS"]
