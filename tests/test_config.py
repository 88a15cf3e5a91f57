"""The typed TOML loader: every problem with its key path, unknown keys with a did-you-mean."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest

from signkit.config import json_schema, load, read_toml, spec
from signkit.errors import ProfileError


@dataclass(frozen=True, slots=True)
class Inner:
    side: Literal["left", "right"]
    width_mm: float = spec(100.0, gt=0)


@dataclass(frozen=True, slots=True)
class Outer:
    name: str = spec(doc="the name")
    inner: Inner | None = None
    items: tuple[Inner, ...] = ()
    count: int = spec(1, ge=0)
    code: str = spec("a1", pattern=r"[a-z][0-9]")


def problems(data: dict) -> list[tuple[str, str, str]]:
    with pytest.raises(ProfileError) as info:
        load(Outer, data, file="p.toml", error=ProfileError)
    return [(p.where, p.message, p.hint) for p in info.value.problems]


def test_valid_data_builds_frozen_instances():
    value = load(Outer, {"name": "x", "inner": {"side": "left"}, "items": [{"side": "right", "width_mm": 3}]},
                 file="p.toml", error=ProfileError)
    assert value == Outer("x", Inner("left"), (Inner("right", 3.0),))
    assert isinstance(value.items[0].width_mm, float)


def test_unknown_key_gets_did_you_mean_and_key_path():
    found = problems({"name": "x", "items": [{"side": "left"}, {"sied": "left"}]})
    where = [w for w, _, _ in found]
    assert "p.toml: items[1].sied" in where
    unknown = next(f for f in found if f[0] == "p.toml: items[1].sied")
    assert "unknown key 'sied'" in unknown[1]
    assert "did you mean 'side'?" in unknown[2]


def test_all_problems_are_collected_at_once():
    found = problems({"nmae": "x", "count": "3", "inner": {"side": "lfet", "width_mm": -1}, "code": "ZZ"})
    messages = {w: m for w, m, _ in found}
    assert "unknown key 'nmae'" in messages["p.toml: nmae"]
    assert "missing required key 'name'" in messages["p.toml: name"]
    assert "expected a whole number" in messages["p.toml: count"]
    assert "'lfet' is not one of" in messages["p.toml: inner.side"]
    assert "greater than 0" in messages["p.toml: inner.width_mm"]
    assert "does not match" in messages["p.toml: code"]


def test_booleans_are_not_numbers():
    found = problems({"name": "x", "count": True})
    assert found[0][0] == "p.toml: count"


def test_toml_syntax_error_names_the_line(tmp_path: Path):
    path = tmp_path / "p.toml"
    path.write_text('[center]\nname = 青禾村\n', encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        read_toml(path, ProfileError)
    assert info.value.problems[0].where == f"{path}:2"
    assert "double quotes" in info.value.problems[0].hint


def test_missing_file_and_non_utf8(tmp_path: Path):
    with pytest.raises(ProfileError, match="file not found"):
        read_toml(tmp_path / "nope.toml", ProfileError)
    path = tmp_path / "gbk.toml"
    path.write_bytes('name = "青禾"'.encode("gbk"))
    with pytest.raises(ProfileError, match="UTF-8"):
        read_toml(path, ProfileError)


def test_json_schema_follows_the_same_declarations():
    schema = json_schema(Outer)
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["name"]
    assert schema["properties"]["count"] == {"type": "integer", "minimum": 0, "default": 1}
    assert schema["properties"]["items"]["items"]["properties"]["side"] == {"enum": ["left", "right"]}
