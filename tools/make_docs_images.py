#!/usr/bin/env python3
"""Render the README's pictures from the sample centre into docs/.

In:  examples/qinghe/profile.toml and the bundled brand.
Out: docs/contact-sheet.png (the whole sign set on one proof page, at the largest scale that fits),
     docs/report.png (report.html of a profile with mistakes, screenshot by headless Chromium) and any extra
     sign previews named on the command line (docs/<sign-id>.png).
Usage: python tools/make_docs_images.py [SIGN-ID …]
"""

from __future__ import annotations

import shutil
import subprocess
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
    report_screenshot(docs / "report.png")
    for sign_id in argv:
        sign = next(s for s in result.signs if s.job.id == sign_id)
        (docs / f"{sign_id}.png").write_bytes(render_png(sign.sheet, px_per_mm=2.0, max_px=1200))
    return 0


MISTAKES = (('name = "多功能会议室"', 'name = "党员之家"'),  # a party room filed as a meeting room
            ('name = "调解室"', 'name = "句容市天王镇青禾村人民调解委员会调解室"'),  # too long for a plate
            ("wall_mm = 450", "wall_mm = 300"),  # too little wall beside the door
            ("area_m2 = 96", "area_m2 = 30"))  # a small service hall


def report_screenshot(dest: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium not installed: docs/report.png not refreshed", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "centre"
        shutil.copytree(ROOT / "examples" / "qinghe", folder)
        profile = folder / "profile.toml"
        text = profile.read_text(encoding="utf-8")
        for old, new in MISTAKES:
            text = text.replace(old, new, 1)
        profile.write_text(text, encoding="utf-8")
        build(profile, RenderOptions(out_dir=Path(tmp) / "out", formats=()))
        page = (Path(tmp) / "out" / "report.html").as_uri()
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}/chromium", "--hide-scrollbars", "--window-size=1200,1500",
                        f"--screenshot={dest}", page], check=True, capture_output=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
