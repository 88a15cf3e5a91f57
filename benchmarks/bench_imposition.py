#!/usr/bin/env python3
"""Imposition speed: a county's door plates onto ganged print sheets (layout/imposition.py,
layout/gang.py, export/sheets.py).

    python benchmarks/bench_imposition.py [--centres 300] [--plates 12] [--json results.json]

The sample centre is made once; its approved door plates (real artwork) stand in for every
centre's, each copy under its own id (``c017-plate-hall``).  Figures, best of three:

* ``pack_county_ms``: packing all the county's plates (300 × 12 = 3,600) onto shared
  1220 × 2440 sheets in one run (pure geometry), with the sheets it needs and their use;
* ``pack_per_centre_ms``: the same plates packed centre by centre (300 runs of 12), as
  ``signkit render`` does: total for the county;
* ``sheets_ir_ms``: the county's shared sheets as IR (artwork groups, cut paths, marks,
  labels with every sign id wrapped to fit);
* ``sheets_pdf_ms`` / ``sheets_pdf_mb``: rendering those sheets to PDF/X-1a, one file each;
* ``centre_ms``: the sample centre's whole ``print/sheets/`` (every material: IR + PDFs).

Figures vary ±30 % on a shared machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signkit.export.sheets import gang_centre  # noqa: E402
from signkit.ir import Rect  # noqa: E402
from signkit.layout.gang import Ganger, GangSign  # noqa: E402
from signkit.layout.imposition import Piece, impose  # noqa: E402
from signkit.load import load_inputs  # noqa: E402
from signkit.make import MakeOptions, make  # noqa: E402
from signkit.render import PdfX, pdf_options, render_pdf  # noqa: E402

SAMPLE = ROOT / "examples" / "qinghe" / "profile.toml"


def best_ms(fn, rounds: int = 3):
    best, value = float("inf"), None
    for _ in range(rounds):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best * 1e3, value


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--centres", type=int, default=300)
    ap.add_argument("--plates", type=int, default=12, help="door plates per centre")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()

    inputs = load_inputs(SAMPLE)
    brand = inputs.brand
    result = make(inputs, MakeOptions(formats=("pdf",)))
    plates = [s.sheet for s in result.signs if s.approved and s.job.kind == "door-plate"]
    county = [dataclasses.replace(plates[i % len(plates)], id=f"c{c:03d}-{plates[i % len(plates)].id}")
              for c in range(args.centres) for i in range(args.plates)]
    settings = brand.output.sheets
    (w, h), rotate, _ = settings.stock_of("acp-3mm")
    area = Rect(settings.margin_mm, settings.margin_mm, w - 2 * settings.margin_mm,
                h - settings.margin_mm - settings.label_mm)
    pieces = [Piece(s.id, s.trim.width_mm, s.trim.height_mm) for s in county]
    out: dict[str, float] = {"plates": len(pieces)}

    out["pack_county_ms"], layout = best_ms(lambda: impose(pieces, area, gap_mm=settings.gap_mm, rotate=rotate))
    out["county_sheets"] = len(layout.sheets)
    out["county_area_used_pct"] = round(100 * len(pieces) * 300 * 120 / (len(layout.sheets) * w * h), 1)
    per_centre = [pieces[i:i + args.plates] for i in range(0, len(pieces), args.plates)]
    out["pack_per_centre_ms"], layouts = best_ms(
        lambda: [impose(p, area, gap_mm=settings.gap_mm, rotate=rotate) for p in per_centre])
    out["per_centre_sheets"] = sum(len(lay.sheets) for lay in layouts)

    ganger = Ganger(brand)
    signs = [GangSign(s, 1, brand.signs["door-plate"].corner_radius_mm) for s in county]
    out["sheets_ir_ms"], gang = best_ms(lambda: ganger.material("acp-3mm", signs, centre="county", material="ACP"))
    pdfx = brand.output.pdfx
    condition = PdfX(pdfx.output_condition_identifier, pdfx.output_condition, pdfx.registry_name)
    options = pdf_options(brand.output, pdfx=condition, crop_marks=False)
    out["sheets_pdf_ms"], files = best_ms(lambda: [render_pdf([p.sheet], options=options) for p in gang.pages])
    out["sheets_pdf_mb"] = round(sum(len(f) for f in files) / 1e6, 2)
    out["centre_ms"], _ = best_ms(lambda: gang_centre(result.signs, brand, centre="sample", pdfx=condition))

    for key, value in out.items():
        print(f"{key:<24} {value:12.1f}" if isinstance(value, float) else f"{key:<24} {value:12d}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
