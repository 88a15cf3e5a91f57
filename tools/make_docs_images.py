#!/usr/bin/env python3
"""Render the README's pictures from the sample centre into docs/.

In:  examples/qinghe/profile.toml and the bundled brand.
Out: docs/contact-sheet.png (the whole sign set on one proof page, at the largest scale that fits) and any extra
     sign previews named on the command line (docs/<sign-id>.png).
Usage: python tools/make_docs_images.py [SIGN-ID …]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signkit.build import RenderOptions, build  # noqa: E402
from signkit.export.proof import ProofEntry, proof_pages  # noqa: E402
from signkit.render import render_png  # noqa: E402


def main(argv: list[str]) -> int:
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        result = build(ROOT / "examples" / "qinghe" / "profile.toml", RenderOptions(out_dir=Path(tmp), formats=("svg",)))
    entries = [ProofEntry(s.job, s.sheet, s.findings) for s in result.signs]
    for scale in (20, 25, 30, 40, 50):  # the largest scale that shows the whole set on one page
        pages = proof_pages(entries, brand=result.brand, title=result.profile.center.name, scale=scale)
        if len(pages) == 1:
            break
    (docs / "contact-sheet.png").write_bytes(render_png(pages[0], px_per_mm=4.0, max_px=1800))
    for sign_id in argv:
        sign = next(s for s in result.signs if s.job.id == sign_id)
        (docs / f"{sign_id}.png").write_bytes(render_png(sign.sheet, px_per_mm=2.0, max_px=1200))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
