"""Many centres in one run: every ``profile.toml`` below a folder, made in parallel and
written one by one.

In:  a folder holding centres (one ``profile.toml`` per sub-folder, at any depth), the
     output folder, the render options, and where to run: a local process pool of ``jobs``
     workers (default: one per core), or a Dask distributed cluster (``scheduler``).
Out: one :class:`Outcome` per centre, yielded as centres finish.

The parent loads each centre (every file it reads, :mod:`signkit.load`: the brand once for
the batch), ships the inputs as values to a worker, which makes the centre's files in memory
(:func:`signkit.make.make`) and returns them as bytes; the parent writes them
(:mod:`signkit.write`).  So workers touch no file, any number of them can run on other
machines, and the output folder sees one writer.  A centre's output folder mirrors its path
below the batch folder (``town-a/qinghe`` → ``OUT/town-a/qinghe``), so two centres can never
write one folder.  Every centre is isolated: bad input is that centre's line (exit 2), a bug
while making it is that centre's line too (exit 3, the traceback saved), and the others are
made.  At most ``2 × workers`` centres are in flight, so memory stays flat whatever the
number of centres.
"""

from __future__ import annotations

import dataclasses
import os
import time
import traceback
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from .api import last_run
from .errors import SetupError, SignkitError
from .frozendict import FrozenDict
from .i18n import _, current_language, set_language
from .make import EXIT_BUG, EXIT_INPUT, MakeOptions, make
from .resources import data_dir
from .write import write_result


@dataclass(frozen=True, slots=True)
class Outcome:
    name: str  # the centre's path below the batch folder, e.g. town-a/qinghe
    exit_code: int
    signs: int = 0
    errors: int = 0
    warnings: int = 0
    out_dir: Path | None = None
    problem: str = ""  # for exit 2: the first problem; for exit 3: where the traceback went
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class Made:
    """What a worker sends back: the centre's files as bytes and its counts."""

    files: dict[str, bytes]
    keep: frozenset[str]
    prune: bool
    exit_code: int
    signs: int
    errors: int
    warnings: int


def find_centres(folder: Path) -> list[tuple[str, Path]]:
    folder = Path(folder)
    found = []
    for path in sorted(folder.rglob("profile.toml")):
        rel = path.parent.relative_to(folder).as_posix()
        found.append((rel if rel != "." else folder.resolve().name, path))
    return found


def one_line(exc: SignkitError) -> str:
    """The first problem of an input error on one line, for a batch's per-centre line."""
    p = exc.problems[0]
    more = len(exc.problems) - 1
    return f"{_(exc.kind)}: {p.where}: {p.message}" + (f" ({p.hint})" if p.hint else "") + (f" (+{more})" if more else "")


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def make_centre(inputs, options: MakeOptions, lang: str = "") -> Made | tuple[int, str]:
    """The worker's task: one centre in memory, its findings in ``lang`` (the parent's language:
    a worker on another machine does not share it).  A bug comes back as (3, traceback text)
    so that it is reported as that centre's, never lost with the worker."""
    if lang:
        set_language(lang)
    try:
        result = make(local_fonts(inputs), options)
    except SignkitError as exc:
        return EXIT_INPUT, one_line(exc)
    except Exception:  # noqa: BLE001 — the batch boundary: one centre's bug must not stop the others
        return EXIT_BUG, traceback.format_exc()
    return Made(result.files, result.keep, result.prune, result.exit_code, len(result.signs),
                sum(f.severity == "error" for f in result.findings),
                sum(f.severity == "warning" for f in result.findings))


def local_fonts(inputs):
    """The inputs with the brand's fonts where this machine has them.  The client found them
    at its own paths; a Dask worker is another machine, where signkit (and its bundled fonts)
    may be installed elsewhere: a font missing at the client's path is taken from this
    machine's bundled fonts when a file of the same name and size is there."""
    paths = dict(inputs.brand.font_paths)
    sizes = {role: size for role, _file, size, _mtime in inputs.files.fonts}
    moved = False
    for role, path in paths.items():
        if path.is_file():
            continue
        local = data_dir("fonts") / path.name
        if not (local.is_file() and local.stat().st_size == sizes.get(role)):
            raise SetupError.at(str(path), _("font file not found on this machine"),
                                _("install the same signkit version on every worker; a brand's own fonts must be at "
                                  "the same path on every worker"))
        paths[role], moved = local, True
    if not moved:
        return inputs
    return dataclasses.replace(inputs, brand=dataclasses.replace(inputs.brand, font_paths=FrozenDict(paths)))


