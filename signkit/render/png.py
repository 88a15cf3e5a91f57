"""PNG backend: Sheet → preview PNG bytes, drawn from the IR with cairo.  The only importer of cairocffi.

In:  a :class:`~signkit.ir.Sheet`, a resolution in pixels per millimetre and a cap on the
     longest side.
Out: PNG bytes of the trim (the bleed is cut away): 8-bit RGB, or RGBA when the artwork
     leaves pixels uncovered.  Screen previews only: colours are each paint's sRGB preview
     value and CMYK photos are converted plainly by Pillow, so PNGs never go to print
     (PRINT-NOTES: cairosvg).  Tagged ``sRGB`` (relative colorimetric) with the ``gAMA``
     the PNG spec asks to go with it, and ``pHYs`` with the real resolution; no timestamps,
     so the bytes are identical across runs.

Previews used to go Sheet → SVG text → cairosvg.  Drawing the IR straight onto a cairo
context keeps that look (the same rasteriser, antialiasing and SVG stroke defaults;
tests/render/test_png.py compares the two pixel by pixel) without the SVG round trip: each
glyph outline becomes a cairo path in font units once per process and is replayed under the
glyph's matrix (``cairo_append_path``), one fill per text run.  The hot loops call the C API
through cairocffi's documented CFFI objects (``cairocffi.cairo``, ``ffi``, ``_pointer``),
skipping the status check its wrappers make after every call; one check at the end finds
any error.  The PNG is encoded here, not by libpng (see :func:`_deflate_scanlines`).
Figures: benchmarks/bench_png.py.
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from typing import assert_never

from fontTools.pens.basePen import BasePen
from PIL import Image as PILImage
from PIL import ImageChops

from ..errors import SetupError
from ..ir import Glyphs, Group, IDENTITY, Image, Item, Paint, Shape, Sheet

SVG_MITER_LIMIT = 4.0  # SVG's default stroke-miterlimit (cairo's own default is 10)
ZLIB_LEVEL = 1
_WINDING, _EVEN_ODD = 0, 1  # cairo_fill_rule_t


def render_png(sheet: Sheet, *, px_per_mm: float = 3.0, max_px: int = 2400) -> bytes:
    """``px_per_mm`` resolution, scaled down so the longest side stays within ``max_px``."""
    cairo = _cairo()
    w, h = sheet.trim.width_mm, sheet.trim.height_mm
    scale = min(px_per_mm, max_px / max(w, h))
    width_px, height_px = max(1, round(w * scale)), max(1, round(h * scale))
    surface = cairo.ImageSurface(cairo.FORMAT_ARGB32, width_px, height_px)
    context = cairo.Context(surface)
    # the trim fills the image exactly (each axis scaled to its rounded pixel count), so the
    # surface's own edges cut the bleed away and no row or column is left half covered
    context.scale(width_px / w, height_px / h)
    context.set_miter_limit(SVG_MITER_LIMIT)
    _draw_items(sheet.items, _State(context))
    surface.flush()
    _check(context)
    opaque = any(_covers(item, w, h) for item in sheet.items) or None  # None: look at the pixels
    return _encode(surface, width_px, height_px, px_per_m=round(scale * 1000), opaque=opaque)


def _covers(item: Item, w: float, h: float) -> bool:
    """Whether ``item`` is a filled rectangle reaching past the trim on every side (a sign's
    background, as a rule): once it is painted every pixel is opaque, and stays so."""
    if not isinstance(item, Shape) or item.fill is None:
        return False
    ops = item.path.ops
    if [op[0] for op in ops] != ["M", "L", "L", "L", "Z"]:
        return False
    points = [(op[1], op[2]) for op in ops[:4]]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    corners = {(x, y) for x in (min(xs), max(xs)) for y in (min(ys), max(ys))}
    straight = all(a[0] == b[0] or a[1] == b[1] for a, b in zip(points, points[1:] + points[:1]))
    return (straight and set(points) == corners and len(corners) == 4
            and min(xs) < 0 and min(ys) < 0 and max(xs) > w and max(ys) > h)


# -- cairo --------------------------------------------------------------------------------

_cairocffi = None


def _cairo():
    """cairocffi, imported on first use (it parses cairo's C declarations: 0.1–0.2 s)."""
    global _cairocffi
    if _cairocffi is None:
        try:
            import cairocffi
        except OSError as exc:  # cairocffi finds no libcairo on this machine
            raise SetupError.at("PNG previews", f"the Cairo library is missing ({exc})",
                                "install it (Debian/Ubuntu: apt install libcairo2), or render with --no-png")
        if sys.byteorder != "little":  # cairo's ARGB32 is native-endian; Pillow reads it only as BGRA
            raise SetupError.at("PNG previews", "this machine is big-endian", "render with --no-png")
        _cairocffi = cairocffi
    return _cairocffi


def _check(context) -> None:
    """cairo errors are sticky: one look at the end finds any (the C calls skip the per-call check)."""
    c = _cairo()
    status = c.cairo.cairo_status(context._pointer)
    if status != c.STATUS_SUCCESS:
        raise c.CairoError(c.ffi.string(c.cairo.cairo_status_to_string(status)).decode(), status)


class _State:
    """One drawing: the context, its C pointer and scratch matrices."""

    def __init__(self, context):
        c = _cairo()
        self.context = context
        self.lib = c.cairo
        self.ctx = context._pointer
        self.base = c.ffi.new("cairo_matrix_t *")
        self.glyph = c.ffi.new("cairo_matrix_t *")
        self.group = c.ffi.new("cairo_matrix_t *")


class _CairoPen(BasePen):
    """fontTools pen → the current path of a cairo context (quadratics become cubics via BasePen)."""

    def __init__(self, lib, ctx):
        super().__init__(None)
        self.lib, self.ctx = lib, ctx

    def _moveTo(self, p):
        self.lib.cairo_move_to(self.ctx, p[0], p[1])

    def _lineTo(self, p):
        self.lib.cairo_line_to(self.ctx, p[0], p[1])

    def _curveToOne(self, p1, p2, p3):
        self.lib.cairo_curve_to(self.ctx, p1[0], p1[1], p2[0], p2[1], p3[0], p3[1])

    def _closePath(self):
        self.lib.cairo_close_path(self.ctx)


# -- items --------------------------------------------------------------------------------

def _draw_items(items: tuple[Item, ...], state: _State) -> None:
    for item in items:
        match item:
            case Shape():
                _draw_shape(item, state)
            case Glyphs():
                _draw_glyphs(item, state)
            case Image():
                _draw_image(item, state)
            case Group():
                _draw_group(item, state)
            case _:
                assert_never(item)


def _draw_shape(shape: Shape, state: _State) -> None:
    """Fill, then stroke, as SVG paints (miter joins, butt caps: SVG's defaults and cairo's)."""
    if shape.fill is None and shape.stroke is None:
        return
    lib, ctx = state.lib, state.ctx
    lib.cairo_new_path(ctx)
    shape.path.draw(_CairoPen(lib, ctx))
    stroke = shape.stroke if shape.stroke_width_mm > 0 else None
    if shape.fill is not None:
        lib.cairo_set_fill_rule(ctx, _EVEN_ODD if shape.even_odd else _WINDING)
        lib.cairo_set_source_rgb(ctx, *_rgb(shape.fill))
        if stroke is None:
            lib.cairo_fill(ctx)
            return
        lib.cairo_fill_preserve(ctx)
    if stroke is not None:
        lib.cairo_set_source_rgb(ctx, *_rgb(stroke))
        lib.cairo_set_line_width(ctx, shape.stroke_width_mm)
        lib.cairo_stroke(ctx)
    lib.cairo_new_path(ctx)


def _draw_glyphs(run: Glyphs, state: _State) -> None:
    """Every glyph's cached outline appended under its own matrix, then one fill for the run."""
    lib, ctx = state.lib, state.ctx
    base, m = state.base, state.glyph
    lib.cairo_get_matrix(ctx, base)
    xx, yx, xy, yy, x0, y0 = base.xx, base.yx, base.xy, base.yy, base.x0, base.y0
    s = run.scale
    # base × (scale s, flip y, move to the glyph's origin): font units y up → the sheet's mm y down
    m.xx, m.yx, m.xy, m.yy = xx * s, yx * s, -xy * s, -yy * s
    face = run.face
    lib.cairo_new_path(ctx)
    for g in run.glyphs:
        path = _glyph_paths.get((face.key, g.gid))
        if path is None:
            path = _glyph_path(face, g.gid)
        m.x0 = xx * g.x + xy * g.y + x0
        m.y0 = yx * g.x + yy * g.y + y0
        lib.cairo_set_matrix(ctx, m)
        lib.cairo_append_path(ctx, path)
    lib.cairo_set_matrix(ctx, base)
    lib.cairo_set_fill_rule(ctx, _WINDING)  # as fonts are drawn
    lib.cairo_set_source_rgb(ctx, *_rgb(run.fill))
    lib.cairo_fill(ctx)


def _draw_image(image: Image, state: _State) -> None:
    """The photo decoded by Pillow, scaled into its box (cairo's default GOOD filter, as cairosvg)."""
    surface = _image_surface(image.raster.data, image.raster.inverted)
    r = image.box
    context = state.context
    context.save()
    context.translate(r.x, r.y)
    context.scale(r.width / surface.get_width(), r.height / surface.get_height())
    context.set_source_surface(surface, 0, 0)
    context.paint()
    context.restore()


def _draw_group(group: Group, state: _State) -> None:
    lib, ctx = state.lib, state.ctx
    lib.cairo_save(ctx)
    if group.transform != IDENTITY:
        m = state.group
        m.xx, m.yx, m.xy, m.yy, m.x0, m.y0 = group.transform  # (a, b, c, d, e, f), as SVG and PDF
        lib.cairo_transform(ctx, m)
    if group.clip is not None:  # in the group's own coordinates: after its transform
        r = group.clip
        lib.cairo_new_path(ctx)
        lib.cairo_rectangle(ctx, r.x, r.y, r.width, r.height)
        lib.cairo_clip(ctx)
    _draw_items(group.children, state)
    lib.cairo_restore(ctx)


# -- caches -------------------------------------------------------------------------------

_glyph_paths: dict[tuple[str, int], object] = {}  # (face key, gid) → cairo_path_t * in font units, y up
_scratch = None  # a context on a 1×1 surface with the identity matrix: where outlines are built


def _glyph_path(face, gid: int):
    global _scratch
    c = _cairo()
    if _scratch is None:
        _scratch = c.Context(c.ImageSurface(c.FORMAT_A8, 1, 1))
    lib, ctx = c.cairo, _scratch._pointer
    lib.cairo_new_path(ctx)
    face.draw(gid, _CairoPen(lib, ctx))
    path = c.ffi.gc(lib.cairo_copy_path(ctx), lib.cairo_path_destroy)
    lib.cairo_new_path(ctx)
    if path.status != c.STATUS_SUCCESS:
        raise c.CairoError(f"glyph {gid} of {face.key}: cannot copy its outline", path.status)
    _glyph_paths[(face.key, gid)] = path
    return path


_colours: dict[str, tuple[float, float, float]] = {}


def _rgb(paint: Paint) -> tuple[float, float, float]:
    """``#RRGGBB`` (the brand schema's form of every preview colour) → cairo's 0–1 channels."""
    rgb = _colours.get(paint.rgb)
    if rgb is None:
        v = paint.rgb.lstrip("#")
        rgb = _colours[paint.rgb] = (int(v[0:2], 16) / 255, int(v[2:4], 16) / 255, int(v[4:6], 16) / 255)
    return rgb


def _image_surface(data: bytes, inverted: bool):
    """A photo file → a cairo ARGB32 surface (premultiplied, BGRA in memory).

    Pillow decodes every CMYK JPEG as Adobe-inverted; a file the load stage found not to be
    inverted is turned back, so the preview shows the inks the print PDF's ``/Decode`` does.
    EXIF orientation is ignored, as in print.  CMYK → RGB is Pillow's plain conversion.
    """
    c = _cairo()
    im = PILImage.open(io.BytesIO(data))
    im.load()
    if im.mode == "CMYK" and not inverted:
        im = ImageChops.invert(im)
    im = im.convert("RGBA")
    pixels = bytearray(im.tobytes("raw", "BGRa"))
    return c.ImageSurface.create_for_data(pixels, c.FORMAT_ARGB32, im.width, im.height, im.width * 4)


# -- PNG ----------------------------------------------------------------------------------

def _encode(surface, width: int, height: int, *, px_per_m: int, opaque: bool | None) -> bytes:
    """The surface as PNG: RGB when every pixel is opaque (as cairo's own writer decides), else RGBA.

    ``opaque`` None: find out from the alpha channel (a scan of every pixel).
    """
    stride = surface.get_stride()
    buffer = surface.get_data()
    # cairo's ARGB32 is premultiplied B, G, R, A bytes in memory (native-endian words on a
    # little-endian machine); mapped as Pillow's "RGBA" without a copy, its "R" is blue
    mapped = PILImage.frombuffer("RGBA", (width, height), buffer, "raw", "RGBA", stride, 1)
    if opaque is None:
        opaque = mapped.getchannel(3).getextrema() == (255, 255)
    if opaque:
        return _png_bytes(mapped.tobytes("raw", "BGR"), width, height, alpha=False, px_per_m=px_per_m)
    straight = PILImage.frombuffer("RGBA", (width, height), buffer, "raw", "BGRa", stride, 1)  # un-premultiplied
    return _png_bytes(straight.tobytes(), width, height, alpha=True, px_per_m=px_per_m)


def _png_bytes(pixels: bytes, width: int, height: int, *, alpha: bool, px_per_m: int) -> bytes:
    """8-bit RGB (or straight RGBA) pixels, row by row, as a tagged PNG file."""
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)),
        # PNG (W3C 2003) 11.3.3.5: sRGB with rendering intent 1, relative colorimetric (flat
        # brand colours shown as specified rather than compressed with a whole gamut); an
        # encoder writing sRGB should also write gAMA with 45455 for decoders that ignore sRGB
        _chunk(b"sRGB", b"\x01"),
        _chunk(b"gAMA", struct.pack(">I", 45455)),
        _chunk(b"pHYs", struct.pack(">IIB", px_per_m, px_per_m, 1)),  # 11.3.5.3, unit 1: the metre
        _chunk(b"IDAT", _deflate_scanlines(pixels, width * (4 if alpha else 3))),
        _chunk(b"IEND", b""),
    ))


