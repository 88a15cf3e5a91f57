"""Ganged print sheets (print/sheets/): every approved sign of a material on its stock sheets
exactly its quantity of times (each face of a double-sided sign a sign of its own; on the IR and in the PDF), trims inside the printable area and
a gap apart, labels and marks outside it, CutContour and White as spot colours (pikepdf and
Ghostscript's tiffsep), the print contract, the schedule's sheet usage, oversize pages, the
brand's settings checked, and byte-identical reruns."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pikepdf
import pytest

from signkit.errors import BrandError
from signkit.export.sheets import gang_centre
from signkit.ir import Glyphs, Group, Shape, transform_rect, walk
from signkit.layout.gang import Ganger
from signkit.load import load_inputs
from signkit.units import PT_PER_MM

from ..conftest import ROOT, SAMPLE, brand_with, need_tool, run_tool

OFFICIAL = ROOT / "tests" / "cases" / "brands" / "official"


@pytest.fixture(scope="module")
def gang_brand(tmp_path_factory) -> Path:
    """The official-artwork brand (every sample sign approved, the facade too) with two of
    every door plate."""
    folder = tmp_path_factory.mktemp("gang-brand")
    (folder / "brand.toml").write_text(
        f'[brand]\nname = "test: sheets"\nextends = "{OFFICIAL.as_posix()}"\n\n'
        '[signs.door-plate]\nquantity = 2\n', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def gang_result(tmp_path_factory, gang_brand):
    from signkit.api import render_centre as build

    return build(SAMPLE, tmp_path_factory.mktemp("gang") / "out", brand_dir=gang_brand)


def ganged(result):
    """The sheets as IR, made again from the result's signs (deterministic: as written)."""
    inputs = result.result.inputs
    return gang_centre(result.signs, inputs.brand, centre=inputs.profile.center.name, pdfx=None)


def expected_copies(result) -> dict[str, Counter]:
    brand = result.result.inputs.brand
    out: dict[str, Counter] = {}
    for s in result.signs:
        if s.approved:
            out.setdefault(brand.signs[s.job.kind].material_code, Counter())[s.job.id] = s.job.quantity
    return out


def art_groups(sheet):
    """The per-copy artwork groups of a sheet (inside its artwork layer)."""
    layer = next(i for i in sheet.items if isinstance(i, Group) and i.layer == "artwork")
    return [g for g in layer.children if isinstance(g, Group)]


def sheet_pdfs(result, code: str = "") -> list[Path]:
    return sorted((result.out_dir / "print" / "sheets").glob(f"{code}*.pdf"))


# -- imposition on the IR -------------------------------------------------------------------

def test_every_approved_sign_appears_its_quantity_of_times(gang_result):
    sheets = ganged(gang_result)
    expected = expected_copies(gang_result)
    assert sorted(m.code for m in sheets.materials) == sorted(expected)
    for material in sheets.materials:
        seen = Counter(g.source for page in material.pages for g in art_groups(page.sheet))
        assert seen == expected[material.code], material.code
    assert expected["acp-3mm"]["plate-hall"] == 2  # quantity 2 in the test brand
    assert expected["acrylic-5mm"]["zone-reading"] == expected["acrylic-5mm"]["zone-reading-b"] == 1  # two faces


def test_placements_inside_the_printable_area_and_a_gap_apart(gang_result):
    settings = gang_result.result.inputs.brand.output.sheets
    for material in ganged(gang_result).materials:
        for page in material.pages:
            stock = page.sheet.trim_rect
            trims = [p.rect for p in page.placed]
            groups = art_groups(page.sheet)
            assert len(groups) == len(trims)
            clips = [transform_rect(g.transform, g.clip) for g in groups]
            for trim, clip in zip(trims, clips):
                assert page.printable.contains(trim)
                assert clip.contains(trim) and stock.contains(clip)
            for a, b in itertools.combinations(range(len(trims)), 2):
                assert not trims[a].inset(-settings.gap_mm / 2 + 1e-6).intersects(trims[b].inset(-settings.gap_mm / 2 + 1e-6))
                assert not clips[a].inset(1e-6).intersects(clips[b].inset(1e-6))  # bleeds never print over each other
            # marks and labels: outside the printable area and every sign's bleed
            for item, m, _ in walk(page.sheet.items):
                if isinstance(item, (Shape, Glyphs)) and item.source == "sheet":
                    box = item.bounds() if isinstance(item, Shape) else item.ink_bounds()
                    box = transform_rect(m, box)
                    assert stock.contains(box), item.id
                    assert not box.intersects(page.printable), item.id
                    assert not any(box.intersects(c) for c in clips), item.id


