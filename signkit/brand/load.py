"""Load and validate a brand folder (``brand.toml`` + ``assets/`` + optional ``rules.toml``,
``templates/``, ``fonts/``).

In:  a brand folder (default: the bundled ``brand/default``).
Out: a :class:`~signkit.brand.model.Brand` with font, asset, template and rule-pack paths
     resolved, or a :class:`~signkit.errors.BrandError` naming every problem with its key path.

A brand may change another instead of repeating it: ``[brand] extends = "default"`` (or the
path of a brand folder) merges this ``brand.toml`` over the base's, table by table (a key
given here wins; lists are replaced whole).  Assets keep the folder of the file that named
them; templates, fonts and ``rules.toml`` are looked up in this folder first, then the base's.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ..config import did_you_mean, load, read_toml
from ..errors import BrandError, Problem
from ..resources import data_dir, default_brand_dir
from .model import Brand

MAX_DEPTH = 4


def load_brand(folder: Path | None = None) -> Brand:
    folder = (Path(folder) if folder is not None else default_brand_dir()).resolve()
    data, chain = _read_chain(folder, depth=0)
    file = str(folder / "brand.toml")
    brand: Brand = load(Brand, data, file=file, error=BrandError)
    problems: list[Problem] = []

    template_dirs = tuple(d / "templates" for d in chain if (d / "templates").is_dir()) + (data_dir("templates"),)
    font_dirs = tuple(d / "fonts" for d in chain) + (data_dir("fonts"),)
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
        path = Path(asset.file)  # made absolute by _read_chain
        if not path.is_file():
            problems.append(Problem(f"{file}: assets.{name}.file", f"asset not found: {path}",
                                    "asset paths are relative to the brand folder that names them"))
        asset_paths[name] = path
    rules_path = next((d / "rules.toml" for d in chain if (d / "rules.toml").is_file()), None)
    if rules_path is None:
        problems.append(Problem(str(folder), "no rules.toml in this brand or the brands it extends",
                                'copy brand/default/rules.toml, or add extends = "default" under [brand]'))

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
    return dataclasses.replace(brand, folder=folder, template_dirs=template_dirs, font_paths=font_paths,
                               asset_paths=asset_paths, rules_path=rules_path)


def _read_chain(folder: Path, depth: int) -> tuple[dict[str, Any], tuple[Path, ...]]:
    """This brand's data merged over its bases', and the folders from this one to the root."""
    toml = folder / "brand.toml"
    if not toml.is_file():
        raise BrandError.at(str(folder), "no brand.toml in this folder",
                            "a brand folder holds brand.toml, assets/ and optionally rules.toml, templates/, fonts/")
    data = read_toml(toml, BrandError)
    for asset in data.get("assets", {}).values():
        if isinstance(asset, dict) and isinstance(asset.get("file"), str):
            asset["file"] = str((folder / asset["file"]).resolve())
    base = data.get("brand", {}).get("extends") if isinstance(data.get("brand"), dict) else None
    if base is None:
        return data, (folder,)
    if depth >= MAX_DEPTH:
        raise BrandError.at(f"{toml}: brand.extends", "brands extend each other too deeply (a loop?)")
    if not isinstance(base, str):
        raise BrandError.at(f"{toml}: brand.extends", 'expected "default" or a folder path')
    base_folder = default_brand_dir() if base == "default" else (folder / base)
    base_data, chain = _read_chain(base_folder.resolve(), depth + 1)
    return _merge(base_data, data), (folder,) + chain


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out
