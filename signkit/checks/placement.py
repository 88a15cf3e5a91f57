"""Placement checks: heights, sides, walls, the position of honour.

In:  a rule and a job with its :class:`~signkit.model.job.Placement` (sheet checks), or the
     whole centre's jobs (centre checks).
Out: findings.
- MOUNT_HEIGHT (PL-03, PL-06/07 …): every sign within its family's mounting band (the brand's
  ``[signs.<kind>.band]`` or the family's default); every family has one;
- PLATE_PLACEMENT (PL-01): on the latch side (the hinge side only when the latch-side wall
  has no room: reported as info) and clear of the door frame;
- WALL_TOO_NARROW: a sign reaching past the free wall recorded in the profile (for plaques
  the outermost of a row says the row does not fit; for boards, the last panel on the wall);
- FACADE_TOO_WIDE (TAX-02); HONOUR_POSITION (VP-05); RED_PLATE_FIRST (DP-04).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import spec
from ..i18n import _
from ..words import edge_word, side_word
from ..families.door_plate import Content as PlateContent
from ..families.facade import Content as FacadeContent
from ..families.plaque import Content as PlaqueContent
from ..ir import Sheet
from ..model.brand import Brand
from ..model.job import SignJob
from ..model.profile import Profile
from .findings import Finding
from .rules import Rule, centre_check, sheet_check


@dataclass(frozen=True, slots=True)
class MountHeight:
    tolerance_mm: float = spec(0.0, ge=0, doc="how far outside the band a sign may hang, mm")


@sheet_check("MOUNT_HEIGHT", params=MountHeight)
def check_mount_height(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    band = brand.signs[job.kind].band
    p, h, tol = job.placement, job.height_mm, rule.params.tolerance_mm
    problem = ""
    if band.edge == "extent":
        bottom, top = p.edge_mm("bottom", h), p.edge_mm("top", h)
        if bottom < band.min_mm - tol:
            problem = _("its bottom edge is at {height} mm, below {limit} mm").format(
                height=f"{bottom:.0f}", limit=f"{band.min_mm:g}")
        elif top > band.max_mm + tol:
            problem = _("its top edge is at {height} mm, above {limit} mm").format(
                height=f"{top:.0f}", limit=f"{band.max_mm:g}")
    else:
        at = p.edge_mm(band.edge, h)
        if not band.min_mm - tol <= at <= band.max_mm + tol:
            problem = _("its {edge} is at {height} mm, outside {min}–{max} mm").format(
                edge=edge_word(band.edge), height=f"{at:.0f}", min=f"{band.min_mm:g}", max=f"{band.max_mm:g}")
    if problem:
        yield rule.finding(sheet.id, job.source, f"{job.kind} {problem} ({band.source})",
                           _("hang it where people read it: eye height is about 1500–1650 mm (PL-07); "
                             "the site's own height goes in the profile (e.g. door.plate_centre_mm)"))


@dataclass(frozen=True, slots=True)
class PlatePlacement:
    min_frame_gap_mm: float = spec(ge=0, doc="least gap between the door frame and the plate, mm")


@sheet_check("PLATE_PLACEMENT", params=PlatePlacement, needs=PlateContent)
def check_plate_placement(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    p = job.placement
    if p.side != job.content.latch_side:
        yield rule.finding(sheet.id, f"{job.source}.door.latch_side",
                           _("the plate hangs on the hinge side ({side}): {note}").format(side=side_word(p.side),
                                                                                         note=p.note),
                           _("PL-01 allows the nearest wall when the latch side has no room; check it is visible "
                             "with the door open"), severity="info")
    gap = p.offset_mm - job.width_mm / 2
    if gap < rule.params.min_frame_gap_mm:
        yield rule.finding(sheet.id, f"{job.source}.door",
                           _("the plate is {gap} mm from the door frame; keep at least {limit} mm").format(
                               gap=f"{gap:.0f}", limit=f"{rule.params.min_frame_gap_mm:g}"),
                           _("the frame and the door leaf must not cover or touch the plate (PL-01)"))


@sheet_check("WALL_TOO_NARROW")
def check_wall_fit(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    p = job.placement
    if p.free_wall_mm is None:
        return
    reach = p.offset_mm + job.width_mm / 2
    if reach > p.free_wall_mm + 0.5:
        row = isinstance(job.content, PlaqueContent)
        door = p.side in ("left", "right") and job.placement.wall.startswith(("door", "entrance"))
        message = {(True, True): _("the plaque row reaches {reach} mm from the door frame on the {side}, but the free "
                                   "wall is {wall} mm"),
                   (True, False): _("the plaque row reaches {reach} mm along the wall on the {side}, but the free wall "
                                    "is {wall} mm"),
                   (False, True): _("the sign reaches {reach} mm from the door frame on the {side}, but the free wall "
                                    "is {wall} mm"),
                   (False, False): _("the sign reaches {reach} mm along the wall on the {side}, but the free wall is "
                                     "{wall} mm")}[row, door]
        yield rule.finding(sheet.id, p.free_wall_key or job.source,
                           message.format(reach=f"{reach:.0f}", side=side_word(p.side), wall=f"{p.free_wall_mm:g}"),
                           _("measure the wall again, or choose another wall for it"))


@sheet_check("FACADE_TOO_WIDE", needs=FacadeContent)
def check_facade_width(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    facade = job.content.facade_width_mm
    if job.width_mm > facade:
        yield rule.finding(sheet.id, "entrance.facade_width_mm",
                           _("the facade sign is {width} mm wide, the facade only {facade} mm").format(
                               width=f"{job.width_mm:g}", facade=f"{facade:g}"),
                           _("lower min_width_mm of signs.facade in the brand for this centre, or use letters on the "
                             "wall"))


@centre_check("HONOUR_POSITION")
def check_honour(rule: Rule, profile: Profile, jobs: tuple[SignJob, ...], brand: Brand) -> Iterator[Finding]:
    plaques = [j for j in jobs if isinstance(j.content, PlaqueContent)]
    party = [j for j in plaques if j.content.party]
    # the first party organisation in precedence holds the position of honour; a second
    # party plaque (a branch, 两新 组织党支部) takes its turn in the symmetric row
    for j in sorted(party, key=lambda j: j.content.position)[:1]:
        honour = j.content.honour_side
        same_side = [p for p in plaques if p.placement.side == honour and p is not j]
        if j.placement.side != honour or any(p.placement.offset_mm < j.placement.offset_mm for p in same_side):
            yield rule.finding(j.id, "entrance.honour_side",
                               _("the party plaque hangs on the {side} of the door, not in the position of honour "
                                 "(the {honour} of the door, nearest it)").format(side=side_word(j.placement.side),
                                                                                  honour=side_word(honour)),
                               _("make room on the {honour} of the door (wall_{key}_mm), or check honour_side").format(
                                   honour=side_word(honour), key=honour))


@centre_check("RED_PLATE_FIRST")
def check_red_first(rule: Rule, profile: Profile, jobs: tuple[SignJob, ...], brand: Brand) -> Iterator[Finding]:
    doors: dict[str, list[SignJob]] = {}
    for j in jobs:
        if isinstance(j.content, PlateContent):
            doors.setdefault(j.content.door, []).append(j)
    for door, plates in doors.items():
        ordered = sorted(plates, key=lambda j: j.content.position)
        if len(ordered) > 1 and not ordered[0].content.party and any(p.content.party for p in ordered):
            red = next(p for p in ordered if p.content.party)
            yield rule.finding(red.id, f"{red.source}.door.plate_order",
                               _("door '{door}' carries {n} plates and the party plate of \"{name}\" is not "
                                 "first").format(door=door, n=len(ordered), name=red.texts["name"].text),
                               _("give the party room plate_order = 1 (or drop plate_order: signkit puts it first)"))
