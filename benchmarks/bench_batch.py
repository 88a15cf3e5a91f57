#!/usr/bin/env python3
"""Batch throughput: N copies of the sample centre through `signkit batch`, at -j 1 and -j 2,
with and without previews, in fresh processes; the projected time for 1,000 centres and the
peak memory of the largest process (a worker).

    python benchmarks/bench_batch.py [--centres 20] [--jobs 1 2] [--no-png-only]

Ratios are measured in one run; absolute figures vary with the machine's load.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "qinghe"


def make_county(folder: Path, n: int) -> None:
    for i in range(n):
        target = folder / f"town-{i % 5}" / f"centre-{i:04d}"
        shutil.copytree(SAMPLE, target)
        profile = target / "profile.toml"
        profile.write_text(profile.read_text(encoding="utf-8").replace("青禾村", f"青禾{i}村"), encoding="utf-8")


def run(folder: Path, out: Path, jobs: int, png: bool, store: Path) -> tuple[float, float]:
    """One batch in a fresh process, with its own store of finished signs and drawn glyphs
    (empty at first, so runs do not feed each other)."""
    args = [sys.executable, "-m", "signkit", "batch", str(folder), "-o", str(out), "-j", str(jobs)]
    if not png:
        args.append("--no-png")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env={**os.environ, "SIGNKIT_CACHE_DIR": str(store)})
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(done.stdout + done.stderr)
    return wall, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--centres", type=int, default=20)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-png-only", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        county = Path(tmp) / "county"
        make_county(county, args.centres)
        rows = []
        for png in ([False] if args.no_png_only else [False, True]):
            base = None
            for jobs in args.jobs:
                wall, peak = run(county, Path(tmp) / f"out-{png}-{jobs}", jobs, png, Path(tmp) / f"store-{png}-{jobs}")
                base = base or wall
                rows.append((png, jobs, wall, wall / args.centres, 1000 * wall / args.centres / 60, base / wall, peak))
    print(f"{'previews':<9}{'-j':>3}{'wall s':>9}{'s/centre':>10}{'1000 min':>10}{'speed-up':>10}{'peak MB':>9}")
    for png, jobs, wall, per, thousand, speedup, peak in rows:
        print(f"{'yes' if png else 'no':<9}{jobs:>3}{wall:>9.1f}{per:>10.2f}{thousand:>10.1f}{speedup:>10.2f}{peak:>9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
