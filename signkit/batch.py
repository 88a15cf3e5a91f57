"""Many centres in one run: every ``profile.toml`` below a folder, each made and written on
its own.

In:  a folder holding centres (one ``profile.toml`` per sub-folder, at any depth), the
     output folder, and the render options.
Out: one :class:`Outcome` per centre, in path order.  A centre's output folder mirrors its
     path below the batch folder (``town-a/qinghe`` → ``OUT/town-a/qinghe``), so two centres
     can never write one folder.  Every centre is isolated: bad input is that centre's line
     (exit 2), a bug in signkit while making it is that centre's line too (exit 3, the
     traceback saved), and the others are made.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .api import render_centre
from .errors import SignkitError
from .make import EXIT_BUG, EXIT_INPUT, MakeOptions


@dataclass(frozen=True, slots=True)
class Outcome:
    name: str  # the centre's path below the batch folder, e.g. town-a/qinghe
    exit_code: int
    signs: int = 0
    errors: int = 0
    warnings: int = 0
    out_dir: Path | None = None
    problem: str = ""  # for exit 2: the first problem; for exit 3: where the traceback went


def find_centres(folder: Path) -> list[tuple[str, Path]]:
    folder = Path(folder)
    found = []
    for path in sorted(folder.rglob("profile.toml")):
        rel = path.parent.relative_to(folder).as_posix()
        found.append((rel if rel != "." else folder.resolve().name, path))
    return found


def run_batch(folder: Path, out: Path, *, brand_dir: Path | None, options: MakeOptions) -> Iterator[Outcome]:
    for name, path in find_centres(folder):
        yield run_centre(name, path, out / name, brand_dir=brand_dir, options=options)


def run_centre(name: str, path: Path, out_dir: Path, *, brand_dir: Path | None, options: MakeOptions) -> Outcome:
    try:
        result = render_centre(path, out_dir, brand_dir=brand_dir, options=options).result
    except SignkitError as exc:
        return Outcome(name, EXIT_INPUT, problem=f"{exc.kind}: {exc.problems[0]}")
    except Exception:  # noqa: BLE001 — the batch boundary: one centre's bug must not stop the others
        return Outcome(name, EXIT_BUG, problem=save_traceback(traceback.format_exc()))
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = sum(f.severity == "warning" for f in result.findings)
    return Outcome(name, result.exit_code, len(result.signs), errors, warnings, out_dir)


def save_traceback(text: str) -> str:
    """Write a bug's traceback to a file for the report; returns the file's path."""
    import os
    import tempfile
    import time

    path = Path(tempfile.gettempdir()) / f"signkit-bug-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError:
        return "(the traceback could not be saved)\n" + text
    return str(path)
