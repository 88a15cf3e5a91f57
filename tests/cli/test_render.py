"""The command line as a user meets it: exit codes, messages without tracebacks,
nothing written on bad input, and a missing character blocking only its own sign."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import SAMPLE


def signkit(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "signkit", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})


def test_render_sample_exit_0_and_outputs(tmp_path):
    done = signkit("render", str(SAMPLE), "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    for fmt in ("pdf", "svg", "png"):
        assert len(list((out / fmt).glob(f"plate-*.{fmt}"))) == 12
    rows = json.loads((out / "schedule.json").read_text(encoding="utf-8"))["signs"]
    assert {r["id"] for r in rows} >= {"plate-party", "plate-hall"}
    party = next(r for r in rows if r["id"] == "plate-party")
    assert party["width_mm"] == 300 and party["height_mm"] == 120 and party["floor"] == 2
    assert party["file"] == "pdf/plate-party.pdf" and len(party["sha256"]) == 64
    assert party["approved"] is False  # the emblem is still a placeholder
    assert next(r for r in rows if r["id"] == "plate-library")["approved"] is True
    csv_text = (out / "schedule.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("id,type,label,room,floor,text,width_mm,height_mm,material,quantity")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["error"] == 0
    assert {f["code"] for f in report["findings"]} == {"EMBLEM_PLACEHOLDER"}
    # the summary says what may print and why the rest may not; one placeholder warning is
    # said once with its signs, not once per sign
    held = [r["id"] for r in rows if not r["approved"]]
    assert f"{len(rows) - len(held)} signs approved for print (in print/); {len(held)} are proofs only: " \
           f"EMBLEM_PLACEHOLDER ×{len(held)}" in done.stdout
    revision = json.loads((out / "schedule.json").read_text(encoding="utf-8"))["proof_revision"]
    assert f"proof.pdf for sign-off: revision {revision}" in done.stdout
    placeholders = [line for line in done.stderr.splitlines() if "EMBLEM_PLACEHOLDER" in line]
    assert len(placeholders) == 2  # the emblem slot (on 8 signs) and the flag slot
    assert "8 signs in all" in placeholders[0]
    assert done.stderr.count("hint: supply the official artwork") == 2


@pytest.mark.parametrize("old,new,key", [
    ('name = "便民服务大厅"', 'nmae = "便民服务大厅"', "rooms[0].nmae"),
    ("floor = 2", 'floor = "2"', "rooms[1].floor"),
    ('file = "boards/duties.md"', 'file = "boards/dutys.md"', "boards[0].file"),
])
def test_bad_input_exit_2_names_file_and_key_writes_nothing(profile_copy, tmp_path, old, new, key):
    path = profile_copy(old, new)
    out = tmp_path / "out"
    done = signkit("render", str(path), "-o", str(out))
    assert done.returncode == 2
    assert f"{path}: {key}" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_missing_profile_file(tmp_path):
    done = signkit("render", str(tmp_path / "nope.toml"), "-o", str(tmp_path / "out"))
    assert done.returncode == 2 and "file not found" in done.stderr and "Traceback" not in done.stderr


def test_missing_character_blocks_only_its_sign(profile_copy, tmp_path):
    path = profile_copy('name = "调解室"', 'name = "调解室龘"')
    out = tmp_path / "out"
    done = signkit("render", str(path), "-o", str(out))
    assert done.returncode == 1, done.stderr
    assert "MISSING_GLYPH" in done.stderr and "U+9F98" in done.stderr
    # the name appears on its door plate, the ground-floor directory and the lobby's direction sign: all blocked
    for blocked in ("plate-mediation", "directory-1f", "way-lobby"):
        assert not (out / "pdf" / f"{blocked}.pdf").exists()
        assert not (out / "svg" / f"{blocked}.svg").exists()
    rows = json.loads((out / "schedule.json").read_text(encoding="utf-8"))["signs"]
    assert len(list((out / "pdf").glob("*.pdf"))) == len(rows) - 3
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    missing = [f for f in report["findings"] if f["code"] == "MISSING_GLYPH"]
    assert sorted((f["sign"], f["key"]) for f in missing) == [("directory-1f", "rooms[5].name"),
                                                               ("plate-mediation", "rooms[5].name"),
                                                               ("way-lobby", "rooms[5].name")]
    assert all("龘" in f["message"] for f in missing)
    row = next(r for r in json.loads((out / "schedule.json").read_text(encoding="utf-8"))["signs"]
               if r["id"] == "plate-mediation")
    assert row["file"] == "" and row["approved"] is False


def test_overflowing_name_is_an_error_not_a_clip(profile_copy, tmp_path):
    long_name = "句容市天王镇青禾村网格化服务管理工作站第一分站"
    path = profile_copy('name = "网格化服务管理工作站"', f'name = "{long_name}"')
    done = signkit("render", str(path), "-o", str(tmp_path / "out"), "--no-png")
    assert done.returncode == 1
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    overflow = [f for f in report["findings"] if f["code"] == "TEXT_OVERFLOW"]
    assert [f["sign"] for f in overflow] == ["plate-grid"]
    assert overflow[0]["key"] == "rooms[4].name"


def test_failed_run_keeps_previous_good_output(profile_copy, tmp_path):
    out = tmp_path / "out"
    assert signkit("render", str(SAMPLE), "-o", str(out), "--no-png").returncode == 0
    before = (out / "pdf" / "plate-party.pdf").read_bytes()
    path = profile_copy('kind = "party"', 'kind = "partty"')
    done = signkit("render", str(path), "-o", str(out), "--no-png")
    assert done.returncode == 2 and "did you mean 'party'" in done.stderr
    assert (out / "pdf" / "plate-party.pdf").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.startswith(".signkit-staging")]


def test_only_selects_signs_and_unknown_pattern_is_input_error(tmp_path):
    done = signkit("render", str(SAMPLE), "-o", str(tmp_path / "o"), "--only", "plate-party", "--no-png")
    assert done.returncode == 0
    assert [p.name for p in (tmp_path / "o" / "pdf").iterdir()] == ["plate-party.pdf"]
    done = signkit("render", str(SAMPLE), "-o", str(tmp_path / "o2"), "--only", "plate-partyy")
    assert done.returncode == 2 and "did you mean 'plate-party'" in done.stderr


def test_plan_prints_the_schedule_without_drawing(tmp_path):
    done = signkit("plan", str(SAMPLE), cwd=tmp_path)
    assert done.returncode == 0
    assert "plate-party" in done.stdout and "党员活动室" in done.stdout
    assert list(tmp_path.iterdir()) == []


def test_help_describes_exit_codes():
    done = signkit("render", "--help")
    assert done.returncode == 0 and "Exit 2" in " ".join(done.stdout.split())


def test_organisation_name_too_long_for_its_plaque_fails_that_plaque_only(profile_copy, tmp_path):
    long_name = "句容市天王镇青禾村股份经济合作社" * 3
    path = profile_copy('name = "句容市天王镇青禾村股份经济合作社"', f'name = "{long_name}"')
    done = signkit("render", str(path), "-o", str(tmp_path / "out"), "--no-png")
    assert done.returncode == 1
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    errors = [(f["code"], f["sign"], f["key"]) for f in report["findings"] if f["severity"] == "error"]
    assert errors == [("TEXT_OVERFLOW", "plaque-4-cooperative", "organisations[3].name")]
    assert (tmp_path / "out" / "pdf" / "plaque-3-supervision.pdf").is_file()


def test_unknown_organisation_kind_is_exit_2_with_did_you_mean(profile_copy, tmp_path):
    path = profile_copy('kind = "villagers_committee"', 'kind = "villager_committee"')
    done = signkit("render", str(path), "-o", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "organisations[1].kind" in done.stderr and "did you mean 'villagers_committee'" in done.stderr


def test_init_copies_a_starter_centre_that_checks_clean(tmp_path):
    done = signkit("init", str(tmp_path / "new"))
    assert done.returncode == 0 and (tmp_path / "new" / "profile.toml").is_file()
    assert (tmp_path / "new" / "boards" / "duties.md").is_file()
    again = signkit("init", str(tmp_path / "new"))
    assert again.returncode == 2 and "not empty" in again.stderr
    checked = signkit("check", str(tmp_path / "new" / "profile.toml"), "-o", str(tmp_path / "report"))
    assert checked.returncode == 0, checked.stderr


def test_batch_makes_every_centre_and_reports_the_broken_one(tmp_path):
    for name in ("a", "b"):
        assert signkit("init", str(tmp_path / "centres" / name)).returncode == 0
    broken = tmp_path / "centres" / "b" / "profile.toml"
    broken.write_text(broken.read_text(encoding="utf-8").replace('kind = "party"', 'kind = "partyy"'), encoding="utf-8")
    done = signkit("batch", str(tmp_path / "centres"), "-o", str(tmp_path / "out"), "--no-png")
    assert done.returncode == 2
    assert "] a: 44 signs" in done.stdout and "] b: skipped, profile error" in done.stdout
    assert (tmp_path / "out" / "a" / "pdf" / "plate-party.pdf").is_file()
    assert not (tmp_path / "out" / "b").exists()
