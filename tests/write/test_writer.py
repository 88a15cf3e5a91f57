"""The writer in-process: all or nothing, a manifest of what signkit wrote, nothing else
touched, environment failures as OutputError (exit 2) with the path and a hint."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path

import pytest

import signkit.write as writer
from signkit.api import render_centre
from signkit.errors import OutputError
from signkit.make import MakeOptions

from ..conftest import SAMPLE

CASES = Path(__file__).parent.parent / "cases"
CLEAN = CASES / "clean.toml"
SVG_ONLY = MakeOptions(formats=("svg",))


def snapshot(root: Path) -> dict[str, str]:
    """Every file below ``root`` (the lock file aside) → its sha256."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != writer.LOCK}


def test_a_full_disk_while_staging_changes_nothing(tmp_path, monkeypatch):
    out = tmp_path / "out"
    render_centre(CLEAN, out, options=SVG_ONLY)
    before = snapshot(out)
    calls = []

    def full(path, data):
        calls.append(path)
        if len(calls) > 5:
            raise OutputError.at(str(path), writer._reason(OSError(errno.ENOSPC, "No space left on device")),
                                 writer._hint(OSError(errno.ENOSPC, "")))
        return real(path, data)

    real = writer._write_file
    monkeypatch.setattr(writer, "_write_file", full)
    with pytest.raises(OutputError) as info:
        render_centre(CLEAN, out, options=SVG_ONLY)
    assert "disk is full" in info.value.problems[0].message and "free some space" in info.value.problems[0].hint
    assert snapshot(out) == before
    assert not list(out.glob(".signkit-staging-*"))


def test_an_os_error_while_staging_becomes_an_output_error(tmp_path, monkeypatch):
    def refuse(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", refuse)
    with pytest.raises(OutputError) as info:
        render_centre(CLEAN, tmp_path / "out", options=SVG_ONLY)
    assert info.value.problems[0].message == "the disk is full"


def test_a_folder_where_a_file_must_go_stops_before_anything_moves(tmp_path):
    out = tmp_path / "out"
    render_centre(CLEAN, out, options=SVG_ONLY)
    (out / "svg" / "plate-party.svg").unlink()
    (out / "svg" / "plate-party.svg").mkdir()
    before = snapshot(out)
    with pytest.raises(OutputError) as info:
        render_centre(CLEAN, out, options=SVG_ONLY)
    assert info.value.problems[0].where.endswith("svg/plate-party.svg")
    assert "folder where signkit must write a file" in info.value.problems[0].message
    assert snapshot(out) == before and not (out / writer.JOURNAL).exists()


def test_a_read_only_output_folder_is_an_output_error(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if Path(path) == out else real_access(path, mode))
    with pytest.raises(OutputError) as info:
        render_centre(CLEAN, out, options=SVG_ONLY)
    assert "permission denied" in info.value.problems[0].message and "-o" in info.value.problems[0].hint
    assert list(out.iterdir()) == []


def test_files_signkit_did_not_make_are_never_removed_and_reported_once(tmp_path):
    out = tmp_path / "out"
    render_centre(CLEAN, out, options=MakeOptions(formats=("pdf", "svg")))
    quote = out / "print" / "quote-from-the-shop.pdf"
    quote.write_bytes(b"%PDF-1.4 a quote")
    photo = out / "svg" / "site-photo.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    first = render_centre(CLEAN, out, options=MakeOptions(formats=("pdf", "svg")))
    assert sorted(first.written.foreign) == ["print/quote-from-the-shop.pdf", "svg/site-photo.jpg"]
    second = render_centre(CLEAN, out, options=MakeOptions(formats=("pdf", "svg")))
    assert second.written.foreign == ()  # said once
    assert quote.read_bytes() == b"%PDF-1.4 a quote" and photo.read_bytes() == b"\xff\xd8 a photo"


def test_files_of_signs_that_no_longer_exist_are_removed_unless_someone_changed_them(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    profile = folder / "profile.toml"
    text = CLEAN.read_text(encoding="utf-8")
    profile.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    render_centre(profile, out, options=SVG_ONLY)
    assert (out / "svg" / "plate-library.svg").is_file() and (out / "svg" / "plate-women.svg").is_file()
    (out / "svg" / "plate-women.svg").write_text("<svg>edited by a designer</svg>", encoding="utf-8")
    for room in ("library", "women"):
        start = text.index(f'id = "{room}"') - len("[[rooms]]\n")
        end = text.index("[[rooms]]", start + 10)
        text = text[:start] + text[end:]
    profile.write_text(text, encoding="utf-8")
    done = render_centre(profile, out, options=SVG_ONLY)
    assert not (out / "svg" / "plate-library.svg").exists()  # stale: signkit's own, unchanged → removed
    assert "svg/plate-library.svg" in done.written.removed
    assert (out / "svg" / "plate-women.svg").read_text(encoding="utf-8") == "<svg>edited by a designer</svg>"
    assert done.written.changed == ("svg/plate-women.svg",)


def test_a_killed_commit_is_finished_by_the_next_run(tmp_path):
    """What a run killed mid-commit leaves (a journal and staged files) is rolled forward."""
    out = tmp_path / "out"
    render_centre(CLEAN, out, options=SVG_ONLY)
    stage = out / f"{writer.STAGE_PREFIX}4242-dead"
    (stage / "svg").mkdir(parents=True)
    (stage / "svg" / "plate-party.svg").write_text("<svg>new</svg>", encoding="utf-8")
    manifest = json.loads((out / writer.MANIFEST).read_text(encoding="utf-8"))
    journal = {"stage": stage.name, "moves": ["svg/plate-party.svg"], "removals": [], "manifest": manifest}
    (out / writer.JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    writer.recover(out)
    assert (out / "svg" / "plate-party.svg").read_text(encoding="utf-8") == "<svg>new</svg>"
    assert not (out / writer.JOURNAL).exists() and not stage.exists()


def test_stale_staging_folders_are_swept(tmp_path):
    out = tmp_path / "out"
    stale = out / f"{writer.STAGE_PREFIX}1-abandoned"
    (stale / "pdf").mkdir(parents=True)
    (stale / "pdf" / "x.pdf").write_bytes(b"half")
    render_centre(CLEAN, out, options=SVG_ONLY)
    assert not stale.exists()


def test_only_keeps_centre_files_byte_identical_to_the_full_run(tmp_path):
    out = tmp_path / "out"
    render_centre(SAMPLE, out, options=MakeOptions(formats=("pdf", "svg")))
    before = snapshot(out)
    partial = render_centre(SAMPLE, out, options=MakeOptions(formats=("pdf", "svg"), only=("plate-library",)))
    assert sorted(p for p in partial.written.written if p.startswith(("pdf/", "svg/"))) == [
        "pdf/plate-library.pdf", "svg/plate-library.svg"]
    assert snapshot(out) == before  # batches, schedule, proof, report, elevations, manifest: unchanged
