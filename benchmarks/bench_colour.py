#!/usr/bin/env python3
"""Palette conversion speed: CMYK → sRGB previews and Lab through signkit/colour.py.

    python benchmarks/bench_colour.py [--repeat 2000] [--json results.json]

Palette: the default brand's five colours twice over (ten ink mixes), through the bundled
FOGRA39L profile.  Figures:

* ``load_profile_ms``: reading and checking the bundled .icc (once per process);
* ``first_palette_ms``: the first conversion, which builds the two LittleCMS transforms;
* ``palette10_srgb_us`` / ``palette10_lab_us``: ten colours in one call, warm;
* ``palette10_one_by_one_us``: ten ``cmyk_to_srgb`` calls, warm: answers remembered;
* ``palette10_one_by_one_fresh_us``: ten ``cmyk_to_srgb`` calls for colours never asked
  before (ink values nudged on every call): only the transform is cached;
* ``palette10_fresh_values_us``: ten new colours in one ``cmyks_to_srgb`` call.

Target: a palette well under 1 ms after the first call (signkit renders thousands of centres
with one brand).  Figures vary ±30 % on a shared machine; take the best of several runs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signkit import colour  # noqa: E402

PALETTE = ((0, 100, 100, 0), (0, 12, 90, 0), (100, 60, 0, 0), (0, 0, 0, 100), (0, 0, 0, 0)) * 2


def best_us(fn, repeat: int) -> float:
    """Best-of-5 mean time of ``fn(i)`` over ``repeat`` calls, in µs."""
    fn(0)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for i in range(repeat):
            fn(i)
        best = min(best, (time.perf_counter() - start) / repeat)
    return best * 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=2000, help="calls per timing")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    out: dict[str, float] = {}

    start = time.perf_counter()
    profile = colour.default_profile()
    out["load_profile_ms"] = (time.perf_counter() - start) * 1e3
    start = time.perf_counter()
    colour.cmyks_to_srgb(PALETTE, profile)
    colour.cmyks_to_lab(PALETTE, profile)
    out["first_palette_ms"] = (time.perf_counter() - start) * 1e3

    out["palette10_srgb_us"] = best_us(lambda i: colour.cmyks_to_srgb(PALETTE, profile), args.repeat)
    out["palette10_lab_us"] = best_us(lambda i: colour.cmyks_to_lab(PALETTE, profile), args.repeat)
    out["palette10_one_by_one_us"] = best_us(
        lambda i: [colour.cmyk_to_srgb(c, profile) for c in PALETTE], args.repeat)
    fresh = itertools.count(1)  # never the same ink values twice, in any round
    out["palette10_one_by_one_fresh_us"] = best_us(
        lambda i: [colour.cmyk_to_srgb((c, m, y, k + (1 - 2 * (k > 50)) * next(fresh) * 1e-9), profile)
                   for c, m, y, k in PALETTE], max(1, args.repeat // 4))
    out["palette10_fresh_values_us"] = best_us(
        lambda i: colour.cmyks_to_srgb([(c, m, y, (k + i % 97) % 100) for c, m, y, k in PALETTE], profile),
        args.repeat)

    for key, value in out.items():
        print(f"{key:<28} {value:10.3f}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
