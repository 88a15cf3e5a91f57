"""Load and validate a brand folder (``brand.toml`` + ``assets/`` + optional ``templates/``, ``fonts/``).

In:  a brand folder (default: the bundled ``brand/default``).
Out: a :class:`~signkit.brand.model.Brand` with font, asset and template paths resolved, or
     a :class:`~signkit.errors.BrandError` naming every problem with its key path.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..config import did_you_mean, load, read_toml
from ..errors import BrandError, Problem
from ..resources import data_dir, default_brand_dir
from .model import Brand


def load_brand(folder: Path | None = None) -> Brand:
    folder = Path(folder) if folder is not None else default_brand_dir()
    toml = folder / "brand.toml"
    if not toml.is_file():
        raise BrandError.at(str(folder), "no brand.toml in this folder",
                            "a brand folder holds brand.toml, assets/ and optionally templates/ and fonts/")
    file = str(toml)
    brand: Brand = load(Brand, read_toml(toml, BrandError), file=file, error=BrandError)
    problems: list[Problem] = []

    template_dirs = tuple(d for d in (folder / "templates", data_dir("templates")) if d.is_dir())
    font_dirs = (folder / "fonts", data_dir("fonts"))
    font_paths = {}
    for role, font in brand.fonts.items():
        path = next((d / font.file for d in font_dirs if (d / font.file).is_file()), None)
        if path is None:
            problems.append(Problem(f"{file}: fonts.{role}.file", f"font file not found: {font.file}",
                                    f"looked in {', '.join(str(d) for d in font_dirs)}"))
        else:
            font_paths[role] = path
    asset_paths = {}
    for name, asset in brand.assets.items():
        path = folder / asset.file
        if not path.is_file():
            problems.append(Problem(f"{file}: assets.{name}.file", f"asset not found: {path}",
                                    "asset paths are relative to the brand folder"))
        asset_paths[name] = path

    for kind, sign in brand.signs.items():
        if not any((d / sign.template).is_file() for d in template_dirs):
            problems.append(Problem(f"{file}: signs.{kind}.template", f"template not found: {sign.template}",
                                    f"looked in {', '.join(str(d) for d in template_dirs)}"))
        for style_name, style in sign.styles.items():
            for slot, value in style.items():
                if isinstance(value, str) and value not in brand.palette:
                    problems.append(Problem(
                        f"{file}: signs.{kind}.styles.{style_name}.{slot}", f"'{value}' is not a palette colour",
                        did_you_mean(value, brand.palette) or "palette: " + ", ".join(brand.palette)))
    plate_styles = brand.signs["door-plate"].styles if "door-plate" in brand.signs else {}
    for fid, function in brand.functions.items():
        if plate_styles and function.style not in plate_styles:
            problems.append(Problem(f"{file}: functions.{fid}.style", f"unknown style '{function.style}'",
                                    did_you_mean(function.style, plate_styles) or "styles: " + ", ".join(plate_styles)))
    if problems:
        raise BrandError(problems)
    return dataclasses.replace(brand, folder=folder.resolve(), template_dirs=template_dirs,
                               font_paths=font_paths, asset_paths=asset_paths)
