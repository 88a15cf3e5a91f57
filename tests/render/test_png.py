"""The PNG backend: previews drawn from the IR match the old SVG → cairosvg rendering within a
pixel tolerance (and the tolerance catches a missing glyph, a wrong colour and a shifted item);
photos, clipped and transformed groups; resolution and colour tags; byte-identical output."""

from __future__ import annotations

import ctypes.util
import dataclasses
import io
import struct
import zlib
from pathlib import Path

import cairosvg
import pytest
from PIL import Image as PILImage
from PIL import ImageChops

from signkit.errors import SetupError
from signkit.ir import IDENTITY, Glyphs, Group, Image, Paint, Raster, Rect, Shape, Sheet, Size, walk
from signkit.ir import Path as IrPath
from signkit.render import png
from signkit.render.png import render_png
from signkit.render.svg import render_svg

# Tolerances against cairosvg (same rasteriser, so only rounding differs: measured on the
# sample, the mean is under 0.01 level and no pixel is off by more than 25 levels).
MEAN_LEVELS = 0.05  # mean absolute difference per channel, over every pixel, in 0–255 levels
FAR_LEVELS = 48  # a pixel is "far off" when any channel differs by more than this …
FAR_FRACTION = 2e-5  # … and at most this fraction of the pixels may be (one small glyph on a board is ~1e-4)

SIGNS = ["plate-hall", "plate-party", "plaque-1-party", "board-duties", "showcase", "directory-1f", "desk-hall-1",
         "facade", "window-hall-1", "zone-reading"]


def cairosvg_png(sheet: Sheet, *, px_per_mm: float = 3.0, max_px: int = 2400) -> bytes:
    """The previous preview path, kept here as the reference: the trim-only SVG through cairosvg.

    One deliberate change: ``preserveAspectRatio="none"``.  When rounding makes the two axes'
    scales differ, the PNG backend stretches the trim over the whole image (no half-covered
    edge row) where cairosvg would centre it at the smaller scale; sizes that come out whole
    (all of the sample's) render the same either way.
    """
    w, h = sheet.trim.width_mm, sheet.trim.height_mm
    scale = min(px_per_mm, max_px / max(w, h))
    svg = render_svg(sheet, include_bleed=False).replace(b"<svg ", b'<svg preserveAspectRatio="none" ', 1)
    return cairosvg.svg2png(bytestring=svg, output_width=max(1, round(w * scale)),
                            output_height=max(1, round(h * scale)))


def difference(actual: bytes, expected: bytes) -> tuple[float, float]:
    """(mean absolute difference per channel in levels, fraction of pixels with a channel > FAR_LEVELS off)."""
    a = PILImage.open(io.BytesIO(actual)).convert("RGBA")
    b = PILImage.open(io.BytesIO(expected)).convert("RGBA")
    assert a.size == b.size
    diff = ImageChops.difference(a, b)
    pixels = a.width * a.height
    histogram = diff.histogram()
    mean = sum(level * count for band in range(4)
               for level, count in enumerate(histogram[band * 256:(band + 1) * 256])) / (4 * pixels)
    channels = diff.split()
    worst = channels[0]
    for channel in channels[1:]:
        worst = ImageChops.lighter(worst, channel)
    far = sum(worst.histogram()[FAR_LEVELS + 1:]) / pixels
    return mean, far


def assert_matches(actual: bytes, expected: bytes, name: str, tmp_path: Path) -> None:
    mean, far = difference(actual, expected)
    if mean > MEAN_LEVELS or far > FAR_FRACTION:
        (tmp_path / f"{name}-actual.png").write_bytes(actual)
        (tmp_path / f"{name}-expected.png").write_bytes(expected)
        pytest.fail(f"{name}: mean difference {mean:.3f} levels (max {MEAN_LEVELS}), {far:.4%} of pixels more "
                    f"than {FAR_LEVELS} levels off (max {FAR_FRACTION:.4%}); images in {tmp_path}")


def within_tolerance(actual: bytes, expected: bytes) -> bool:
    mean, far = difference(actual, expected)
    return mean <= MEAN_LEVELS and far <= FAR_FRACTION


