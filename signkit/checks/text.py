"""Text checks on a composed sheet: glyph coverage, overflow, safe zone, legibility.

In:  a rule, the sign's job (placement: mounting height, viewing distance) and its sheet.
Out: findings.  Everything is measured on what the backends draw: glyph ids as placed,
outline bounds under the accumulated transform (RULES.md PL-04: character height measured
on the drawn outlines, not the nominal size).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import spec
from ..i18n import _, pgettext
from ..ir import Sheet
from ..model.brand import Brand
from ..model.job import SignJob
from .findings import Finding
from .geometry import ada_min_char_height_mm, artwork, contrast_ratio, sign_text, text_runs
from .rules import Rule, sheet_check

NOTDEF = 0
TOLERANCE_MM = 0.01


def read_text(sheet: Sheet):
    """The runs a reader reads: the sign's own text, bullets and other marks aside."""
    return (run for run in sign_text(sheet) if run.glyphs.role != "mark")


@sheet_check("MISSING_GLYPH")
def check_glyphs(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """A character the run's font cannot draw (never a tofu box)."""
    for run in text_runs(sheet):
        item = run.glyphs
        missing = list(dict.fromkeys(item.text[g.cluster] for g in item.glyphs if g.gid == NOTDEF))
        for ch in missing:
            yield rule.finding(
                sheet.id, item.source,
                _("the font for role '{role}' ({family}) has no glyph for '{char}' ({code}) in \"{text}\"").format(
                    role=item.face.role, family=item.face.family, char=ch, code=f"U+{ord(ch):04X}", text=item.text),
                _("use the standard simplified form of the character (通用规范汉字表), or a brand font that has it; "
                  "`signkit fonts {char}` shows which bundled fonts cover it").format(char=ch), box=run.ink.as_tuple())


@sheet_check("TEXT_OVERFLOW")
def check_overflow(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """Text set at its minimum size (and in two lines, where allowed) still does not fit its frame."""
    if getattr(job.content, "overfull", 0):
        return  # a directory with more rooms than rows: reported once, as DIRECTORY_FULL
    for run in text_runs(sheet):
        fit = run.glyphs.fit
        if fit is None:
            continue
        local_ink = run.glyphs.ink_bounds()
        if fit.fits and (local_ink is None or fit.frame.contains(local_ink, TOLERANCE_MM)):
            continue
        yield rule.finding(
            sheet.id, run.glyphs.source,
            _("\"{text}\" does not fit: at the minimum character height of {min} mm it needs {width} × {height} mm, "
              "the frame is {frame_width} × {frame_height} mm").format(
                text=run.glyphs.text, min=f"{fit.min_char_height_mm:g}", width=f"{run.ink.width:.0f}",
                height=f"{run.ink.height:.0f}", frame_width=f"{fit.frame.width:.0f}",
                frame_height=f"{fit.frame.height:.0f}"),
            _("shorten the text (an accepted short form), or choose a larger sign size in the brand; "
              "signkit never clips or squeezes text"), box=run.ink.as_tuple())


@dataclass(frozen=True, slots=True)
class SafeZone:
    ratio: float = spec(ge=0, le=0.5, doc="safe margin as a share of the short side")
    min_mm: float = spec(ge=0, doc="the least safe margin, mm")
    full_bleed_roles: tuple[str, ...] = spec((), doc="artwork roles printed edge to edge into the bleed (a flag panel)")


@sheet_check("SAFE_ZONE", params=SafeZone)
def check_safe_zone(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """Text and brand artwork keep off the trim edge by the safe margin."""
    p: SafeZone = rule.params
    margin = max(p.min_mm, p.ratio * min(sheet.trim.width_mm, sheet.trim.height_mm))
    safe = sheet.trim_rect.inset(margin)
    # text that does not fit its frame is reported once, as TEXT_OVERFLOW
    boxes = [(r.glyphs.source, f"\"{r.glyphs.text}\"", r.ink) for r in sign_text(sheet)
             if r.glyphs.fit is None or r.glyphs.fit.fits]
    boxes += [(g.source, _("the {asset} artwork").format(asset=g.asset), box) for g, _m, box in artwork(sheet)
              if g.artwork_role not in p.full_bleed_roles]
    for source, what, box in boxes:
        if not safe.contains(box, TOLERANCE_MM):
            yield rule.finding(
                sheet.id, source, _("{what} comes within {margin} mm of the trim edge (safe zone)").format(
                    what=what, margin=f"{margin:g}"),
                _("keep text and artwork inside the safe zone: cutting tolerances and frames eat the edge"),
                box=box.as_tuple())


@dataclass(frozen=True, slots=True)
class CharHeight:
    tolerance_mm: float = spec(ge=0, doc="measuring tolerance, mm")
    exempt: tuple[str, ...] = spec((), ref="kind", doc="sign families held to PL-08 instead (read up close)")


@sheet_check("CHAR_HEIGHT", params=CharHeight)
def check_char_height(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """PL-04: drawn character height against mounting height and viewing distance."""
    p: CharHeight = rule.params
    if job.kind in p.exempt:
        return
    top = job.placement.top_mm(job.height_mm)
    distance = job.placement.viewing_distance_mm
    for run in read_text(sheet):
        mount = top - min(run.baselines_mm)  # the highest baseline asks the most
        need = ada_min_char_height_mm(mount, distance)
        if run.char_height_mm + p.tolerance_mm < need:
            yield rule.finding(
                sheet.id, run.glyphs.source,
                _("\"{text}\" is {height} mm tall; mounted at {mount} mm and read from {distance} m it needs at least "
                  "{need} mm").format(text=run.glyphs.text, height=f"{run.char_height_mm:.1f}", mount=f"{mount:.0f}",
                                      distance=f"{distance / 1000:g}", need=f"{need:.1f}"),
                _("use a larger sign or a shorter text, or hang the sign where it is read from closer"),
                box=run.ink.as_tuple())


@dataclass(frozen=True, slots=True)
class DistanceFactor:
    primary_max: float = spec(gt=0, doc="largest viewing distance ÷ character height for primary text")
    secondary_max: float = spec(gt=0, doc="the same for secondary text")


@sheet_check("DISTANCE_FACTOR", params=DistanceFactor)
def check_distance_factor(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """PL-08: viewing distance ÷ character height within the CJK heuristic."""
    p: DistanceFactor = rule.params
    distance = job.placement.viewing_distance_mm
    for run in read_text(sheet):
        if run.char_height_mm <= 0:
            continue
        limit = p.primary_max if run.glyphs.role == "primary" else p.secondary_max
        z = distance / run.char_height_mm
        if z > limit:
            yield rule.finding(
                sheet.id, run.glyphs.source,
                _("\"{text}\" ({role} text) is read from {distance} m at {height} mm: Z = {z}, above {limit}").format(
                    text=run.glyphs.text, role=_role(run.glyphs.role), distance=f"{distance / 1000:g}",
                    height=f"{run.char_height_mm:.1f}", z=f"{z:.0f}", limit=f"{limit:g}"),
                _("{role} text should be at least {need} mm tall at this distance").format(
                    role=_role(run.glyphs.role), need=f"{distance / limit:.0f}"),
                box=run.ink.as_tuple())


def _role(role: str) -> str:
    """A text run's role (primary, secondary) as a reader's word."""
    return {"primary": pgettext("text role", "primary"), "secondary": pgettext("text role", "secondary")}.get(role, role)


@dataclass(frozen=True, slots=True)
class Contrast:
    large_min: float = spec(gt=1, doc="least contrast for large text")
    small_min: float = spec(gt=1, doc="least contrast for small text")
    large_text_mm: float = spec(gt=0, doc="character height from which text counts as large, mm")


@sheet_check("LOW_CONTRAST", params=Contrast)
def check_contrast(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """CL-03: WCAG contrast of text against what is painted behind it."""
    p: Contrast = rule.params
    for run in read_text(sheet):
        if run.background is None:
            continue
        ratio = contrast_ratio(run.glyphs.fill.rgb, run.background.rgb)
        large = run.char_height_mm >= p.large_text_mm
        need = p.large_min if large else p.small_min
        if ratio < need:
            yield rule.finding(
                sheet.id, run.glyphs.source,
                _("\"{text}\" in {colour} on {background}: contrast {ratio}:1, below {need}:1").format(
                    text=run.glyphs.text, colour=run.glyphs.fill.name, background=run.background.name,
                    ratio=f"{ratio:.2f}", need=f"{need:g}"),
                _("yellow or gold on red is decorative only (CL-03); use white on red, or dark on light"),
                box=run.ink.as_tuple())