def test_rotation_only_where_the_brand_allows_it(gang_result):
    brand = gang_result.result.inputs.brand
    for material in ganged(gang_result).materials:
        _, rotate, _ = brand.output.sheets.stock_of(material.code)
        if not rotate:
            assert not any(p.rotated for page in material.pages for p in page.placed), material.code
    assert brand.output.sheets.stock_of("steel-enamel")[1] is False


def test_a_sign_larger_than_the_stock_gets_a_page_of_its_own(gang_result):
    rows = {r["id"]: r for r in json.loads((gang_result.out_dir / "schedule.json").read_text("utf-8"))["signs"]}
    facade = rows["facade"]
    assert facade["approved"] and facade["oversize"] is True
    assert facade["sheets"] == ["print/sheets/acp-4mm_1.pdf"]
    assert not any(r["oversize"] for k, r in rows.items() if k != "facade")
    margin, label = 10.0, 20.0
    with pikepdf.open(gang_result.out_dir / "print" / "sheets" / "acp-4mm_1.pdf") as pdf:
        x0, y0, x1, y1 = (float(v) for v in pdf.pages[0].obj.TrimBox)
    assert (x1 - x0) / PT_PER_MM == pytest.approx(facade["width_mm"] + 2 * margin, abs=0.01)
    assert (y1 - y0) / PT_PER_MM == pytest.approx(facade["height_mm"] + margin + label, abs=0.01)
    usage = {u["material"]: u for u in json.loads((gang_result.out_dir / "schedule.json").read_text("utf-8"))["sheets"]}
    assert usage["acp-4mm"]["sheets"] == 0 and usage["acp-4mm"]["oversize_pages"] == 1


# -- the PDFs -------------------------------------------------------------------------------

def art_block(sign_pdf: Path) -> str:
    """The artwork operators of a sign's own print file: what its place on a sheet repeats."""
    with pikepdf.open(sign_pdf) as pdf:
        lines = pdf.pages[0].obj.Contents.read_bytes().decode("latin-1").splitlines()
    end = lines.index("q /CSreg CS 1 SCN") - 1  # the Q that closes the artwork, before the crop marks
    assert lines[1].endswith(" cm") and lines[end] == "Q"
    return "\n" + "\n".join(lines[2:end]) + "\n"


@pytest.mark.parametrize("code", ["acp-3mm", "acrylic-5mm"])
def test_the_pdf_holds_each_signs_artwork_quantity_times(gang_result, code):
    expected = expected_copies(gang_result)[code]
    streams = []
    for path in sheet_pdfs(gang_result, code):
        with pikepdf.open(path) as pdf:
            assert len(pdf.pages) == 1  # one file per sheet
            streams.append(pdf.pages[0].obj.Contents.read_bytes().decode("latin-1"))
    by_block: Counter = Counter()  # the two faces of a zone sign may draw the same artwork
    for sign_id, copies in expected.items():
        by_block[art_block(gang_result.out_dir / "pdf" / f"{sign_id}.pdf")] += copies
    for block, copies in by_block.items():
        assert sum(s.count(block) for s in streams) == copies


def test_cut_and_white_are_separations(gang_result):
    for path in sheet_pdfs(gang_result):
        clear = path.name.startswith("acrylic-5mm")
        with pikepdf.open(path) as pdf:
            res = pdf.pages[0].obj.Resources
            spots = {str(cs[1]): cs for _, cs in res.ColorSpace.items()}
            assert set(spots) == ({"/CutContour", "/White"} if clear else {"/CutContour"}), path.name
            for cs in spots.values():
                assert str(cs[0]) == "/Separation" and str(cs[2]) == "/DeviceCMYK"
            gs = dict(res.ExtGState.items())
            assert list(gs) == ["/GSop"] and bool(gs["/GSop"].OP) and bool(gs["/GSop"].op)
            assert "/SMask" not in gs["/GSop"] and "/CA" not in gs["/GSop"] and "/ca" not in gs["/GSop"]
            text = pdf.pages[0].obj.Contents.read_bytes().decode("latin-1")
        # the cut path: stroked (S), never filled, a hairline, under the overprint state
        cuts = text.split("q /GSop gs\n/CSCutContour CS 1 SCN\n")[1:]
        assert len(cuts) == text.count("/CSCutContour"), path.name
        for part in cuts:
            width, path_ops = part.split("\n")[:2]
            assert width == "0.1 w" and path_ops.endswith(" S"), part[:80]
        whites = text.split("q /GSop gs\n/CSWhite cs 1 scn\n")[1:]
        assert len(whites) == text.count("/CSWhite") and all(w.split("\n")[0].endswith(" f") for w in whites)


