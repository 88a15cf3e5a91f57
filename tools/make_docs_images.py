#!/usr/bin/env python3
"""Render the README's pictures from the sample centre into docs/.

In:  examples/qinghe/profile.toml and the bundled brand.
Out: docs/contact-sheet.png (the whole sign set as the proof's contact pages show it, at the largest
     scale that fits one page, else the pages of 1:50 one under the other),
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

import dataclasses  # noqa: E402

from signkit.api import render_centre  # noqa: E402
from signkit.layout.proof import ProofEntry, proof_pages  # noqa: E402
from signkit.load import load_inputs  # noqa: E402
from signkit.make import MakeOptions, make  # noqa: E402
from signkit.render.png import render_png  # noqa: E402


def main(argv: list[str]) -> int:
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    result = make(load_inputs(ROOT / "examples" / "qinghe" / "profile.toml"), MakeOptions(formats=(), cache=None))
    brand = result.inputs.brand
    entries = [ProofEntry(s.job, s.sheet, s.findings) for s in result.signs]
    for scale in (20, 25, 30, 40, 50):  # the largest scale that shows the whole set on one page
        scaled = dataclasses.replace(brand, output=dataclasses.replace(brand.output, proof_scale=scale))
        pages = proof_pages(entries, brand=scaled, title=result.inputs.profile.center.name, revision="")
        if len(pages) == 1:
            break
    (docs / "contact-sheet.png").write_bytes(stacked([render_png(p, px_per_mm=4.0, max_px=1800) for p in pages]))
    report_screenshot(docs / "report.png")
    for sign_id in argv:
        sign = next(s for s in result.signs if s.job.id == sign_id)
        (docs / f"{sign_id}.png").write_bytes(render_png(sign.sheet, px_per_mm=2.0, max_px=1200))
    return 0


def stacked(pictures: list[bytes]) -> bytes:
    """PNG pages one under the other, as one picture."""
    import io

    from PIL import Image

    images = [Image.open(io.BytesIO(p)).convert("RGB") for p in pictures]
    out = Image.new("RGB", (max(i.width for i in images), sum(i.height for i in images)), "white")
    y = 0
    for image in images:
        out.paste(image, (0, y))
        y += image.height
    buffer = io.BytesIO()
    out.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


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
        render_centre(profile, Path(tmp) / "out", options=MakeOptions(formats=(), cache=None))
        page = (Path(tmp) / "out" / "report.html").as_uri()
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}/chromium", "--hide-scrollbars", "--window-size=1200,1500",
                        f"--screenshot={dest}", page], check=True, capture_output=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
