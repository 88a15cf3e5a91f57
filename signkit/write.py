"""Committing a result to the output folder: all or nothing, and nothing lost.

In:  a :class:`~signkit.make.Result` (relative path → bytes, the files to keep, whether stale
     files may go) and the output folder.
Out: the folder holding exactly the new files, and a :class:`Written` account of what
     changed.  The rules:

* **Staging.** Every file is written into a staging folder inside the output folder first
  (same file system, so moves are renames).  Any failure while staging — a full disk, a
  permission, an interrupt — removes the staging folder and leaves the output untouched.
* **Check every target, then commit.** Before anything moves, every target's folder is
  created and checked (a file where a folder must go, a folder where a file must go, a
  folder that cannot be written) and a journal of the moves is written.  The moves and
  removals then run with SIGINT, SIGTERM and SIGHUP held back until they are done, so an
  interrupt never leaves half a commit; a run killed outright (power, SIGKILL) leaves the
  journal, and the next run finishes the commit before doing anything else.
* **A manifest of what signkit wrote** (``.signkit-manifest.json``, with each file's
  checksum) decides what it may remove: a file it wrote earlier that this run no longer
  makes, and that nobody changed since.  Anything else in the folder — a quote a print shop
  put in ``print/``, a photo in ``png/`` — is never touched, and files in signkit's own
  folders that it did not make are reported (once).
* **One writer at a time.** A lock file keeps two runs from writing one folder at once;
  staging folders left by a run that was killed are swept away by the next.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import secrets
import shutil
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OutputError
from .i18n import N_, _

MANIFEST = ".signkit-manifest.json"
JOURNAL = ".signkit-commit.json"
LOCK = ".signkit-lock"
STAGE_PREFIX = ".signkit-staging-"
MANAGED = ("pdf", "svg", "png", "print", "elevations")  # signkit's own folders


@dataclass(frozen=True, slots=True)
class Written:
    root: Path
    written: tuple[str, ...]
    removed: tuple[str, ...]
    foreign: tuple[str, ...] = ()  # files in signkit's folders it did not make, reported for the first time
    changed: tuple[str, ...] = ()  # files signkit made earlier, changed since by someone: left alone
    sizes: dict[str, int] = field(default_factory=dict)


def check_target(out_dir: Path) -> None:
    """Before rendering: the output folder can be one (no file in its place, a writable
    nearest existing folder).  Raises :class:`OutputError` with the path and a hint."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError.at(str(out_dir), _("is a file, not a folder"), _("give -o a folder name (it is created if needed)"))
    probe = out_dir
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        raise OutputError.at(str(probe), _("is a file, so the output folder cannot be made inside it"),
                             _("give -o a folder that is not inside a file"))
    if not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError.at(str(probe), _("cannot be written (permission denied)"),
                             _("choose another output folder with -o, or ask for write permission"))


def write_result(result, out_dir: Path) -> Written:
    """Commit ``result`` into ``out_dir`` (see the module docstring)."""
    root = Path(out_dir)
    _test_hook("start", 0)
    check_target(root)
    _guard(lambda: root.mkdir(parents=True, exist_ok=True), root)
    with _lock(root):
        recover(root)
        manifest = _read_manifest(root)
        stage = root / f"{STAGE_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            _guard(stage.mkdir, stage)
            digests = {}
            for n, (rel, data) in enumerate(sorted(result.files.items()), start=1):
                _write_file(stage / rel, data)
                digests[rel] = hashlib.sha256(data).hexdigest()
                _test_hook("stage", n)
            removals, changed = _stale(root, manifest, result, digests)
            _prepare_targets(root, digests)
            foreign = _foreign(root, manifest, digests, result)
            new_manifest = {"files": {**{k: v for k, v in manifest["files"].items()
                                         if k not in removals and k not in digests and (root / k).is_file()},
                                      **digests},
                            "foreign_seen": sorted(set(manifest.get("foreign_seen", [])) | set(foreign))}
            journal = {"stage": stage.name, "moves": sorted(digests), "removals": sorted(removals),
                       "manifest": new_manifest}
            _write_atomic(root / JOURNAL, json.dumps(journal, ensure_ascii=False).encode("utf-8"))
            with deferred_signals():
                _commit(root, journal)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    fresh = tuple(f for f in foreign if f not in manifest.get("foreign_seen", []))
    return Written(root, tuple(sorted(digests)), tuple(sorted(removals)), fresh, tuple(changed),
                   {rel: len(data) for rel, data in result.files.items()})


