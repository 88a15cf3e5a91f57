"""PNG backend: Sheet → preview PNG bytes, drawn from the IR with cairo.  The only user of libcairo.

In:  a :class:`~signkit.ir.Sheet`, a resolution in pixels per millimetre and a cap on the
     longest side.
Out: PNG bytes of the trim (the bleed is cut away): 8-bit RGB, or RGBA when the artwork
     leaves pixels uncovered.  Screen previews only: colours are each paint's sRGB preview
     value and CMYK photos are converted plainly by Pillow, so PNGs never go to print
     (PRINT-NOTES: cairosvg).  Tagged ``sRGB`` (relative colorimetric) with the ``gAMA``
     the PNG spec asks to go with it, and ``pHYs`` with the real resolution; no timestamps,
     so the bytes are identical across runs.

Previews used to go Sheet → SVG text → cairosvg.  Drawing the IR straight onto cairo keeps
that look (same rasteriser, antialiasing and SVG stroke defaults; tests/render/test_png.py
compares the two) without the round trip: each glyph outline becomes a cairo path in font
units once per process, replayed under the glyph's matrix, one fill per text run; the PNG
is encoded here (:func:`_deflate_scanlines`).  libcairo is called through ctypes, declaring
only what is used (:data:`_SIGNATURES`): cairocffi parses all of cairo's C header when
imported, a third of what previews may add to a cold ``signkit render`` of the sample
(issue 13: at most 30 %).  Figures: benchmarks/bench_png.py.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import struct
import sys
import threading
import zlib
from collections.abc import Iterable, Iterator
from typing import assert_never

from fontTools.pens.basePen import BasePen
from PIL import Image as PILImage
from PIL import ImageChops

from ..errors import SetupError
from ..i18n import _
from ..ir import Glyphs, Group, IDENTITY, Image, Item, Paint, Shape, Sheet

SVG_MITER_LIMIT = 4.0  # SVG's default stroke-miterlimit (cairo's own default is 10)
ZLIB_LEVEL = 1


def render_png(sheet: Sheet, *, px_per_mm: float = 3.0, max_px: int = 2400) -> bytes:
    """``px_per_mm`` resolution, scaled down so the longest side stays within ``max_px``."""
    lib = _cairo()
    w, h = sheet.trim.width_mm, sheet.trim.height_mm
    scale = min(px_per_mm, max_px / max(w, h))
    width_px, height_px = max(1, round(w * scale)), max(1, round(h * scale))
    stride = lib.cairo_format_stride_for_width(_FORMAT_ARGB32, width_px)
    pixels = _canvas(stride * height_px)
    surface = lib.cairo_image_surface_create_for_data(pixels, _FORMAT_ARGB32, width_px, height_px, stride)
    ctx = lib.cairo_create(surface)
    try:
        # the trim fills the image exactly (each axis scaled to its rounded pixel count), so the
        # surface's own edges cut the bleed away and no row or column is left half covered
        lib.cairo_scale(ctx, width_px / w, height_px / h)
        lib.cairo_set_miter_limit(ctx, SVG_MITER_LIMIT)
        _draw_items(sheet.items, _State(lib, ctx))
        lib.cairo_surface_flush(surface)
        status = lib.cairo_status(ctx)
        if status:  # cairo's errors are sticky on a context: one look at the end finds any
            raise RuntimeError(f"cairo: {lib.cairo_status_to_string(status).decode()}")
        opaque = any(_covers(item, w, h) for item in sheet.items) or None  # None: look at the pixels
        return _encode(pixels, stride, width_px, height_px, px_per_m=round(scale * 1000), opaque=opaque)
    finally:
        lib.cairo_destroy(ctx)
        lib.cairo_surface_destroy(surface)


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


_canvases = threading.local()  # per thread, the pixel memory of the last preview, reused


def _canvas(size: int) -> ctypes.Array:
    """``size`` zeroed bytes for a surface.  Reused from one preview to the next: fresh memory
    of a preview's size (up to 23 MB) costs more in page faults than clearing old memory."""
    memory = getattr(_canvases, "memory", None)
    if memory is None or len(memory) < size:
        memory = _canvases.memory = (ctypes.c_ubyte * size)()
    else:
        ctypes.memset(memory, 0, size)
    return memory


