"""Load and validate a brand folder (``brand.toml`` + ``assets/`` + optional ``rules.toml``,
``templates/``, ``fonts/``).

In:  a brand folder (default: the bundled ``brand/default``) and the sign families.
Out: a :class:`~signkit.model.brand.Brand` whose templates and artwork are read into memory
     and whose font files are resolved, or a :class:`~signkit.errors.BrandError` naming every
     problem with its key path.

A brand may change another instead of repeating it: ``[brand] extends = "default"`` (or the
path of a brand folder) merges this ``brand.toml`` over the base's, table by table (a key
given here wins; lists are replaced whole; ``false`` in place of a table removes it, e.g.
``signs.facade = false``).  Assets keep the folder of the file that named them; templates and
fonts are looked up in this folder first, then the base's; ``rules.toml`` files merge the
same way, rule by rule.

Every sign type must be a sign family signkit knows, and its ``tokens`` are loaded into the
family's typed Tokens (a misspelt token is an error with a did-you-mean).  Roles must name a
palette colour, a font role and styles that exist.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ..config import check_refs, did_you_mean, load, read_toml
from ..errors import BrandError, Problem
from ..frozendict import FrozenDict
from ..i18n import _
from ..model.brand import Brand, SignType
from ..model.profile import FACILITIES
from ..resources import data_dir, default_brand_dir

MAX_DEPTH = 4

# Printing conditions in the ICC Characterization Data Registry that a PDF/X file may name
# without embedding a profile (https://www.color.org/registry): the ones a Chinese print shop
# meets.  Any other condition needs pdfx.icc_profile.
REGISTERED_CONDITIONS = frozenset({
    "JC200103", "JCN2002", "JC200104", "FOGRA39", "FOGRA39L", "FOGRA51", "FOGRA52", "FOGRA47", "FOGRA29",
    "FOGRA27", "FOGRA28", "FOGRA30", "FOGRA40", "FOGRA45", "CGATS TR 001", "CGATS TR 006", "CGATS TR 005",
    "CGATS21-2-CRPC1", "CGATS21-2-CRPC5", "CGATS21-2-CRPC6", "CGATS21-2-CRPC7", "GRACoL2006_Coated1v2",
    "SWOP2006_Coated3v2", "SWOP2006_Coated5v2", "IFRA26", "IFRA30"})


@dataclasses.dataclass(frozen=True, slots=True)
class BrandFiles:
    """What the brand's folders hold besides brand.toml, read into memory."""

    templates: dict[str, str]  # file name → Jinja2 source (the brand's own first, then signkit's)
    assets: dict[str, str]  # asset name → SVG text
    rules: list[tuple[Path, dict[str, Any]]]  # rules.toml of each brand in the chain, base last
    icc_profile: bytes | None
    fonts: tuple[tuple[str, str, int, int], ...] = ()  # (role, file, size, mtime): what the glyphs come from