@pytest.fixture(scope="module")
def sheets(sample_result):
    return {s.job.id: s.sheet for s in sample_result.signs if s.sheet is not None}


# -- the sample's signs against cairosvg ----------------------------------------------------

@pytest.mark.parametrize("sign_id", SIGNS)
def test_matches_the_cairosvg_preview(sheets, sign_id, tmp_path):
    sheet = sheets[sign_id]
    assert_matches(render_png(sheet), cairosvg_png(sheet), sign_id, tmp_path)


def test_the_sample_covers_what_it_should(sheets):
    """The signs above include a group transform (the emblem), vertical text and a many-glyph board."""
    assert any(isinstance(i, Group) and i.transform != IDENTITY for i in sheets["plate-party"].items)
    assert any(isinstance(i, Glyphs) and i.vertical for i in sheets["plaque-1-party"].items)
    runs = [item for item, _, _ in walk(sheets["board-duties"].items) if isinstance(item, Glyphs)]
    assert sum(len(run.glyphs) for run in runs) > 300


def test_a_smaller_preview_matches_too(sheets, tmp_path):
    """Another scale, with sizes that do not come out whole: each axis is rounded on its own."""
    sheet = sheets["plate-party"]
    actual, expected = render_png(sheet, px_per_mm=1.37), cairosvg_png(sheet, px_per_mm=1.37)
    assert PILImage.open(io.BytesIO(actual)).size == (round(300 * 1.37), round(120 * 1.37))
    assert_matches(actual, expected, "plate-party-small", tmp_path)


# -- the tolerance catches what it must -----------------------------------------------------

def replace_run(sheet: Sheet, change, *, smallest: bool = False) -> Sheet:
    """The sheet with one top-level glyph run (the first, or the one set smallest) changed."""
    runs = [item for item in sheet.items if isinstance(item, Glyphs)]
    target = min(runs, key=lambda run: run.size_mm) if smallest else runs[0]
    return dataclasses.replace(sheet, items=tuple(change(i) if i is target else i for i in sheet.items))


def test_tolerance_catches_a_missing_glyph(sheets):
    """One body-text character of the board (a 13 mm glyph: 0.01 % of the pixels)."""
    sheet = sheets["board-duties"]
    broken = replace_run(sheet, lambda run: dataclasses.replace(run, glyphs=run.glyphs[:-1]), smallest=True)
    assert not within_tolerance(render_png(broken), cairosvg_png(sheet))


def test_tolerance_catches_a_wrong_colour(sheets):
    sheet = sheets["plate-hall"]
    broken = replace_run(sheet, lambda run: dataclasses.replace(run, fill=Paint("gold", None, "#FFDB40")))
    assert not within_tolerance(render_png(broken), cairosvg_png(sheet))


def test_tolerance_catches_a_shifted_item(sheets):
    sheet = sheets["plate-hall"]
    shift = 0.1  # mm: 0.3 px
    broken = replace_run(sheet, lambda run: dataclasses.replace(
        run, glyphs=tuple(dataclasses.replace(g, x=g.x + shift) for g in run.glyphs)))
    assert not within_tolerance(render_png(broken), cairosvg_png(sheet))


# -- photos, clips and transforms -----------------------------------------------------------

RED = Paint("red", (0.0, 1.0, 1.0, 0.0), "#EE3338")
GOLD = Paint("gold", (0.0, 0.2, 0.6, 0.0), "#F2C14E")
INK = Paint("ink", (0.0, 0.0, 0.0, 1.0), "#1A1A1A")


def raster(image: PILImage.Image, fmt: str, **save) -> Raster:
    buf = io.BytesIO()
    image.save(buf, fmt, **save)
    return Raster(f"photos/test.{fmt.lower()}", buf.getvalue(), image.size, image.mode, fmt,
                  inverted=image.mode == "CMYK" and fmt == "JPEG")  # Pillow writes Adobe (inverted) CMYK


def gradient(*, alpha: int | None = None, size=(64, 48)) -> PILImage.Image:
    """A smooth picture with structure in both directions (so a flip or a shift shows)."""
    bands = [PILImage.linear_gradient("L").resize(size), PILImage.linear_gradient("L").rotate(90).resize(size),
             PILImage.new("L", size, 90)]
    if alpha is None:
        return PILImage.merge("RGB", bands)
    return PILImage.merge("RGBA", (*bands, PILImage.new("L", size, alpha)))


