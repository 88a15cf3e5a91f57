"""Photo checks (showcase image slots): can it print, and is it sharp enough at its size.

In:  a rule, the sign's job, its sheet and the brand.
Out: findings.  IMAGE_COLOUR: only CMYK JPEG goes to print (signkit never converts colour,
RULES.md CL-02): the sign is made and previewed with the photo, its print PDF is withheld;
IMAGE_RESOLUTION: at least ``min_ppi`` pixels per inch at the size drawn.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import spec
from ..i18n import _
from ..ir import Image, Sheet, scale_of, transform_rect, walk
from ..model.brand import Brand
from ..model.job import SignJob
from .findings import Finding
from .rules import Rule, sheet_check


def _images(sheet: Sheet):
    for item, matrix, _ in walk(sheet.items):
        if isinstance(item, Image):
            yield item, matrix


@sheet_check("IMAGE_COLOUR")
def check_image_colour(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    for image, matrix in _images(sheet):
        if not image.printable:
            r = image.raster
            yield rule.finding(sheet.id, image.source,
                               _("{name} is a {mode} {format}: only CMYK JPEG goes into print files, so the sign is "
                                 "previewed with it but gets no print PDF").format(name=r.name, mode=r.mode,
                                                                                   format=r.format),
                               _("convert the photo to CMYK for the printing condition (e.g. Photoshop: Edit → "
                                 "Convert to Profile → Japan Color 2001 Coated) and save it as JPEG"),
                               box=transform_rect(matrix, image.box).as_tuple())


@dataclass(frozen=True, slots=True)
class Resolution:
    min_ppi: float = spec(gt=0, doc="least pixels per inch at the printed size")


@sheet_check("IMAGE_RESOLUTION", params=Resolution)
def check_image_resolution(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    min_ppi = rule.params.min_ppi
    for image, matrix in _images(sheet):
        ppi = image.ppi() / scale_of(matrix)
        if ppi < min_ppi:
            box = transform_rect(matrix, image.box)
            need = (round(box.width / 25.4 * min_ppi), round(box.height / 25.4 * min_ppi))
            r = image.raster
            yield rule.finding(sheet.id, image.source,
                               _("{name} is {px_width} × {px_height} px, {ppi} ppi at {width} × {height} mm; it needs "
                                 "{need} ppi").format(name=r.name, px_width=r.pixels[0], px_height=r.pixels[1],
                                                      ppi=f"{ppi:.0f}", width=f"{box.width:.0f}",
                                                      height=f"{box.height:.0f}", need=f"{min_ppi:g}"),
                               _("use the original photo, at least {width} × {height} px").format(
                                   width=need[0], height=need[1]), box=box.as_tuple())
