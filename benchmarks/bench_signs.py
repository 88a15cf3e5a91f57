#!/usr/bin/env python3
"""signkit benchmarks: signs per second per format, warm in one process, and the sample
centre from a cold start, each against a baseline measured in the same run.

    python benchmarks/bench_signs.py [--seconds 2] [--json results.json]

Door plates: compose + render, cycling through the sample's 12 rooms (glyphs warm) and
through fresh random names (every plate brings new glyphs).  Boards: a ~600-character rule
board (the sample's duties and meetings texts as one), fitted, set and rendered each time.
Baseline: cairosvg turning the same sign's SVG into a PDF (RGB only, no bleed boxes: what
an SVG-first pipeline would do).
Sample centre: ``signkit render`` in a fresh process (cold start, ``--no-cache``), and again
with the store an earlier run left (a re-render), wall time and peak memory; baseline:
``python -c "import signkit.cli"`` (interpreter + imports only).
Figures vary ±30 % between runs on a shared machine; compare ratios, not absolutes.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cairosvg  # noqa: E402

from signkit.frozendict import FrozenDict  # noqa: E402
from signkit.layout.compose import Composer  # noqa: E402
from signkit.load import load_inputs  # noqa: E402
from signkit.model.job import Text  # noqa: E402
from signkit.plan import plan_centre  # noqa: E402
from signkit.render import FORMATS, PdfX, RenderContext, render_svg  # noqa: E402
from signkit.text.markdown import parse_board  # noqa: E402

SAMPLE = ROOT / "examples" / "qinghe" / "profile.toml"


def rate(fn, seconds: float) -> float:
    """Calls per second of ``fn(i)`` over about ``seconds`` (after one warm-up call)."""
    fn(0)
    n, start = 0, time.perf_counter()
    while True:
        fn(n)
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return n / elapsed


def fresh_names(brand, count: int) -> list[str]:
    """Random 4–8 character names from the hei font's hanzi, so each plate brings new glyphs."""
    from signkit.text.fonts import FontBook

    face = FontBook(brand.font_paths).face("hei")
    hanzi = [chr(c) for c in sorted(face.cmap) if 0x4E00 <= c <= 0x9FFF]
    rng = random.Random(7)
    return ["".join(rng.choice(hanzi) for _ in range(rng.randint(4, 8))) for _ in range(count)]


def setup():
    inputs = load_inputs(SAMPLE)
    composer = Composer(inputs.brand, inputs.files)
    pdfx = inputs.brand.output.pdfx
    ctx = RenderContext(inputs.brand.output, PdfX(pdfx.output_condition_identifier, pdfx.output_condition))
    return inputs, composer, plan_centre(inputs, composer).jobs, ctx


def bench_plates(seconds: float) -> dict:
    inputs, composer, planned, ctx = setup()
    brand = inputs.brand
    jobs = [j for j in planned if j.kind == "door-plate"]
    out = {}
    for fmt, format_ in FORMATS.items():
        out[f"plates_per_s_{fmt}"] = rate(lambda i: format_.render(composer.compose(jobs[i % len(jobs)]), ctx),
                                          seconds)
    names = fresh_names(brand, 20000)
    fresh = [jobs[i % len(jobs)] for i in range(len(names))]

    def fresh_pdf(i: int) -> None:
        job = dataclasses.replace(fresh[i], texts=FrozenDict(name=Text(names[i], "rooms[0].name")))
        FORMATS["pdf"].render(composer.compose(job), ctx)

    out["plates_per_s_pdf_fresh_names"] = rate(fresh_pdf, seconds)
    svgs = [render_svg(composer.compose(j)) for j in jobs]
    out["baseline_cairosvg_pdf_per_s"] = rate(lambda i: cairosvg.svg2pdf(bytestring=svgs[i % len(svgs)]), seconds)
    out["ratio_pdf_vs_cairosvg"] = out["plates_per_s_pdf"] / out["baseline_cairosvg_pdf_per_s"]
    return out


def board_text() -> str:
    """About 600 characters: the sample's duties and meetings boards as one board."""
    boards = ROOT / "examples" / "qinghe" / "boards"
    duties = (boards / "duties.md").read_text(encoding="utf-8")
    meetings = (boards / "meetings.md").read_text(encoding="utf-8").split("\n", 1)[1]
    renumbered = "\n".join(f"{int(line.split('.', 1)[0]) + 8}.{line.split('.', 1)[1]}" if line[:1].isdigit() else line
                           for line in meetings.splitlines())
    return duties + "\n" + renumbered + "\n"


