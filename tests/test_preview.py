"""The live preview: a local page with every sign, grouped by wall, that reloads itself when a
file is saved, redrawing only what changed, and shows bad input instead of dying."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
import uvicorn

from signkit.preview import Preview, app_for

from .conftest import SAMPLE_DIR, need_tool

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def served(tmp_path):
    """A preview of a copy of the sample, on a free port, in a background thread."""
    centre = tmp_path / "centre"
    shutil.copytree(SAMPLE_DIR, centre)
    preview = Preview(centre / "profile.toml")
    preview.rebuild()
    server = uvicorn.Server(uvicorn.Config(app_for(preview), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}/", centre, preview
    server.should_exit = True
    thread.join(timeout=10)


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def wait_for_version(url: str, after: int, timeout: float = 30.0) -> dict:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        state = get(url + "version")
        if state["version"] > after:
            return state
        time.sleep(0.05)
    raise AssertionError("the preview did not rebuild after the edit")


def dom(chromium: str, url: str, tmp_path: Path) -> str:
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp_path / 'chrome'}", "--dump-dom", url],
                          capture_output=True, text=True, timeout=90).stdout


def test_the_page_shows_every_sign_grouped_by_wall_and_follows_edits(served, tmp_path):
    chromium = need_tool("chromium")
    url, centre, preview = served
    page = dom(chromium, url, tmp_path)
    ids = {s.job.id for s in preview.result.signs}
    assert len(ids) == 44 and all(f'id="sign-{sign_id}"' in page for sign_id in ids)
    assert 'data-wall="entrance"' in page and 'id="elevation-entrance"' in page
    assert "农家书屋" in page

    before = get(url + "version")["version"]
    profile = centre / "profile.toml"
    profile.write_text(profile.read_text(encoding="utf-8").replace('name = "农家书屋"', 'name = "农家书房"'),
                       encoding="utf-8")
    state = wait_for_version(url, before)
    assert sorted(state["redrawn"]) == ["directory-2f", "plate-library"]  # one room: its plate and its floor's directory
    page = dom(chromium, url, tmp_path)
    assert 'aria-label="农家书房"' in page and 'aria-label="农家书屋"' not in page


def test_the_page_reloads_through_server_sent_events(served):
    url, centre, _preview = served
    events: list[str] = []

    def listen():
        with urllib.request.urlopen(url + "events", timeout=30) as stream:
            for line in stream:
                events.append(line.decode("utf-8").strip())
                if line.startswith(b"event: reload"):
                    return

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    end = time.monotonic() + 10
    while not events and time.monotonic() < end:
        time.sleep(0.02)
    (centre / "boards" / "service.md").write_text((centre / "boards" / "service.md").read_text(encoding="utf-8")
                                                  + "\n- 新增事项：代办营业执照\n", encoding="utf-8")
    listener.join(timeout=30)
    assert "event: reload" in events


def test_bad_input_is_shown_on_the_page_and_the_server_recovers(served):
    url, centre, _preview = served
    profile = centre / "profile.toml"
    good = profile.read_text(encoding="utf-8")
    before = get(url + "version")["version"]
    profile.write_text(good.replace('kind = "party"', 'kind = "partty"'), encoding="utf-8")
    state = wait_for_version(url, before)
    assert state["problems"] == 1
    with urllib.request.urlopen(url, timeout=10) as response:
        page = response.read().decode("utf-8")
    assert 'id="problems"' in page and "organisations[0].kind" in page and "did you mean" in page
    assert 'id="sign-plate-party"' in page  # the last good version stays on the page
    profile.write_text(good, encoding="utf-8")
    assert wait_for_version(url, state["version"])["problems"] == 0
