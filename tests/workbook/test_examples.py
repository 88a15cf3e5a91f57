"""The bundled workbooks: the sample reproduces the sample centre and renders; the template
is what an official starts from; the tool that makes them gives the same bytes every time."""

from __future__ import annotations

import dataclasses

import importlib.util

import pytest

from signkit.api import render_centre as build
from signkit.make import MakeOptions
from signkit.load import load_profile
from signkit.workbook import CENTRE_FIELDS, WorkbookError, import_rooms, write_profile

from ..conftest import ROOT, SAMPLE

TEMPLATE = ROOT / "examples" / "rooms-template.xlsx"
SAMPLE_BOOK = ROOT / "examples" / "rooms-sample.xlsx"


def _tool():
    spec = importlib.util.spec_from_file_location("make_rooms_template", ROOT / "tools" / "make_rooms_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def imported(tmp_path_factory, brand):
    functions = {fid: f.label for fid, f in brand.functions.items()}
    result = import_rooms(SAMPLE_BOOK, functions=functions)
    path = write_profile(result, tmp_path_factory.mktemp("imported"), force=False)
    return result, path, load_profile(path, functions=functions)


def test_sample_workbook_reproduces_the_sample_centre(imported, brand):
    result, _path, profile = imported
    sample = load_profile(SAMPLE, functions=brand.functions)
    assert result.warnings == ()
    assert (profile.center, profile.entrance, profile.organisations) == \
        (sample.center, sample.entrance, sample.organisations)
    # a window written as a table (party colours, the model-post badge) imports as its name
    names_only = [dataclasses.replace(r, windows=tuple(w if isinstance(w, str) else w.name for w in r.windows))
                  for r in sample.rooms]
    assert {r.id: r for r in profile.rooms} == {r.id: r for r in names_only}
    assert [r.floor for r in profile.rooms] == sorted(r.floor for r in sample.rooms)  # merged 楼层, by floor


def test_sample_workbook_profile_renders(imported, tmp_path):
    _result, path, _profile = imported
    result = build(path, tmp_path / "out", options=MakeOptions(formats=("svg",)))
    assert result.exit_code == 0
    assert {(f.severity, f.code) for f in result.findings} <= {("warning", "EMBLEM_PLACEHOLDER")}
    assert sum(1 for s in result.signs if s.job.kind == "door-plate") == 12
    assert all("svg" in s.files for s in result.signs)


def test_template_needs_only_the_centre_filled_in(brand):
    with pytest.raises(WorkbookError) as info:
        import_rooms(TEMPLATE, functions=brand.functions)
    assert {p.where.split(": ")[1].split("!")[0] for p in info.value.problems} == {"中心"}
    assert len(info.value.problems) == sum(f.required for f in CENTRE_FIELDS)


def test_template_example_rooms_import_once_the_centre_is_filled(brand, tmp_path):
    import openpyxl

    book = openpyxl.load_workbook(TEMPLATE)
    sample = load_profile(SAMPLE, functions=brand.functions)
    for row in range(2, book["中心"].max_row + 1):
        label = book["中心"].cell(row, 1).value
        book["中心"].cell(row, 2).value = {"名称": sample.center.name, "村": "青禾村", "镇": "天王镇", "县(市、区)": "句容市",
                                        "市": "镇江市"}.get(label, 1600 if "mm" in label else None)
    book.save(tmp_path / "filled.xlsx")
    result = import_rooms(tmp_path / "filled.xlsx", functions=brand.functions)
    profile = load_profile(write_profile(result, tmp_path, force=False), functions=brand.functions)
    assert [(r.id, r.function) for r in profile.rooms] == [("service", "service_hall"), ("party", "party_activity")]


def test_tool_output_is_deterministic_and_matches_the_committed_sample(brand, tmp_path):
    tool = _tool()
    functions = {fid: f.label for fid, f in brand.functions.items()}
    profile = load_profile(SAMPLE, functions=functions)
    assert tool.template_workbook(functions) == tool.template_workbook(functions)
    first = tool.sample_workbook(profile, functions)
    assert first == tool.sample_workbook(profile, functions)
    (tmp_path / SAMPLE_BOOK.name).write_bytes(first)
    assert import_rooms(tmp_path / SAMPLE_BOOK.name, functions=functions).text == \
        import_rooms(SAMPLE_BOOK, functions=functions).text
