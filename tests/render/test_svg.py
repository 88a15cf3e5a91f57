"""The SVG backend: mm units, outlined text with its source in aria-label, inline attributes,
ids derived from sources, glyphs drawn once in <defs>."""

from __future__ import annotations

import xml.etree.ElementTree as ET

NS = {"svg": "http://www.w3.org/2000/svg", "xlink": "http://www.w3.org/1999/xlink"}


def parse(result, sign_id):
    return ET.parse(result.out_dir / "svg" / f"{sign_id}.svg").getroot()


def test_svg_is_in_millimetres_with_bleed(sample_result):
    root = parse(sample_result, "plate-party")
    assert root.get("width") == "306mm" and root.get("height") == "126mm"
    assert [float(v) for v in root.get("viewBox").replace(",", " ").split()] == [-3, -3, 306, 126]


def test_text_is_outlined_and_searchable(sample_result):
    root = parse(sample_result, "plate-party")
    assert root.find(".//svg:text", NS) is None
    labelled = [g for g in root.iter(f"{{{NS['svg']}}}g") if g.get("aria-label") == "党员活动室"]
    assert len(labelled) == 1
    uses = labelled[0].findall("svg:use", NS)
    assert len(uses) == 5
    defs = {p.get("id") for p in root.find("svg:defs", NS)}
    for use in uses:
        assert use.get(f"{{{NS['xlink']}}}href")[1:] in defs


def test_inline_attributes_only_and_unique_ids(sample_result):
    for path in (sample_result.out_dir / "svg").iterdir():
        root = ET.parse(path).getroot()
        ids = [el.get("id") for el in root.iter() if el.get("id")]
        assert len(ids) == len(set(ids)), path.name
        for el in root.iter():
            assert el.get("class") is None and el.get("style") is None, path.name
            assert not el.tag.endswith("style")


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