def load_brand(folder: Path | None = None, *, families: dict[str, Any]) -> tuple[Brand, BrandFiles]:
    folder = (Path(folder) if folder is not None else default_brand_dir()).resolve()
    data, chain = _read_chain(folder, depth=0)
    file = str(folder / "brand.toml")
    problems: list[Problem] = []
    signs_raw = data.get("signs", {}) if isinstance(data.get("signs"), dict) else {}
    for kind in signs_raw:
        if kind not in families:
            problems.append(Problem(f"{file}: signs.{kind}", _("no sign family is called '{kind}'").format(kind=kind),
                                    did_you_mean(kind, families) or _("families: {names}").format(
                                        names=", ".join(families))))
    if problems:
        raise BrandError(problems)
    brand: Brand = load(Brand, data, file=file, error=BrandError)

    signs = {}
    for kind, sign in brand.signs.items():
        family = families[kind]
        raw = signs_raw[kind].get("tokens", {}) if isinstance(signs_raw[kind], dict) else {}
        tokens = _tokens(family.tokens, raw, file, f"signs.{kind}.tokens", problems)
        signs[kind] = dataclasses.replace(sign, tokens=tokens, template=sign.template or family.template,
                                          band=sign.band or family.band)
    brand = dataclasses.replace(brand, signs=FrozenDict(signs))
    _check_names(brand, file, problems)
    _check_sheets(brand, file, problems)
    _check_texts_and_facilities(brand, families, file, problems)

    template_dirs = [d / "templates" for d in chain if (d / "templates").is_dir()] + [data_dir("templates")]
    templates: dict[str, str] = {}
    for d in reversed(template_dirs):  # the brand's own win
        for path in sorted(d.glob("*.j2")):
            templates[path.name] = _read_text(path, problems)
    for kind, sign in brand.signs.items():
        if sign.template not in templates:
            problems.append(Problem(f"{file}: signs.{kind}.template", _("template not found: {name}").format(
                name=sign.template), _("looked in {folders}").format(folders=", ".join(str(d) for d in template_dirs))))
    font_dirs = [d / "fonts" for d in chain] + [data_dir("fonts")]
    font_paths = {}
    for role, font in brand.fonts.items():
        path = next((d / font.file for d in font_dirs if (d / font.file).is_file()), None)
        if path is None:
            problems.append(Problem(f"{file}: fonts.{role}.file", _("font file not found: {name}").format(
                name=font.file), _("looked in {folders}").format(folders=", ".join(str(d) for d in font_dirs))))
        else:
            font_paths[role] = path
    assets = {}
    for name, asset in brand.assets.items():
        path = Path(asset.file)  # made absolute by _read_chain
        if not path.is_file():
            problems.append(Problem(f"{file}: assets.{name}.file", _("asset not found: {path}").format(path=path),
                                    _("asset paths are relative to the brand folder that names them")))
        else:
            assets[name] = _read_text(path, problems)
    rules = [(d / "rules.toml", read_toml(d / "rules.toml", BrandError)) for d in chain if (d / "rules.toml").is_file()]
    if not rules:
        problems.append(Problem(str(folder), _("no rules.toml in this brand or the brands it extends"),
                                _('copy brand/default/rules.toml, or add extends = "default" under [brand]')))
    icc = _output_condition(brand, chain, file, problems)
    palette = _previews(brand, chain, file, problems)
    if problems:
        raise BrandError(problems)
    fonts = tuple((role, str(path), path.stat().st_size, path.stat().st_mtime_ns)
                  for role, path in sorted(font_paths.items()))
    return (dataclasses.replace(brand, palette=palette, folder=folder, font_paths=FrozenDict(font_paths)),
            BrandFiles(templates, assets, rules, icc, fonts))


def _tokens(cls: type, raw: Any, file: str, root: str, problems: list[Problem]) -> Any:
    mine: list[Problem] = []
    try:
        value = load(cls, raw if isinstance(raw, dict) else {}, file=file, error=BrandError, root=root)
    except BrandError as exc:
        mine.extend(exc.problems)
        value = None
    problems.extend(mine)
    return value


def _check_names(brand: Brand, file: str, problems: list[Problem]) -> None:
    """Styles, roles and functions name palette colours, fonts and styles that exist."""
    styles_anywhere = {name for sign in brand.signs.values() for name in sign.styles}
    check_refs(brand.roles, {"palette": brand.palette, "font": brand.fonts}, file=file, root="roles",
               problems=problems)
    r = brand.roles
    for key, value in (("roles.ink", r.ink), ("roles.paper", r.paper), ("roles.alert", r.alert),
                       ("roles.proof_mark", r.proof_mark)):
        if value not in brand.palette:
            problems.append(Problem(f"{file}: {key}", _("'{name}' is not a palette colour").format(name=value),
                                    did_you_mean(value, brand.palette) or _("palette: {names}").format(
                                        names=", ".join(brand.palette))))
    for name, function in brand.functions.items():
        if function.group and function.group not in brand.function_groups:
            problems.append(Problem(f"{file}: functions.{name}.group", _("'{name}' is not a function group").format(
                name=function.group), did_you_mean(function.group, brand.function_groups)
                or _("function_groups: {names}").format(names=", ".join(brand.function_groups) or _("none"))))
    if brand.identity.font and brand.identity.font not in brand.fonts:
        problems.append(Problem(f"{file}: identity.font", _("'{name}' is not a font role").format(
            name=brand.identity.font), did_you_mean(brand.identity.font, brand.fonts) or _("fonts: {names}").format(
                names=", ".join(brand.fonts))))
    if r.label_font not in brand.fonts:
        problems.append(Problem(f"{file}: roles.label_font", _("'{name}' is not a font role").format(
            name=r.label_font), did_you_mean(r.label_font, brand.fonts) or _("font roles: {names}").format(
                names=", ".join(brand.fonts))))
    for key, value in (("roles.party_style", r.party_style), ("roles.default_style", r.default_style)):
        if value not in styles_anywhere:
            problems.append(Problem(f"{file}: {key}", _("no sign type has a style '{name}'").format(name=value),
                                    did_you_mean(value, styles_anywhere) or _("styles: {names}").format(
                                        names=", ".join(sorted(styles_anywhere)))))
    for kind, sign in brand.signs.items():
        default = sign.style or r.default_style
        if default not in sign.styles:
            problems.append(Problem(f"{file}: signs.{kind}.style", _("'{name}' is not one of its styles").format(
                name=default), did_you_mean(default, sign.styles) or
                _("give the type a style = … naming one of: {names}").format(names=", ".join(sign.styles))))
        for style_name, style in sign.styles.items():
            for slot, value in style.items():
                if isinstance(value, str) and value not in brand.palette:
                    problems.append(Problem(
                        f"{file}: signs.{kind}.styles.{style_name}.{slot}",
                        _("'{name}' is not a palette colour").format(name=value),
                        did_you_mean(value, brand.palette) or _("palette: {names}").format(
                            names=", ".join(brand.palette))))
    for fid, function in brand.functions.items():
        if function.style and function.style not in styles_anywhere:
            problems.append(Problem(f"{file}: functions.{fid}.style", _("unknown style '{name}'").format(
                name=function.style), did_you_mean(function.style, styles_anywhere) or
                _("styles: {names}").format(names=", ".join(sorted(styles_anywhere)))))


