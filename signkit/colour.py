"""Print colour → screen colour: what a CMYK ink mix looks like, through an ICC profile.

In:  CMYK ink coverage in percent, ``(c, m, y, k)`` each 0–100 (a brand palette's ``cmyk``),
     and a :class:`CmykProfile`: the bundled FOGRA39L one (:func:`default_profile`) or the
     bytes of a CMYK output profile a brand supplies (:func:`load_profile`).
Out: CIELAB ``(L, a, b)``, D50, absolute colorimetric (:func:`cmyk_to_lab`): what a
     spectrophotometer reads from the print, paper white included, comparable with the
     measurement data the profile was built from; sRGB ``"#RRGGBB"``, relative colorimetric
     without black-point compensation (:func:`cmyk_to_srgb`): the colour for previews and
     for the WCAG contrast checks; colour differences ΔE*ab 1976 (:func:`delta_e76`) and
     CIEDE2000 (:func:`delta_e2000`).

Rendering intent of the sRGB previews, and why (ICC.1:2010 §6.2, "Rendering intents"):

* **Relative colorimetric** maps the paper white to the display white, so unprinted stock
  previews as ``#FFFFFF``, and keeps every colour's luminance *relative to the paper*.
  That ratio is what a reader adapted to the sign sees, and what WCAG contrast compares:
  the preview's contrast between red text and white stock is the sign's.
* **No black-point compensation**: BPC would stretch the press's black (L* ≈ 9 for the
  richest black, 16 for K 100 %) to the display's black (L* 0), darkening all dark and
  mid tones and flattering every contrast check (the party red goes from 4.64:1 to 4.84:1
  against white).  Nothing is clipped without BPC, since the display's black lies below
  the press's.
* **Absolute colorimetric** (paper simulation) would preview white stock as the paper's
  own tint (``#EFF1F4`` for FOGRA39's paper), which dirties every user interface that
  shows a preview on a white page, and would make the contrast check depend on the paper
  shade, which the eye discounts.  It is the right intent for *Lab values* (measurements
  include the paper), so :func:`cmyk_to_lab` uses it.

Precision: Pillow's ImageCms works on 8-bit pixels.  Ink values are rounded to steps of
100/255 ≈ 0.39 %; Lab comes back with L* in steps of 100/255 and a*, b* in whole units, so
a Lab value may be up to about 0.7 ΔE76 from the profile's exact value (over all 1,617
FOGRA39L patches: ΔE00 0.30 mean, 1.0 max, against the profile's own fit of 0.05 mean).
That is far inside what a press holds on solids and invisible in a preview.  Transforms are
built with LittleCMS's ``cmsFLAGS_NOOPTIMIZE``: no 8-bit device link is precalculated (30–200
ms per transform, plus its own interpolation error); the profile's tables are evaluated for
each pixel, which for a palette of ten colours costs microseconds.

Speed: parsing the profile and building the two transforms happens once per profile (a few
ms) and is cached.  Afterwards a ten-colour palette in one :func:`cmyks_to_srgb` call costs
about 0.06 ms; :func:`cmyk_to_srgb` and :func:`cmyk_to_lab` also remember their answers, so a
colour asked for again costs well under a microsecond (``benchmarks/bench_colour.py``).
Conversions are deterministic: same profile, same bytes.
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from PIL import Image, ImageCms

from .errors import BrandError
from .i18n import _
from .resources import data_dir

log = logging.getLogger("signkit")

CMYK = tuple[float, float, float, float]  # ink coverage, percent, 0–100 each
Lab = tuple[float, float, float]  # CIELAB, D50

DEFAULT_PROFILE_FILE = "FOGRA39L-signkit.icc"

# LittleCMS values (lcms2.h), passed as plain ints: ImageCms takes them in every Pillow
# version signkit supports, whether or not it has the ImageCms.Intent and Flags enums.
_INTENT_RELATIVE_COLORIMETRIC = 1
_INTENT_ABSOLUTE_COLORIMETRIC = 3
_FLAGS_NOOPTIMIZE = 0x0100


@dataclass(frozen=True, slots=True)
class CmykProfile:
    """A CMYK output ICC profile.  Equal (and hashed) by the SHA-256 of its bytes."""

    name: str = field(compare=False)  # the profile's description tag
    digest: str  # SHA-256 of data, hex
    data: bytes = field(repr=False, compare=False)


def load_profile(data: bytes, *, where: str = "CMYK profile") -> CmykProfile:
    """A :class:`CmykProfile` from the bytes of an ICC file; ``where`` names it in errors.

    Raises :class:`~signkit.errors.BrandError` unless the bytes are an ICC profile for a
    CMYK output device (device class ``prtr``, colour space ``CMYK``).
    """
    try:
        opened = ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, ImageCms.PyCMSError) as exc:
        raise BrandError.at(where, _("not a readable ICC profile ({error})").format(error=exc),
                            _("name an .icc/.icm file of the press condition, e.g. from the printer or ECI")) from None
    core = opened.profile
    space, device_class = core.xcolor_space.strip(), core.device_class.strip()
    if space != "CMYK" or device_class != "prtr":
        raise BrandError.at(where, _("a {space} profile of device class '{device_class}', not a CMYK output (prtr) "
                                     "profile").format(space=space, device_class=device_class),
                            _("previews of CMYK inks need the profile of the printing condition"))
    name = (ImageCms.getProfileDescription(opened) or "").strip() or "unnamed CMYK profile"
    return CmykProfile(name=name, digest=hashlib.sha256(data).hexdigest(), data=bytes(data))


@lru_cache(maxsize=1)
def default_profile() -> CmykProfile:
    """The bundled FOGRA39L (ISO Coated v2) profile, read once per process."""
    path = data_dir("brand") / "default" / "colour" / DEFAULT_PROFILE_FILE
    return load_profile(path.read_bytes(), where=str(path))


def cmyk_to_lab(cmyk_percent: Sequence[float], profile: CmykProfile) -> Lab:
    """CIELAB (D50, absolute colorimetric) of one ink mix printed on the profile's paper."""
    return _one_lab(tuple(cmyk_percent), profile)


