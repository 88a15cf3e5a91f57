"""The proof a village signs: every sign wall by wall, reading pages for boards at 9 pt or
more, captions never below 7 pt, and a sign-off block with a revision code on every page that
changes with the artwork and only then."""

from __future__ import annotations

import json

import pytest

from signkit import api
from signkit.export.files import proof_revision
from signkit.ir import Glyphs, Group, Rect, walk
from signkit.layout.proof import CAPTION_MM, PAGE, READING_MM, ProofEntry, _tiles, proof_pages
from signkit.make import MakeOptions, make
from signkit.units import MM_PER_PT


def entries_of(result, changed=frozenset()):
    return [ProofEntry(s.job, s.sheet, s.findings, changed=s.job.id in changed,
                       body_char_mm=s.fit.body_char_height_mm if s.fit else None) for s in result.signs]


@pytest.fixture(scope="module")
def pages(sample_result):
    return proof_pages(entries_of(sample_result, {"plate-hall"}), brand=sample_result.brand,
                       title="青禾村党群服务中心", revision="R-TEST01")


def own_text(page):
    """The proof's own lines: not the text inside the signs shown on it."""
    return [i for i in page.items if isinstance(i, Glyphs)]


def char_height(run: Glyphs) -> float:
    return run.fit.char_height_mm if run.fit is not None else run.size_mm * run.face.face_height_em


def test_every_sign_once_on_the_contact_pages_at_one_scale(sample_result, pages):
    shown = [i for p in pages for i in p.items if isinstance(i, Group) and i.id.startswith("proof-")]
    assert sorted(g.label for g in shown) == sorted(s.job.id for s in sample_result.signs)
    assert all(g.transform[0] == pytest.approx(1 / 20) for g in shown)
    assert all(g.clip is not None for g in shown)  # the bleed is clipped away
    for page in pages:  # nothing runs off the sheet
        for item, matrix, _ in walk(page.items):
            if isinstance(item, Group) and item.clip is not None and item.id.startswith(("proof-", "read-")):
                a, _b, _c, d, e, f = item.transform
                x0, y0 = e + a * item.clip.x, f + d * item.clip.y
                assert 0 <= x0 and x0 + a * item.clip.width <= PAGE.width_mm + 1e-6
                assert 0 <= y0 and y0 + d * item.clip.height <= PAGE.height_mm + 1e-6


def test_signs_of_a_wall_stay_together_in_hanging_order(pages):
    order = [i.label for p in pages for i in p.items if isinstance(i, Group) and i.id.startswith("proof-")]
    entrance = [s for s in order if s.startswith(("plaque", "facade"))]
    # seen from outside, left to right: the left plaques outward-in, the facade, the right ones
    assert entrance == ["plaque-4-cooperative", "plaque-2-villagers", "facade", "plaque-1-party",
                        "plaque-3-supervision"]


def test_every_page_has_the_sign_off_block_with_the_revision(pages):
    for n, page in enumerate(pages, start=1):
        ids = {i.id: i for i in page.items}
        for field in range(4):  # reviewed by, signature, date, revision
            assert f"proof-p{n}-signoff{field}" in ids and f"proof-p{n}-signoff{field}-label" in ids
        assert ids[f"proof-p{n}-signoff3-value"].text == "R-TEST01"
        assert "R-TEST01" in page.title


def test_captions_are_at_least_7_pt(pages):
    assert CAPTION_MM == pytest.approx(7 * MM_PER_PT * 0.92)
    runs = [r for p in pages for r in own_text(p)]
    assert len(runs) > 200
    small = [(r.id, r.text, round(char_height(r) / MM_PER_PT / 0.92, 2)) for r in runs
             if char_height(r) < CAPTION_MM * 0.999]
    assert not small


def test_long_locations_wrap_instead_of_shrinking(pages):
    lines = [r for p in pages for r in own_text(p) if r.id.startswith("proof-plaque-4-cooperative-label2")]
    assert len(lines) >= 2  # "main entrance, left of the door (seen from outside), 2nd from the door"
    assert len({r.size_mm for r in lines}) == 1


def test_a_changed_sign_is_marked(pages):
    texts = {r.id: r.text for p in pages for r in own_text(p)}
    marked = {i.split("-label")[0].removeprefix("proof-") for i, t in texts.items()
              if t == "changed since the last proof"}
    assert marked == {"plate-hall"}


