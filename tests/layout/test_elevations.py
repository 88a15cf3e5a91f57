"""Wall elevations for installers: one drawing per wall, signs at their mounting positions."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from signkit.layout.elevations import elevation_sheets
from signkit.ir import Glyphs, Group, Shape, walk
from signkit.render import render_svg

from ..conftest import run_tool


def test_every_wall_with_signs_gets_an_svg_and_a_pdf(sample_result):
    walls = {s.job.placement.wall for s in sample_result.signs}
    folder = sample_result.out_dir / "elevations"
    assert {p.stem for p in folder.glob("*.svg")} == walls
    assert {p.stem for p in folder.glob("*.pdf")} == walls
    run_tool("qpdf", "--check", str(folder / "entrance.pdf"))
    lines = run_tool("pdffonts", str(folder / "entrance.pdf")).strip().splitlines()
    assert len(lines) == 2


def elevation(sample_result, wall):
    signs = [(s.job, s.sheet) for s in sample_result.signs]
    return next(e for e in elevation_sheets(signs, profile=sample_result.profile, brand=sample_result.brand)
                if e.id == f"elevation-{wall}")


def test_door_wall_shows_opening_floor_plate_and_dimensions(sample_result):
    sheet = elevation(sample_result, "door-party")
    texts = [i.text for i, _, _ in walk(sheet.items) if isinstance(i, Glyphs)]
    assert "plate-party" in texts and "door 1000 × 2100" in texts
    assert "centre 1500" in texts  # the plate's centre height above the floor
    assert "250" in texts  # door frame to the plate's centre: 100 mm gap + half of 300
    door = next(i for i in sheet.items if isinstance(i, Shape) and i.id.endswith("-door"))
    plate = next(i for i in sheet.items if isinstance(i, Group) and i.label == "plate-party")
    door_box, plate_box = door.bounds(), plate.transform
    # latch side left (seen from the corridor): the plate is left of the opening, at 1:20
    assert plate_box[4] + 300 / 20 <= door_box.x
    floor = next(i for i in sheet.items if isinstance(i, Shape) and i.id.endswith("-floor"))
    floor_y = floor.path.ops[0][2]
    plate_centre_y = plate_box[5] + 120 / 20 / 2
    assert (floor_y - plate_centre_y) * 20 == pytest.approx(1500, abs=0.5)


def test_entrance_shows_plaques_level_with_the_door_head(sample_result):
    sheet = elevation(sample_result, "entrance")
    plaques = [i for i in sheet.items if isinstance(i, Group) and (i.label or "").startswith("plaque-")]
    assert len(plaques) == 4
    tops = {round(p.transform[5], 6) for p in plaques}
    assert len(tops) == 1  # top edges level
    root = ET.fromstring(render_svg(sheet))
    labels = {g.get("aria-label") for g in root.iter("{http://www.w3.org/2000/svg}g")}
    assert {"facade", "plaque-1-party", "top 2400"} <= labels
