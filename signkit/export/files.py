"""Atomic output: a run writes into a staging folder and moves files into place only when
it has finished, so a failed run never leaves half-written files or clobbers good ones.

In:  bytes for relative paths (``pdf/plate-party.pdf``) during a run.
Out: on :meth:`OutputTree.commit`, each file moved into the output folder with
     ``os.replace`` (atomic per file), and files in signkit's own sub-folders (``pdf/``,
     ``svg/``, ``png/`` …) that this run did not produce removed, so a sign that could not
     be drawn this time does not leave last run's file for the print shop to find.
     On an exception, the staging folder is removed and the output folder is untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

MANAGED = ("pdf", "svg", "png", "print", "elevations")


class OutputTree:
    def __init__(self, root: Path, managed: tuple[str, ...] = MANAGED):
        self.root = Path(root)
        self.managed = managed
        self.written: dict[str, int] = {}
        self._stage: Path | None = None

    def __enter__(self) -> "OutputTree":
        self.root.mkdir(parents=True, exist_ok=True)
        self._stage = Path(tempfile.mkdtemp(prefix=".signkit-staging-", dir=self.root))
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        if self._stage is not None:
            shutil.rmtree(self._stage, ignore_errors=True)
            self._stage = None

    def write(self, relative: str, data: bytes) -> Path:
        assert self._stage is not None, "OutputTree used outside its with-block"
        target = self._stage / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written[relative] = len(data)
        return self.root / relative

    def commit(self) -> None:
        assert self._stage is not None
        for relative in sorted(self.written):
            final = self.root / relative
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self._stage / relative, final)
        for folder in self.managed:
            base = self.root / folder
            if not base.is_dir():
                continue
            for path in sorted(base.rglob("*")):
                rel = path.relative_to(self.root).as_posix()
                if path.is_file() and rel not in self.written:
                    path.unlink()