def recover(root: Path) -> None:
    """Finish a commit a killed run left behind, then sweep stale staging folders (the lock
    is held, so no other run owns them)."""
    journal_path = root / JOURNAL
    if journal_path.is_file():
        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            journal = None
        if journal is not None:
            with deferred_signals():
                _commit(root, journal)
        else:
            journal_path.unlink(missing_ok=True)
    for stale in root.glob(f"{STAGE_PREFIX}*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


def _commit(root: Path, journal: dict) -> None:
    """Idempotent: moves whose staged file is gone were done already."""
    stage = root / journal["stage"]
    for n, rel in enumerate(journal["moves"], start=1):
        source = stage / rel
        if source.exists():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
        _test_hook("commit", n)
    for rel in journal["removals"]:
        (root / rel).unlink(missing_ok=True)
    _write_atomic(root / MANIFEST, json.dumps(journal["manifest"], ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
    (root / JOURNAL).unlink(missing_ok=True)


def _stale(root: Path, manifest: dict, result, digests: dict[str, str]) -> tuple[set[str], list[str]]:
    """Files signkit wrote before that this result no longer makes: removed when nobody
    changed them since, kept (and reported) when someone did."""
    if not result.prune:
        return set(), []
    removals, changed = set(), []
    for rel, digest in manifest["files"].items():
        if rel in digests or rel in result.keep:
            continue
        path = root / rel
        if not path.is_file():
            continue
        if _sha256(path) == digest:
            removals.add(rel)
        else:
            changed.append(rel)
    return removals, changed


def _foreign(root: Path, manifest: dict, digests: dict[str, str], result) -> list[str]:
    known = set(manifest["files"]) | set(digests) | set(result.keep)
    out = []
    for folder in MANAGED:
        base = root / folder
        if base.is_dir():
            out += [p.relative_to(root).as_posix() for p in sorted(base.rglob("*"))
                    if p.is_file() and p.relative_to(root).as_posix() not in known]
    return out


def _prepare_targets(root: Path, digests: dict[str, str]) -> None:
    """Every target's folder exists and is writable, and nothing is in a file's way."""
    folders = sorted({(root / rel).parent for rel in digests})
    for folder in folders:
        _guard(lambda f=folder: f.mkdir(parents=True, exist_ok=True), folder)
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError.at(str(folder), _("cannot be written (permission denied)"),
                                 _("make the folder writable, or choose another output folder with -o"))
    for rel in digests:
        target = root / rel
        if target.is_dir():
            raise OutputError.at(str(target), _("is a folder where signkit must write a file"),
                                 _("move or rename that folder, or choose another output folder with -o"))


def _write_file(path: Path, data: bytes) -> None:
    """One staged file (tests replace this to simulate a full disk)."""
    _guard(lambda: path.parent.mkdir(parents=True, exist_ok=True), path.parent)
    _guard(lambda: path.write_bytes(data), path)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    _guard(lambda: tmp.write_bytes(data), tmp)
    os.replace(tmp, path)


def _guard(action, path: Path):
    """Run a file-system action; the environment's refusals become OutputError with a hint."""
    try:
        return action()
    except OSError as exc:
        raise OutputError.at(str(path), _reason(exc), _hint(exc)) from None


def _reason(exc: OSError) -> str:
    reason = {errno.ENOSPC: N_("the disk is full"), errno.EACCES: N_("permission denied"),
              errno.EPERM: N_("permission denied"), errno.EROFS: N_("the file system is read-only"),
              errno.ENOTDIR: N_("a file is in the way of a folder"), errno.EISDIR: N_("a folder is in the way of a file"),
              errno.EDQUOT: N_("the disk quota is used up"), errno.ENAMETOOLONG: N_("the path is too long")}.get(exc.errno or 0)
    return _(reason) if reason else exc.strerror or str(exc)


def _hint(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("free some space (or render with --no-png, previews are the largest files), then run again")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("choose another output folder with -o, or ask for write permission")
    return _("check the output folder, then run again; nothing was changed")


def _read_manifest(root: Path) -> dict:
    path = root / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("files"), dict):
            return data
    except (OSError, ValueError):
        pass
    return {"files": {}, "foreign_seen": []}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@contextlib.contextmanager
def _lock(root: Path):
    """An exclusive lock on the folder for this run (released by the OS if the run dies)."""
    path = root / LOCK
    fh = _guard(lambda: open(path, "a+b"), path)
    try:
        try:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # Windows
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            raise OutputError.at(str(root), _("another signkit run is writing to this folder"),
                                 _("wait for it to finish, or choose another output folder with -o")) from None
        yield
    finally:
        fh.close()


@contextlib.contextmanager
def deferred_signals():
    """Hold SIGINT, SIGTERM and SIGHUP until the block is done, then deliver them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    names = [s for s in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, s)]
    previous = {}
    for name in names:
        sig = getattr(signal, name)
        previous[sig] = signal.signal(sig, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for signum in caught[:1]:
            signal.raise_signal(signum)


def _test_hook(phase: str, n: int) -> None:
    """Fault injection for the tests: SIGNKIT_TEST_FAULT=<phase>:<n>[:kill] sends this process
    SIGTERM (or SIGKILL) after the n-th file of that phase (stage or commit);
    SIGNKIT_TEST_FAULT=bug raises an unexpected error where the writer starts."""
    spec = os.environ.get("SIGNKIT_TEST_FAULT")
    if not spec:
        return
    if spec == "bug" and phase == "start":
        raise RuntimeError("a fault injected by a test (SIGNKIT_TEST_FAULT=bug)")
    parts = spec.split(":")
    if parts[0] == phase and int(parts[1]) == n:
        os.kill(os.getpid(), signal.SIGKILL if parts[2:] == ["kill"] else signal.SIGTERM)
