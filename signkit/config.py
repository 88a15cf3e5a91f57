"""Typed, key-by-key loading of TOML into frozen dataclasses (profile, brand, rule pack).

In:  a TOML file, or a parsed ``dict``, and the dataclass it should become.
Out: an instance of that dataclass, or a :class:`~signkit.errors.SignkitError` listing
     *every* problem in the file at once, each with its key path
     (``rooms[3].door.latch_side``), what was expected, and a hint: unknown keys get a
     did-you-mean, wrong types name the expected type, out-of-range values their limit.
     Messages are in the current language (:mod:`signkit.i18n`); a field's ``doc``, shown as
     a hint, is an English msgid of the catalogue too.

The model classes declare what they accept through their type hints (``str``, ``int``,
``float``, ``bool``, ``Path``, ``Literal[...]``, ``X | None``, ``tuple[X, ...]``,
fixed ``tuple[X, Y]``, ``dict[str, X]``, nested dataclasses) and through
:func:`spec` metadata (documentation, numeric limits, string patterns).  The same
declarations give the JSON Schema (:func:`json_schema`), so editors can complete profiles.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
import types
import typing
import unicodedata
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from .errors import Problem, SignkitError
from .frozendict import FrozenDict
from .i18n import _, pgettext

MISSING = dataclasses.MISSING


def spec(default: Any = MISSING, *, doc: str = "", ge: float | None = None, gt: float | None = None,
         le: float | None = None, pattern: str | None = None, default_factory: Any = MISSING,
         internal: bool = False, nonblank: bool = False, ref: str = "") -> Any:
    """A dataclass field with documentation and limits checked at load time.

    ``internal`` fields are set by signkit, never read from a file; ``nonblank`` text (or
    every text of a list) must hold more than spaces; ``ref`` names what the text (or every
    text, or key, of a list or table) must be the name of — ``palette``, ``font``, ``kind``,
    ``function`` — checked by the loader that knows those names (:func:`check_refs`).
    """
    meta = {"doc": doc, "ge": ge, "gt": gt, "le": le, "pattern": pattern, "internal": internal,
            "nonblank": nonblank, "ref": ref}
    if default_factory is not MISSING:
        return dataclasses.field(default_factory=default_factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def read_toml(path: Path, error: type[SignkitError]) -> dict[str, Any]:
    """Parse a TOML file; syntax errors become ``error`` with the file and line."""
    try:
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")  # a BOM from older Notepad is fine
    except FileNotFoundError:
        raise error.at(str(path), _("file not found"), _("check the path; relative paths start from the current folder"))
    except UnicodeDecodeError as exc:
        raise error.at(str(path), _("not UTF-8 text ({reason} at byte {byte})").format(reason=exc.reason, byte=exc.start),
                       _("save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8)"))
    except IsADirectoryError:
        raise error.at(str(path), _("is a folder, not a file"), _("give the path of the .toml file"))
    except PermissionError:
        raise error.at(str(path), _("cannot be read (permission denied)"), _("check the file's permissions"))
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        line = re.search(r"line (\d+)", msg)
        where = f"{path}:{line.group(1)}" if line else str(path)
        source = text.splitlines()[int(line.group(1)) - 1] if line and int(line.group(1)) <= len(text.splitlines()) else ""
        hint = _('strings need double quotes ("…"), tables look like [center], lists like ["a", "b"]')
        if "overwrite" in msg.lower():
            hint = _("a key or a table is written twice here: keep one ([[rooms]] with two brackets starts another "
                     "room)")
        elif "\\" in source:
            hint = _("use / in paths (boards/duties.md), not \\: in double quotes a backslash starts an escape")
        elif _FULLWIDTH.search(source):
            hint = _("write numbers with ASCII digits (400, not ４００) and ASCII punctuation (= , [ ] \")")
        raise error.at(where, _("TOML syntax error: {error}").format(error=msg), hint)


_FULLWIDTH = re.compile("[\uff01-\uff5e\u3000]")


def load(cls: type, data: Any, *, file: str, error: type[SignkitError], root: str = "") -> Any:
    """Build ``cls`` from ``data``; raise ``error`` with every problem found."""
    problems: list[Problem] = []
    value = _convert(cls, data, root, file, problems)
    if problems:
        raise error(problems)
    return value


def key_join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return _("did you mean '{name}'?").format(name=close[0]) if close else ""


def _type_name(tp: Any) -> str:
    origin = get_origin(tp)
    if tp is str:
        return _("text")
    if tp is int:
        return _("a whole number")
    if tp is float:
        return _("a number")
    if tp is bool:
        return _("true or false")
    if tp is Path:
        return _("a file path (text)")
    if origin is Literal:
        return _("one of {choices}").format(choices=", ".join(repr(a) for a in get_args(tp)))
    if origin in (types.UnionType, typing.Union):
        return _(" or ").join(_type_name(a) for a in get_args(tp) if a is not type(None))
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return _("a list of {kind}").format(kind=_type_name(args[0]))
        return _("a list of {n} values").format(n=len(args))
    if origin is dict:
        return _("a table")
    if dataclasses.is_dataclass(tp):
        return _("a table")
    return getattr(tp, "__name__", str(tp))


def _convert(tp: Any, value: Any, path: str, file: str, problems: list[Problem]) -> Any:
    where = f"{file}: {path}" if path else file
    origin = get_origin(tp)

    def wrong(expected: str | None = None, hint: str = "") -> None:
        got = _got(value)
        problems.append(Problem(where, _("expected {expected}, got {got} {value}").format(
            expected=expected or _type_name(tp), got=got, value=_short(value)), hint))

    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            wrong()
            return None
        return _convert_dataclass(tp, value, path, file, problems)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _convert(args[0], value, path, file, problems)
        for arg in args:  # first alternative that accepts the value without problems
            trial: list[Problem] = []
            out = _convert(arg, value, path, file, trial)
            if not trial:
                return out
        wrong()
        return None
    if origin is Literal:
        choices = get_args(tp)
        if value not in choices:
            hint = did_you_mean(str(value), [str(c) for c in choices]) if isinstance(value, str) else ""
            hint = hint or _("write one of: {choices}").format(
                choices=", ".join(f'"{c}"' if isinstance(c, str) else str(c) for c in choices))
            problems.append(Problem(where, _("{value} is not one of {choices}").format(
                value=repr(value), choices=", ".join(repr(c) for c in choices)), hint))
            return None
        return value
    if origin is tuple:
        args = get_args(tp)
        if not isinstance(value, list):
            wrong()
            return None
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v, key_join(path, i), file, problems) for i, v in enumerate(value))
        if len(value) != len(args):
            wrong(_("a list of {n} values").format(n=len(args)))
            return None
        return tuple(_convert(a, v, key_join(path, i), file, problems) for i, (a, v) in enumerate(zip(args, value)))
    if origin is dict:
        val_tp = get_args(tp)[1]
        if not isinstance(value, dict):
            wrong()
            return None
        return FrozenDict({k: _convert(val_tp, v, key_join(path, k), file, problems) for k, v in value.items()})
    if tp is bool:
        if not isinstance(value, bool):
            wrong(hint=_("write true or false without quotes"))
            return None
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            wrong(hint=_number_hint(value))
            return None
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            wrong(hint=_number_hint(value))
            return None
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            wrong(hint=_('put text in double quotes: "…"'))
            return None
        return value
    if tp is Path:
        if not isinstance(value, str):
            wrong()
            return None
        return Path(value)
    if tp is Any:
        return value
    raise TypeError(f"config: unsupported field type {tp!r} at {path}")  # a bug in a model


def _number_hint(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    ascii_ = unicodedata.normalize("NFKC", value).strip()
    if ascii_ != value.strip() and re.fullmatch(r"[-+]?\d+(\.\d+)?", ascii_):
        return _("write the number with ASCII digits and without quotes: {number}").format(number=ascii_)
    return _("write the number without quotes")


def _got(value: Any) -> str:
    """What a value in the file is, for "expected …, got …" (Python's names, in English)."""
    if isinstance(value, dict):
        return pgettext("value type", "table")
    name = type(value).__name__
    words = {"str": pgettext("value type", "str"), "int": pgettext("value type", "int"),
             "float": pgettext("value type", "float"), "bool": pgettext("value type", "bool"),
             "list": pgettext("value type", "list")}
    return words.get(name, name)


def _convert_dataclass(cls: type, data: dict, path: str, file: str, problems: list[Problem]) -> Any:
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if _loadable(f)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in fields:
            where = f"{file}: {key_join(path, key)}"
            hint = did_you_mean(key, fields) or _("known keys here: {keys}").format(keys=", ".join(fields))
            problems.append(Problem(where, _("unknown key '{key}'").format(key=key), hint))
            continue
        before = len(problems)
        converted = _convert(hints[key], value, key_join(path, key), file, problems)
        if len(problems) == before:
            _check_limits(fields[key], converted, f"{file}: {key_join(path, key)}", problems)
        kwargs[key] = converted
    for name, f in fields.items():
        if name not in kwargs and f.default is MISSING and f.default_factory is MISSING:
            where = f"{file}: {key_join(path, name)}"
            problems.append(Problem(where, _("missing required key '{key}' ({kind})").format(
                key=name, kind=_type_name(hints[name])),
                _missing_hint(hints[name], key_join(path, name), f.metadata.get("doc", ""))))
    if any(name not in kwargs and f.default is MISSING and f.default_factory is MISSING
           for name, f in fields.items()):
        return None  # reported above
    return cls(**kwargs)


def _missing_hint(tp: Any, key: str, doc: str) -> str:
    """How to add a missing key: a table as ``[center]``, a list of tables as ``[[rooms]]``."""
    if dataclasses.is_dataclass(tp):
        return _("add a [{key}] table").format(key=key) + (f" ({_(doc)})" if doc else "")
    if get_origin(tp) is tuple and get_args(tp) and dataclasses.is_dataclass(get_args(tp)[0]):
        return _("add [[{key}]] entries").format(key=key)
    name = key.rsplit(".", 1)[-1]
    return _(doc) if doc else _("add {name} = …").format(name=name)


def _loadable(f: dataclasses.Field) -> bool:
    return f.init and not f.metadata.get("internal", False)


def _check_limits(f: dataclasses.Field, value: Any, where: str, problems: list[Problem]) -> None:
    meta = f.metadata
    doc = _(meta.get("doc", ""))
    if value is None:
        return
    items = [(f"{where}[{i}]", v) for i, v in enumerate(value)] if isinstance(value, tuple) else [(where, value)]
    for where, v in items:
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            if meta.get("gt") is not None and not v > meta["gt"]:
                problems.append(Problem(where, _("must be greater than {limit}, got {value}").format(
                    limit=f"{meta['gt']:g}", value=f"{v:g}"), doc))
            if meta.get("ge") is not None and not v >= meta["ge"]:
                problems.append(Problem(where, _("must be at least {limit}, got {value}").format(
                    limit=f"{meta['ge']:g}", value=f"{v:g}"), doc))
            if meta.get("le") is not None and not v <= meta["le"]:
                problems.append(Problem(where, _("must be at most {limit}, got {value}").format(
                    limit=f"{meta['le']:g}", value=f"{v:g}"), doc))
        if isinstance(v, str) and meta.get("nonblank") and not v.strip():
            problems.append(Problem(where, _("is empty"), doc or _("write the text as it should appear")))
        if isinstance(v, str) and meta.get("pattern") and not re.fullmatch(meta["pattern"], v):
            problems.append(Problem(where, _("{value} does not match the pattern {pattern}").format(
                value=repr(v), pattern=meta["pattern"]), doc))


def check_refs(value: Any, names: dict[str, typing.Collection[str]], *, file: str, root: str,
               problems: list[Problem]) -> None:
    """Every ``ref`` field of a loaded dataclass names an entry of ``names[ref]``."""
    if not dataclasses.is_dataclass(value):
        return
    for f in dataclasses.fields(value):
        ref = f.metadata.get("ref", "")
        v = getattr(value, f.name)
        if not ref or ref not in names or v is None:
            continue
        values = list(v) if isinstance(v, (tuple, list, dict)) else [v]
        for item in values:
            if isinstance(item, str) and item not in names[ref]:
                problems.append(Problem(f"{file}: {key_join(root, f.name)}",
                                        _("'{item}' is not a {ref} name").format(item=item, ref=_ref_word(ref)),
                                        did_you_mean(item, names[ref]) or _("{ref} names: {names}").format(
                                            ref=_ref_word(ref), names=", ".join(names[ref]))))


def _ref_word(ref: str) -> str:
    """What a ``ref`` names (palette, font, kind, function), as a reader's word."""
    words = {"palette": pgettext("name of", "palette"), "font": pgettext("name of", "font"),
             "kind": pgettext("name of", "kind"), "function": pgettext("name of", "function")}
    return words.get(ref, ref)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def json_schema(cls: type) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a model class, from the same declarations the loader uses."""

    def schema(tp: Any, f: dataclasses.Field | None = None) -> dict[str, Any]:
        origin = get_origin(tp)
        out: dict[str, Any]
        if dataclasses.is_dataclass(tp):
            hints = typing.get_type_hints(tp)
            props, required = {}, []
            for fld in dataclasses.fields(tp):
                if not _loadable(fld):
                    continue
                props[fld.name] = schema(hints[fld.name], fld)
                if fld.default is MISSING and fld.default_factory is MISSING:
                    required.append(fld.name)
            out = {"type": "object", "properties": props, "additionalProperties": False}
            if required:
                out["required"] = required
            if tp.__doc__:
                out["description"] = tp.__doc__.strip().split("\n")[0]
        elif origin in (types.UnionType, typing.Union):
            args = [a for a in get_args(tp) if a is not type(None)]
            out = schema(args[0]) if len(args) == 1 else {"anyOf": [schema(a) for a in args]}
        elif origin is Literal:
            out = {"enum": list(get_args(tp))}
        elif origin is tuple:
            args = get_args(tp)
            if len(args) == 2 and args[1] is Ellipsis:
                out = {"type": "array", "items": schema(args[0])}
            else:
                out = {"type": "array", "prefixItems": [schema(a) for a in args],
                       "minItems": len(args), "maxItems": len(args)}
        elif origin is dict:
            out = {"type": "object", "additionalProperties": schema(get_args(tp)[1])}
        else:
            out = {str: {"type": "string"}, Path: {"type": "string"}, int: {"type": "integer"},
                   float: {"type": "number"}, bool: {"type": "boolean"}}.get(tp, {})
        if f is not None:
            meta = f.metadata
            if meta.get("doc"):
                out["description"] = _(meta["doc"])
            for key, name in (("ge", "minimum"), ("le", "maximum"), ("gt", "exclusiveMinimum")):
                if meta.get(key) is not None and out.get("type") in ("number", "integer"):
                    out[name] = meta[key]
            if meta.get("pattern") and out.get("type") == "string":
                out["pattern"] = meta["pattern"]
            if f.default is not MISSING and f.default is not None and not isinstance(f.default, tuple):
                out["default"] = f.default
        return out

    result = schema(cls)
    result["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return result
