"""The check report: JSON for tools, HTML for people (opened in headless Chromium), and the
sample centre's verdicts with the bundled brand and with official artwork."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from signkit.api import render_centre as build
from signkit.make import MakeOptions

from ..conftest import SAMPLE, need_tool

CASES = Path(__file__).parent.parent / "cases"
OFFICIAL = CASES / "brands" / "official"


def test_sample_has_only_the_placeholder_warnings(sample_result):
    assert sorted((f.severity, f.code, f.sign) for f in sample_result.findings) == [
        ("warning", "EMBLEM_PLACEHOLDER", "board-duties"), ("warning", "EMBLEM_PLACEHOLDER", "board-meetings"),
        ("warning", "EMBLEM_PLACEHOLDER", "disclosure"), ("warning", "EMBLEM_PLACEHOLDER", "facade"),
        ("warning", "EMBLEM_PLACEHOLDER", "oath-duties"), ("warning", "EMBLEM_PLACEHOLDER", "oath-flag"),
        ("warning", "EMBLEM_PLACEHOLDER", "oath-rights"), ("warning", "EMBLEM_PLACEHOLDER", "plate-party"),
        ("warning", "EMBLEM_PLACEHOLDER", "plate-secretary")]
    assert sample_result.exit_code == 0


def test_sample_with_official_artwork_is_clean_even_strict(tmp_path):
    result = build(SAMPLE, tmp_path, brand_dir=OFFICIAL, options=MakeOptions(formats=(), strict=True))
    assert list(result.findings) == []
    assert result.exit_code == 0


def test_strict_fails_on_warnings(tmp_path):
    result = build(SAMPLE, tmp_path, options=MakeOptions(formats=(), strict=True))
    assert result.exit_code == 1


def test_report_json_lists_findings_with_boxes(tmp_path):
    build(CASES / "low-contrast.toml", tmp_path, brand_dir=CASES / "brands" / "gold-window", options=MakeOptions(formats=()))
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    (finding,) = report["findings"]
    assert finding["code"] == "LOW_CONTRAST" and finding["rule"] == "CL-03"
    assert finding["key"] == "rooms[0].windows[0]"
    x, y, w, h = finding["box"]
    assert 0 < x < 500 and 0 < y < 250 and w > 0 and h > 0  # the window sign's name, in sign mm
    assert not (tmp_path / "pdf").exists()  # check writes no artwork


def test_report_html_opens_in_headless_chromium(tmp_path):
    chromium = need_tool("chromium")
    out = tmp_path / "out"
    build(CASES / "plate-colour-role.toml", out, brand_dir=OFFICIAL, options=MakeOptions(formats=()))
    page = (out / "report.html").resolve()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([chromium, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=60)
    assert "PLATE_COLOUR_ROLE" in dom.stdout and 'id="plate-meeting"' in dom.stdout
    assert "<svg" in dom.stdout and 'stroke="#d00000"' in dom.stdout  # preview with the item outlined
    shot = tmp_path / "report.png"
    subprocess.run([chromium, *flags, "--window-size=1200,900", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=60)
    assert shot.is_file() and shot.stat().st_size > 10_000
    # the previews in their colours: the blue plate is blue on screen, not black (a paint a
    # browser cannot parse would be drawn black)
    from PIL import Image

    data = Image.open(shot).convert("RGB").tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3])
    blue = black = 0
    for r, g, b in pixels:
        blue += b > 120 and r < 60 and 60 < g < 140
        black += r + g + b < 30
    assert blue > 20_000 and black < blue, (blue, black)