def hand_built_sheet() -> Sheet:
    jpeg = raster(gradient(), "JPEG", quality=95)
    cmyk = raster(PILImage.new("CMYK", (40, 30), (255, 0, 0, 0)), "JPEG", quality=95)  # cyan
    translucent = raster(gradient(alpha=200), "PNG")
    clipped = Group("clipped", (
        Shape("clipped-disc", IrPath.ellipse(20, 15, 30, 30), fill=GOLD, stroke=INK, stroke_width_mm=1.2),
        Image("clipped-photo", jpeg, Rect(5, 5, 32, 24)),
    ), transform=(0.866, 0.5, -0.5, 0.866, 40, 5), clip=Rect(0, 0, 36, 28))
    return Sheet("hand-built", Size(120, 80), 3.0, (
        Shape("background", IrPath.rect(-3, -3, 126, 86), fill=RED),
        # two subpaths drawn the same way round: even-odd leaves the inner one a hole
        Shape("ring", IrPath(IrPath.rect(5, 5, 50, 40, r=6).ops + IrPath.rect(10, 10, 40, 30).ops), fill=INK,
              even_odd=True),
        clipped,
        Image("cmyk-photo", cmyk, Rect(70, 45, 40, 30)),
        Image("translucent-photo", translucent, Rect(8, 58, 40, 18)),
        Shape("rule", IrPath.line(60, 5, 115, 40), stroke=INK, stroke_width_mm=0.8),
    ))


def test_photos_clips_and_transforms_match_cairosvg(tmp_path):
    sheet = hand_built_sheet()
    assert_matches(render_png(sheet, px_per_mm=4.0), cairosvg_png(sheet, px_per_mm=4.0), "hand-built", tmp_path)


def test_clip_hides_what_lies_outside_it_and_even_odd_leaves_holes():
    sheet = hand_built_sheet()
    image = PILImage.open(io.BytesIO(render_png(sheet, px_per_mm=4.0))).convert("RGB")
    assert image.getpixel((7 * 4, 25 * 4)) == (0x1A, 0x1A, 0x1A)  # the ring
    assert image.getpixel((15 * 4, 25 * 4)) == (0xEE, 0x33, 0x38)  # its hole
    # the gold disc (radius 30 around 20, 15 in the group) reaches past the clip's bottom edge (y 28):
    # at group point (20, 40) it would be gold; the sheet's red shows instead
    gx, gy = 20, 40
    x, y = 0.866 * gx - 0.5 * gy + 40, 0.5 * gx + 0.866 * gy + 5
    assert image.getpixel((round(x * 4), round(y * 4))) == (0xEE, 0x33, 0x38)


def test_cmyk_photo_previews_its_inks():
    """An Adobe CMYK JPEG (stored inverted) previews cyan; the same bytes marked not inverted
    preview the stored values as inks, as the print PDF's missing /Decode prints them."""
    sheet = hand_built_sheet()
    centre = (90 * 4, 60 * 4)
    r, g, b = PILImage.open(io.BytesIO(render_png(sheet, px_per_mm=4.0))).convert("RGB").getpixel(centre)
    assert r < 40 and g > 200 and b > 200, (r, g, b)
    photo = next(i for i in sheet.items if i.id == "cmyk-photo")
    plain = dataclasses.replace(photo, raster=dataclasses.replace(photo.raster, inverted=False))
    other = dataclasses.replace(sheet, items=tuple(plain if i is photo else i for i in sheet.items))
    r, g, b = PILImage.open(io.BytesIO(render_png(other, px_per_mm=4.0))).convert("RGB").getpixel(centre)
    assert r < 40 and g < 40 and b < 40, (r, g, b)  # C0 M100 Y100 K100 read plainly


def test_uncovered_pixels_stay_transparent():
    sheet = Sheet("bare", Size(40, 20), 0.0, (Shape("dot", IrPath.ellipse(10, 10, 5, 5), fill=RED),))
    image = PILImage.open(io.BytesIO(render_png(sheet)))
    assert image.mode == "RGBA"
    assert image.getpixel((90, 30))[3] == 0 and image.getpixel((30, 30)) == (0xEE, 0x33, 0x38, 255)