def run_batch(folder: Path, out: Path, *, brand_dir: Path | None, options: MakeOptions, jobs: int | None = None,
              scheduler: str | None = None) -> Iterator[Outcome]:
    """Make every centre below ``folder``; yields each centre's outcome as it is written."""
    from .families import FAMILIES
    from .load import load_inputs
    from .load.brand import load_brand

    centres = find_centres(folder)
    brand = load_brand(brand_dir, families=FAMILIES)  # once for the batch

    def load(name: str, path: Path):
        try:
            return load_inputs(path, brand_dir, brand=brand)
        except SignkitError as exc:
            return Outcome(name, EXIT_INPUT, problem=one_line(exc))

    if scheduler:  # the store is a folder on this machine, not on the cluster's workers
        options = dataclasses.replace(options, cache=None)
    runner = _dask_runner(scheduler) if scheduler else _pool_runner(jobs or cpu_count())
    with runner as submit:
        pending: dict = {}
        queue = list(centres)
        # a centre or two ahead per worker keeps them busy; one process makes a centre as it is
        # submitted, so it holds one centre at a time
        limit = 1 if isinstance(runner, _pool_runner) and runner.jobs <= 1 else 2 * max(1, jobs or cpu_count())
        while queue or pending:
            while queue and len(pending) < limit:
                name, path = queue.pop(0)
                inputs = load(name, path)
                if isinstance(inputs, Outcome):
                    yield inputs
                    continue
                centre_options = dataclasses.replace(
                    options, last_proof=last_run(out / name, inputs.profile.center.name)) if options.formats else options
                pending[submit(make_centre, inputs, centre_options, current_language())] = (name, time.perf_counter())
            if not pending:
                continue
            done = _wait(pending)
            for future in done:
                name, started = pending.pop(future)
                yield _finish(name, future.result(), out / name, time.perf_counter() - started)


def _finish(name: str, made, out_dir: Path, seconds: float) -> Outcome:
    if isinstance(made, tuple):
        code, text = made
        return Outcome(name, code, problem=text if code == EXIT_INPUT else save_traceback(text), seconds=seconds)
    try:
        write_result(made, out_dir)
    except SignkitError as exc:
        return Outcome(name, EXIT_INPUT, problem=one_line(exc), seconds=seconds)
    return Outcome(name, made.exit_code, made.signs, made.errors, made.warnings, out_dir, seconds=seconds)


def _wait(pending: dict):
    """The futures that are done (at least one), oldest first."""
    futures = list(pending)
    if all(isinstance(f, _Inline) for f in futures):
        return futures
    if all(isinstance(f, Future) for f in futures):
        done, _pending = wait(futures, return_when=FIRST_COMPLETED)
        return sorted(done, key=lambda f: pending[f][1])
    from distributed import wait as dask_wait

    done = dask_wait(list(pending), return_when="FIRST_COMPLETED").done
    return sorted(done, key=lambda f: pending[f][1])


class _pool_runner:
    """Submit to a local process pool (one process when ``jobs`` is 1: no pool at all)."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self):
        if self.jobs <= 1:
            return _Inline
        self.pool = ProcessPoolExecutor(max_workers=self.jobs)
        return self.pool.submit

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


class _Inline:
    """A finished 'future' for one-process runs."""

    def __init__(self, fn, *args):
        self._value = fn(*args)

    def result(self):
        return self._value


class _dask_runner:
    """Submit to a Dask distributed cluster; the client stays in this process."""

    def __init__(self, address: str):
        self.address = address
        self.client = None

    def __enter__(self):
        try:
            from distributed import Client
        except ImportError:
            raise SignkitError.at("--scheduler", _("Dask distributed is not installed"),
                                  _("pip install 'signkit[cluster]' (or dask[distributed]) on this machine and the "
                                    "workers"))
        try:
            self.client = Client(self.address, timeout="10s")
        except OSError as exc:
            raise SignkitError.at(self.address, _("cannot reach the Dask scheduler ({error})").format(error=exc),
                                  _("start it with `dask scheduler` and the workers with `dask worker ADDRESS`"))
        return lambda fn, *args: self.client.submit(fn, *args, pure=False)

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()


def save_traceback(text: str) -> str:
    """Write a bug's traceback to a file for the report; returns the file's path."""
    import tempfile

    path = Path(tempfile.gettempdir()) / f"signkit-bug-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError:
        return _("(the traceback could not be saved)") + "\n" + text
    return str(path)
