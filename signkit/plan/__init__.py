"""Stage 2, plan: the centre as a whole → every sign it needs, each with its place.

In:  :class:`~signkit.load.Inputs` and a :class:`~signkit.layout.compose.Composer` (boards
     are measured to decide their series).
Out: :class:`Plan`: the jobs of every sign of the centre in schedule order (outside in),
     after the decisions that span signs: board texts split into panels, one body size per
     wall, every panel given its own place on the wall (:mod:`.walls`), and one character
     height per type scale across the centre (:mod:`.scales`).  Selections such as
     ``--only`` are made after this, so a partial run draws exactly what the full run draws.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..families import FAMILIES, PlanInput
from ..families.base import faces
from ..model.job import Location, Placement, SignJob, Text
from .scales import settle_type_scales
from .walls import settle_boards


@dataclass(frozen=True, slots=True)
class Plan:
    jobs: tuple[SignJob, ...]

    def kinds(self) -> list[str]:
        return list(dict.fromkeys(j.kind for j in self.jobs))


def plan_jobs(inputs) -> tuple[SignJob, ...]:
    """Every family's jobs as its planner decides them, before wall-level decisions; a
    double-sided sign is two jobs, its face and its back (``<id>-b``)."""
    inp = PlanInput(inputs.profile, inputs.brand, inputs.content)
    return tuple(face for kind, family in FAMILIES.items() if kind in inputs.brand.signs
                 for job in family.plan(inp) for face in faces(family, job))


def plan_centre(inputs, composer) -> Plan:
    jobs = plan_jobs(inputs)
    jobs = settle_boards(jobs, composer=composer, brand=inputs.brand, rules=inputs.rules)
    jobs = settle_type_scales(jobs, composer=composer)
    return Plan(jobs)


__all__ = ["Location", "Placement", "Plan", "SignJob", "Text", "plan_centre", "plan_jobs"]
