"""The SVG backend: mm units, outlined text with its source in aria-label, inline attributes,
ids derived from sources, glyphs drawn once in <defs>."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

NS = {"svg": "http://www.w3.org/2000/svg", "xlink": "http://www.w3.org/1999/xlink"}


def parse(result, sign_id):
    return ET.parse(result.out_dir / "svg" / f"{sign_id}.svg").getroot()


def test_the_page_is_the_trim_and_the_bleed_a_named_layer(sample_result):
    data = (sample_result.out_dir / "svg" / "plate-party.svg").read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = parse(sample_result, "plate-party")
    assert root.get("width") == "300mm" and root.get("height") == "120mm"  # the finished size: no 6 mm surprise
    assert [float(v) for v in root.get("viewBox").replace(",", " ").split()] == [0, 0, 300, 120]
    bleed = root.find(".//*[@id='bleed-box']")
    assert [float(bleed.get(k)) for k in ("x", "y", "width", "height")] == [-3, -3, 306, 126]
    background = root.find(".//*[@id='layer-background']/*")  # the artwork itself runs into the bleed
    assert background.get("d").startswith("M-3 -3")


def test_layers_by_role(sample_result):
    inkscape = "{http://www.inkscape.org/namespaces/inkscape}"
    root = parse(sample_result, "plate-party")
    layers = [(g.get("id"), g.get(f"{inkscape}groupmode")) for g in root.findall("svg:g", NS)]
    assert layers == [("layer-background", "layer"), ("layer-artwork", "layer"), ("layer-text", "layer"),
                      ("layer-bleed", "layer")]
    text = root.find("svg:g[@id='layer-text']", NS)
    assert [g.get("aria-label") for g in text] == ["党员活动室"]


def test_every_paint_carries_its_exact_cmyk_and_black_stays_k_only(sample_result):
    """The attribute holds the preview colour every reader understands; the style repeats it
    with icc-color() for CMYK-aware tools (a browser drops that declaration, keeps the attribute)."""
    root = parse(sample_result, "board-duties")
    painted = [el for el in root.iter() if (el.get("fill") or "none") != "none"]
    assert painted
    for el in painted:
        assert re.fullmatch(r"#[0-9A-F]{6}", el.get("fill")), el.get("id")
        assert f"fill:{el.get('fill')} icc-color(signkit-cmyk," in el.get("style"), el.get("id")
        assert el.get("data-cmyk") is not None and el.get("data-palette") is not None
    body = [el for el in painted if el.get("aria-label", "").startswith("1.")]
    assert body and body[0].get("style").endswith("icc-color(signkit-cmyk, 0, 0, 0, 1)")  # K 100 only
    assert body[0].get("data-cmyk") == "0 0 0 100"
    assert body[0].find("svg:title", NS).text == body[0].get("aria-label")  # searchable twice over


def test_inkscape_draws_the_designer_svg_as_the_pdf_prints(sample_result, tmp_path):
    """Geometry, not colour (the PDF holds CMYK, the SVG its preview): where ink sits on the
    page must agree, within a pixel here and there.  Inkscape is optional: skipped without it."""
    import pikepdf
    from PIL import Image, ImageChops

    if shutil.which("inkscape") is None or shutil.which("pdftoppm") is None:
        pytest.skip("inkscape (optional) or pdftoppm not installed")
    width = 600
    for sign in ("plate-library", "board-decisions", "window-hall-2"):  # approved: no proof mark in the PDF
        svg, pdf = sample_result.out_dir / "svg" / f"{sign}.svg", sample_result.out_dir / "pdf" / f"{sign}.pdf"
        subprocess.run(["inkscape", str(svg), "--export-type=png", f"--export-filename={tmp_path}/{sign}-ink.png",
                        f"--export-width={width}", "--export-area-page"], check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-singlefile", "-r", "150", str(pdf), f"{tmp_path}/{sign}-pdf"],
                       check=True, capture_output=True)
        ink = Image.open(f"{tmp_path}/{sign}-ink.png").convert("L")
        page = Image.open(f"{tmp_path}/{sign}-pdf.png").convert("L")
        with pikepdf.open(pdf) as doc:  # the PDF page is trim + bleed + marks: cut its trim out
            x0, y0, x1, y1 = (float(v) for v in doc.pages[0].obj.TrimBox)
            top = float(doc.pages[0].obj.MediaBox[3])
        s = page.width / float(pdf_width(pdf))
        printed = page.crop((round(x0 * s), round((top - y1) * s), round(x1 * s), round((top - y0) * s))).resize(ink.size)
        mask = lambda im: im.point(lambda v: 255 if v > 160 else 0)  # light (paper, white text) against ink  # noqa: E731
        diff = ImageChops.difference(mask(ink), mask(printed))
        changed = sum(1 for v in diff.tobytes() if v) / (ink.width * ink.height)
        assert changed < 0.02, (sign, changed)


def pdf_width(path) -> float:
    import pikepdf

    with pikepdf.open(path) as doc:
        return float(doc.pages[0].obj.MediaBox[2])


def test_inline_attributes_only_and_unique_ids(sample_result):
    for path in (sample_result.out_dir / "svg").iterdir():
        root = ET.parse(path).getroot()
        ids = [el.get("id") for el in root.iter() if el.get("id")]
        assert len(ids) == len(set(ids)), path.name
        for el in root.iter():
            assert el.get("class") is None, path.name
            assert not el.tag.endswith("style")
            for declaration in filter(None, (el.get("style") or "").split(";")):  # only the CMYK of a paint
                prop, value = declaration.split(":")
                assert prop in ("fill", "stroke") and value.startswith(f"{el.get(prop)} icc-color("), (path.name, value)


def test_ids_derive_from_sources(sample_result):
    root = parse(sample_result, "plate-library")
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    assert {"plate-library-background", "plate-library-name"} <= ids


def test_party_plate_has_emblem_slot_left_of_the_name(sample_result):
    root = parse(sample_result, "plate-party")
    emblem = next(el for el in root.iter() if el.get("id") == "plate-party-emblem")
    a, b, c, d, e, f = (float(v) for v in emblem.get("transform")[7:-1].split())
    name = next(el for el in root.iter() if el.get("aria-label") == "党员活动室")
    first_x = min(float(u.get("transform").split()[4]) for u in name.findall("svg:use", NS))
    assert e < 60 and first_x > e + 84 * 0.9  # the 84 mm emblem slot sits left of the name
    library = parse(sample_result, "plate-library")
    assert not any(el.get("id", "").endswith("-emblem") for el in library.iter())


def test_inkscape_keeps_the_exact_cmyk(sample_result, tmp_path):
    """Opened and saved again by Inkscape, every paint still carries its icc-color() CMYK and
    the body text stays K-only.  Inkscape is optional: skipped without it."""
    if shutil.which("inkscape") is None:
        pytest.skip("inkscape (optional) not installed")
    saved = tmp_path / "saved.svg"
    subprocess.run(["inkscape", str(sample_result.out_dir / "svg" / "board-duties.svg"), "--export-type=svg",
                    f"--export-filename={saved}"], check=True, capture_output=True, timeout=120)
    root = ET.parse(saved).getroot()
    body = [el for el in root.iter() if el.get("aria-label", "").startswith("1.")]
    assert body and body[0].get("style").endswith("icc-color(signkit-cmyk, 0, 0, 0, 1)")
    painted = [el for el in root.iter() if (el.get("fill") or "none") != "none" and el.get("data-cmyk")]
    assert painted and all("icc-color(signkit-cmyk," in (el.get("style") or "") for el in painted)