# -- cairo --------------------------------------------------------------------------------

class _Matrix(ctypes.Structure):
    """cairo_matrix_t: (xx, yx, xy, yy, x0, y0) is SVG's and PDF's (a, b, c, d, e, f)."""

    _fields_ = [(name, ctypes.c_double) for name in ("xx", "yx", "xy", "yy", "x0", "y0")]


class _Path(ctypes.Structure):
    """cairo_path_t over data packed by :class:`_PathPacker`."""

    _fields_ = [("status", ctypes.c_int), ("data", ctypes.c_void_p), ("num_data", ctypes.c_int)]


_FORMAT_ARGB32 = 0  # cairo_format_t
_WINDING, _EVEN_ODD = 0, 1  # cairo_fill_rule_t
_P, _D, _I, _M = ctypes.c_void_p, ctypes.c_double, ctypes.c_int, ctypes.POINTER(_Matrix)
_SIGNATURES = (  # (functions, result, arguments) as in cairo.h, where cairo_t *, cairo_surface_t * … are _P
    ("cairo_save cairo_restore cairo_new_path cairo_fill cairo_fill_preserve cairo_stroke "
     "cairo_clip cairo_paint cairo_destroy cairo_surface_flush cairo_surface_destroy", None, [_P]),
    ("cairo_scale cairo_translate", None, [_P, _D, _D]),
    ("cairo_rectangle", None, [_P, _D, _D, _D, _D]),
    ("cairo_set_miter_limit cairo_set_line_width", None, [_P, _D]),
    ("cairo_set_source_rgb", None, [_P, _D, _D, _D]),
    ("cairo_set_source_surface", None, [_P, _P, _D, _D]),
    ("cairo_set_fill_rule", None, [_P, _I]),
    ("cairo_transform cairo_get_matrix cairo_set_matrix", None, [_P, _M]),
    ("cairo_append_path", None, [_P, ctypes.POINTER(_Path)]),
    ("cairo_create", _P, [_P]),
    ("cairo_image_surface_create_for_data", _P, [_P, _I, _I, _I, _I]),
    ("cairo_status", _I, [_P]),
    ("cairo_status_to_string", ctypes.c_char_p, [_I]),
    ("cairo_format_stride_for_width", _I, [_I, _I]),
)
_LIBRARIES = ("libcairo.so.2", "libcairo.2.dylib", "libcairo-2.dll")  # Linux/BSD, macOS, Windows

_lib = None


def _cairo():
    """libcairo, loaded and declared on first use."""
    global _lib
    if _lib is None:
        if sys.byteorder != "little":  # cairo's ARGB32 words are native-endian: _encode reads their bytes
            raise SetupError.at(_("PNG previews"), _("this machine is big-endian"), _("render with --no-png"))
        lib = _load()
        if lib is None:
            raise SetupError.at(_("PNG previews"), _("the Cairo library is missing (none of {names})").format(
                names=", ".join(_LIBRARIES)), _("install it (Debian/Ubuntu: apt install libcairo2), or render with "
                                                "--no-png"))
        for functions, result, arguments in _SIGNATURES:
            for name in functions.split():
                getattr(lib, name).restype, getattr(lib, name).argtypes = result, arguments
        _lib = lib
    return _lib


def _load() -> ctypes.CDLL | None:
    for name in _LIBRARIES:
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    found = ctypes.util.find_library("cairo")  # runs ldconfig or a compiler: only when the usual names fail
    try:
        return ctypes.CDLL(found) if found else None
    except OSError:
        return None


class _State:
    """One drawing: the library, the context and scratch matrices (with their pointers)."""

    def __init__(self, lib, ctx):
        self.lib, self.ctx = lib, ctx
        self.base, self.glyph, self.group = _Matrix(), _Matrix(), _Matrix()
        self.base_p, self.glyph_p, self.group_p = (ctypes.byref(m) for m in (self.base, self.glyph, self.group))


