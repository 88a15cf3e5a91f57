"""The brand (identity) as frozen dataclasses: palette, fonts, assets, sign types.

In:  nothing (declarations); :mod:`signkit.brand.load` fills them from ``brand.toml``.
Out: :class:`Brand`.  Every number a sign depends on (sizes, margins, character heights,
mounting heights) lives here as data, so a city can swap it with ``--brand DIR``.
Colours carry their exact CMYK (percent) for print and sRGB for previews; print files use
only the CMYK values, never a conversion from RGB.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..config import spec


@dataclass(frozen=True, slots=True)
class Colour:
    """A palette entry."""

    cmyk: tuple[float, float, float, float] = spec(ge=0, le=100, doc="C, M, Y, K in percent, e.g. [0, 100, 100, 0]")
    rgb: str = spec(pattern=r"#[0-9A-Fa-f]{6}", doc="sRGB for screen previews, e.g. \"#EE3338\"")
    note: str = spec("", doc="what the colour is for and its source")


@dataclass(frozen=True, slots=True)
class FontRole:
    """A font role (黑体, 宋体 …) and the bundled file that plays it."""

    file: str = spec(doc="font file in the brand's fonts/ folder or signkit's bundled fonts/")
    note: str = ""


@dataclass(frozen=True, slots=True)
class Asset:
    """Brand artwork (SVG) for a named slot, e.g. the party emblem."""

    file: str = spec(doc="SVG file relative to the brand folder")
    placeholder: bool = spec(False, doc="true for a stand-in that must be replaced by official artwork before print")
    note: str = ""


@dataclass(frozen=True, slots=True)
class Function:
    """A room function: its usual name and its sign style."""

    label: str = spec(doc="usual room name, e.g. 党员活动室")
    style: str = spec("standard", doc="sign style for its door plate, e.g. party or standard")
    note: str = ""


@dataclass(frozen=True, slots=True)
class PdfX:
    """How print PDFs identify themselves (PDF/X-1a needs a registered printing condition)."""

    version: Literal["PDF/X-1a:2001"] = "PDF/X-1a:2001"
    output_condition_identifier: str = spec("JC200103", doc="registered characterisation, e.g. JC200103 or FOGRA39")
    output_condition: str = "Japan Color 2001 Coated"
    registry_name: str = "http://www.color.org"


@dataclass(frozen=True, slots=True)
class Output:
    """Print and preview settings shared by every sign."""

    bleed_mm: float = spec(3.0, ge=0, le=20, doc="bleed on every side, mm")
    crop_marks: bool = spec(True, doc="draw crop marks outside the bleed")
    mark_offset_mm: float = spec(2.0, ge=0, doc="gap between the bleed edge and the crop marks, mm")
    mark_length_mm: float = spec(5.0, gt=0, doc="length of a crop mark, mm")
    mark_width_mm: float = spec(0.1, gt=0, doc="line width of a crop mark, mm")
    png_px_per_mm: float = spec(3.0, gt=0, le=20, doc="resolution of the PNG previews")
    png_max_px: int = spec(2400, ge=100, doc="longest side of a PNG preview, px (large signs are scaled down)")
    max_ink_percent: float = spec(300, gt=0, le=400, doc="total area coverage limit (sum of C+M+Y+K)")
    pdfx: PdfX = PdfX()


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a sign type hangs by default."""

    anchor: Literal["centre", "bottom", "top"] = spec("centre", doc="which edge height_mm refers to")
    height_mm: float = spec(1500, ge=0, doc="mounting height of the anchor above the floor, mm")
    viewing_distance_mm: float = spec(1500, gt=0, doc="typical reading distance, mm")


@dataclass(frozen=True, slots=True)
class SignType:
    """One sign type: its template, sizes, material and the numbers its template uses."""

    template: str = spec(doc="Jinja2 SVG template in the brand's templates/ or signkit's templates/")
    size_mm: tuple[float, float] = spec(doc="default width and height, mm", gt=0)
    label: str = spec("", doc="name in the schedule, e.g. 门牌 door plate")
    allowed_sizes_mm: tuple[tuple[float, float], ...] = spec((), doc="sizes the identity allows")
    material: str = spec("", doc="stock for the print shop, e.g. 3 mm aluminium composite")
    material_code: str = spec("sheet", pattern=r"[a-z0-9][a-z0-9-]*",
                              doc="short name of the stock for batch file names, e.g. acp-3mm")
    quantity: int = spec(1, ge=1, doc="copies of each sign")
    placement: Placement = Placement()
    folds_mm: tuple[float, ...] = spec((), doc="fold lines across the sheet, mm from the top of the trim (tent signs)")
    tokens: dict[str, Any] = spec(default_factory=dict, doc="numbers and names the template reads")
    styles: dict[str, dict[str, Any]] = spec(default_factory=dict, doc="named colour styles, e.g. party, standard")


@dataclass(frozen=True, slots=True)
class BrandInfo:
    name: str
    version: str = ""
    extends: str | None = spec(None, doc='"default" or the path of another brand folder this one changes')


@dataclass(frozen=True, slots=True)
class Brand:
    """A complete identity.  ``folder`` and the resolved paths are set by the loader."""

    brand: BrandInfo
    palette: dict[str, Colour]
    fonts: dict[str, FontRole]
    signs: dict[str, SignType]
    functions: dict[str, Function]
    assets: dict[str, Asset] = spec(default_factory=dict)
    output: Output = Output()
    folder: Path = spec(Path("."), internal=True)
    rules_path: Path = spec(Path("rules.toml"), internal=True)
    template_dirs: tuple[Path, ...] = spec((), internal=True)
    font_paths: dict[str, Path] = spec(default_factory=dict, internal=True)
    asset_paths: dict[str, Path] = spec(default_factory=dict, internal=True)

    def sign(self, kind: str) -> SignType:
        return self.signs[kind]
