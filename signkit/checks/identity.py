"""Identity checks on a composed sheet: palette, colour roles, official artwork.

In:  a rule, the sign's job, its sheet and the brand.
Out: findings.
- OFF_PALETTE (CL-01): brand artwork in a colour with no palette entry (no exact CMYK);
- PLAQUE_COLOUR_ROLE (VP-01): party plaques in their colours (by default white with red
  text), the others theirs (white with black);
- PLATE_COLOUR_ROLE (DP-02): party-room plates in the party colours with the emblem at the
  left, the others without it; a room is a party room by its function or by its name (党员,
  书记 …);
- EMBLEM_PLACEHOLDER (EM-03): stand-in artwork on a sign;
- EMBLEM_CLEAR_SPACE (EM-03, ZJ-01): emblems and identity marks keep a clear space and a
  minimum size;
- ARTWORK_PROPORTION (EM-04): emblem 1:1 and flag 3:2, upright, unrotated, undistorted.
The colours a rule expects are its parameters (palette names, checked when the pack loads);
which artwork a rule concerns comes from the asset's ``role`` in the brand.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import spec
from ..i18n import _
from ..families.door_plate import Content as PlateContent
from ..families.plaque import Content as PlaqueContent
from ..ir import Glyphs, Group, Image, Rect, Shape, Sheet, paints, transform_rect, walk
from ..model.brand import Brand
from ..model.job import SignJob
from .findings import Finding
from .geometry import Run, artwork, sign_text
from .rules import Rule, sheet_check

PARTY_ORG_PREFIX = "中国共产党"  # RULES.md §4.9: party organisations' legal names
PARTY_ROOM_WORDS = ("党员", "党建", "党支部", "党组织", "党群活动", "书记")


@sheet_check("OFF_PALETTE")
def check_off_palette(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    colours: dict[str, str] = {}  # rgb → source of the first item painted with it
    box = None
    for item, matrix, parents in walk(sheet.items):
        for paint in paints(item):
            if not paint.printable and paint.rgb not in colours:
                colours[paint.rgb] = next((p.source for p in reversed(parents) if p.asset), item.source)
                art = next((p for p in reversed(parents) if p.asset and p.box is not None), None)
                if art is not None and box is None:
                    box = next((b for g, _m, b in artwork(sheet) if g is art), None)
    if colours:
        yield rule.finding(
            sheet.id, next(iter(colours.values())),
            _("artwork colours {colours} match no palette colour; they have no exact CMYK value, so the sign gets no "
              "print file").format(colours=", ".join(colours)),
            _("recolour the artwork with the palette's sRGB values, or add the colours to the brand palette with "
              "their CMYK from the artwork's owner"), box=box.as_tuple() if box else None)


def _name_run(job: SignJob, sheet: Sheet) -> Run | None:
    key = job.texts["name"].key if "name" in job.texts else None
    return next((r for r in sign_text(sheet) if r.glyphs.source == key), None)


@dataclass(frozen=True, slots=True)
class PlaqueColours:
    background: str = spec(ref="palette", doc="every plaque's background colour")
    party_text: str = spec(ref="palette", doc="text colour of party organisations' plaques")
    other_text: str = spec(ref="palette", doc="text colour of every other plaque")


@sheet_check("PLAQUE_COLOUR_ROLE", params=PlaqueColours, needs=PlaqueContent)
def check_plaque_colours(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    run = _name_run(job, sheet)
    if run is None:
        return
    p: PlaqueColours = rule.params
    name = job.texts["name"].text
    party = job.content.party or name.startswith(PARTY_ORG_PREFIX)
    want_text = p.party_text if party else p.other_text
    got_bg = run.background.name if run.background else _("none")
    if run.glyphs.fill.name != want_text or got_bg != p.background:
        message = (_("\"{name}\" is a party organisation: its plaque must be {background} with {text} text, not "
                     "{got_background} with {got_text}") if party else
                   _("\"{name}\" is not a party organisation: its plaque must be {background} with {text} text, not "
                     "{got_background} with {got_text}"))
        hint = (_("set kind = \"party\" for this organisation") if party and not job.content.party
                else _("the plaque's colours come from the brand's signs.plaque.styles"))
        yield rule.finding(sheet.id, job.texts["name"].key,
                           message.format(name=name, background=p.background, text=want_text, got_background=got_bg,
                                          got_text=run.glyphs.fill.name), hint, box=run.ink.as_tuple())


@dataclass(frozen=True, slots=True)
class PlateColours:
    party_background: str = spec(ref="palette", doc="background of party rooms' plates")
    other_background: str = spec(ref="palette", doc="background of every other plate")


@sheet_check("PLATE_COLOUR_ROLE", params=PlateColours, needs=PlateContent)
def check_plate_colours(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    run = _name_run(job, sheet)
    if run is None:
        return
    p: PlateColours = rule.params
    name = job.texts["name"].text
    party = job.content.party or any(w in name for w in PARTY_ROOM_WORDS)
    want_bg = p.party_background if party else p.other_background
    got_bg = run.background.name if run.background else _("none")
    emblems = [box for g, _m, box in artwork(sheet) if g.artwork_role == "emblem"]
    problems = []
    if got_bg != want_bg:
        problems.append(_("the plate is {got}, it must be {want}").format(got=got_bg, want=want_bg))
    if party and not any(box.right <= run.ink.x for box in emblems):
        problems.append(_("the emblem must stand at the left of the name"))
    if not party and emblems:
        problems.append(_("the emblem belongs on party-room plates only"))
    if problems:
        hint = (_("this is a party room by its name: give it a party function (party_activity, party_home, "
                  "party_office …) instead of '{function}'").format(function=job.content.function)
                if party and not job.content.party else
                _("the plate's colours come from the room's function and the brand's signs.door-plate.styles"))
        what = _("party room") if party else _("not a party room")
        yield rule.finding(sheet.id, f"{job.source}.function",
                           f"\"{name}\" ({what}): " + _("; ").join(problems), hint, box=run.ink.as_tuple())


@sheet_check("EMBLEM_PLACEHOLDER")
def check_placeholders(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    for group, _m, box in artwork(sheet):
        if group.placeholder:
            yield rule.finding(
                sheet.id, group.source,
                _("the '{asset}' slot holds placeholder artwork; the sign is a proof, not approved for print").format(
                    asset=group.asset),
                _("supply the official artwork: a brand folder with extends = \"default\" whose brand.toml sets "
                  "assets.{asset}.file to it and placeholder = false, passed with --brand").format(asset=group.asset),
                box=box.as_tuple())


@dataclass(frozen=True, slots=True)
class ClearSpace:
    clear_ratio: float = spec(ge=0, doc="clear space all round as a share of the artwork's size")
    min_size_mm: float = spec(ge=0, doc="smallest size of the artwork, mm")
    roles: tuple[str, ...] = spec(("emblem", "mark"), doc="artwork roles the rule protects")


@sheet_check("EMBLEM_CLEAR_SPACE", params=ClearSpace)
def check_clear_space(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    p: ClearSpace = rule.params
    for group, _m, box in artwork(sheet):
        if group.artwork_role not in p.roles:
            continue
        size = min(box.width, box.height)
        if size < p.min_size_mm:
            yield rule.finding(sheet.id, group.source,
                               _("the {asset} is {size} mm, below its minimum of {limit} mm").format(
                                   asset=group.asset, size=f"{size:.0f}", limit=f"{p.min_size_mm:g}"),
                               _("make its slot larger in the template or the brand tokens"), box=box.as_tuple())
        clear = box.inset(-p.clear_ratio * max(box.width, box.height))
        for what, other in _others(sheet, group, clear):
            if clear.intersects(other):
                yield rule.finding(sheet.id, group.source,
                                   _("{what} comes within the {asset}'s clear space ({ratio} of its size: {space} mm "
                                     "all round)").format(what=what, asset=group.asset, ratio=f"{p.clear_ratio:g}",
                                                          space=f"{box.x - clear.x:.1f}"),
                                   _("move it away: nothing may touch or crowd the emblem (EM-03)"),
                                   box=clear.as_tuple())
                break


def _others(sheet: Sheet, group: Group, clear: Rect) -> Iterator[tuple[str, Rect]]:
    """Boxes of everything drawn except the artwork itself and the backgrounds that hold its
    clear space; a stroked outline counts by its segments, not by the area it encloses."""
    for item, matrix, parents in walk(sheet.items):
        if item is group or group in parents:
            continue
        match item:
            case Glyphs():
                ink = item.ink_bounds()
                if ink is not None:
                    yield f"\"{item.text}\"", transform_rect(matrix, ink)
            case Shape():
                box = item.bounds()
                if box is None:
                    continue
                if item.fill is None:
                    yield from ((_("the line '{id}'").format(id=item.id), seg) for seg in _segment_boxes(item, matrix))
                elif not transform_rect(matrix, box).contains(clear):
                    yield _("the shape '{id}'").format(id=item.id), transform_rect(matrix, box)
            case Image():
                yield _("the photo '{id}'").format(id=item.id), transform_rect(matrix, item.box)
            case Group():
                pass


def _segment_boxes(shape: Shape, matrix) -> Iterator[Rect]:
    pad = shape.stroke_width_mm / 2
    for (x0, y0), (x1, y1), controls in shape.path.segments():
        xs = [x0, x1] + [c[0] for c in controls]
        ys = [y0, y1] + [c[1] for c in controls]
        r = Rect(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad)
        yield transform_rect(matrix, r)


@dataclass(frozen=True, slots=True)
class Proportion:
    tolerance: float = spec(ge=0, doc="relative tolerance of the ratios")
    emblem_ratio: float = spec(gt=0, doc="width ÷ height of the emblem (1:1)")
    flag_ratio: float = spec(gt=0, doc="width ÷ height of the flag (3:2)")


@sheet_check("ARTWORK_PROPORTION", params=Proportion)
def check_proportion(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    p: Proportion = rule.params
    for group, m, box in artwork(sheet):
        expected = {"emblem": p.emblem_ratio, "flag": p.flag_ratio}.get(group.artwork_role)
        if expected is None:
            continue
        a, b, c, d = m[:4]
        own = group.box.width / group.box.height if group.box else expected
        problems = []
        if abs(own - expected) > p.tolerance * expected:
            problems.append(_("its artwork is {ratio}:1, not {expected}:1").format(ratio=f"{own:.3f}",
                                                                                  expected=f"{expected:g}"))
        if a <= 0 or d <= 0 or abs(b) > 1e-9 or abs(c) > 1e-9:
            problems.append(_("it is rotated or mirrored"))
        elif abs(a - d) > p.tolerance * a:
            problems.append(_("it is stretched"))
        if problems:
            yield rule.finding(sheet.id, group.source, _("the {asset}: {problems}").format(
                asset=group.asset, problems=_("; ").join(problems)),
                               _("use the official artwork unaltered: locked proportions, upright (EM-03/EM-04)"),
                               box=box.as_tuple())
