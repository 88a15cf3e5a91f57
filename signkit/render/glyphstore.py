"""Drawn glyphs kept between runs: each backend's finished form of a glyph outline.

In:  a backend's tag (``pdf``, ``svg``), a face and a glyph id; the folder of the store of
     finished signs (:func:`configure`, called by :func:`signkit.make.make`), or none.
Out: :class:`GlyphTable`: a per-process mapping (face, gid) → the backend's value (a PDF
     Form XObject's bytes, an SVG path's ``d``) that, with a folder configured, starts with
     what earlier runs drew and keeps what this run adds (:func:`flush`).

Drawing a glyph (HarfBuzz outline → pen → formatted operators) is most of what a cold run
of a centre spends on text; a centre's few hundred distinct glyphs are the same from run to
run.  Each table file belongs to one font file (its path, size and modification time) and
one backend format version, is read once per process when that face is first drawn, and is
replaced atomically (a temporary file renamed over it), so parallel workers only ever read
a whole file; one worker's additions may be lost to another's, never corrupted.  An
unreadable file or folder is no store: the glyph is drawn.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import threading
from pathlib import Path
from typing import Any

_folder: Path | None = None
_lock = threading.Lock()
_tables: list["GlyphTable"] = []


def configure(cache_root: Path | None) -> None:
    """Keep drawn glyphs under ``cache_root``/glyphs (None: in this process only)."""
    global _folder
    _folder = Path(cache_root) / "glyphs" if cache_root is not None else None


def flush() -> None:
    """Write what this process drew since the last flush (nothing without a folder)."""
    if _folder is None:
        return
    for table in _tables:
        table.flush(_folder)


class GlyphTable:
    """(face, gid) → value for one backend; ``version`` names the format of the values."""

    def __init__(self, tag: str, version: int):
        self.tag, self.version = tag, version
        self.values: dict[tuple[str, int], Any] = {}
        self._loaded: set[str] = set()  # face keys whose stored table was read
        self._new: dict[str, dict[int, Any]] = {}  # face key → values drawn since the last flush
        self._files: dict[str, str] = {}  # face key → its table's file name
        _tables.append(self)

    def get(self, face, gid: int) -> Any | None:
        key = (face.key, gid)
        value = self.values.get(key)
        if value is None and face.key not in self._loaded:
            self._load(face)
            value = self.values.get(key)
        return value

    def put(self, face, gid: int, value: Any) -> None:
        self.values[(face.key, gid)] = value
        if _folder is not None and self._name(face) is not None:
            with _lock:
                self._new.setdefault(face.key, {})[gid] = value

    def _name(self, face) -> str | None:
        name = self._files.get(face.key)
        if name is None:
            try:
                stat = os.stat(face.path)
            except OSError:
                return None
            ident = f"{self.tag}:{self.version}:{Path(face.path).resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
            name = self._files[face.key] = f"{self.tag}-{hashlib.sha256(ident.encode()).hexdigest()[:24]}.pickle"
        return name

    def _load(self, face) -> None:
        self._loaded.add(face.key)
        name = self._name(face) if _folder is not None else None
        if name is None:
            return
        stored = _read(_folder / name)
        for gid, value in stored.items():
            self.values.setdefault((face.key, gid), value)

    def flush(self, folder: Path) -> None:
        with _lock:
            new, self._new = self._new, {}
        for face_key, values in new.items():
            name = self._files.get(face_key)
            if name is None or not values:
                continue
            path = folder / name
            merged = _read(path)
            merged.update(values)
            _write(path, merged)


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            value = pickle.load(f)
        return value if isinstance(value, dict) else {}
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return {}


def _write(path: Path, value: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError:
        pass
