"""Rebuild only what changed: a re-render after one room's new name redraws that room's plate
and its floor's directory, nothing else; --since lists the change and makes a reprint batch of
exactly those signs."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pikepdf

from signkit.api import render_centre
from signkit.cache import DiskCache, fingerprint
from signkit.load.previous import load_previous
from signkit.make import MakeOptions

from .conftest import SAMPLE_DIR


def test_one_new_room_name_redraws_its_plate_and_its_floors_directory(tmp_path):
    centre = tmp_path / "centre"
    shutil.copytree(SAMPLE_DIR, centre)
    profile = centre / "profile.toml"
    cache = DiskCache(tmp_path / "cache")
    options = MakeOptions(formats=("pdf", "svg"), cache=cache)
    first = render_centre(profile, tmp_path / "v1", options=options)
    assert first.result.rebuilt == {s.job.id for s in first.signs}  # an empty store: everything drawn
    again = render_centre(profile, tmp_path / "v1b", options=options)
    assert again.result.rebuilt == frozenset()  # nothing changed: nothing drawn
    assert (tmp_path / "v1b" / "schedule.json").read_bytes() == (tmp_path / "v1" / "schedule.json").read_bytes()

    profile.write_text(profile.read_text(encoding="utf-8").replace('name = "农家书屋"', 'name = "农家书房"'),
                       encoding="utf-8")
    changed = render_centre(profile, tmp_path / "v2", options=MakeOptions(
        formats=("pdf", "svg"), cache=cache, previous=load_previous(tmp_path / "v1"), reprint="reprint-test"))
    assert changed.result.rebuilt == {"plate-library", "directory-2f"}
    rows = list(csv.DictReader(io.StringIO((tmp_path / "v2" / "changes.csv").read_text(encoding="utf-8-sig"))))
    assert {r["id"] for r in rows if r["change"] != "same"} == {"plate-library", "directory-2f"}
    reprint = sorted(p.relative_to(tmp_path / "v2").as_posix() for p in (tmp_path / "v2" / "print").rglob("reprint-test/*"))
    schedule = {r["id"]: r for r in json.loads((tmp_path / "v2" / "schedule.json").read_text(encoding="utf-8"))["signs"]}
    expected = sorted({schedule[i]["batch"].replace("print/", "print/reprint-test/") for i in ("plate-library", "directory-2f")})
    assert reprint == expected
    pages = 0
    for path in reprint:
        with pikepdf.open(tmp_path / "v2" / path) as pdf:
            pages += len(pdf.pages)
    assert pages == 2  # exactly the two changed signs


def test_fingerprints_follow_content_not_identity():
    assert fingerprint({"b": 1, "a": (1, 2)}) == fingerprint({"a": (1, 2), "b": 1})
    assert fingerprint(b"x" * 10) != fingerprint(b"x" * 11)


def test_compiled_templates_are_kept_and_a_broken_store_is_no_store(tmp_path):
    import signkit.layout.template as template_module
    from signkit.layout.template import environment, render_template

    templates = {"t.svg.j2": "<svg>{{ name }}</svg>"}
    env = environment(templates, cache_dir=tmp_path)
    assert render_template(env, "t.svg.j2", {"name": "甲"}) == "<svg>甲</svg>"
    kept = list((tmp_path / "templates").iterdir())
    assert len(kept) == 1
    kept[0].write_bytes(b"not bytecode")  # a damaged entry: compiled again
    template_module._environments.clear()  # as a new process would start
    assert render_template(environment(templates, cache_dir=tmp_path), "t.svg.j2", {"name": "乙"}) == "<svg>乙</svg>"
    # the source changed: the kept code is not used
    changed = environment({"t.svg.j2": "<svg>[{{ name }}]</svg>"}, cache_dir=tmp_path)
    assert render_template(changed, "t.svg.j2", {"name": "丙"}) == "<svg>[丙]</svg>"
    blocked = tmp_path / "file"
    blocked.write_text("x")  # a file where the folder should be: no store, no failure
    assert render_template(environment(templates, cache_dir=blocked), "t.svg.j2", {"name": "丁"}) == "<svg>丁</svg>"


def test_one_environment_per_template_set_in_a_process(tmp_path):
    """The centres of a batch share compiled templates: the same sources give the same
    environment, other sources or another store a different one, and composing a centre
    leaves the shared environment as it was."""
    from signkit.layout.compose import Composer
    from signkit.layout.template import environment
    from signkit.load import load_inputs
    from signkit.plan import plan_centre

    templates = {"t.svg.j2": "<svg>{{ name }}</svg>"}
    assert environment(dict(templates)) is environment(dict(templates))
    assert environment({"t.svg.j2": "<svg/>"}) is not environment(templates)
    assert environment(templates, cache_dir=tmp_path) is not environment(templates)
    inputs = load_inputs(SAMPLE_DIR / "profile.toml", None)
    first, second = Composer(inputs.brand, inputs.files), Composer(inputs.brand, inputs.files)
    assert first.env is second.env
    before = dict(first.env.globals)
    facade = next(j for j in plan_centre(inputs, first).jobs if j.kind == "facade")
    assert first.compose(facade).items  # the facade's template measures its lock-up through the context
    assert dict(first.env.globals) == before


def test_a_damaged_entry_is_a_miss(tmp_path):
    store = DiskCache(tmp_path)
    store.put("ab" * 32, {"sign": b"x" * 1000})
    assert store.get("ab" * 32) == {"sign": b"x" * 1000}
    (entry,) = [p for p in tmp_path.rglob("*") if p.is_file()]
    whole = entry.read_bytes()
    for damaged in (whole[: len(whole) // 2], b"", b"\x80\x05garbage", bytes(range(256))):
        entry.write_bytes(damaged)
        assert store.get("ab" * 32) is None
    assert store.get("cd" * 32) is None  # never made
