"""Stage 5, check: the rule pack applied to every sheet and to the centre as a whole.

In:  the composed :class:`~signkit.ir.Sheet` of each job (sheet checks see exactly
     the geometry the renderers draw), the profile and the jobs (centre checks), and the
     :class:`~signkit.checks.rules.RulePack` (brand rules + the profile's overrides).
Out: :class:`~signkit.checks.findings.Finding` objects.

Each rule's ``code`` names one check function below; a rule switched off in the profile
does not run (the report lists it with its reason).  Whether a sheet may be drawn or
printed at all is not a rule: a glyph the font lacks is never drawn as a box, and a colour
without CMYK is never printed, whatever the rule pack says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..brand import Brand
from ..errors import BrandError, Problem
from ..ir import Glyphs, Image, Shape, Sheet, walk
from ..plan.jobs import SignJob
from ..profile import Profile
from .completeness import check_board_rooms, check_floor_area, check_room_areas, check_room_signs, check_rooms_present
from .findings import Finding, has_errors, sort_findings
from .images import check_image_colour, check_image_resolution
from .identity import (check_clear_space, check_off_palette, check_placeholders, check_plaque_colours,
                       check_plate_colours, check_proportion)
from .placement import (check_facade_width, check_honour, check_mount_height, check_plate_placement,
                        check_red_first, check_wall_fit)
from .rules import Rule, RulePack, apply_overrides, load_rules
from .size import check_page_size, check_plaque_township, check_sign_size
from .text import (check_char_height, check_contrast, check_distance_factor, check_glyphs, check_overflow,
                   check_safe_zone)

SheetCheck = Callable[[Rule, SignJob, Sheet, Brand], Iterator[Finding]]
CentreCheck = Callable[[Rule, Profile, tuple[SignJob, ...], Brand], Iterator[Finding]]

SHEET_CHECKS: dict[str, SheetCheck] = {
    "MISSING_GLYPH": check_glyphs,
    "TEXT_OVERFLOW": check_overflow,
    "SAFE_ZONE": check_safe_zone,
    "PAGE_TOO_LARGE": check_page_size,
    "SIGN_SIZE": check_sign_size,
    "PLAQUE_OVER_TOWNSHIP": check_plaque_township,
    "ARTWORK_PROPORTION": check_proportion,
    "CHAR_HEIGHT": check_char_height,
    "DISTANCE_FACTOR": check_distance_factor,
    "LOW_CONTRAST": check_contrast,
    "OFF_PALETTE": check_off_palette,
    "PLAQUE_COLOUR_ROLE": check_plaque_colours,
    "PLATE_COLOUR_ROLE": check_plate_colours,
    "EMBLEM_PLACEHOLDER": check_placeholders,
    "EMBLEM_CLEAR_SPACE": check_clear_space,
    "MOUNT_HEIGHT": check_mount_height,
    "PLATE_PLACEMENT": check_plate_placement,
    "WALL_TOO_NARROW": check_wall_fit,
    "FACADE_TOO_WIDE": check_facade_width,
    "IMAGE_COLOUR": check_image_colour,
    "IMAGE_RESOLUTION": check_image_resolution,
}
CENTRE_CHECKS: dict[str, CentreCheck] = {
    "HONOUR_POSITION": check_honour,
    "RED_PLATE_FIRST": check_red_first,
    "ROOM_MISSING": check_rooms_present,
    "FLOOR_AREA": check_floor_area,
    "ROOM_AREA": check_room_areas,
    "BOARD_ROOM_UNKNOWN": check_board_rooms,
    "ROOM_WITHOUT_SIGN": check_room_signs,
}


def load_rule_pack(brand: Brand, profile: Profile) -> RulePack:
    """The brand's rules with the profile's overrides; every code must name a check."""
    pack = load_rules(brand.rules_path)
    unknown = [Problem(f"{brand.rules_path}: rules.{r.id}.code", f"no check is called {r.code}",
                       "checks: " + ", ".join(sorted(SHEET_CHECKS | CENTRE_CHECKS)))
               for r in pack.rules.values() if r.code not in SHEET_CHECKS and r.code not in CENTRE_CHECKS]
    if unknown:
        raise BrandError(unknown)
    return apply_overrides(pack, dict(profile.rules), file=str(profile.source))


def check_sheet(sheet: Sheet, job: SignJob, brand: Brand, pack: RulePack) -> list[Finding]:
    return [f for rule in pack.enabled() if rule.code in SHEET_CHECKS
            for f in SHEET_CHECKS[rule.code](rule, job, sheet, brand)]


def check_centre(profile: Profile, jobs: tuple[SignJob, ...], brand: Brand, pack: RulePack) -> list[Finding]:
    return [f for rule in pack.enabled() if rule.code in CENTRE_CHECKS
            for f in CENTRE_CHECKS[rule.code](rule, profile, jobs, brand)]


def drawable(sheet: Sheet) -> bool:
    """No glyph is missing: the sign can be drawn at all (SVG, PNG)."""
    return not any(isinstance(i, Glyphs) and any(g.gid == 0 for g in i.glyphs) for i, _, _ in walk(sheet.items))


def printable(sheet: Sheet) -> bool:
    """Drawable, every colour has its exact CMYK and every photo is a CMYK JPEG: the sign may
    go to a print PDF."""
    for item, _, _ in walk(sheet.items):
        if isinstance(item, Image) and not item.printable:
            return False
        paints = (item.fill, item.stroke) if isinstance(item, Shape) else (item.fill,) if isinstance(item, Glyphs) else ()
        if any(p is not None and not p.printable for p in paints):
            return False
    return drawable(sheet)


def approved(findings: list[Finding]) -> bool:
    """Approved for print: no error, and no placeholder artwork."""
    return not has_errors(findings) and not any(f.code == "EMBLEM_PLACEHOLDER" for f in findings)


__all__ = ["CENTRE_CHECKS", "SHEET_CHECKS", "Finding", "Rule", "RulePack", "approved", "check_centre",
           "check_sheet", "drawable", "has_errors", "load_rule_pack", "printable", "sort_findings"]
