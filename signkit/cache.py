"""Rebuild only what changed: a content-addressed store of finished signs.

In:  a sign's job and everything its artwork depends on (the brand with its templates and
     artwork, the font files, the rule pack, the formats asked for, signkit's version),
     reduced to one key by :func:`fingerprint`.
Out: :class:`DiskCache`: ``get(key)`` gives the sign as a previous run made it (sheet,
     findings, files) or None; ``put(key, value)`` keeps it.  An unchanged sign is then not
     recomposed, rechecked or redrawn.

The store is a folder of files named by their key (``~/.cache/signkit`` by default,
``SIGNKIT_CACHE_DIR`` to move it); each entry is written to a temporary name and renamed, so
parallel workers and interrupted runs never leave half an entry, and the oldest entries go
when the store outgrows its limit.  A damaged or unreadable entry is a miss, never an error:
the cache can only make a run faster, never different.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import secrets
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__


@lru_cache(maxsize=1)
def code_digest() -> str:
    """signkit's own code as it is installed (each module's size and time): a cache entry made
    by other code is never used, whatever the version number says."""
    h = hashlib.sha256(__version__.encode("ascii"))
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        st = path.stat()
        h.update(f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def fingerprint(*values: Any) -> str:
    """A stable SHA-256 of values made of dataclasses, tuples, lists, dicts, strings, bytes,
    numbers, paths and None (bytes are hashed, not copied; dicts by sorted key), and of
    signkit's code."""
    h = hashlib.sha256(code_digest().encode("ascii"))
    for value in values:
        _feed(h, value)
    return h.hexdigest()


def _feed(h, value: Any) -> None:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        h.update(b"D" + type(value).__qualname__.encode())
        for f in dataclasses.fields(value):
            h.update(f.name.encode())
            _feed(h, getattr(value, f.name))
    elif isinstance(value, (bytes, bytearray)):
        h.update(b"B" + hashlib.sha256(value).digest())
    elif isinstance(value, str):
        h.update(b"S" + len(value).to_bytes(8, "little") + value.encode("utf-8"))
    elif isinstance(value, dict):
        h.update(b"M")
        for key in sorted(value, key=str):
            _feed(h, key)
            _feed(h, value[key])
    elif isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value, key=repr) if isinstance(value, (frozenset, set)) else value
        h.update(b"T" + len(items).to_bytes(8, "little"))
        for item in items:
            _feed(h, item)
    elif isinstance(value, Enum):
        h.update(b"E" + repr(value).encode())
    elif value is None or isinstance(value, (bool, int, float, Path)):
        h.update(b"V" + repr(value).encode())
    elif hasattr(value, "key") and isinstance(getattr(value, "key"), str):  # a font face: its file
        h.update(b"F" + value.key.encode())
    else:
        raise TypeError(f"cannot fingerprint {type(value).__name__}")  # a bug: a new kind of input


def default_cache_dir() -> Path:
    if os.environ.get("SIGNKIT_CACHE_DIR"):
        return Path(os.environ["SIGNKIT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "signkit"


@dataclasses.dataclass(frozen=True, slots=True)
class DiskCache:
    root: Path
    max_bytes: int = 2_000_000_000

    def get(self, key: str) -> Any | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            value = pickle.loads(data)
        except Exception:  # noqa: BLE001 — a damaged entry, whatever unpickling makes of it, is a miss
            return None
        try:
            os.utime(path)  # recently used: evicted last
        except OSError:
            pass
        return value

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
            # not compressed: a sign's files (PDF, PNG) are compressed already, and deflating the
            # whole entry cost a fifth of a second per centre to save a quarter of its size
            tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
        except OSError:
            return  # a full or read-only cache only makes the next run slower
        if secrets.randbelow(50) == 0:
            self.evict()

    def evict(self) -> None:
        """Remove the least recently used entries beyond the size limit."""
        try:
            entries = [(p.stat().st_mtime, p.stat().st_size, p) for p in self.root.glob("*/*") if p.is_file()]
        except OSError:
            return
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            try:
                path.unlink()
                total -= size
            except OSError:
                pass

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / key
