"""signkit.colour: CMYK → Lab/sRGB through the bundled FOGRA39L profile, ΔE, determinism.

Reference values are FOGRA39L.ti3 measurements (Lab, D50).  The palette table and the
contrast ratios are printed for review: ``pytest tests/test_colour.py -rP`` shows them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageCms

from signkit import colour
from signkit.checks.geometry import contrast_ratio
from signkit.colour import (cmyk_to_lab, cmyk_to_srgb, cmyks_to_lab, cmyks_to_srgb, default_profile, delta_e76,
                            delta_e2000, load_profile)
from signkit.errors import BrandError
from signkit.resources import data_dir

TI3 = Path("/usr/share/color/icc/FOGRA39L.ti3")

# The default brand's palette (brand/default/brand.toml), with the preview each should get
# from the bundled profile.  Channels may drift by a unit or two with the LittleCMS version.
PALETTE = {
    "party-red": ((0, 100, 100, 0), "#E41F25"),
    "flag-gold": ((0, 12, 90, 0), "#FFDB26"),
    "plate-blue": ((100, 60, 0, 0), "#0061AB"),
    "black": ((0, 0, 0, 100), "#2B2B2A"),
    "white": ((0, 0, 0, 0), "#FFFFFF"),
}


@pytest.fixture(scope="module")
def profile():
    return default_profile()


# --- against the measurements -------------------------------------------------------------

@pytest.mark.parametrize("name, cmyk, reference, tolerance", [
    # the brief's acceptance bound for the party red is ΔE 3; the profile does far better
    ("party red C0M100Y100K0", (0, 100, 100, 0), (47, 68, 48), 3.0),
    ("black K100", (0, 0, 0, 100), (16, 0, 0), 1.0),
    ("paper (no ink)", (0, 0, 0, 0), (95, 0, -2), 1.0),
])
def test_lab_matches_fogra39_measurement(profile, name, cmyk, reference, tolerance):
    lab = cmyk_to_lab(cmyk, profile)
    de76, de00 = delta_e76(lab, reference), delta_e2000(lab, reference)
    print(f"{name}: Lab {tuple(round(v, 2) for v in lab)} vs {reference}: ΔE76 {de76:.2f}, ΔE00 {de00:.2f}")
    assert de76 <= tolerance and de00 <= tolerance


def _ti3_patches(path: Path) -> list[tuple[tuple[float, ...], tuple[float, ...]]]:
    lines = path.read_text(encoding="ascii").splitlines()
    fields = lines[lines.index("BEGIN_DATA_FORMAT") + 1].split()
    start, end = lines.index("BEGIN_DATA") + 1, lines.index("END_DATA")
    ink = [fields.index(f"CMYK_{c}") for c in "CMYK"]
    lab = [fields.index(f"LAB_{c}") for c in "LAB"]
    rows = [line.split() for line in lines[start:end]]
    return [(tuple(float(r[i]) for i in ink), tuple(float(r[i]) for i in lab)) for r in rows]


@pytest.mark.skipif(not TI3.is_file(), reason="FOGRA39L.ti3 not installed (Debian: icc-profiles-free)")
def test_every_fogra39_patch(profile):
    """All 1,617 measured patches: the profile, read through LittleCMS at 8 bits, stays close."""
    patches = _ti3_patches(TI3)
    assert len(patches) == 1617
    labs = cmyks_to_lab([cmyk for cmyk, _ in patches], profile)
    errors = sorted(delta_e2000(lab, measured) for lab, (_, measured) in zip(labs, patches))
    mean, p95, worst = sum(errors) / len(errors), errors[int(0.95 * len(errors))], errors[-1]
    print(f"FOGRA39L, {len(errors)} patches: ΔE00 mean {mean:.2f}, 95th percentile {p95:.2f}, max {worst:.2f}")
    assert mean < 0.5 and p95 < 1.0 and worst < 2.0


# --- the previews --------------------------------------------------------------------------

def test_default_palette_previews(profile):
    hexes = cmyks_to_srgb([cmyk for cmyk, _ in PALETTE.values()], profile)
    labs = cmyks_to_lab([cmyk for cmyk, _ in PALETTE.values()], profile)
    print("\npalette preview (FOGRA39L, relative colorimetric, no BPC):")
    for (name, (cmyk, expected)), got, lab in zip(PALETTE.items(), hexes, labs):
        ink = "C{}M{}Y{}K{}".format(*cmyk)
        print(f"  {name:<11} {ink:<16} {got}  Lab D50 ({lab[0]:.1f}, {lab[1]:.0f}, {lab[2]:.0f})")
    for (name, (_, expected)), got in zip(PALETTE.items(), hexes):
        drift = [abs(int(got[i:i + 2], 16) - int(expected[i:i + 2], 16)) for i in (1, 3, 5)]
        assert max(drift) <= 2, f"{name}: {got}, expected about {expected}"
    assert hexes[-1] == "#FFFFFF"  # unprinted stock is white in every preview


def test_party_red_contrast_with_white(profile):
    red = cmyk_to_srgb((0, 100, 100, 0), profile)
    on_red, on_white = contrast_ratio("#FFFFFF", red), contrast_ratio(red, "#FFFFFF")
    print(f"white text on {red}: {on_red:.2f}:1; {red} text on white: {on_white:.2f}:1 "
          f"(the typed-in #EE3338 gave {contrast_ratio('#FFFFFF', '#EE3338'):.2f}:1)")
    assert on_red >= 4.5 and on_white >= 4.5  # WCAG 2 SC 1.4.3, normal text


def test_conversion_is_deterministic(profile):
    cmyks = [cmyk for cmyk, _ in PALETTE.values()]
    first = cmyks_to_srgb(cmyks, profile), cmyks_to_lab(cmyks, profile)
    assert (cmyks_to_srgb(cmyks, profile), cmyks_to_lab(cmyks, profile)) == first
    for cache in (colour._transforms, colour._one_srgb, colour._one_lab):
        cache.cache_clear()  # a freshly built transform gives the same bytes
    assert (cmyks_to_srgb(cmyks, profile), cmyks_to_lab(cmyks, profile)) == first
    # one by one (computed, then remembered) = all at once
    for _ in range(2):
        assert tuple(cmyk_to_srgb(c, profile) for c in cmyks) == first[0]
        assert tuple(cmyk_to_lab(list(c), profile) for c in cmyks) == first[1]


def test_empty_palette(profile):
    assert cmyks_to_srgb([], profile) == () and cmyks_to_lab([], profile) == ()


@pytest.mark.parametrize("bad", [(0, 100, 100), (0, 100, 101, 0), (-1, 0, 0, 0)])
def test_ink_values_out_of_range(profile, bad):
    with pytest.raises(ValueError, match="four percentages"):
        cmyk_to_srgb(bad, profile)


# --- profiles ------------------------------------------------------------------------------

def test_bundled_profile_and_its_licence(profile):
    folder = data_dir("brand") / "default" / "colour"
    assert (folder / "LICENSE").is_file() and (folder / "README.md").is_file()
    assert "FOGRA39" in profile.name
    assert default_profile() is profile  # read once


def test_profile_from_bytes_is_the_same_profile(profile):
    again = load_profile(profile.data, where="brand.toml: colour.profile")
    assert again == profile and hash(again) == hash(profile)
    assert cmyk_to_srgb((0, 100, 100, 0), again) == cmyk_to_srgb((0, 100, 100, 0), profile)


def test_not_a_profile():
    with pytest.raises(BrandError, match="not a readable ICC profile") as info:
        load_profile(b"not an icc profile", where="brands/x/press.icc")
    assert info.value.problems[0].where == "brands/x/press.icc"


def test_rgb_profile_is_not_a_cmyk_profile():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    with pytest.raises(BrandError, match="not a CMYK output"):
        load_profile(srgb, where="brands/x/screen.icc")


# --- colour differences --------------------------------------------------------------------

def test_delta_e76():
    assert delta_e76((50, 3, 4), (50, 0, 0)) == pytest.approx(5.0)


# Sharma, Wu & Dalal (2005), Table 1: pairs chosen to exercise the hue wrap-around, the
# neutral axis and the blue region.
SHARMA = [
    ((50.0000, 2.6772, -79.7751), (50.0000, 0.0000, -82.7485), 2.0425),
    ((50.0000, 3.1571, -77.2803), (50.0000, 0.0000, -82.7485), 2.8615),
    ((50.0000, -1.3802, -84.2814), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, 0.0000, 0.0000), (50.0000, -1.0000, 2.0000), 2.3669),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0009), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0011), 7.2195),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0009, -2.4900), 4.8045),
    ((50.0000, 2.5000, 0.0000), (73.0000, 25.0000, -18.0000), 27.1492),
    ((50.0000, 2.5000, 0.0000), (56.0000, -27.0000, -3.0000), 31.9030),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447), 1.4441),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize("lab1, lab2, expected", SHARMA)
def test_delta_e2000_sharma(lab1, lab2, expected):
    assert delta_e2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert delta_e2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)  # symmetric