def cmyk_to_srgb(cmyk_percent: Sequence[float], profile: CmykProfile) -> str:
    """``"#RRGGBB"`` preview of one ink mix (relative colorimetric, no BPC: paper = white)."""
    return _one_srgb(tuple(cmyk_percent), profile)


# One colour at a time is how renderers and checks ask (a paint, a run of text); a palette
# is a handful of colours asked for again on every sign, so the answers are kept: a repeat
# costs a dictionary look-up instead of a pass through LittleCMS (about 35 µs).
@lru_cache(maxsize=4096)
def _one_lab(cmyk_percent: tuple[float, ...], profile: CmykProfile) -> Lab:
    return cmyks_to_lab((cmyk_percent,), profile)[0]


@lru_cache(maxsize=4096)
def _one_srgb(cmyk_percent: tuple[float, ...], profile: CmykProfile) -> str:
    return cmyks_to_srgb((cmyk_percent,), profile)[0]


def cmyks_to_lab(cmyk_percents: Iterable[Sequence[float]], profile: CmykProfile) -> tuple[Lab, ...]:
    """:func:`cmyk_to_lab` of many ink mixes in one pass (a palette: one call, one image)."""
    raw = _apply(_transforms(profile)[0], cmyk_percents)
    # Pillow's raw "LAB" bytes: L* as 0–255 for 0–100, a* and b* as signed bytes
    return tuple((raw[i] * 100 / 255, float(_signed(raw[i + 1])), float(_signed(raw[i + 2])))
                 for i in range(0, len(raw), 3))