class _PathPacker(BasePen):
    """fontTools pen → a cairo path, packed here and added with one ``cairo_append_path``
    (quadratics become cubics via BasePen).

    cairo.h: the data is an array of 16-byte ``cairo_path_data_t``, each either a header
    ``{int type; int length}`` or a point ``{double x, y}``; a segment is its header (length
    counting itself) and then its points.  Packing in Python is a third faster than
    building the path with a C call per segment and ``cairo_copy_path``.
    """

    def __init__(self):
        super().__init__(None)
        self.layout: list[str] = []  # struct formats: "ii8x" a header, "dd" a point
        self.values: list[float] = []

    def _moveTo(self, p):
        self.layout.append("ii8xdd")
        self.values += (0, 2, p[0], p[1])  # CAIRO_PATH_MOVE_TO, 2 elements

    def _lineTo(self, p):
        self.layout.append("ii8xdd")
        self.values += (1, 2, p[0], p[1])  # CAIRO_PATH_LINE_TO

    def _curveToOne(self, p1, p2, p3):
        self.layout.append("ii8xdddddd")
        self.values += (2, 4, p1[0], p1[1], p2[0], p2[1], p3[0], p3[1])  # CAIRO_PATH_CURVE_TO

    def _closePath(self):
        self.layout.append("ii8x")
        self.values += (3, 1)  # CAIRO_PATH_CLOSE_PATH

    def path(self) -> tuple[object, ctypes.Array]:
        """A pointer to the cairo_path_t, and the packed data: keep both while cairo may read them."""
        data = ctypes.create_string_buffer(struct.pack("=" + "".join(self.layout), *self.values))
        return ctypes.pointer(_Path(0, ctypes.addressof(data), len(data) // 16)), data


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
    pen = _PathPacker()
    shape.path.draw(pen)
    path, _data = pen.path()
    lib.cairo_new_path(ctx)
    lib.cairo_append_path(ctx, path)
    if shape.fill is not None:
        lib.cairo_set_fill_rule(ctx, _EVEN_ODD if shape.even_odd else _WINDING)
        lib.cairo_set_source_rgb(ctx, *_rgb(shape.fill))
        lib.cairo_fill_preserve(ctx)
    if shape.stroke is not None and shape.stroke_width_mm > 0:
        lib.cairo_set_source_rgb(ctx, *_rgb(shape.stroke))
        lib.cairo_set_line_width(ctx, shape.stroke_width_mm)
        lib.cairo_stroke(ctx)
    lib.cairo_new_path(ctx)


def _draw_glyphs(run: Glyphs, state: _State) -> None:
    """Every glyph's cached outline appended under its own matrix, then one fill for the run."""
    lib, ctx = state.lib, state.ctx
    base, m, m_p = state.base, state.glyph, state.glyph_p
    lib.cairo_get_matrix(ctx, state.base_p)
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
        lib.cairo_set_matrix(ctx, m_p)
        lib.cairo_append_path(ctx, path[0])
    lib.cairo_set_matrix(ctx, state.base_p)
    lib.cairo_set_fill_rule(ctx, _WINDING)  # as fonts are drawn
    lib.cairo_set_source_rgb(ctx, *_rgb(run.fill))
    lib.cairo_fill(ctx)


def _draw_image(image: Image, state: _State) -> None:
    """The photo decoded by Pillow, scaled into its box (cairo's default GOOD filter, as cairosvg)."""
    lib, ctx = state.lib, state.ctx
    pixels, width, height = _image_pixels(image.raster.data, image.raster.inverted)
    surface = lib.cairo_image_surface_create_for_data(pixels, _FORMAT_ARGB32, width, height, width * 4)
    r = image.box
    lib.cairo_save(ctx)
    lib.cairo_translate(ctx, r.x, r.y)
    lib.cairo_scale(ctx, r.width / width, r.height / height)
    lib.cairo_set_source_surface(ctx, surface, 0, 0)
    lib.cairo_paint(ctx)
    lib.cairo_restore(ctx)  # drops the source pattern, the surface's last user but ours
    lib.cairo_surface_destroy(surface)


def _draw_group(group: Group, state: _State) -> None:
    lib, ctx = state.lib, state.ctx
    lib.cairo_save(ctx)
    if group.transform != IDENTITY:
        m = state.group
        m.xx, m.yx, m.xy, m.yy, m.x0, m.y0 = group.transform
        lib.cairo_transform(ctx, state.group_p)
    if group.clip is not None:  # in the group's own coordinates: after its transform
        r = group.clip
        lib.cairo_new_path(ctx)
        lib.cairo_rectangle(ctx, r.x, r.y, r.width, r.height)
        lib.cairo_clip(ctx)
    _draw_items(group.children, state)
    lib.cairo_restore(ctx)


_glyph_paths: dict[tuple[str, int], tuple] = {}  # (face key, gid) → packed path in font units, y up


def _glyph_path(face, gid: int) -> tuple:
    pen = _PathPacker()
    face.draw(gid, pen)
    path = _glyph_paths[(face.key, gid)] = pen.path()
    return path


_colours: dict[str, tuple[float, float, float]] = {}


def _rgb(paint: Paint) -> tuple[float, float, float]:
    """``#RRGGBB`` (the brand schema's form of every preview colour) → cairo's 0–1 channels."""
    rgb = _colours.get(paint.rgb)
    if rgb is None:
        v = paint.rgb.lstrip("#")
        rgb = _colours[paint.rgb] = (int(v[0:2], 16) / 255, int(v[2:4], 16) / 255, int(v[4:6], 16) / 255)
    return rgb


def _image_pixels(data: bytes, inverted: bool) -> tuple[ctypes.Array, int, int]:
    """A photo file → premultiplied B, G, R, A bytes (cairo's ARGB32), its width and height.

    Pillow decodes every CMYK JPEG as Adobe-inverted; a file the load stage found not to be
    inverted is turned back, so the preview shows the inks the print PDF's ``/Decode`` does.
    EXIF orientation is ignored, as in print.  CMYK → RGB is Pillow's plain conversion.
    """
    im = PILImage.open(io.BytesIO(data))
    im.load()
    if im.mode == "CMYK" and not inverted:
        im = ImageChops.invert(im)
    im = im.convert("RGBA")
    return ctypes.create_string_buffer(im.tobytes("raw", "BGRa")), im.width, im.height


# -- PNG ----------------------------------------------------------------------------------

def _encode(memory, stride: int, width: int, height: int, *, px_per_m: int, opaque: bool | None) -> bytes:
    """A surface's pixels as PNG: RGB when every pixel is opaque (as cairo's own writer decides),
    else RGBA.  ``opaque`` None: find out from the alpha channel (a scan of every pixel)."""
    if opaque is None:
        mapped = PILImage.frombuffer("RGBA", (width, height), memory, "raw", "RGBA", stride, 1)
        opaque = mapped.getchannel(3).getextrema() == (255, 255)
    row_bytes = width * (3 if opaque else 4)
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2 if opaque else 6, 0, 0, 0)),
        # PNG (W3C 2003) 11.3.3.5: sRGB with rendering intent 1, relative colorimetric (flat
        # brand colours shown as specified rather than compressed with a whole gamut); an
        # encoder writing sRGB should also write gAMA with 45455 for decoders that ignore sRGB
        _chunk(b"sRGB", b"\x01"),
        _chunk(b"gAMA", struct.pack(">I", 45455)),
        _chunk(b"pHYs", struct.pack(">IIB", px_per_m, px_per_m, 1)),  # 11.3.5.3, unit 1: the metre
        _chunk(b"IDAT", _deflate_scanlines(_bands(memory, stride, width, height, opaque), row_bytes)),
        _chunk(b"IEND", b""),
    ))


