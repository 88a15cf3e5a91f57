"""Placement checks: heights, sides, walls, the position of honour.

In:  a rule and a job with its :class:`~signkit.plan.jobs.Placement` (sheet checks), or the
     whole centre's jobs (centre checks).
Out: findings.
- MOUNT_HEIGHT (PL-03, PL-06/07): plates' centres 1400–1600 mm, directories' centres in their
  band, boards' bottom edges ≥ 700 mm and tops ≤ 2100 mm;
- PLATE_PLACEMENT (PL-01): on the latch side (the hinge side only when the latch-side wall
  has no room: reported as info) and clear of the door frame;
- WALL_TOO_NARROW: a sign reaching past the free wall recorded in the profile (for plaques
  the outermost of a row says the row does not fit);
- FACADE_TOO_WIDE (TAX-02); HONOUR_POSITION (VP-05); RED_PLATE_FIRST (DP-04).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..brand import Brand
from ..ir import Sheet
from ..plan.jobs import SignJob
from ..profile import Profile
from .findings import Finding
from .rules import Rule

BOARD_KINDS = ("board", "showcase")


def check_mount_height(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    p, h = job.placement, job.height_mm
    centre, top = p.centre_height_mm(h), p.top_mm(h)
    bottom = top - h
    problem = ""
    if job.kind in ("door-plate", "directory"):
        lo, hi = rule["door_plate_centre" if job.kind == "door-plate" else "directory_centre"]
        if not lo <= centre <= hi:
            problem = f"its centre is at {centre:.0f} mm, outside {lo:g}–{hi:g} mm"
    elif job.kind in BOARD_KINDS:
        if bottom < float(rule["board_bottom_min"]):
            problem = f"its bottom edge is at {bottom:.0f} mm, below {rule['board_bottom_min']:g} mm"
        elif top > float(rule["board_top_max"]):
            problem = f"its top edge is at {top:.0f} mm, above {rule['board_top_max']:g} mm"
    if problem:
        yield rule.finding(sheet.id, job.data.get("height_key", job.source), f"{job.kind} {problem}",
                           "hang it where people read it: eye height is about 1500–1650 mm (PL-07)")


def check_plate_placement(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    if job.kind != "door-plate":
        return
    p = job.placement
    if p.side != job.data.get("latch_side"):
        yield rule.finding(sheet.id, f"{job.source}.door.latch_side",
                           f"the plate hangs on the hinge side ({p.side}): {p.note}",
                           "PL-01 allows the nearest wall when the latch side has no room; check it is visible "
                           "with the door open", severity="info")
    gap = p.offset_mm - job.width_mm / 2
    if gap < float(rule["min_frame_gap_mm"]):
        yield rule.finding(sheet.id, f"{job.source}.door",
                           f"the plate is {gap:.0f} mm from the door frame; keep at least {rule['min_frame_gap_mm']:g} mm",
                           "the frame and the door leaf must not cover or touch the plate (PL-01)")


def check_wall_fit(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    p = job.placement
    if p.free_wall_mm is None or job.kind == "facade":
        return
    reach = p.offset_mm + job.width_mm / 2
    if reach > p.free_wall_mm + 0.5:
        what = "the plaque row" if job.kind == "plaque" else "the sign"
        key = {"plaque": "entrance.wall_" + p.side + "_mm", "door-plate": f"{job.source}.door.wall_mm"}.get(job.kind, job.source)
        yield rule.finding(sheet.id, key,
                           f"{what} reaches {reach:.0f} mm from the door frame on the {p.side}, but the free wall "
                           f"is {p.free_wall_mm:g} mm", "measure the wall again, or choose another wall for it")


def check_facade_width(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    if job.kind == "facade" and job.placement.free_wall_mm is not None and job.width_mm > job.placement.free_wall_mm:
        yield rule.finding(sheet.id, "entrance.facade_width_mm",
                           f"the facade sign is {job.width_mm:g} mm wide, the facade only {job.placement.free_wall_mm:g} mm",
                           "lower min_width_mm of signs.facade in the brand for this centre, or use letters on the wall")


def check_honour(rule: Rule, profile: Profile, jobs: tuple[SignJob, ...], brand: Brand) -> Iterator[Finding]:
    plaques = [j for j in jobs if j.kind == "plaque"]
    for j in plaques:
        if j.data.get("kind") != "party":
            continue
        honour = j.data.get("honour_side")
        same_side = [p for p in plaques if p.placement.side == honour and p is not j]
        if j.placement.side != honour or any(p.placement.offset_mm < j.placement.offset_mm for p in same_side):
            yield rule.finding(j.id, "entrance.honour_side",
                               f"the party plaque hangs {j.placement.location}, not in the position of honour "
                               f"(the {honour} of the door, nearest it)",
                               f"make room on the {honour} of the door (wall_{honour}_mm), or check honour_side")


def check_red_first(rule: Rule, profile: Profile, jobs: tuple[SignJob, ...], brand: Brand) -> Iterator[Finding]:
    doors: dict[str, list[SignJob]] = {}
    for j in jobs:
        if j.kind == "door-plate":
            doors.setdefault(j.data["door"], []).append(j)
    for door, plates in doors.items():
        ordered = sorted(plates, key=lambda j: j.data["plate_position"])
        if len(ordered) > 1 and ordered[0].style != "party" and any(p.style == "party" for p in ordered):
            red = next(p for p in ordered if p.style == "party")
            yield rule.finding(red.id, f"{red.source}.door.plate_order",
                               f"door '{door}' carries {len(ordered)} plates and the red plate of "
                               f"\"{red.texts['name'].text}\" is not first",
                               "give the party room plate_order = 1 (or drop plate_order: signkit puts red first)")
