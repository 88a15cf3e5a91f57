"""The brand (identity) as frozen dataclasses: palette, fonts, roles, assets, sign types.

In:  nothing (declarations); :mod:`signkit.load.brand` fills them from ``brand.toml``.
Out: :class:`Brand`.  Every number a sign depends on (sizes, margins, character heights,
mounting heights) lives in the brand as data, so a city can swap it with ``--brand DIR``.

Library code never names the default brand's vocabulary (its palette colours, font roles or
styles): it reads :class:`Roles`, which the brand maps onto its own names.  Colours carry
their exact CMYK (percent) for print and sRGB for previews; print files use only the CMYK
values, never a conversion from RGB.  Each sign type's ``tokens`` are the typed values of
its family (:mod:`signkit.families`), checked key by key when the brand loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..config import spec

Edge = Literal["centre", "bottom", "top"]
BandEdge = Literal["centre", "bottom", "top", "extent"]


@dataclass(frozen=True, slots=True)
class Colour:
    """A palette entry."""

    cmyk: tuple[float, float, float, float] = spec(ge=0, le=100, doc="C, M, Y, K in percent, e.g. [0, 100, 100, 0]")
    rgb: str = spec("", pattern=r"(#[0-9A-Fa-f]{6})?",
                    doc="sRGB for screens; leave it out: signkit derives it from cmyk through the preview profile")
    note: str = spec("", doc="what the colour is for and its source")
    spot: str = spec("", doc="print as this spot colour (a Separation, e.g. CutContour, White) with cmyk as its alternate")
    overprint: bool = spec(False, doc="a technical spot (cut path, white ink): print it over the art, knocking nothing out")


@dataclass(frozen=True, slots=True)
class ColourManagement:
    """How print colours are shown on screens and judged for contrast."""

    preview_profile: str = spec("colour/FOGRA39L-signkit.icc",
                                doc="CMYK output profile (.icc) of the press condition previews assume, relative to the brand")
    condition: str = spec("FOGRA39 (ISO Coated v2)", doc="the press condition that profile characterises, for the report")


@dataclass(frozen=True, slots=True)
class FontRole:
    """A font role (黑体, 宋体 …) and the bundled file that plays it."""

    file: str = spec(doc="font file in the brand's fonts/ folder or signkit's bundled fonts/")
    note: str = ""


AssetRole = Literal["emblem", "flag", "mark", "pictogram", "artwork"]


@dataclass(frozen=True, slots=True)
class Asset:
    """Brand artwork (SVG) for a named slot, e.g. the party emblem."""

    file: str = spec(doc="SVG file relative to the brand folder")
    role: AssetRole = spec("artwork", doc="emblem, flag, mark (identity mark), pictogram or artwork: which rules apply")
    placeholder: bool = spec(False, doc="true for a stand-in that must be replaced by official artwork before print")
    note: str = ""


@dataclass(frozen=True, slots=True)
class Function:
    """A room function: its usual name and its sign style."""

    label: str = spec(doc="usual room name, e.g. 党员活动室")
    style: str = spec("", doc="colour style of this room's signs (plate, zone, windows, desks); \"\" the default")
    group: str = spec("", doc="the function family it is listed under on floor directories (a key of [function_groups])")
    note: str = ""


@dataclass(frozen=True, slots=True)
class FunctionGroup:
    """A family of room functions, listed together on floor directories (in brand order;
    a family with party rooms comes first)."""

    label: str = spec(doc="caption on the directory, e.g. 党建活动")
    note: str = ""


@dataclass(frozen=True, slots=True)
class Facility:
    """A public facility direction signs point to (toilet, exit …): its usual name and pictogram."""

    label: str = spec(doc="usual name on signs, e.g. 卫生间", nonblank=True)
    pictogram: str = spec("", doc="brand asset of its public-information pictogram (GB/T 10001.1), \"\" none")
    directional: bool = spec(False, doc="the pictogram faces a way (a figure walking, stairs rising): it is "
                                        "mirrored to face the arrow")
    note: str = ""


@dataclass(frozen=True, slots=True)
class Identity:
    """The identity line (以人民为中心, the centre's slogan) as one artwork: the same lock-up,
    only scaled, on every sign that carries it (facade, boards, directories, showcase)."""

    font: str = spec("", doc="font role of the identity line (\"\": the label font role)")
    tracking_em: float = spec(0.2, ge=0, le=2, doc="letter-spacing of the identity line, em: fixed, one value everywhere")
    mark: bool = spec(False, doc="draw the identity-mark asset before the line (official artwork, ZJ-01)")
    mark_ratio: float = spec(1.4, gt=0, doc="the mark's height ÷ the line's character height")
    mark_gap_em: float = spec(0.5, ge=0, doc="between the mark and the line, em of the line")
    lockup_asset: str = spec("identity-lockup", doc="asset slot of an official lock-up file; while the brand has no "
                                                     "asset of this name signkit draws the lock-up from the slogan")


@dataclass(frozen=True, slots=True)
class Roles:
    """What library code means by a colour, a font or a style, in this brand's own names."""

    label_font: str = spec(doc="font role for proof, elevation and schedule labels, e.g. hei")
    ink: str = spec(doc="palette colour for black text and thin rules (K-only), e.g. black")
    paper: str = spec(doc="palette colour of unprinted stock, e.g. white")
    alert: str = spec(doc="palette colour for findings and outlines on proofs and elevations, e.g. party-red")
    proof_mark: str = spec(doc="palette colour of the 样稿 mark across an unapproved sign (a light tint)")
    party_style: str = spec(doc="style of party organisations' plaques and party rooms' signs, e.g. party")
    default_style: str = spec(doc="style of every other sign, e.g. standard")


@dataclass(frozen=True, slots=True)
class PdfX:
    """How print PDFs identify themselves (PDF/X-1a needs a registered printing condition
    or an embedded CMYK profile)."""

    version: Literal["PDF/X-1a:2001"] = "PDF/X-1a:2001"
    output_condition_identifier: str = spec("JC200103", doc="registered characterisation, e.g. JC200103 or FOGRA39")
    output_condition: str = "Japan Color 2001 Coated"
    registry_name: str = "http://www.color.org"
    icc_profile: str = spec("", doc="CMYK output profile (.icc) to embed, for a condition not in the ICC registry")


SPOT_NAME = r"[A-Za-z][A-Za-z0-9_.+-]*"


@dataclass(frozen=True, slots=True)
class Stock:
    """How the signs of one material (a sign type's ``material_code``) go onto stock sheets;
    every value left out is the ``[output.sheets]`` default."""

    stock_mm: tuple[float, float] | None = spec(None, gt=0, doc="stock sheet width × height as it lies on the printer, mm")
    rotate: bool | None = spec(None, doc="signs may be turned 90° on the sheet (false for grained or directional stock)")
    clear: bool = spec(False, doc="clear stock (acrylic): a White spot layer under each sign's artwork")
    note: str = ""


@dataclass(frozen=True, slots=True)
class Sheets:
    """Ganged print sheets: every approved sign of a material, as many times as its quantity
    (× its faces), laid onto stock sheets for a flatbed printer and cutter.

    The page is the stock sheet.  Signs' trims lie inside the printable area (the sheet less
    ``margin_mm`` at the left, top and right and ``label_mm`` at the bottom), ``gap_mm`` apart;
    a sign's bleed reaches at most halfway into the gap.  Labels and registration marks sit
    outside the printable area.  The cut path and the white layer are spot colours named as
    the shop's RIP expects."""

    stock_mm: tuple[float, float] = spec((1220.0, 2440.0), gt=0,
                                         doc="stock sheet width × height as it lies on the printer, mm")
    margin_mm: float = spec(10.0, ge=0, doc="left, top and right: stock edge to the printable area "
                                            "(registration marks; a sign's bleed may reach into it), mm")
    label_mm: float = spec(20.0, ge=0, doc="bottom: stock edge to the printable area, for the sheet label, mm")
    gap_mm: float = spec(6.0, ge=0, doc="between two signs' trims: the cutter's path, mm")
    rotate: bool = spec(False, doc="signs may be turned 90° on the sheet (per material: [output.sheets.materials.<code>])")
    cut_spot: str = spec("CutContour", pattern=SPOT_NAME,
                         doc="spot colour of the cut path around each trim, as the RIP names it (CutContour, Thru-cut …)")
    cut_width_mm: float = spec(0.1, gt=0, le=1, doc="line width of the cut path (a hairline), mm")
    cut_cmyk: tuple[float, float, float, float] = spec((0.0, 100.0, 0.0, 0.0), ge=0, le=100,
                                                       doc="the cut path's alternate colour (what a viewer shows), percent")
    white_spot: str = spec("White", pattern=SPOT_NAME,
                           doc="spot colour of the white ink layer on clear stock, as the RIP names it (White, RDG_WHITE …)")
    white_choke_mm: float = spec(0.2, ge=0, doc="the white layer stays this far inside each sign's trim (choke), mm")
    white_cmyk: tuple[float, float, float, float] = spec((0.0, 0.0, 0.0, 0.0), ge=0, le=100,
                                                         doc="the white layer's alternate colour, percent "
                                                             "(0: a RIP that does not know the name prints nothing)")
    mark_mm: float = spec(5.0, gt=0, doc="diameter of the registration marks (solid K dots in the sheet's corners), mm")
    label_char_mm: float = spec(4.0, gt=0, doc="character height of the sheet label, mm")
    materials: dict[str, Stock] = spec(default_factory=dict,
                                       doc="per material_code: stock size, rotation, clear stock")

    def stock_of(self, code: str) -> tuple[tuple[float, float], bool, bool]:
        """(stock width × height, may rotate, clear) for a material code."""
        own = self.materials.get(code, Stock())
        return (own.stock_mm or self.stock_mm, self.rotate if own.rotate is None else own.rotate, own.clear)


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
    proof_scale: float = spec(20, gt=0, doc="scale of the proof's contact sheet and the wall elevations (1:N)")
    pdfx: PdfX = PdfX()
    sheets: Sheets = Sheets()  # ganged print sheets for the print shop (print/sheets/)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a sign type hangs by default."""

    anchor: Edge = spec("centre", doc="which edge height_mm refers to")
    height_mm: float = spec(1500, ge=0, doc="mounting height of the anchor above the floor, mm")
    viewing_distance_mm: float = spec(1500, gt=0, doc="typical reading distance, mm")


@dataclass(frozen=True, slots=True)
class Band:
    """The heights a sign type may hang at: which edge is measured, and its allowed range."""

    edge: BandEdge = spec(doc="the edge measured: centre, bottom or top; extent: the bottom edge ≥ min, the top edge ≤ max")
    min_mm: float = spec(ge=0, doc="lowest allowed height of that edge above the floor, mm")
    max_mm: float = spec(gt=0, doc="highest allowed height of that edge above the floor, mm")
    source: str = spec("", doc="the rule it rests on, e.g. PL-03")


@dataclass(frozen=True, slots=True)
class SignType:
    """One sign type: its template, sizes, material, mounting and the numbers its template uses."""

    size_mm: tuple[float, float] = spec(doc="default width and height, mm", gt=0)
    template: str = spec("", doc="Jinja2 SVG template (default: the family's own)")
    label: str = spec("", doc="name in the schedule, e.g. 门牌")
    allowed_sizes_mm: tuple[tuple[float, float], ...] = spec((), doc="sizes the identity allows")
    material: str = spec("", doc="stock for the print shop, e.g. 3 mm aluminium composite")
    material_code: str = spec("sheet", pattern=r"[a-z0-9][a-z0-9-]*",
                              doc="short name of the stock for batch file names, e.g. acp-3mm")
    quantity: int = spec(1, ge=1, doc="copies of each sign")
    corner_radius_mm: float = spec(0.0, ge=0, doc="radius of the trim's corners, mm: the cut path follows it (0 square)")
    placement: Placement = Placement()
    band: Band | None = spec(None, doc="allowed mounting heights (default: the family's, from the rule list)")
    folds_mm: tuple[float, ...] = spec((), doc="fold lines across the sheet, mm from the top of the trim (tent signs)")
    style: str = spec("", doc="the style signs of this type get unless their content picks another (default: the default style role)")
    styles: dict[str, dict[str, str | bool | float]] = spec(
        default_factory=dict, doc="named colour styles: slot → palette colour (or a flag/number the template reads)")
    tokens: Any = spec(None, doc="the family's numbers and switches, checked key by key")
    vars: dict[str, Any] = spec(default_factory=dict, doc="free values for a brand's own template (not checked)")


@dataclass(frozen=True, slots=True)
class BrandInfo:
    name: str
    version: str = ""
    extends: str | None = spec(None, doc='"default" or the path of another brand folder this one changes')


@dataclass(frozen=True, slots=True)
class Brand:
    """A complete identity.  ``folder`` and the resolved sources are set by the loader."""

    brand: BrandInfo
    palette: dict[str, Colour]
    fonts: dict[str, FontRole]
    roles: Roles
    signs: dict[str, SignType]
    functions: dict[str, Function]
    function_groups: dict[str, FunctionGroup] = spec(default_factory=dict,
                                                     doc="function families for floor directories, in listing order")
    facilities: dict[str, Facility] = spec(default_factory=dict, doc="public facilities direction signs point to")
    assets: dict[str, Asset] = spec(default_factory=dict)
    identity: Identity = Identity()
    output: Output = Output()
    colour: ColourManagement = ColourManagement()
    texts: dict[str, dict[str, str]] = spec(default_factory=dict, doc="standard texts a sign family sets, with their source")
    folder: Path = spec(Path("."), internal=True)
    font_paths: dict[str, Path] = spec(default_factory=dict, internal=True)

    def style_of(self, kind: str, wanted: str = "") -> str:
        """The style a sign of ``kind`` gets when its content asks for ``wanted`` ("" none):
        the wanted style if the type has it, else the type's own default."""
        sign = self.signs[kind]
        if wanted and wanted in sign.styles:
            return wanted
        return sign.style or self.roles.default_style
