"""Photo checks (showcase image slots): can it print, and is it sharp enough at its size.

In:  a rule, the sign's job, its sheet and the brand.
Out: findings.  IMAGE_COLOUR: only CMYK JPEG goes to print (signkit never converts colour,
RULES.md CL-02); IMAGE_RESOLUTION: at least ``min_ppi`` pixels per inch at the size drawn.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..brand import Brand
from ..ir import Image, Sheet, transform_rect, walk
from ..plan.jobs import SignJob
from .findings import Finding
from .geometry import as_tuple, scale_of
from .rules import Rule


def _images(sheet: Sheet):
    for item, matrix, _ in walk(sheet.items):
        if isinstance(item, Image):
            yield item, matrix


def check_image_colour(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    for image, matrix in _images(sheet):
        if not image.printable:
            yield rule.finding(sheet.id, image.source,
                               f"{image.raster.name} is a {image.raster.mode} {image.raster.format}: only CMYK JPEG "
                               "goes into print files, so the sign gets no print PDF",
                               "convert the photo to CMYK for the printing condition (e.g. Photoshop: Edit → Convert "
                               "to Profile → Japan Color 2001 Coated) and save it as JPEG",
                               box=as_tuple(transform_rect(matrix, image.box)))


def check_image_resolution(rule: Rule, job: SignJob, sheet: Sheet, brand: Brand) -> Iterator[Finding]:
    for image, matrix in _images(sheet):
        ppi = image.ppi() / scale_of(matrix)
        if ppi < float(rule["min_ppi"]):
            box = transform_rect(matrix, image.box)
            need = (round(box.width / 25.4 * rule["min_ppi"]), round(box.height / 25.4 * rule["min_ppi"]))
            yield rule.finding(sheet.id, image.source,
                               f"{image.raster.name} is {image.raster.pixels[0]} × {image.raster.pixels[1]} px, "
                               f"{ppi:.0f} ppi at {box.width:.0f} × {box.height:.0f} mm; it needs {rule['min_ppi']:g} ppi",
                               f"use the original photo, at least {need[0]} × {need[1]} px", box=as_tuple(box))
