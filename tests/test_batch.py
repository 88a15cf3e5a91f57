"""Batches: centres made in parallel (a process pool, or a Dask cluster) and written by one
writer, each isolated, the output identical however it was made."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

import signkit.batch as batch
from signkit.make import MakeOptions

CASES = Path(__file__).parent / "cases"
OPTIONS = MakeOptions(formats=("pdf", "svg"))


def county(tmp_path: Path, names: list[str]) -> Path:
    root = tmp_path / "county"
    for name in names:
        folder = root / name
        folder.mkdir(parents=True)
        text = (CASES / "clean.toml").read_text(encoding="utf-8").replace("测试村", name.split("/")[-1])
        (folder / "profile.toml").write_text(text, encoding="utf-8")
    return root


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".signkit-lock"}


def test_a_centre_that_hits_a_bug_is_its_own_line_and_the_others_are_made(tmp_path, monkeypatch):
    root = county(tmp_path, ["town-a/东村", "town-a/西村", "town-b/南村"])
    real = batch.make

    def flaky(inputs, options):
        if inputs.profile.center.village.startswith("西村"):
            raise RuntimeError("a bug while making 西村")
        return real(inputs, options)

    monkeypatch.setattr(batch, "make", flaky)
    outcomes = {o.name: o for o in batch.run_batch(root, tmp_path / "out", brand_dir=None, options=OPTIONS, jobs=1)}
    assert outcomes["town-a/西村"].exit_code == 3
    assert "a bug while making 西村" in Path(outcomes["town-a/西村"].problem).read_text(encoding="utf-8")
    assert outcomes["town-a/东村"].exit_code == 0 and outcomes["town-b/南村"].exit_code == 0
    assert (tmp_path / "out" / "town-b" / "南村" / "schedule.json").is_file()
    assert not (tmp_path / "out" / "town-a" / "西村").exists()


def test_a_process_pool_writes_what_one_process_writes(tmp_path):
    root = county(tmp_path, ["a/东村", "a/西村", "b/东村"])
    one = {o.name: o.exit_code for o in batch.run_batch(root, tmp_path / "one", brand_dir=None, options=OPTIONS, jobs=1)}
    two = {o.name: o.exit_code for o in batch.run_batch(root, tmp_path / "two", brand_dir=None, options=OPTIONS, jobs=2)}
    assert one == two == {"a/东村": 0, "a/西村": 0, "b/东村": 0}
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_a_dask_cluster_writes_what_one_process_writes(tmp_path):
    distributed = pytest.importorskip("distributed")
    root = county(tmp_path, ["a/东村", "b/西村"])
    list(batch.run_batch(root, tmp_path / "local", brand_dir=None, options=OPTIONS, jobs=1))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        outcomes = list(batch.run_batch(root, tmp_path / "dask", brand_dir=None, options=OPTIONS,
                                        scheduler=cluster.scheduler_address))
    assert sorted((o.name, o.exit_code) for o in outcomes) == [("a/东村", 0), ("b/西村", 0)]
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")


def test_same_named_centres_get_their_own_folders(tmp_path):
    root = county(tmp_path, ["town-a/qinghe", "town-b/qinghe"])
    assert [n for n, _ in batch.find_centres(root)] == ["town-a/qinghe", "town-b/qinghe"]
    shutil.rmtree(root / "town-b")
    assert [n for n, _ in batch.find_centres(root)] == ["town-a/qinghe"]


def test_a_batch_with_the_store_writes_what_one_without_it_writes(tmp_path, monkeypatch):
    """The store only makes a batch faster: the second batch takes every sign from it (nothing
    is composed again), and all three write the same files."""
    from signkit.cache import DiskCache

    root = county(tmp_path, ["a/东村", "b/西村"])
    stored = MakeOptions(formats=OPTIONS.formats, cache=DiskCache(tmp_path / "store"))
    list(batch.run_batch(root, tmp_path / "none", brand_dir=None, options=OPTIONS, jobs=1))
    list(batch.run_batch(root, tmp_path / "first", brand_dir=None, options=stored, jobs=1))
    assert any((tmp_path / "store").iterdir())
    composed = []
    real = batch.make

    def counting(inputs, options):
        result = real(inputs, options)
        composed.append(len(result.rebuilt))
        return result

    monkeypatch.setattr(batch, "make", counting)
    list(batch.run_batch(root, tmp_path / "second", brand_dir=None, options=stored, jobs=1))
    assert composed == [0, 0]
    assert snapshot(tmp_path / "none") == snapshot(tmp_path / "first") == snapshot(tmp_path / "second")


def test_a_worker_on_another_machine_finds_the_bundled_fonts_where_it_has_them(tmp_path):
    """A Dask worker gets the inputs the client loaded, with the fonts at the client's paths;
    where signkit is installed elsewhere the worker takes its own bundled copy (same name and
    size), and a font it does not have is an input line for that centre, not a crash."""
    import dataclasses

    from signkit.frozendict import FrozenDict
    from signkit.load import load_inputs

    root = county(tmp_path, ["a/东村"])
    inputs = load_inputs(root / "a" / "东村" / "profile.toml", None)
    elsewhere = {role: Path("/opt/client-python/site-packages/signkit/_data/fonts") / path.name
                 for role, path in inputs.brand.font_paths.items()}
    moved = dataclasses.replace(inputs, brand=dataclasses.replace(inputs.brand, font_paths=FrozenDict(elsewhere)))
    local = batch.local_fonts(moved)
    assert dict(local.brand.font_paths) == dict(inputs.brand.font_paths)
    assert batch.local_fonts(inputs) is inputs
    here = batch.make_centre(moved, OPTIONS)
    assert here.exit_code == 0 and here.files == batch.make_centre(inputs, OPTIONS).files

    role = next(iter(elsewhere))
    missing = dict(elsewhere, **{role: Path("/opt/client/brand/fonts/OwnBrandFont.otf")})
    code, line = batch.make_centre(dataclasses.replace(
        inputs, brand=dataclasses.replace(inputs.brand, font_paths=FrozenDict(missing))), OPTIONS, "en")
    assert code == 2 and "OwnBrandFont.otf" in line and "same signkit version" in line