def test_boards_have_reading_pages_at_9_pt_or_more(sample_result, pages):
    boards = [s for s in sample_result.signs if s.fit is not None]
    assert len(boards) >= 6
    for sign in boards:
        shown = [i for p in pages for i in p.items if isinstance(i, Group) and i.id.startswith(f"read-{sign.job.id}")
                 and i.label == sign.job.id]
        assert shown, sign.job.id
        for group in shown:
            k = group.transform[0]
            assert sign.fit.body_char_height_mm * k >= READING_MM * 0.999
            assert sign.fit.body_char_height_mm * k / (MM_PER_PT * 0.92) >= 9 * 0.999


def test_a_board_too_big_for_the_page_at_9_pt_is_read_in_tiles(sample_result):
    sign = next(s for s in sample_result.signs if s.job.id == "board-duties")
    big = ProofEntry(sign.job, sign.sheet, (), body_char_mm=5.0)  # 9 pt needs 1:1.6: 375 × 562 mm on paper
    pages = proof_pages([big], brand=sample_result.brand, title="t", revision="R-0")
    groups = [i for p in pages for i in p.items if isinstance(i, Group) and i.id.startswith("read-")]
    assert len(groups) > 1
    trim = sign.sheet.trim_rect
    for g in groups:
        assert g.transform[0] * 5.0 == pytest.approx(READING_MM)
        assert g.clip.width * g.transform[0] <= PAGE.width_mm and g.clip.height * g.transform[0] <= PAGE.height_mm
    # the tiles cover the whole board
    step = 5.0
    for x in range(0, int(trim.width), int(step)):
        for y in range(0, int(trim.height), int(step)):
            assert any(g.clip.x <= x <= g.clip.right and g.clip.y <= y <= g.clip.bottom for g in groups), (x, y)


def test_tiles_overlap_and_stay_inside():
    tiles = _tiles(600, 900, 250, 400, overlap=10)
    assert all(t.x >= 0 and t.y >= 0 and t.right <= 600 + 1e-9 and t.bottom <= 900 + 1e-9 for t in tiles)
    assert _tiles(100, 100, 250, 400, overlap=10) == [Rect(0, 0, 100, 100)]
    rows = sorted({t.y for t in tiles})
    assert all(b - a <= 400 - 10 + 1e-9 for a, b in zip(rows, rows[1:]))


def test_the_revision_follows_the_artwork(sample_result, profile_copy, tmp_path):
    rows = json.loads((sample_result.out_dir / "schedule.json").read_text(encoding="utf-8"))
    digest = {r["id"]: r["sha256"] for r in rows["signs"]}
    assert rows["proof_revision"].startswith("R-") and len(rows["proof_revision"]) == 8

    class Row:  # what proof_revision reads of a schedule row
        def __init__(self, sid, sha):
            self.job, self.sha256 = type("J", (), {"id": sid})(), sha

    same = [Row(i, d) for i, d in digest.items()]
    assert proof_revision(same) == rows["proof_revision"]
    changed = [Row(i, d if i != "plate-hall" else "0" * 64) for i, d in digest.items()]
    assert proof_revision(changed) != rows["proof_revision"]


def test_a_second_render_into_the_folder_marks_what_changed(profile_copy, tmp_path, monkeypatch):
    profile = profile_copy()
    out = tmp_path / "out"
    first = api.render_centre(profile, out, options=MakeOptions(formats=("pdf",), cache=None))
    seen = []

    def spy(inputs, options):
        seen.append(options)
        return make(inputs, options)

    monkeypatch.setattr(api, "make", spy)
    profile = profile_copy("便民服务大厅", "便民服务中心大厅")
    second = api.render_centre(profile, out, options=MakeOptions(formats=("pdf",), cache=None))
    last = seen[0].last_proof
    assert last == {r.job.id: __import__("hashlib").sha256(r.files["pdf"]).hexdigest() for r in first.signs}
    now = {r.job.id: __import__("hashlib").sha256(r.files["pdf"]).hexdigest() for r in second.signs}
    changed = {sid for sid, d in now.items() if last.get(sid) != d}
    assert "plate-hall" in changed and "plaque-1-party" not in changed
    before = json.loads((out / "schedule.json").read_text(encoding="utf-8"))["proof_revision"]
    assert before != json.loads(first.result.files["schedule.json"])["proof_revision"]


def test_an_unreadable_schedule_in_the_folder_does_not_stop_the_run(tmp_path):
    (tmp_path / "schedule.json").write_text("not json", encoding="utf-8")
    assert api.last_run(tmp_path, "青禾村党群服务中心") is None
    assert api.last_run(tmp_path / "nowhere", "青禾村党群服务中心") is None


def test_another_centres_files_in_the_folder_mark_nothing(sample_result):
    assert api.last_run(sample_result.out_dir, "青禾村党群服务中心")
    assert api.last_run(sample_result.out_dir, "测试村党群服务中心") is None