def bench_boards(seconds: float) -> dict:
    """A board fitted (largest body size that fits), set and rendered each time (a new
    ``source`` per call keeps the composer from reusing the fit)."""
    inputs, _, planned, ctx = setup()
    brand = inputs.brand
    job = next(j for j in planned if j.id == "board-decisions")
    board = parse_board(board_text(), file="bench.md")
    chars = sum(len(b.text) for b in board.blocks)
    job = dataclasses.replace(job, content=dataclasses.replace(job.content, text=board, body_char_mm=None))
    out = {"board_characters": float(chars)}

    composer = Composer(brand, inputs.files)

    def one(i, render):
        fresh = dataclasses.replace(job, source=f"bench-{i}")
        layout = composer.fit_board(fresh)
        fitted = dataclasses.replace(fresh, content=dataclasses.replace(fresh.content, body_char_mm=layout.char_height_mm,
                                                                        panels=len(layout.pages)))
        return render(composer.compose(fitted), ctx)

    for fmt, format_ in FORMATS.items():
        if fmt == "png":
            continue
        out[f"boards_per_s_{fmt}"] = rate(lambda i: one(i, format_.render), seconds)
    composer = Composer(brand, inputs.files)
    layout = composer.fit_board(job)
    sheet = composer.compose(dataclasses.replace(job, content=dataclasses.replace(
        job.content, body_char_mm=layout.char_height_mm, panels=len(layout.pages))))
    svg = render_svg(sheet)
    out["baseline_cairosvg_board_pdf_per_s"] = rate(lambda i: cairosvg.svg2pdf(bytestring=svg), seconds)
    out["ratio_board_pdf_vs_cairosvg"] = out["boards_per_s_pdf"] / out["baseline_cairosvg_board_pdf_per_s"]
    return out


def cold(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def bench_cold() -> dict:
    """The sample in a fresh process: with nothing kept (--no-cache: every sign drawn, every
    template compiled, every glyph drawn), and again with the store an earlier run left
    (the usual re-render: nothing changed, or one sign), in a private store folder."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SIGNKIT_CACHE_DIR": f"{tmp}/store"}
        base, _ = min(cold([sys.executable, "-c", "import signkit.cli"]) for _ in range(3))
        out["baseline_import_s"] = base
        peaks = []
        for label, extra in (("svg_pdf", ["--no-png"]), ("svg_pdf_png", [])):
            render = [sys.executable, "-m", "signkit", "render", str(SAMPLE), "-o", f"{tmp}/{label}", *extra]
            runs = [cold(render + ["--no-cache"], env) for _ in range(3)]
            out[f"sample_cold_s_{label}"] = min(r[0] for r in runs)
            out[f"sample_cold_ratio_{label}_vs_import"] = out[f"sample_cold_s_{label}"] / base
            cold(render, env)  # fills the store
            kept = [cold(render, env) for _ in range(3)]
            out[f"sample_rerun_s_{label}_store"] = min(r[0] for r in kept)
            peaks += [r[1] for r in runs + kept]
        # one room renamed in a copy of the sample: its plate, its floor's directory and the
        # centre's files are redrawn, the other signs come from the store
        copy = Path(tmp) / "centre"
        shutil.copytree(SAMPLE.parent, copy)
        render = [sys.executable, "-m", "signkit", "render", str(copy / "profile.toml"), "-o", f"{tmp}/edited"]
        cold(render, env)
        times, name = [], "调解室"
        for n in range(3):
            profile = copy / "profile.toml"
            new_name = f"调解室{n + 1}"
            profile.write_text(profile.read_text(encoding="utf-8").replace(f'"{name}"', f'"{new_name}"'), encoding="utf-8")
            name = new_name
            times.append(cold(render, env)[0])
        out["sample_one_room_changed_s_png"] = min(times)
        out["sample_one_room_changed_ratio_vs_cold"] = out["sample_one_room_changed_s_png"] / out["sample_cold_s_svg_pdf_png"]
        out["peak_rss_mb"] = max(peaks)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    results = {**bench_plates(args.seconds), **bench_boards(args.seconds), **bench_cold()}
    for key, value in results.items():
        print(f"{key:<40} {value:10.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