_BAND_BYTES = 1 << 18


def _bands(memory, stride: int, width: int, height: int, opaque: bool) -> Iterator[bytes]:
    """The pixels as PNG stores them (R, G, B, or straight R, G, B, A), a band of rows at a time:
    small buffers that the allocator reuses, where whole images would be fresh memory each time."""
    address, rows = ctypes.addressof(memory), max(1, _BAND_BYTES // stride)
    for y in range(0, height, rows):
        n = min(rows, height - y)
        band = (ctypes.c_ubyte * (stride * n)).from_address(address + y * stride)
        # cairo's ARGB32 is premultiplied B, G, R, A bytes in memory (native-endian words on a
        # little-endian machine): mapped as Pillow's "RGBA" without a copy, its "R" is blue
        if opaque:
            yield PILImage.frombuffer("RGBA", (width, n), band, "raw", "RGBA", stride, 1).tobytes("raw", "BGR")
        else:  # un-premultiplied
            yield PILImage.frombuffer("RGBA", (width, n), band, "raw", "BGRa", stride, 1).tobytes()


def _deflate_scanlines(bands: Iterable[bytes], row_bytes: int) -> bytes:
    """The zlib stream (RFC 1950/1951) of the image's scanlines, each led by its filter byte.

    Filter None, deflated at level 1: on flat artwork deflate's own matches (along a row, with
    the row above) do the filters' work in a fraction of libpng's time, at about its size.
    A row equal to the one above is filter Up, all zeros, and runs of those (about half the
    rows of a sign) are not deflated at all: ready-made, self-contained deflate segments are
    spliced in, after a full flush so that deflate never refers back across the splice.
    """
    deflate = zlib.compressobj(ZLIB_LEVEL, zlib.DEFLATED, -15)  # raw deflate: the header and Adler-32 are ours
    out, adler = [b"\x78\x01"], 1  # zlib header: 32 KiB window, fastest level, check bits
    unique: list[bytes] = []
    repeats, previous = 0, None
    for band in bands:
        for i in range(0, len(band), row_bytes):
            row = band[i:i + row_bytes]
            if row == previous:
                repeats += 1
                continue
            if repeats:
                adler = _deflate_rows(deflate, unique, row_bytes, repeats, out, adler)
                unique, repeats = [], 0
            unique += (b"\x00", row)
            previous = row
        if len(unique) > 64:  # keep the pending rows few: their memory is reused too
            adler = _deflate_rows(deflate, unique, row_bytes, 0, out, adler)
            unique = []
    adler = _deflate_rows(deflate, unique, row_bytes, repeats, out, adler)
    out += (deflate.flush(zlib.Z_FINISH), struct.pack(">I", adler))
    return b"".join(out)


_UP_RUNS = (64, 32, 16, 8, 4, 2, 1)
_up_segments: dict[tuple[int, int], bytes] = {}  # (row bytes, rows) → deflate segment of that many zero Up rows


def _deflate_rows(deflate, unique: list[bytes], row_bytes: int, repeats: int, out: list[bytes], adler: int) -> int:
    """Rows to deflate, then ``repeats`` rows equal to the last of them; the running Adler-32."""
    data = b"".join(unique)
    out.append(deflate.compress(data))
    adler = zlib.adler32(data, adler)
    if repeats:
        out.append(deflate.flush(zlib.Z_FULL_FLUSH))  # byte-aligned, and no reference back past this point
    zeros = b"\x02" + bytes(row_bytes)
    for run in _UP_RUNS:
        while repeats >= run:
            segment = _up_segments.get((row_bytes, run))
            if segment is None:
                z = zlib.compressobj(ZLIB_LEVEL, zlib.DEFLATED, -15)
                segment = _up_segments[(row_bytes, run)] = z.compress(zeros * run) + z.flush(zlib.Z_SYNC_FLUSH)
            out.append(segment)
            repeats -= run
            for _ in range(run):
                adler = zlib.adler32(zeros, adler)
    return adler


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