def _check_sheets(brand: Brand, file: str, problems: list[Problem]) -> None:
    """``[output.sheets]``: per-material settings name a material of some sign type; the two
    spot names differ from each other and from the PDF's reserved separation names."""
    sheets = brand.output.sheets
    codes = sorted({sign.material_code for sign in brand.signs.values()})
    for code in sheets.materials:
        if code not in codes:
            problems.append(Problem(f"{file}: output.sheets.materials.{code}",
                                    _("no sign type has material_code '{code}'").format(code=code),
                                    did_you_mean(code, codes) or _("material codes: {names}").format(
                                        names=", ".join(codes))))
    for key, name in (("cut_spot", sheets.cut_spot), ("white_spot", sheets.white_spot)):
        if name in ("All", "None"):
            problems.append(Problem(f"{file}: output.sheets.{key}",
                                    _("'{name}' is a reserved separation name in PDF").format(name=name),
                                    _("use the name the RIP expects, e.g. CutContour or White")))
    if sheets.cut_spot == sheets.white_spot:
        problems.append(Problem(f"{file}: output.sheets.white_spot", _("the cut path and the white layer need two "
                                                                       "different spot names"),
                                _('e.g. cut_spot = "CutContour", white_spot = "White"')))
TEXT_KEYS = ("title", "text", "source", "note")


def _check_texts_and_facilities(brand: Brand, families: dict[str, Any], file: str, problems: list[Problem]) -> None:
    """Standard texts carry their source (RULES.md RB-07: quoted texts name the version they
    come from) and every family's texts exist; facilities are the ones signs may name, with
    pictograms the brand has, all of them when a family points to facilities."""
    for name, table in brand.texts.items():
        for key in table:
            if key not in TEXT_KEYS:
                problems.append(Problem(f"{file}: texts.{name}.{key}", _("unknown key '{key}'").format(key=key),
                                        did_you_mean(key, TEXT_KEYS) or _("keys: {names}").format(
                                            names=", ".join(TEXT_KEYS))))
    for kind in brand.signs:
        for name in families[kind].texts:
            table = brand.texts.get(name, {})
            for key in ("text", "source"):
                if not str(table.get(key, "")).strip():
                    problems.append(Problem(f"{file}: texts.{name}.{key}",
                                            _("signs.{kind} sets the standard text '{name}', which needs its "
                                              "{key}").format(kind=kind, name=name, key=key),
                                            _('add [texts.{name}] with text = "…" and source = "…" (the document, '
                                              "its version and article)").format(name=name)))
    for name, facility in brand.facilities.items():
        if name not in FACILITIES:
            problems.append(Problem(f"{file}: facilities.{name}",
                                    _("signs cannot name a facility '{name}'").format(name=name),
                                    did_you_mean(name, FACILITIES) or _("facilities: {names}").format(
                                        names=", ".join(FACILITIES))))
        if facility.pictogram and facility.pictogram not in brand.assets:
            problems.append(Problem(f"{file}: facilities.{name}.pictogram",
                                    _("no asset is called '{name}'").format(name=facility.pictogram),
                                    did_you_mean(facility.pictogram, brand.assets) or _("assets: {names}").format(
                                        names=", ".join(brand.assets))))
    if any(families[kind].facilities for kind in brand.signs):
        for name in FACILITIES:
            if name not in brand.facilities:
                problems.append(Problem(f"{file}: facilities.{name}", _("direction signs may point to it, but the "
                                                                         "brand does not name it"),
                                        _('add [facilities.{name}] with label = "…"').format(name=name)))


