"""Double-sided signs: a sign hung free is made as two print faces, ``<id>-b`` the back."""

from __future__ import annotations

import csv
import io

import pytest

from signkit.ir import Group, walk
from signkit.layout.elevations import elevation_sheets
from signkit.load import load_inputs
from signkit.make import select
from signkit.plan import plan_jobs
from signkit.words import say

from ..conftest import SAMPLE


@pytest.fixture(scope="module")
def jobs():
    return plan_jobs(load_inputs(SAMPLE))


def test_a_zone_sign_is_two_faces_at_one_place(jobs):
    front, back = (next(j for j in jobs if j.id == i) for i in ("zone-reading", "zone-reading-b"))
    assert (front.faces, front.face) == (2, 1) and (back.faces, back.face) == (2, 2)
    assert back.series == "zone-reading" and back.placement.wall == front.placement.wall
    assert (back.placement.height_mm, back.placement.anchor) == (front.placement.height_mm, front.placement.anchor)
    assert back.texts == front.texts and back.content == front.content  # nothing to mirror on a zone sign
    assert [j.id for j in jobs].index("zone-reading-b") == [j.id for j in jobs].index("zone-reading") + 1


def test_the_back_says_so_in_both_languages(jobs):
    back = next(j for j in jobs if j.id == "zone-reading-b")
    assert say(back.placement.location, "zh").endswith("（B面，背面）")
    assert say(back.placement.location, "en").endswith("(face B, the back)")


def test_only_the_front_id_selects_both_faces(jobs):
    assert select(jobs, ("zone-reading",)) == {"zone-reading", "zone-reading-b"}
    assert select(jobs, ("zone-reading-b",)) == {"zone-reading-b"}


def test_schedule_batches_proof_and_elevation_hold_both_faces(sample_result):
    text = (sample_result.out_dir / "schedule.csv").read_text(encoding="utf-8-sig")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert (rows["zone-reading"]["faces"], rows["zone-reading"]["face"]) == ("2", "1")
    assert (rows["zone-reading-b"]["faces"], rows["zone-reading-b"]["face"]) == ("2", "2")
    assert rows["zone-reading-b"]["file"] == "pdf/zone-reading-b.pdf"
    assert rows["zone-reading"]["batch"] == rows["zone-reading-b"]["batch"] != ""
    assert rows["zone-reading"]["batch_page"] != rows["zone-reading-b"]["batch_page"]
    signs = [(s.job, s.sheet) for s in sample_result.signs]
    wall = next(e for e in elevation_sheets(signs, profile=sample_result.profile, brand=sample_result.brand)
                if e.id == "elevation-zone-reading")
    art = {i.label: i.transform for i, _, _ in walk(wall.items) if isinstance(i, Group) and i.label}
    front, back = art["zone-reading"], art["zone-reading-b"]
    assert back[5] == pytest.approx(front[5])  # the same height
    assert back[4] > front[4] + 1200 / 20  # drawn beside its face, not over it
