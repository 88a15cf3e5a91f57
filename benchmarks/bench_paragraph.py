#!/usr/bin/env python3
"""Paragraph-setting throughput: how fast text/paragraph.py sets a board's worth of text.

    python benchmarks/bench_paragraph.py [--repeat 200] [--json results.json]

Text: the articles of examples/qinghe/boards/duties.md and meetings.md, parsed with
text/markdown.py, about 600 characters in all (15 articles with their labels).  Figures:

* ``prepare_cold_ms``: the first setting of the 600 characters (shaping, classes, widths,
  break opportunities, prefix sums: the per-text work, cached afterwards);
* ``one_para_600_ms@S``: the same 600 characters as ONE paragraph, set warm at size S mm
  (a fresh size each call, so nothing but the per-size pass is measured);
* ``board_600_ms@S``: the 15 articles set one by one at size S, warm (what a board needs);
* ``board_fit_ms``: fitting the board: for each of 12 sizes, ``measure_paragraph`` for
  every article (the line count decides the size), then ``set_paragraph`` at the chosen size;
* ``chars_per_ms``: characters set per millisecond, warm, one paragraph.

Targets (the board fitter's budget): one 600-character setting well under 1 ms warm; the
whole board with its fitting iterations under about 10 ms.  Figures vary ±30 % on a shared
machine; take the best of several runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signkit.text.fonts import Face  # noqa: E402
from signkit.text.markdown import parse_board  # noqa: E402
from signkit.text.paragraph import measure_paragraph, set_paragraph  # noqa: E402

BOARDS = ROOT / "examples" / "qinghe" / "boards"
FONT = ROOT / "fonts" / "SignKitSongSC-Regular.otf"
WIDTH_MM = 520.0          # a 600 × 900 mm 制度牌 with 40 mm margins
HEIGHT_MM = 700.0
SIZES_MM = (9.0, 12.0, 15.0, 18.0)
ARTICLE = dict(label_gap_em=0.25, label_width_em=0.9)


def best_ms(fn, repeat: int) -> float:
    """Best-of-5 mean time of ``fn(i)`` over ``repeat`` calls, in ms."""
    fn(0)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for i in range(repeat):
            fn(i)
        best = min(best, (time.perf_counter() - start) / repeat)
    return best * 1e3


def board_blocks():
    blocks = []
    for name in ("duties.md", "meetings.md"):
        board = parse_board((BOARDS / name).read_text(encoding="utf-8"), file=name)
        blocks += [(b.label, b.text) for b in board.blocks]
    return blocks


def fit_board(face, blocks, sizes) -> float:
    """The largest size whose lines fit the height (1.6 line spacing), then set it."""
    chosen = sizes[0]
    for size in sizes:
        lines = sum(measure_paragraph(face, text, size_mm=size, width_mm=WIDTH_MM, label=label, **ARTICLE).line_count
                    for label, text in blocks)
        if lines * size * 1.6 <= HEIGHT_MM:
            chosen = size
    for label, text in blocks:
        set_paragraph(face, text, size_mm=chosen, width_mm=WIDTH_MM, label=label, **ARTICLE)
    return chosen


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=200, help="calls per timing")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    face = Face.open("body", FONT)
    blocks = board_blocks()
    one = "".join(text for _, text in blocks)
    out: dict[str, float] = {"characters": float(len(one)), "paragraphs": float(len(blocks))}

    start = time.perf_counter()
    set_paragraph(face, one, size_mm=12.0, width_mm=WIDTH_MM)
    out["prepare_cold_ms"] = (time.perf_counter() - start) * 1e3

    for size in SIZES_MM:
        # a slightly different size on every call: no result can be reused
        out[f"one_para_600_ms@{size:g}"] = best_ms(
            lambda i, s=size: set_paragraph(face, one, size_mm=s + i * 1e-6, width_mm=WIDTH_MM,
                                            first_indent_em=2.0), args.repeat)
        out[f"board_600_ms@{size:g}"] = best_ms(
            lambda i, s=size: [set_paragraph(face, text, size_mm=s + i * 1e-6, width_mm=WIDTH_MM, label=label,
                                             **ARTICLE) for label, text in blocks], args.repeat)
    out["measure_600_ms@12"] = best_ms(
        lambda i: measure_paragraph(face, one, size_mm=12 + i * 1e-6, width_mm=WIDTH_MM), args.repeat)
    sizes = tuple(10.0 + 0.75 * k + 1e-7 for k in range(12))
    out["board_fit_ms"] = best_ms(lambda i: fit_board(face, blocks, tuple(s + i * 1e-6 for s in sizes)),
                                  max(1, args.repeat // 4))
    out["chars_per_ms"] = len(one) / out["one_para_600_ms@12"]
    for key, value in out.items():
        print(f"{key:<28} {value:10.3f}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