def plates(pdf: Path, tmp_path: Path) -> dict[str, float]:
    """Ghostscript's tiffsep: one plate per ink, spot names included → the share of the page
    each plate inks."""
    from PIL import Image

    need_tool("gs")
    out = tmp_path / pdf.stem
    out.mkdir()
    run_tool("gs", "-q", "-o", str(out / "p.tif"), "-sDEVICE=tiffsep", "-r6", str(pdf))
    shares = {}
    for plate in out.glob("p(*).tif"):
        image = Image.open(plate).convert("L")
        dark = sum(n for value, n in enumerate(image.histogram()) if value < 128)
        shares[plate.stem[2:-1]] = dark / (image.width * image.height)
    return shares


def test_ghostscript_separates_the_spot_plates(gang_result, tmp_path):
    acrylic = sheet_pdfs(gang_result, "acrylic-5mm")[0]
    shares = plates(acrylic, tmp_path)
    assert {"Cyan", "Magenta", "Yellow", "Black", "CutContour", "White"} <= set(shares)
    # the White plate lies under the art (overprint: the art does not knock it out), as much
    # of the sheet as the signs' trims cover
    sheets = ganged(gang_result)
    acrylic_sheet = next(m for m in sheets.materials if m.code == "acrylic-5mm")
    first = acrylic_sheet.pages[0]  # the page rasterised: its own placements
    covered = sum(p.rect.width * p.rect.height for p in first.placed) / (
        acrylic_sheet.stock.width_mm * acrylic_sheet.stock.height_mm)
    assert shares["White"] == pytest.approx(covered, abs=0.03)
    assert 0 < shares["CutContour"] < 0.05  # hairlines only
    opaque = plates(sheet_pdfs(gang_result, "acp-3mm")[0], tmp_path)
    assert "White" not in opaque and "CutContour" in opaque


def test_sheets_meet_the_print_contract(gang_result):
    need_tool("qpdf")
    paths = sheet_pdfs(gang_result)
    assert paths
    for path in paths:
        done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert done.returncode == 0 and "No syntax or stream encoding errors" in done.stdout, done.stdout
        assert len(run_tool("pdffonts", str(path)).strip().splitlines()) == 2, path.name  # no fonts
        info = run_tool("pdfinfo", str(path))
        assert re.search(r"^PDF subtype:\s+PDF/X-1:2001$", info, re.M), path.name
        assert re.search(r"^PDF version:\s+1\.3$", info, re.M), path.name
        with pikepdf.open(path) as pdf:
            page = pdf.pages[0].obj
            assert [float(v) for v in page.TrimBox] == [float(v) for v in page.MediaBox]  # the page is the stock
            assert "/Group" not in page
            datas = [page.Contents.read_bytes()] + [x.read_bytes() for _, x in page.Resources.get("/XObject", {}).items()
                                                    if x.get("/Subtype") == "/Form"]
            for data in datas:
                for op in pikepdf.parse_content_stream(pikepdf.Stream(pdf, data)):
                    assert str(op.operator) not in ("rg", "RG", "g", "G", "sh", "BI"), path.name


def test_sheet_label_names_centre_material_sheet_and_signs(gang_result):
    for material in ganged(gang_result).materials:
        for n, page in enumerate(material.pages, start=1):
            label = next(i for i in page.sheet.items if isinstance(i, Group) and i.id.endswith("-label"))
            text = " ".join(g.text for g in label.children)
            assert "青禾村党群服务中心" in text and material.code in text
            assert f"sheet {n}/{len(material.pages)}" in text
            for sign_id in {p.piece.sign_id for p in page.placed}:
                assert sign_id in text
            assert all(g.fit is not None and g.fit.fits for g in label.children)


# -- schedule and usage ------------------------------------------------------------------------