def _output_condition(brand: Brand, chain: tuple[Path, ...], file: str, problems: list[Problem]) -> bytes | None:
    """A PDF/X claim needs a registered printing condition or an embedded CMYK profile."""
    pdfx = brand.output.pdfx
    if pdfx.icc_profile:
        path = next((d / pdfx.icc_profile for d in chain if (d / pdfx.icc_profile).is_file()), None)
        if path is None:
            problems.append(Problem(f"{file}: output.pdfx.icc_profile", _("file not found: {name}").format(
                name=pdfx.icc_profile), _("give the .icc path relative to the brand folder")))
            return None
        data = path.read_bytes()
        if len(data) < 132 or data[16:20] != b"CMYK" or data[12:16] != b"prtr":
            problems.append(Problem(f"{file}: output.pdfx.icc_profile", _("{name} is not a CMYK output (printer) ICC "
                                                                          "profile").format(name=pdfx.icc_profile),
                                    _("use the profile of the printing condition")))
            return None
        return data
    if pdfx.output_condition_identifier not in REGISTERED_CONDITIONS:
        problems.append(Problem(
            f"{file}: output.pdfx.output_condition_identifier",
            _("'{name}' is not a registered printing condition, so print files cannot claim PDF/X without its "
              "profile").format(name=pdfx.output_condition_identifier),
            did_you_mean(pdfx.output_condition_identifier, REGISTERED_CONDITIONS) or
            _('name a condition of the ICC registry (e.g. JC200103, FOGRA39), or embed its profile with '
              'output.pdfx.icc_profile = "….icc"')))
    return None


def _previews(brand: Brand, chain: tuple[Path, ...], file: str, problems: list[Problem]) -> dict:
    """The palette with every screen colour derived from its CMYK through the brand's preview
    profile (a characterised press condition), unless the brand gives one itself."""
    from ..colour import cmyks_to_srgb, load_profile

    name = brand.colour.preview_profile
    folders = list(chain) + [default_brand_dir()]  # the bundled profile serves any brand
    path = next((d / name for d in folders if (d / name).is_file()), None)
    if path is None:
        problems.append(Problem(f"{file}: colour.preview_profile", _("file not found: {name}").format(name=name),
                                _("give the .icc path relative to the brand folder")))
        return brand.palette
    try:
        profile = load_profile(path.read_bytes(), where=f"{file}: colour.preview_profile")
    except BrandError as exc:
        problems.extend(exc.problems)
        return brand.palette
    todo = [n for n, c in brand.palette.items() if not c.rgb]
    derived = dict(zip(todo, cmyks_to_srgb([brand.palette[n].cmyk for n in todo], profile)))
    return FrozenDict({n: dataclasses.replace(c, rgb=derived.get(n, c.rgb)) for n, c in brand.palette.items()})


def _read_text(path: Path, problems: list[Problem]) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as exc:
        problems.append(Problem(str(path), _("cannot be read as UTF-8 text: {error}").format(error=exc),
                                _("save it as UTF-8")))
        return ""


def _read_chain(folder: Path, depth: int) -> tuple[dict[str, Any], tuple[Path, ...]]:
    """This brand's data merged over its bases', and the folders from this one to the root."""
    toml = folder / "brand.toml"
    if not toml.is_file():
        raise BrandError.at(str(folder), _("no brand.toml in this folder"),
                            _("a brand folder holds brand.toml, assets/ and optionally rules.toml, templates/, fonts/"))
    data = read_toml(toml, BrandError)
    for asset in data.get("assets", {}).values() if isinstance(data.get("assets"), dict) else ():
        if isinstance(asset, dict) and isinstance(asset.get("file"), str):
            asset["file"] = str((folder / asset["file"]).resolve())
    base = data.get("brand", {}).get("extends") if isinstance(data.get("brand"), dict) else None
    if base is None:
        return data, (folder,)
    if depth >= MAX_DEPTH:
        raise BrandError.at(f"{toml}: brand.extends", _("brands extend each other too deeply (a loop?)"))
    if not isinstance(base, str):
        raise BrandError.at(f"{toml}: brand.extends", _('expected "default" or a folder path'))
    base_folder = default_brand_dir() if base == "default" else (folder / base)
    base_data, chain = _read_chain(base_folder.resolve(), depth + 1)
    return merge(base_data, data), (folder,) + chain


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` merged into ``base`` table by table; ``false`` in place of a table removes it."""
    out = dict(base)
    for key, value in over.items():
        if value is False and isinstance(out.get(key), dict):
            del out[key]
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


__all__ = ["BrandFiles", "SignType", "load_brand", "merge", "REGISTERED_CONDITIONS"]
