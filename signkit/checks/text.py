"""Text checks on a composed sheet: glyph coverage, overflow, safe zone, legibility.

In:  a rule, the sign's job (placement: mounting height, viewing distance) and its sheet.
Out: findings.  Everything is measured on what the backends draw: glyph ids as placed,
outline bounds under the accumulated transform (RULES.md PL-04: character height measured
on the drawn outlines, not the nominal size).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..brand import Brand
from ..ir import Sheet
from ..plan.jobs import SignJob
from .findings import Finding
from .geometry import ada_min_char_height_mm, artwork, as_tuple, contrast_ratio, sign_text, text_runs
from .rules import Rule

NOTDEF = 0
TOLERANCE_MM = 0.01


def check_glyphs(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """MISSING_GLYPH: a character the run's font cannot draw (never a tofu box)."""
    for run in text_runs(sheet):
        item = run.glyphs
        missing = list(dict.fromkeys(item.text[g.cluster] for g in item.glyphs if g.gid == NOTDEF))
        for ch in missing:
            yield rule.finding(
                sheet.id, item.source,
                f"the font for role '{item.face.role}' ({item.face.family}) has no glyph for "
                f"'{ch}' (U+{ord(ch):04X}) in \"{item.text}\"",
                "use the standard simplified form of the character (通用规范汉字表), or a brand font that has it; "
                f"`signkit fonts {ch}` shows which bundled fonts cover it", box=as_tuple(run.ink))


def check_overflow(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """TEXT_OVERFLOW: text set at its minimum size still does not fit its frame."""
    for run in text_runs(sheet):
        fit = run.glyphs.fit
        if fit is None:
            continue
        local_ink = run.glyphs.ink_bounds()
        if fit.fits and (local_ink is None or fit.frame.contains(local_ink, TOLERANCE_MM)):
            continue
        yield rule.finding(
            sheet.id, run.glyphs.source,
            f"\"{run.glyphs.text}\" does not fit: at the minimum character height of {fit.min_char_height_mm:g} mm "
            f"it needs {run.ink.width:.0f} × {run.ink.height:.0f} mm, the frame is "
            f"{fit.frame.width:.0f} × {fit.frame.height:.0f} mm",
            "shorten the text (an accepted short form), or choose a larger sign size in the brand; "
            "signkit never clips or squeezes text", box=as_tuple(run.ink))


def check_safe_zone(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """SAFE_ZONE: text and brand artwork keep off the trim edge by the safe margin."""
    margin = max(float(rule["min_mm"]), float(rule["ratio"]) * min(sheet.trim.width_mm, sheet.trim.height_mm))
    safe = sheet.trim_rect.inset(margin)
    # text that does not fit its frame is reported once, as TEXT_OVERFLOW
    boxes = [(r.glyphs.source, f"\"{r.glyphs.text}\"", r.ink) for r in sign_text(sheet)
             if r.glyphs.fit is None or r.glyphs.fit.fits]
    boxes += [(g.source, f"the {g.asset} artwork", box) for g, _, box in artwork(sheet)]
    for source, what, box in boxes:
        if not safe.contains(box, TOLERANCE_MM):
            yield rule.finding(
                sheet.id, source, f"{what} comes within {margin:g} mm of the trim edge (safe zone)",
                "keep text and artwork inside the safe zone: cutting tolerances and frames eat the edge",
                box=(box.x, box.y, box.width, box.height))


def check_char_height(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """CHAR_HEIGHT (PL-04): drawn character height against mounting height and viewing distance."""
    if job.kind in rule["exempt"]:
        return
    top = job.placement.top_mm(job.height_mm)
    distance = job.placement.viewing_distance_mm
    for run in sign_text(sheet):
        mount = top - min(run.baselines_mm)  # the highest baseline asks the most
        need = ada_min_char_height_mm(mount, distance)
        if run.char_height_mm + float(rule["tolerance_mm"]) < need:
            yield rule.finding(
                sheet.id, run.glyphs.source,
                f"\"{run.glyphs.text}\" is {run.char_height_mm:.1f} mm tall; mounted at {mount:.0f} mm and read "
                f"from {distance / 1000:g} m it needs at least {need:.1f} mm",
                "use a larger sign or a shorter text, or hang the sign where it is read from closer",
                box=as_tuple(run.ink))


def check_distance_factor(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """DISTANCE_FACTOR (PL-08): viewing distance ÷ character height within the CJK heuristic."""
    distance = job.placement.viewing_distance_mm
    for run in sign_text(sheet):
        if run.char_height_mm <= 0:
            continue
        limit = float(rule["primary_max"] if run.glyphs.role == "primary" else rule["secondary_max"])
        z = distance / run.char_height_mm
        if z > limit:
            yield rule.finding(
                sheet.id, run.glyphs.source,
                f"\"{run.glyphs.text}\" ({run.glyphs.role} text) is read from {distance / 1000:g} m at "
                f"{run.char_height_mm:.1f} mm: Z = {z:.0f}, above {limit:g}",
                f"{run.glyphs.role} text should be at least {distance / limit:.0f} mm tall at this distance",
                box=as_tuple(run.ink))


def check_contrast(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    """LOW_CONTRAST (CL-03): WCAG contrast of text against what is painted behind it."""
    for run in sign_text(sheet):
        if run.background is None:
            continue
        ratio = contrast_ratio(run.glyphs.fill.rgb, run.background.rgb)
        large = run.char_height_mm >= float(rule["large_text_mm"])
        need = float(rule["large_min"] if large else rule["small_min"])
        if ratio < need:
            yield rule.finding(
                sheet.id, run.glyphs.source,
                f"\"{run.glyphs.text}\" in {run.glyphs.fill.name} on {run.background.name}: contrast "
                f"{ratio:.2f}:1, below {need:g}:1",
                "yellow or gold on red is decorative only (CL-03); use white on red, or dark on light",
                box=as_tuple(run.ink))
