"""Photos on the showcase: CMYK JPEG passes into the print PDF untouched and prints the
colours it holds; the preview embeds the file."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

from PIL import Image

from signkit.api import render_centre as build
from signkit.make import MakeOptions

from ..conftest import SAMPLE_DIR, run_tool


def centre_with_photo(tmp_path):
    folder = tmp_path / "centre"
    shutil.copytree(SAMPLE_DIR, folder)
    (folder / "photos").mkdir()
    # photos lead the showcase (a grid beside the text): one photo prints 530 mm wide, 150 ppi needs 3130 px
    Image.new("CMYK", (3200, 2400), (255, 0, 0, 0)).save(folder / "photos" / "cyan.jpg", "JPEG", quality=92)
    profile = folder / "profile.toml"
    text = profile.read_text(encoding="utf-8").replace(
        'file = "boards/showcase.md"\nroom = "hall"', 'file = "boards/showcase.md"\nroom = "hall"\nimages = ["photos/cyan.jpg"]')
    profile.write_text(text, encoding="utf-8")
    return profile


def test_cmyk_photo_prints_as_cmyk(tmp_path):
    result = build(centre_with_photo(tmp_path), tmp_path / "out", options=MakeOptions(only=("showcase",)))
    assert not [f for f in result.findings if f.severity == "error"]
    pdf = result.out_dir / "pdf" / "showcase.pdf"
    listing = run_tool("pdfimages", "-list", str(pdf)).splitlines()[2:]
    assert len(listing) == 1
    fields = listing[0].split()
    assert fields[3:7] == ["3200", "2400", "cmyk", "4"] and fields[8] == "jpeg"  # passed through, not re-encoded
    # the photo prints cyan (an Adobe CMYK JPEG is stored inverted: /Decode must undo it)
    run_tool("pdftoppm", "-r", "20", "-png", "-singlefile", "-cropbox", str(pdf), str(tmp_path / "page"))
    page = Image.open(tmp_path / "page.png").convert("RGB")
    sign = next(s for s in result.signs if s.job.id == "showcase")
    photo = next(i for i in sign.sheet.items if i.id == "showcase-photo-1")
    scale = page.width / (1200 + 2 * 3 + 2 * 7)  # px per mm across the media box (bleed 3, marks 2 + 5)
    cx = (10 + photo.box.x + photo.box.width / 2) * scale
    cy = (10 + photo.box.y + photo.box.height / 2) * scale
    r, g, b = page.getpixel((int(cx), int(cy)))
    assert r < 80 and b > 180, (r, g, b)


def test_photo_is_embedded_in_the_svg(tmp_path):
    result = build(centre_with_photo(tmp_path), tmp_path / "out", options=MakeOptions(only=("showcase",), formats=("svg",)))
    root = ET.parse(result.out_dir / "svg" / "showcase.svg").getroot()
    images = list(root.iter("{http://www.w3.org/2000/svg}image"))
    assert len(images) == 1
    href = images[0].get("{http://www.w3.org/1999/xlink}href") or images[0].get("href")
    assert href.startswith("data:image/jpeg;base64,")
    schedule = json.loads((result.out_dir / "schedule.json").read_text(encoding="utf-8"))
    assert len(schedule["signs"]) == 44  # --only re-makes one sign's files; the schedule is the whole centre's
    assert [p.name for p in (result.out_dir / "svg").iterdir()] == ["showcase.svg"]
