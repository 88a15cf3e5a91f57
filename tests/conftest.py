"""Shared fixtures: the bundled brand, the sample profile, one render of the sample per session,
and a helper that writes a modified copy of the sample profile for broken-input cases."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from signkit.load import load_inputs
from signkit.api import render_centre as build
from signkit.make import MakeOptions

# the tests' own assertions are in English: the command line speaks Chinese unless told (subprocesses
# inherit this); tests of the Chinese output set their own environment (tests/test_i18n.py)
os.environ["SIGNKIT_LANG"] = "en"
# the store of finished signs (signkit.cache): one fresh, private store per test session
os.environ["SIGNKIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="signkit-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "examples" / "qinghe"
SAMPLE = SAMPLE_DIR / "profile.toml"


def brand_with(tmp_path: Path, toml: str) -> Path:
    """A brand folder that extends the default one with ``toml``."""
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "brand.toml").write_text('[brand]\nname = "t"\nextends = "default"\n\n' + toml, encoding="utf-8")
    return folder


def need_tool(name: str) -> str:
    """Path of an external tool.  CI sets SIGNKIT_REQUIRE_TOOLS=1: there a missing tool fails."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (Debian: poppler-utils, qpdf, ghostscript)"
        if os.environ.get("SIGNKIT_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def run_tool(*args: str) -> str:
    need_tool(args[0])
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{' '.join(args)} failed: {done.stderr}"
    return done.stdout


@pytest.fixture(scope="session")
def sample_inputs():
    return load_inputs(SAMPLE)


@pytest.fixture(scope="session")
def brand(sample_inputs):
    return sample_inputs.brand


@pytest.fixture(scope="session")
def sample_result(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample") / "out"
    return build(SAMPLE, out)


@pytest.fixture
def profile_copy(tmp_path):
    """Copy the sample centre to tmp_path; returns a function that edits profile.toml text."""
    folder = tmp_path / "centre"
    shutil.copytree(SAMPLE_DIR, folder)
    path = folder / "profile.toml"

    def edit(old: str = "", new: str = "", *, append: str = "") -> Path:
        text = path.read_text(encoding="utf-8")
        if old:
            assert old in text, f"test setup: {old!r} not in the sample profile"
            text = text.replace(old, new, 1)
        path.write_text(text + append, encoding="utf-8")
        return path

    return edit
