"""Fault injection through the command line, as users and scripts meet it: interrupts at
controlled points, everyday input mistakes, and the exit-code table (0 ok, 1 findings,
2 input or environment, 3 a bug; 128 + signal when interrupted)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import SAMPLE, SAMPLE_DIR

CASES = Path(__file__).parent.parent / "cases"
CLEAN = CASES / "clean.toml"
OFFICIAL = CASES / "brands" / "official"


def signkit(*args: str, fault: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("SIGNKIT_TEST_FAULT", None)
    if fault:
        env["SIGNKIT_TEST_FAULT"] = fault
    return subprocess.run([sys.executable, "-m", "signkit", *args], capture_output=True, text=True, env=env, cwd=cwd)


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".signkit-lock"}


def clean_centre(tmp_path: Path, edit=None) -> Path:
    """A copy of the clean case (with its boards folder) that a test may edit."""
    folder = tmp_path / "centre"
    folder.mkdir(exist_ok=True)
    shutil.copytree(CASES / "boards", folder / "boards", dirs_exist_ok=True)
    text = CLEAN.read_text(encoding="utf-8")
    if edit:
        text = edit(text)
    (folder / "profile.toml").write_text(text, encoding="utf-8")
    return folder / "profile.toml"


# -- interrupts -------------------------------------------------------------------------

def test_sigterm_while_staging_leaves_the_output_as_it_was(tmp_path):
    out = tmp_path / "out"
    assert signkit("render", str(CLEAN), "-o", str(out), "--no-png").returncode == 0
    before = snapshot(out)
    done = signkit("render", str(SAMPLE), "-o", str(out), "--no-png", fault="stage:20")
    assert done.returncode == 143, done.stderr  # 128 + SIGTERM
    assert "interrupted" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(out) == before
    assert not list(out.glob(".signkit-staging-*"))


def test_sigterm_during_the_commit_waits_for_it_to_finish(tmp_path):
    full = tmp_path / "full"
    assert signkit("render", str(SAMPLE), "-o", str(full), "--no-png").returncode == 0
    out = tmp_path / "out"
    assert signkit("render", str(CLEAN), "-o", str(out), "--no-png").returncode == 0
    done = signkit("render", str(SAMPLE), "-o", str(out), "--no-png", fault="commit:10")
    assert done.returncode == 143, done.stderr
    assert snapshot(out) == snapshot(full)  # all of the new output, none of the old
    assert not (out / ".signkit-commit.json").exists()


def test_sigkill_during_the_commit_is_finished_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    assert signkit("render", str(CLEAN), "-o", str(out), "--no-png").returncode == 0
    killed = signkit("render", str(SAMPLE), "-o", str(out), "--no-png", fault="commit:10:kill")
    assert killed.returncode == -9
    assert (out / ".signkit-commit.json").exists()  # half a commit, and the journal to finish it
    again = signkit("render", str(SAMPLE), "-o", str(out), "--no-png")
    assert again.returncode == 0, again.stderr
    full = tmp_path / "full"
    assert signkit("render", str(SAMPLE), "-o", str(full), "--no-png").returncode == 0
    assert snapshot(out) == snapshot(full)


# -- the exit-code table ----------------------------------------------------------------

def test_a_bug_is_exit_3_with_the_traceback_saved(tmp_path):
    done = signkit("render", str(CLEAN), "-o", str(tmp_path / "out"), "--no-png", fault="bug")
    assert done.returncode == 3
    assert "this is a bug in signkit" in done.stderr and "Traceback" not in done.stderr
    saved = Path(done.stderr.strip().rsplit(" ", 1)[-1])
    assert "fault injected" in saved.read_text(encoding="utf-8")


def test_output_folder_that_is_a_file_is_exit_2_before_rendering(tmp_path):
    target = tmp_path / "out"
    target.write_text("not a folder", encoding="utf-8")
    done = signkit("render", str(SAMPLE), "-o", str(target))
    assert done.returncode == 2 and "is a file, not a folder" in done.stderr and "Traceback" not in done.stderr
    assert target.read_text(encoding="utf-8") == "not a folder"


def test_init_onto_a_file_is_exit_2(tmp_path):
    target = tmp_path / "centre"
    target.write_text("x", encoding="utf-8")
    done = signkit("init", str(target))
    assert done.returncode == 2 and "is a file" in done.stderr and "Traceback" not in done.stderr


def test_an_rgb_photo_is_a_finding_not_a_crash(tmp_path):
    out = tmp_path / "out"
    done = signkit("render", str(CASES / "image-colour.toml"), "-o", str(out), "--brand", str(OFFICIAL))
    assert done.returncode == 1, done.stderr
    assert "IMAGE_COLOUR" in done.stderr and "Traceback" not in done.stderr
    assert (out / "png" / "showcase.png").is_file() and (out / "svg" / "showcase.svg").is_file()
    assert not (out / "pdf" / "showcase.pdf").exists()  # withheld from print
    assert (out / "proof.pdf").is_file()
    svg = (out / "svg" / "showcase.svg").read_text(encoding="utf-8")
    assert "data:image/png;base64," in svg  # the preview shows the photo itself


@pytest.mark.parametrize("old,new,key", [
    ('name = "中国共产党句容市天王镇测试村委员会"', 'name = ""', "organisations[0].name"),
    ('name = "测试村党群服务中心"', 'name = " "', "center.name"),
    ('windows = ["综合窗口"]', 'windows = ["  "]', "rooms[0].windows[0]"),
    ('name = "便民服务大厅"', 'name = ""', "rooms[0].name"),
])
def test_an_empty_required_name_is_exit_2_with_its_key(tmp_path, old, new, key):
    path = clean_centre(tmp_path, lambda t: t.replace(old, new, 1))
    done = signkit("render", str(path), "-o", str(tmp_path / "out"), "--no-png")
    assert done.returncode == 2, done.stderr
    assert f"{key}: is empty" in done.stderr and "Traceback" not in done.stderr


def test_an_empty_slogan_leaves_the_identity_line_out(tmp_path):
    path = clean_centre(tmp_path, lambda t: t.replace('floor_area_m2 = 500', 'floor_area_m2 = 500\nslogan = ""', 1))
    done = signkit("render", str(path), "-o", str(tmp_path / "out"), "--no-png", "--brand", str(OFFICIAL))
    assert done.returncode == 0, done.stderr
    assert "以人民为中心" not in (tmp_path / "out" / "svg" / "facade.svg").read_text(encoding="utf-8")


def test_a_profile_saved_with_a_bom_renders(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(SAMPLE_DIR, folder)
    path = folder / "profile.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    done = signkit("render", str(path), "-o", str(tmp_path / "out"), "--no-png")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("old,new,key,hint", [
    ("floor_area_m2 = 500", 'floor_area_m2 = "５００"', "center.floor_area_m2", "ASCII digits"),
    ('latch_side = "right"', 'latch_side = "rigth"', "rooms[0].door.latch_side", "did you mean 'right'"),
    ('latch_side = "right"', 'latch_side = "r"', "rooms[0].door.latch_side", 'write one of: "left", "right"'),
])
def test_hints_that_help(tmp_path, old, new, key, hint):
    path = clean_centre(tmp_path, lambda t: t.replace(old, new, 1))
    done = signkit("check", str(path), "-o", str(tmp_path / "out"))
    assert done.returncode == 2 and key in done.stderr and hint in done.stderr, done.stderr


def test_a_windows_path_gets_the_slash_hint(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(SAMPLE_DIR, folder)
    path = folder / "profile.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('file = "boards/duties.md"', 'file = "boards\\duties.md"'),
                    encoding="utf-8")
    done = signkit("check", str(path), "-o", str(tmp_path / "out"))
    assert done.returncode == 2 and "use / in paths" in done.stderr, done.stderr


def test_an_empty_profile_points_to_init(tmp_path):
    path = tmp_path / "profile.toml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    done = signkit("check", str(path), "-o", str(tmp_path / "out"))
    assert done.returncode == 2 and "[center]" in done.stderr and "signkit init" in done.stderr


def test_a_five_megabyte_board_is_refused_at_load(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(SAMPLE_DIR, folder)
    (folder / "boards" / "duties.md").write_text("# 制度\n\n" + "村务公开，接受监督。" * 180_000, encoding="utf-8")
    done = signkit("check", str(folder / "profile.toml"), "-o", str(tmp_path / "out"))
    assert done.returncode == 2 and "boards/duties.md" in done.stderr and "split the text" in done.stderr


def test_an_unregistered_output_condition_cannot_claim_pdfx(tmp_path):
    brand = tmp_path / "brand"
    brand.mkdir()
    (brand / "brand.toml").write_text('[brand]\nname = "t"\nextends = "default"\n\n[output.pdfx]\n'
                                      'output_condition_identifier = "MyShopPress2"\n', encoding="utf-8")
    done = signkit("check", str(SAMPLE), "-o", str(tmp_path / "out"), "--brand", str(brand))
    assert done.returncode == 2 and "output.pdfx.output_condition_identifier" in done.stderr
    assert "icc_profile" in done.stderr


# -- batches ------------------------------------------------------------------------------

def test_batch_keeps_same_named_centres_apart_and_survives_a_broken_one(tmp_path):
    root = tmp_path / "county"
    for town in ("town-a", "town-b"):
        shutil.copytree(SAMPLE_DIR, root / town / "qinghe")
    broken = root / "town-b" / "zz-broken" / "profile.toml"
    broken.parent.mkdir(parents=True)
    broken.write_text('[center]\nname = ""\n', encoding="utf-8")
    (root / "town-b" / "qinghe" / "profile.toml").write_text(
        (root / "town-b" / "qinghe" / "profile.toml").read_text(encoding="utf-8").replace("青禾村党群服务中心", "青禾二村党群服务中心"),
        encoding="utf-8")
    done = signkit("batch", str(root), "-o", str(tmp_path / "out"), "--no-png")
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    by_name = dict(re.match(r"\[\d/3\] (\S+): (.*)", line).groups() for line in lines[:-1])
    assert by_name["town-a/qinghe"].startswith("44 signs") and by_name["town-b/qinghe"].startswith("44 signs")
    assert by_name["town-b/zz-broken"].startswith("skipped")
    assert "3 centres: 2 done" in lines[-1]
    a = json.loads((tmp_path / "out" / "town-a" / "qinghe" / "schedule.json").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "out" / "town-b" / "qinghe" / "schedule.json").read_text(encoding="utf-8"))
    assert a["signs"][0]["text"].startswith("青禾村") and b["signs"][0]["text"].startswith("青禾二村")