def cmyks_to_srgb(cmyk_percents: Iterable[Sequence[float]], profile: CmykProfile) -> tuple[str, ...]:
    """:func:`cmyk_to_srgb` of many ink mixes in one pass."""
    raw = _apply(_transforms(profile)[1], cmyk_percents)
    return tuple(f"#{raw[i]:02X}{raw[i + 1]:02X}{raw[i + 2]:02X}" for i in range(0, len(raw), 3))


def delta_e76(lab1: Sequence[float], lab2: Sequence[float]) -> float:
    """CIE 1976 ΔE*ab: the Euclidean distance in CIELAB."""
    return math.dist(lab1, lab2)


def delta_e2000(lab1: Sequence[float], lab2: Sequence[float], *, kl: float = 1.0, kc: float = 1.0,
                kh: float = 1.0) -> float:
    """CIEDE2000 ΔE00 (CIE 142-2001), written as in Sharma, Wu & Dalal, Color Res. Appl.
    30 (2005) 21–30, whose test data the tests use.  ``kl``, ``kc``, ``kh``: parametric
    weights, 1 for the CIE reference conditions."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25.0 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0

    dl = l2 - l1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh_angle = 0.0
    else:
        dh_angle = h2p - h1p
        if dh_angle > 180:
            dh_angle -= 360
        elif dh_angle < -180:
            dh_angle += 360
    dh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh_angle / 2))

    l_mean = (l1 + l2) / 2
    cp_mean = (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_mean = (h1p + h2p + 360) / 2
    else:
        h_mean = (h1p + h2p - 360) / 2

    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30)) + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6)) - 0.20 * math.cos(math.radians(4 * h_mean - 63)))
    d_theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean ** 7 / (cp_mean ** 7 + 25.0 ** 7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c

    tl, tc, th = dl / (kl * s_l), dc / (kc * s_c), dh / (kh * s_h)
    return math.sqrt(tl * tl + tc * tc + th * th + r_t * tc * th)


@lru_cache(maxsize=1)
def _pcs_profiles() -> tuple[ImageCms.ImageCmsProfile, ImageCms.ImageCmsProfile]:
    """LittleCMS's built-in CIELAB (D50: no colour temperature given) and sRGB profiles."""
    return (ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")),
            ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")))


@lru_cache(maxsize=16)
def _transforms(profile: CmykProfile) -> tuple[ImageCms.ImageCmsTransform, ImageCms.ImageCmsTransform]:
    """(CMYK → Lab absolute, CMYK → sRGB relative) for one profile, built once."""
    log.debug("colour: building transforms for %s (%s)", profile.name, profile.digest[:12])
    cmyk = ImageCms.ImageCmsProfile(io.BytesIO(profile.data))
    lab, srgb = _pcs_profiles()
    to_lab = ImageCms.buildTransform(cmyk, lab, "CMYK", "LAB", _INTENT_ABSOLUTE_COLORIMETRIC, _FLAGS_NOOPTIMIZE)
    to_srgb = ImageCms.buildTransform(cmyk, srgb, "CMYK", "RGB", _INTENT_RELATIVE_COLORIMETRIC, _FLAGS_NOOPTIMIZE)
    return to_lab, to_srgb


def _signed(byte: int) -> int:
    return byte - 256 if byte > 127 else byte


def _apply(transform: ImageCms.ImageCmsTransform, cmyk_percents: Iterable[Sequence[float]]) -> bytes:
    """Run ink mixes through a transform as one row of 8-bit pixels; 3 bytes out per mix."""
    inks = bytearray()
    for cmyk in cmyk_percents:
        if len(cmyk) != 4 or not all(0 <= v <= 100 for v in cmyk):
            raise ValueError(f"CMYK must be four percentages 0–100, got {tuple(cmyk)!r}")
        inks += bytes(int(v * 255 / 100 + 0.5) for v in cmyk)
    if not inks:
        return b""
    row = Image.frombytes("CMYK", (len(inks) // 4, 1), bytes(inks))
    return transform.apply(row).tobytes()
