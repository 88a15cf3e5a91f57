"""Library code reads brand roles, never the default brand's names: a brand that renames every
palette colour, font role and style renders the sample with identical geometry; a misspelt
token, rule parameter or role is a load error with a did-you-mean; extends can remove."""

from __future__ import annotations

import re
from pathlib import Path
from typing import assert_never

import pytest

from signkit.errors import BrandError, ProfileError
from signkit.ir import Glyphs, Group, Image, Shape, paints, walk
from signkit.load import load_inputs
from signkit.make import MakeOptions, make

from ..conftest import ROOT, SAMPLE, brand_with

RENAMES = {
    # palette colours
    "party-red": "dang-hong", "flag-gold": "qi-huang", "plate-blue": "pai-lan", "black": "mo-hei",
    "white": "zhi-bai", "proof-tint": "yang-hui",
    # font roles
    "hei-heavy": "heiti-zhong", "song-heavy": "xiaobiaosong", "hei": "heiti", "song": "songti", "body": "zhengwen",
    # styles
    "red-on-white": "bai-di-hong-zi", "white-on-red": "hong-di-bai-zi", "party": "dang", "standard": "putong",
}
NAMES = "|".join(re.escape(k) for k in sorted(RENAMES, key=len, reverse=True))
TOKEN = re.compile(r"(?<![\w-])(" + NAMES + r")(?![\w-])")
VALUE = re.compile(r"(?<![\w.-])(" + NAMES + r")(?![\w-])")  # in templates, not an attribute (entry.party)


def renamed(text: str, *, template: bool = False) -> str:
    """Every name of RENAMES where it stands as a whole TOML key or value (or template value)."""
    return (VALUE if template else TOKEN).sub(lambda m: RENAMES[m.group(1)], text)


@pytest.fixture(scope="module")
def renamed_brand(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("renamed")
    (folder / "assets").mkdir()
    for asset in (ROOT / "brand" / "default" / "assets").iterdir():
        (folder / "assets" / asset.name).write_text(renamed(asset.read_text(encoding="utf-8")), encoding="utf-8")
    for name in ("brand.toml", "rules.toml"):
        (folder / name).write_text(renamed((ROOT / "brand" / "default" / name).read_text(encoding="utf-8")),
                                   encoding="utf-8")
    (folder / "templates").mkdir()
    for template in (ROOT / "templates").glob("*.j2"):
        (folder / "templates" / template.name).write_text(renamed(template.read_text(encoding="utf-8"), template=True),
                                                          encoding="utf-8")
    return folder


def geometry(sheet) -> list:
    """What a sheet draws, without any name: kinds, coordinates, glyph ids, CMYK."""
    out = []
    for item, matrix, _ in walk(sheet.items):
        colours = [p.cmyk for p in paints(item)]
        match item:
            case Shape():
                out.append(("shape", matrix, item.path.ops, item.stroke_width_mm, colours))
            case Glyphs():
                out.append(("glyphs", matrix, item.face.family, round(item.size_mm, 6), item.text,
                            tuple((g.gid, round(g.x, 6), round(g.y, 6)) for g in item.glyphs), colours))
            case Image():
                out.append(("image", matrix, item.box))
            case Group():
                out.append(("group", matrix, item.transform, item.clip, item.artwork_role, item.placeholder))
            case _:
                assert_never(item)
    return out


def test_renamed_vocabulary_renders_the_same_geometry(renamed_brand):
    text = (renamed_brand / "brand.toml").read_text(encoding="utf-8")
    assert '"party-red"' not in text and "[fonts.hei]" not in text and "styles.standard]" not in text
    default = make(load_inputs(SAMPLE), MakeOptions(formats=()))
    other = make(load_inputs(SAMPLE, renamed_brand), MakeOptions(formats=()))
    assert [s.job.id for s in other.signs] == [s.job.id for s in default.signs]
    for a, b in zip(default.signs, other.signs):
        assert geometry(b.sheet) == geometry(a.sheet), a.job.id
    assert sorted((f.code, f.sign) for f in other.findings) == sorted((f.code, f.sign) for f in default.findings)


def test_a_misspelt_token_under_extends_is_an_error(tmp_path):
    with pytest.raises(BrandError) as info:
        load_inputs(SAMPLE, brand_with(tmp_path, "[signs.door-plate.tokens]\nmargn_mm = 10\n"))
    problem = info.value.problems[0]
    assert problem.where.endswith("signs.door-plate.tokens.margn_mm") and "did you mean 'margin_mm'" in problem.hint


def test_a_role_naming_a_missing_colour_is_an_error_not_a_keyerror(tmp_path):
    with pytest.raises(BrandError) as info:
        load_inputs(SAMPLE, brand_with(tmp_path, '[roles]\nink = "blak"\n'))
    assert any(p.where.endswith("roles.ink") and "did you mean 'black'" in p.hint for p in info.value.problems)


def test_a_misspelt_rule_parameter_is_an_error(tmp_path):
    folder = brand_with(tmp_path, "")
    (folder / "rules.toml").write_text('[rules.PL-01]\nparams = { min_frame_gap = 80.0 }\n', encoding="utf-8")
    with pytest.raises(BrandError) as info:
        load_inputs(SAMPLE, folder)
    assert "did you mean 'min_frame_gap_mm'" in info.value.problems[0].hint


def test_a_rule_parameter_naming_a_missing_colour_is_an_error(tmp_path, profile_copy):
    path = profile_copy(append='\n[rules.DP-02]\nparty_background = "party-rde"\n')
    with pytest.raises(ProfileError) as info:
        load_inputs(path)
    assert "did you mean 'party-red'" in info.value.problems[0].hint


def test_extends_can_remove_a_sign_type(tmp_path):
    inputs = load_inputs(SAMPLE, brand_with(tmp_path, "[signs]\nfacade = false\n"))
    assert "facade" not in inputs.brand.signs
    result = make(inputs, MakeOptions(formats=()))
    assert "facade" not in {s.job.kind for s in result.signs}
