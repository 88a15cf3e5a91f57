"""Print-shop batches and the proof: approved signs only, one page each, same print contract."""

from __future__ import annotations

import json
from collections import Counter

import pikepdf
import pytest

from signkit.api import render_centre
from signkit.ir import Group, walk
from signkit.make import MakeOptions
from signkit.units import PT_PER_MM

from ..conftest import SAMPLE
from ..test_cases import OFFICIAL


def schedule(result):
    return json.loads((result.out_dir / "schedule.json").read_text(encoding="utf-8"))["signs"]


def test_sample_renders_every_sign_type(sample_result):
    kinds = Counter(s.job.kind for s in sample_result.signs)
    assert kinds == {"facade": 1, "plaque": 4, "door-plate": 12, "zone": 2, "window": 4, "desk": 4, "directory": 2,
                     "board": 6, "showcase": 1, "wayfinding-wall": 1, "wayfinding-hanging": 2, "wayfinding-floor": 2,
                     "disclosure": 1, "flag": 1, "oath": 1}
    assert all(s.sheet is not None and "pdf" in s.files for s in sample_result.signs)
    assert not [f for f in sample_result.findings if f.severity == "error"]


def test_batches_hold_each_approved_sign_once_on_its_page(sample_result):
    rows = schedule(sample_result)
    batched = [r for r in rows if r["batch"]]
    assert {r["id"] for r in batched} == {r["id"] for r in rows if r["approved"]}
    # signs with placeholder artwork are proofs: not in any batch
    assert {r["id"] for r in rows if not r["approved"]} == {"facade", "plate-party", "plate-secretary",
                                                             "board-duties", "board-meetings", "disclosure",
                                                             "oath-flag", "oath-duties", "oath-rights"}
    for name, group in sorted({r["batch"]: [x for x in batched if x["batch"] == r["batch"]] for r in batched}.items()):
        path = sample_result.out_dir / name
        materials = {g["material"] for g in group}
        assert len(materials) == 1
        with pikepdf.open(path) as pdf:
            assert len(pdf.pages) == len(group)
            assert sorted(g["batch_page"] for g in group) == list(range(1, len(group) + 1))
            for g in group:
                page = pdf.pages[g["batch_page"] - 1]
                x0, y0, x1, y1 = (float(v) for v in page.obj.TrimBox)
                assert (x1 - x0) / PT_PER_MM == pytest.approx(g["width_mm"], abs=0.01)
                assert (y1 - y0) / PT_PER_MM == pytest.approx(g["height_mm"], abs=0.01)
    assert (sample_result.out_dir / "print" / "acp-3mm_300x120.pdf").is_file()
    assert (sample_result.out_dir / "print" / "steel-enamel_300x2000.pdf").is_file()


def test_desk_sign_is_one_tent_with_the_far_face_turned(sample_result):
    sign = next(s for s in sample_result.signs if s.job.id == "desk-hall-1")
    groups = {i.id: i for i, _, _ in walk(sign.sheet.items) if isinstance(i, Group)}
    far = groups["desk-hall-1-far-face"]
    a, b, c, d, e, f = far.transform
    assert (a, d) == pytest.approx((-1, -1)) and (b, c) == pytest.approx((0, 0))  # turned 180°
    assert sign.sheet.folds_mm == (100.0,)
    with pikepdf.open(sample_result.out_dir / "pdf" / "desk-hall-1.pdf") as pdf:
        page = pdf.pages[0]
        ops = [str(o.operator) for o in pikepdf.parse_content_stream(page)]
        assert "d" in ops  # dashed fold marks, drawn outside the trim with the crop marks


def test_proof_pdf_has_every_page(sample_result):
    from signkit.layout.proof import ProofEntry, proof_pages

    entries = [ProofEntry(s.job, s.sheet, s.findings, body_char_mm=s.fit.body_char_height_mm if s.fit else None)
               for s in sample_result.signs]
    revision = json.loads((sample_result.out_dir / "schedule.json").read_text(encoding="utf-8"))["proof_revision"]
    pages = proof_pages(entries, brand=sample_result.brand, title="青禾村党群服务中心", revision=revision)
    with pikepdf.open(sample_result.out_dir / "proof.pdf") as pdf:
        assert len(pdf.pages) == len(pages)
        assert revision in str(pdf.docinfo["/Title"])


def test_with_official_artwork_every_family_reaches_the_print_shop(tmp_path):
    """The sample with the official emblem and flag: every sign is approved, and each family,
    both faces of the double-sided signs and the disclosure board's cut path go to print/."""
    result = render_centre(SAMPLE, tmp_path / "out", brand_dir=OFFICIAL, options=MakeOptions(formats=("pdf",)))
    rows = schedule(result)
    assert all(r["approved"] and r["batch"] for r in rows)
    kinds = {r["type"] for r in rows}
    assert {"wayfinding-wall", "wayfinding-hanging", "wayfinding-floor", "disclosure", "flag", "oath"} <= kinds
    faces = {r["id"]: (r["batch"], r["batch_page"], r["face"]) for r in rows if r["id"].startswith("way-corridor")}
    assert faces["way-corridor"][0] == faces["way-corridor-b"][0]  # one stock and size: one batch, two pages
    assert {f[2] for f in faces.values()} == {1, 2} and faces["way-corridor"][1] != faces["way-corridor-b"][1]
    disclosure = next(r for r in rows if r["id"] == "disclosure")
    assert b"/CutContour" in (result.out_dir / disclosure["batch"]).read_bytes()