def test_schedule_and_usage_csv(sample_result):
    schedule = json.loads((sample_result.out_dir / "schedule.json").read_text("utf-8"))
    usage = {u["material"]: u for u in schedule["sheets"]}
    approved = [s for s in schedule["signs"] if s["approved"]]
    for row in schedule["signs"]:
        assert bool(row["sheets"]) == row["approved"], row["id"]
    placed = Counter()
    for s in approved:
        placed[s["sheets"][0].split("/")[-1].rsplit("_", 1)[0]] += s["quantity"]
    assert {k: u["signs_placed"] for k, u in usage.items()} == dict(placed)
    for u in usage.values():
        assert u["sheets"] >= 1 and 0 < u["area_used_pct"] <= 100
        for f in u["files"]:
            assert (sample_result.out_dir / f).is_file()
    assert usage["acrylic-5mm"]["clear"] is True and usage["acp-3mm"]["clear"] is False
    text = (sample_result.out_dir / "print" / "sheets" / "usage.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["material"] for r in rows] == sorted(usage)
    for r in rows:
        u = usage[r["material"]]
        assert int(r["sheets"]) == u["sheets"] and int(r["signs_placed"]) == u["signs_placed"]
        assert float(r["area_used_pct"]) == u["area_used_pct"]
    assert (sample_result.out_dir / "print" / "acp-3mm_300x120.pdf").is_file()  # the batches stay


def test_stock_size_per_material(sample_result):
    with pikepdf.open(sample_result.out_dir / "print" / "sheets" / "pvc-05mm_1.pdf") as pdf:
        x0, y0, x1, y1 = (float(v) for v in pdf.pages[0].obj.MediaBox)
    assert ((x1 - x0) / PT_PER_MM, (y1 - y0) / PT_PER_MM) == (pytest.approx(915, abs=0.01), pytest.approx(1830, abs=0.01))
    with pikepdf.open(sample_result.out_dir / "print" / "sheets" / "acp-3mm_1.pdf") as pdf:
        x0, y0, x1, y1 = (float(v) for v in pdf.pages[0].obj.MediaBox)
    assert ((x1 - x0) / PT_PER_MM, (y1 - y0) / PT_PER_MM) == (pytest.approx(1220, abs=0.01), pytest.approx(2440, abs=0.01))


# -- the brand's settings ----------------------------------------------------------------------

def test_spot_names_and_stock_are_brand_tokens(tmp_path):
    folder = brand_with(tmp_path, '[output.sheets]\ncut_spot = "Thru-cut"\nwhite_spot = "RDG_WHITE"\n'
                                  'stock_mm = [1250, 2500]\ngap_mm = 10\n\n'
                                  '[signs.window]\ncorner_radius_mm = 0\n')
    inputs = load_inputs(SAMPLE, folder)
    from signkit.make import MakeOptions, make

    result = make(inputs, MakeOptions(formats=("pdf",)))
    sheets = gang_centre(result.signs, inputs.brand, centre="t", pdfx=None, ganger=Ganger(inputs.brand))
    acrylic = next(m for m in sheets.materials if m.code == "acrylic-5mm")
    assert acrylic.stock.width_mm == 1250 and acrylic.stock.height_mm == 2500
    names = {item.stroke.spot for page in acrylic.pages for item, _, _ in walk(page.sheet.items)
             if isinstance(item, Shape) and item.stroke is not None and item.stroke.spot}
    fills = {item.fill.spot for page in acrylic.pages for item, _, _ in walk(page.sheet.items)
             if isinstance(item, Shape) and item.fill is not None and item.fill.spot}
    assert names == {"Thru-cut"} and fills == {"RDG_WHITE"}
    cut = [i for page in acrylic.pages for i, _, _ in walk(page.sheet.items)
           if isinstance(i, Shape) and i.stroke is not None and i.source.startswith("window")]
    assert cut and all(op[0] in ("M", "L", "Z") for s in cut for op in s.path.ops)  # square corners now
    pdf = sheets.files["print/sheets/acrylic-5mm_1.pdf"]
    assert b"/Thru-cut" in pdf and b"/RDG_WHITE" in pdf and b"/CutContour" not in pdf


@pytest.mark.parametrize("toml, where, message", [
    ('[output.sheets.materials.acrylic-5m]\nclear = true\n', "output.sheets.materials.acrylic-5m", "acrylic-5mm"),
    ('[output.sheets]\nwhite_spot = "CutContour"\n', "output.sheets.white_spot", "two different spot names"),
    ('[output.sheets]\ncut_spot = "All"\n', "output.sheets.cut_spot", "reserved"),
    ('[output.sheets]\ncut_spot = "Cut Contour"\n', "output.sheets.cut_spot", "pattern"),
    ('[output.sheets]\nstock_mm = [1220]\n', "output.sheets.stock_mm", "2 values"),
    ('[output.sheets]\ngap_mn = 6\n', "output.sheets.gap_mn", "gap_mm"),
])
def test_sheet_settings_are_checked(tmp_path, toml, where, message):
    with pytest.raises(BrandError) as err:
        load_inputs(SAMPLE, brand_with(tmp_path, toml))
    text = str(err.value)
    assert where in text and message in text, text


def test_clear_stock_signs_paint_their_whole_bleed(sample_result):
    """Why the white layer is the choked trim: every default-brand sign on clear stock paints
    its whole bleed (its background), so the union of its painted shapes is the trim anyway."""
    brand = sample_result.result.inputs.brand
    clear = [s for s in sample_result.signs if s.approved and brand.output.sheets.stock_of(
        brand.signs[s.job.kind].material_code)[2]]
    assert {s.job.kind for s in clear} == {"window", "zone", "wayfinding-hanging"}
    for sign in clear:
        bleed = sign.sheet.bleed_rect
        filled = [i for i, m, _ in walk(sign.sheet.items) if isinstance(i, Shape) and i.fill is not None
                  and all(op[0] in "MLZ" for op in i.path.ops) and transform_rect(m, i.bounds()).contains(bleed)]
        assert filled, sign.job.id