def _deflate_scanlines(raw: bytes, row_bytes: int) -> bytes:
    """The zlib stream (RFC 1950/1951) of the image's scanlines, each led by its filter byte.

    Filter None, deflated at level 1: on flat artwork deflate's own matches (along a row,
    with the row above) do the filters' work in a fraction of libpng's time, at about its size.  A row
    equal to the one above is filter Up, all zeros, and such runs (about half the rows of a
    sign) are not deflated at all: a ready-made, self-contained deflate segment is spliced in,
    after a full flush so that deflate never refers back across the splice.
    """
    deflate = zlib.compressobj(ZLIB_LEVEL, zlib.DEFLATED, -15)  # raw deflate: the header and Adler-32 are ours
    out = [b"\x78\x01"]  # 32 KiB window, fastest level, check bits
    adler = 1
    unique: list[bytes] = []
    repeats = 0
    previous = None
    for i in range(0, len(raw), row_bytes):
        row = raw[i:i + row_bytes]
        if row == previous:
            repeats += 1
            continue
        if repeats:
            adler = _flush_rows(deflate, unique, out, adler)
            adler = _repeat_rows(row_bytes, repeats, out, adler)
            unique, repeats = [], 0
        unique += (b"\x00", row)
        previous = row
    if unique:
        data = b"".join(unique)
        adler = zlib.adler32(data, adler)
        out.append(deflate.compress(data))
    if repeats:
        out.append(deflate.flush(zlib.Z_FULL_FLUSH))
        adler = _repeat_rows(row_bytes, repeats, out, adler)
    out.append(deflate.flush(zlib.Z_FINISH))
    out.append(struct.pack(">I", adler))
    return b"".join(out)


def _flush_rows(deflate, rows: list[bytes], out: list[bytes], adler: int) -> int:
    data = b"".join(rows)
    out.append(deflate.compress(data))
    out.append(deflate.flush(zlib.Z_FULL_FLUSH))  # byte-aligned, and no reference back past this point
    return zlib.adler32(data, adler)


_UP_RUNS = (64, 32, 16, 8, 4, 2, 1)
_up_segments: dict[tuple[int, int], bytes] = {}  # (row bytes, rows) → deflate segment of that many zero Up rows


def _repeat_rows(row_bytes: int, count: int, out: list[bytes], adler: int) -> int:
    """``count`` rows equal to the one above: filter Up, all zeros, from cached segments."""
    row = b"\x02" + bytes(row_bytes)
    for run in _UP_RUNS:
        while count >= run:
            segment = _up_segments.get((row_bytes, run))
            if segment is None:
                z = zlib.compressobj(ZLIB_LEVEL, zlib.DEFLATED, -15)
                segment = _up_segments[(row_bytes, run)] = z.compress(row * run) + z.flush(zlib.Z_SYNC_FLUSH)
            out.append(segment)
            count -= run
            for _ in range(run):
                adler = zlib.adler32(row, adler)
    return adler


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
