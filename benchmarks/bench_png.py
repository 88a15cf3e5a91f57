#!/usr/bin/env python3
"""PNG preview benchmarks: previews per second by three paths, measured in the same run.

    python benchmarks/bench_png.py [--seconds 2] [--runs 3] [--json results.json]

Paths, each from a finished Sheet to PNG bytes of the trim at the brand's preview size:

- ``cairosvg``: the previous path, trim-only SVG text through cairosvg, untagged (the baseline);
- ``ir``: :func:`signkit.render.png.render_png`, the IR drawn straight onto cairo;
- ``pdfium``: the print PDF (:func:`render_pdf`, no crop marks) rasterised by pypdfium2 and
  encoded by the same PNG writer as ``ir``.  Measured only if pypdfium2 is installed (it is
  not a dependency); it previews the CMYK values pdfium converts, not each paint's sRGB
  preview colour, and cannot draw what cannot be printed (RGB photos, off-palette colours).

In one process, glyph caches warm: the sample's 12 door plates in turn, one board
(board-duties, ~370 glyphs) and passes over all of the sample's sheets; "match" is the mean
absolute difference per channel from the cairosvg preview of a door plate and that board.
Cold: ``signkit render`` of the sample in a fresh process, with ``--no-png`` and with each
path making the previews (best of ``--runs``; the variants take turns so that drift on a
shared machine hits all of them); and what making libcairo callable costs a fresh process,
render_png's ctypes declarations against importing cairocffi.  Figures vary ±30 % between
runs; compare ratios.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_signs import rate  # the same measure in both benchmarks (this script's folder is on sys.path)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "examples" / "qinghe" / "profile.toml"


# -- the three paths ----------------------------------------------------------------------

def _size(sheet, px_per_mm: float, max_px: int) -> tuple[float, int, int]:
    w, h = sheet.trim.width_mm, sheet.trim.height_mm
    scale = min(px_per_mm, max_px / max(w, h))
    return scale, max(1, round(w * scale)), max(1, round(h * scale))


def cairosvg_png(sheet, *, px_per_mm: float = 3.0, max_px: int = 2400) -> bytes:
    """The previous render_png, as it was."""
    import cairosvg  # imported on first use, as the old backend did

    from signkit.render import render_svg

    _, width, height = _size(sheet, px_per_mm, max_px)
    return cairosvg.svg2png(bytestring=render_svg(sheet, include_bleed=False), output_width=width,
                            output_height=height)


def pdfium_png(sheet, *, px_per_mm: float = 3.0, max_px: int = 2400) -> bytes:
    """The print PDF rasterised by pdfium, cropped to the trim, encoded as render_png encodes."""
    import pypdfium2

    from signkit.render import png
    from signkit.render.pdf import PdfOptions, render_pdf
    from signkit.units import PT_PER_MM

    scale, width, height = _size(sheet, px_per_mm, max_px)
    document = pypdfium2.PdfDocument(render_pdf([sheet], options=PdfOptions(crop_marks=False)))
    bleed = sheet.bleed_mm * PT_PER_MM
    bitmap = document[0].render(scale=scale / PT_PER_MM, crop=(bleed, bleed, bleed, bleed), prefer_bgrx=True)
    assert bitmap.n_channels == 4  # B, G, R, x, as cairo's
    # pdfium rounds the bitmap its own way (mostly up): its top-left width × height is the trim
    width, height = min(width, bitmap.width), min(height, bitmap.height)
    return png._encode(bitmap.buffer, bitmap.stride, width, height, px_per_m=round(scale * 1000), opaque=True)


def has_pdfium() -> bool:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


# -- measuring ----------------------------------------------------------------------------

def best_pass(fn, seconds: float) -> float:
    """Shortest wall time of ``fn()`` over at least two calls and about ``seconds`` (after a warm-up)."""
    fn()
    times, start = [], time.perf_counter()
    while len(times) < 2 or time.perf_counter() - start < seconds:
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def mean_difference(actual: bytes, expected: bytes) -> float:
    """Mean absolute difference per RGB channel, in 0–255 levels."""
    from PIL import Image, ImageChops

    a = Image.open(io.BytesIO(actual)).convert("RGB")
    b = Image.open(io.BytesIO(expected)).convert("RGB")
    histogram = ImageChops.difference(a, b).histogram()
    return sum(level * count for band in range(3)
               for level, count in enumerate(histogram[band * 256:(band + 1) * 256])) / (3 * a.width * a.height)


def sample_sheets():
    from signkit.load import load_inputs
    from signkit.make import MakeOptions, make

    result = make(load_inputs(SAMPLE, None), MakeOptions(formats=()))
    return result.inputs.brand.output, [(s.job.id, s.job.kind, s.sheet) for s in result.signs if s.sheet is not None]


def bench_warm(seconds: float, paths: dict) -> dict:
    output, signs = sample_sheets()
    plates = [sheet for _, kind, sheet in signs if kind == "door-plate"]
    board = next(sheet for sign_id, _, sheet in signs if sign_id == "board-duties")
    every = [sheet for _, _, sheet in signs]
    size = dict(px_per_mm=output.png_px_per_mm, max_px=output.png_max_px)
    out = {"sample_sheets": float(len(every))}
    reference = {"plate": cairosvg_png(plates[0], **size), "board": cairosvg_png(board, **size)}
    for name, render in paths.items():
        out[f"{name}_plates_per_s"] = rate(lambda i: render(plates[i % len(plates)], **size), seconds)
        out[f"{name}_boards_per_s"] = rate(lambda i: render(board, **size), seconds)
        out[f"{name}_sample_s"] = best_pass(lambda: [render(sheet, **size) for sheet in every], seconds)
        out[f"{name}_sample_sheets_per_s"] = len(every) / out[f"{name}_sample_s"]
        out[f"{name}_sample_kib"] = sum(len(render(sheet, **size)) for sheet in every) / 1024
        out[f"{name}_match_plate"] = mean_difference(render(plates[0], **size), reference["plate"])
        out[f"{name}_match_board"] = mean_difference(render(board, **size), reference["board"])
    return out


def cold(variant: str, out_dir: str) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of ``signkit render`` of the sample in a fresh process."""
    args = [sys.executable, __file__, "--child", variant, "render", str(SAMPLE), "-o", out_dir]
    if variant == "none":
        args.append("--no-png")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_cold(runs: int, variants: list[str]) -> dict:
    """Best of ``runs`` per variant, wall time and CPU time: on a busy machine CPU time is the steadier."""
    times: dict[str, list[tuple[float, float]]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for variant in variants:  # in turns: drift on a shared machine hits every variant alike
                times[variant].append(cold(variant, f"{tmp}/{variant}"))
    out = {}
    for v, t in times.items():
        out[f"cold_s_{v}"] = min(wall for wall, _ in t)
        out[f"cold_cpu_s_{v}"] = min(cpu for _, cpu in t)
    for v in variants:
        out[f"cold_ratio_{v}"] = out[f"cold_s_{v}"] / out["cold_s_none"]
        out[f"cold_cpu_ratio_{v}"] = out[f"cold_cpu_s_{v}"] / out["cold_cpu_s_none"]
    return out


def bench_binding(runs: int) -> dict:
    """CPU seconds a fresh process spends making libcairo callable: render_png's ctypes
    declarations against importing cairocffi (the binding render_png does not use)."""
    codes = {"ctypes": "from signkit.render import png; png._cairo()",
             "cairocffi": "from signkit.render import png; import cairocffi"}
    best = {name: float("inf") for name in ("none", *codes)}
    for _ in range(runs):
        for name, code in (("none", "from signkit.render import png"), *codes.items()):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            best[name] = min(best[name], cpu)
    return {f"binding_cpu_s_{name}": best[name] - best["none"] for name in codes}


def child(variant: str, argv: list[str]) -> None:
    """``signkit`` with the PNG renderer swapped for one of the paths above."""
    import dataclasses

    from signkit.cli import main
    from signkit.render import FORMATS

    swap = {"cairosvg": cairosvg_png, "pdfium": pdfium_png}.get(variant)
    if swap is not None:
        FORMATS["png"] = dataclasses.replace(FORMATS["png"], render=lambda sheet, ctx: swap(
            sheet, px_per_mm=ctx.output.png_px_per_mm, max_px=ctx.output.png_max_px))
    sys.argv = ["signkit", *argv]
    main()


# -- report -------------------------------------------------------------------------------

def table(results: dict, paths: list[str]) -> str:
    columns = ["plates/s", "boards/s", "sample/s", "sample s", "vs old", "KiB", "match"]
    cold = "cold_s_none" in results
    if cold:
        columns += ["cold s", "×", "cpu s", "×"]
    rows = [["path", *columns]]
    for p in paths:
        def r(key: str, p: str = p) -> float:
            return results[f"{p}_{key}"]

        row = [p, f"{r('plates_per_s'):.1f}", f"{r('boards_per_s'):.2f}", f"{r('sample_sheets_per_s'):.1f}",
               f"{r('sample_s'):.2f}", f"{r('sample_sheets_per_s') / results['cairosvg_sample_sheets_per_s']:.1f}×",
               f"{r('sample_kib'):.0f}", f"{r('match_plate'):.2f}/{r('match_board'):.2f}"]
        if cold:
            row += [f"{results[f'cold_s_{p}']:.2f}", f"{results[f'cold_ratio_{p}']:.2f}",
                    f"{results[f'cold_cpu_s_{p}']:.2f}", f"{results[f'cold_cpu_ratio_{p}']:.2f}"]
        rows.append(row)
    if cold:
        rows.append(["--no-png", *[""] * 7, f"{results['cold_s_none']:.2f}", "1.00",
                     f"{results['cold_cpu_s_none']:.2f}", "1.00"])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
             for row in rows]
    return "\n".join([*lines, "",
                      "sample/s: previews per second over all the sample's sheets (sample s: all once, best pass);",
                      "match: mean |difference| per channel from cairosvg, in levels (door plate/board);",
                      "cold: signkit render of the sample in a fresh process with previews by that path, wall and",
                      "CPU seconds (best of --runs) and × over --no-png."])


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=2.0, help="time per warm measurement")
    ap.add_argument("--runs", type=int, default=3, help="fresh processes per cold variant (best is kept)")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start runs")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    from signkit.render.png import render_png

    paths = {"cairosvg": cairosvg_png, "ir": render_png}
    if has_pdfium():
        paths["pdfium"] = pdfium_png
    results = bench_warm(args.seconds, paths)
    if not args.no_cold:
        results.update(bench_cold(args.runs, ["none", *paths]))
        results.update(bench_binding(2 * args.runs))
    print(table(results, list(paths)))
    if "binding_cpu_s_ctypes" in results:
        print(f"\nmaking libcairo callable in a fresh process (CPU): ctypes declarations "
              f"{results['binding_cpu_s_ctypes'] * 1000:.0f} ms, importing cairocffi "
              f"{results['binding_cpu_s_cairocffi'] * 1000:.0f} ms")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