@pytest.mark.parametrize(("background", "mode"), [
    (IrPath.rect(-1, -1, 42, 22), "RGB"),  # past the trim everywhere: opaque without a look at the pixels
    (IrPath.rect(0, 0, 40, 20), "RGB"),  # exactly the trim: opaque, found by looking
    (IrPath.polygon([(-1, -1), (41, -1), (-1, 21), (41, 21)]), "RGBA"),  # the corners, crossed: gaps
    (IrPath.rect(-1, -1, 42, 15), "RGBA"),  # short of the bottom edge
])
def test_rgb_only_when_every_pixel_is_opaque(background, mode, monkeypatch):
    sheet = Sheet("backdrop", Size(40, 20), 0.0, (Shape("background", background, fill=GOLD),
                                                 Shape("dot", IrPath.ellipse(10, 10, 5, 5), fill=RED)))
    data = render_png(sheet)
    assert PILImage.open(io.BytesIO(data)).mode == mode
    monkeypatch.setattr(png, "_covers", lambda item, w, h: False)  # no shortcut: every pixel looked at
    assert render_png(sheet) == data


# -- tags and bytes -------------------------------------------------------------------------

def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    out, i = [], 8
    while i < len(data):
        (length,) = struct.unpack(">I", data[i:i + 4])
        kind, body = data[i + 4:i + 8], data[i + 8:i + 8 + length]
        (crc,) = struct.unpack(">I", data[i + 8 + length:i + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        out.append((kind, body))
        i += 12 + length
    return out


@pytest.mark.parametrize(("sign_id", "px_per_m"), [("plate-hall", 3000), ("board-duties", 2667)])
def test_png_carries_its_resolution_and_colour_space(sheets, sign_id, px_per_m):
    """pHYs holds the effective resolution (a 900 mm board is capped at 2400 px: 2.667 px/mm)."""
    data = render_png(sheets[sign_id])
    tags = dict(chunks(data))
    kinds = [kind for kind, _ in chunks(data)]
    assert [k for i, k in enumerate(kinds) if k != b"IDAT" or kinds[i - 1] != b"IDAT"] == \
        [b"IHDR", b"sRGB", b"gAMA", b"pHYs", b"IDAT", b"IEND"]  # image data may come in several IDAT chunks
    assert tags[b"pHYs"] == struct.pack(">IIB", px_per_m, px_per_m, 1)  # pixels per metre
    assert tags[b"sRGB"] == b"\x01"  # relative colorimetric
    assert tags[b"gAMA"] == struct.pack(">I", 45455)
    info = PILImage.open(io.BytesIO(data)).info
    assert info["srgb"] == 1 and info["dpi"][0] == pytest.approx(px_per_m * 0.0254, abs=0.01)


def test_two_renders_are_byte_identical(sheets):
    sheet = sheets["board-duties"]
    first = render_png(sheet)
    png._glyph_paths.clear()  # built afresh or taken from the cache, the outlines draw the same
    assert render_png(sheet) == first
    assert render_png(hand_built_sheet()) == render_png(hand_built_sheet())


def test_threads_render_side_by_side(sheets):
    """Each thread draws on its own memory (render_png reuses one buffer per thread)."""
    from concurrent.futures import ThreadPoolExecutor

    work = [sheets["plate-party"], sheets["board-duties"], hand_built_sheet(), sheets["desk-hall-1"]] * 2
    alone = [render_png(sheet) for sheet in work]
    with ThreadPoolExecutor(max_workers=3) as pool:
        assert list(pool.map(render_png, work)) == alone


def test_missing_libcairo_is_a_setup_error(monkeypatch, sheets):
    monkeypatch.setattr(png, "_lib", None)
    monkeypatch.setattr(png, "_LIBRARIES", ("libcairo-not-here.so.2",))
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    with pytest.raises(SetupError) as caught:
        render_png(sheets["plate-hall"])
    assert "Cairo library is missing" in str(caught.value) and "--no-png" in str(caught.value)
