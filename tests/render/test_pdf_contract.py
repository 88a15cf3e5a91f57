"""The print contract (DESIGN.md §6), verified with public tools on the sample's PDFs:
pdfinfo (boxes, PDF/X subtype), pdffonts (no fonts), qpdf --check, a scan of every content
stream for RGB or transparency, Ghostscript inkcov (the inks used), and byte-identical reruns."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from signkit.units import PT_PER_MM

from ..conftest import need_tool, run_tool

PLATE_W, PLATE_H, BLEED = 300.0, 120.0, 3.0


def pdfs(result):
    """Every print PDF: the single-sign files and the print-shop batches."""
    return sorted((result.out_dir / "pdf").glob("*.pdf"))


def all_print_pdfs(result):
    return pdfs(result) + sorted((result.out_dir / "print").glob("*.pdf"))


def boxes(path) -> dict[str, tuple[float, ...]]:
    text = run_tool("pdfinfo", "-box", str(path))
    return {m.group(1): tuple(float(v) for v in m.group(2).split())
            for m in re.finditer(r"^(\w+Box):\s+(.*)$", text, re.M)}


def sizes(result) -> dict[str, tuple[float, float]]:
    return {s.job.id: (s.job.width_mm, s.job.height_mm) for s in result.signs}


def test_every_room_with_a_door_has_a_plate(sample_result):
    names = sorted(p.stem for p in pdfs(sample_result) if p.stem.startswith("plate-"))
    assert len(names) == 12
    assert "plate-party" in names and "plate-reading" not in names  # 共享阅读区 has no door
    assert sizes(sample_result)["plate-party"] == (PLATE_W, PLATE_H)


def test_trim_and_bleed_boxes(sample_result):
    expected = sizes(sample_result)
    assert len(pdfs(sample_result)) == len(expected)
    for path in pdfs(sample_result):
        width, height = expected[path.stem]
        b = boxes(path)
        x0, y0, x1, y1 = b["TrimBox"]
        assert (x1 - x0) / PT_PER_MM == pytest.approx(width, abs=0.01), path.name
        assert (y1 - y0) / PT_PER_MM == pytest.approx(height, abs=0.01), path.name
        bx0, by0, bx1, by1 = b["BleedBox"]
        for outer, inner, sign in ((bx0, x0, -1), (by0, y0, -1), (bx1, x1, 1), (by1, y1, 1)):
            assert (outer - inner) * sign / PT_PER_MM == pytest.approx(BLEED, abs=0.01)
        mx0, my0, mx1, my1 = b["MediaBox"]
        assert mx0 < bx0 and my0 < by0 and mx1 > bx1 and my1 > by1  # room for crop marks
    # pdfinfo prints the MediaBox for a missing box: check presence in the file itself
    with pikepdf.open(pdfs(sample_result)[0]) as pdf:
        page = pdf.pages[0].obj
        assert "/TrimBox" in page and "/BleedBox" in page


def test_no_fonts_in_any_pdf(sample_result):
    for path in all_print_pdfs(sample_result) + [sample_result.out_dir / "proof.pdf"]:
        lines = run_tool("pdffonts", str(path)).strip().splitlines()
        assert len(lines) == 2, f"{path.name} lists fonts: {lines[2:]}"


def test_qpdf_check_passes(sample_result):
    need_tool("qpdf")
    for path in all_print_pdfs(sample_result) + [sample_result.out_dir / "proof.pdf"]:
        done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "No syntax or stream encoding errors" in done.stdout


def content_streams(pdf: pikepdf.Pdf):
    """Every content stream: pages and the Form XObjects they use (glyphs)."""
    for page in pdf.pages:
        yield page.obj.Contents.read_bytes()
        for _, xobj in page.obj.Resources.get("/XObject", {}).items():
            if xobj.get("/Subtype") == "/Form":  # photos are Image XObjects: data, not operators
                yield xobj.read_bytes()


def test_cmyk_only_no_rgb_no_transparency(sample_result):
    # Separations: the registration colour, and the palette's spot colours (the pockets' CutContour)
    separations = {"/All"} | {f"/{c.spot}" for c in sample_result.brand.palette.values() if c.spot}
    for path in all_print_pdfs(sample_result):
        with pikepdf.open(path) as pdf:
            spaces = {str(k) for page in pdf.pages for k in page.obj.Resources.get("/ColorSpace", {}).keys()}
            for data in content_streams(pdf):
                for op in pikepdf.parse_content_stream(pikepdf.Stream(pdf, data)):
                    name = str(op.operator)
                    assert name not in ("rg", "RG", "g", "G", "sh", "BI"), f"{path.name}: {name}"
                    if name in ("cs", "CS"):  # only the page's own Separation spaces (the registration colour)
                        assert str(op.operands[0]) in spaces, f"{path.name}: colour space {op.operands[0]}"
            for page in pdf.pages:
                res = page.obj.Resources
                assert "/Shading" not in res and "/Pattern" not in res
                for _, gs in res.get("/ExtGState", {}).items():  # only overprint for technical spots (cut paths)
                    assert bool(gs.OP) and bool(gs.op) and not {"/SMask", "/CA", "/ca", "/BM"} & set(gs.keys())
                for _, cs in res.get("/ColorSpace", {}).items():
                    assert str(cs[0]) == "/Separation" and str(cs[1]) in separations and str(cs[2]) == "/DeviceCMYK"
                assert "/Group" not in page.obj  # no transparency group


def test_white_text_and_exact_palette_cmyk(sample_result):
    with pikepdf.open(sample_result.out_dir / "pdf" / "plate-party.pdf") as pdf:
        ops = [(str(o.operator), [float(v) for v in o.operands])
               for o in pikepdf.parse_content_stream(pdf.pages[0])
               if str(o.operator) in ("k", "K")]
    fills = {tuple(v) for op, v in ops if op == "k"}
    assert (0.0, 1.0, 1.0, 0.0) in fills  # party red C0 M100 Y100 K0
    assert (0.0, 0.0, 0.0, 0.0) in fills  # white text
    with pikepdf.open(sample_result.out_dir / "pdf" / "plate-library.pdf") as pdf:
        fills = {tuple(float(v) for v in o.operands) for o in pikepdf.parse_content_stream(pdf.pages[0])
                 if str(o.operator) == "k"}
    assert (1.0, 0.6, 0.0, 0.0) in fills  # plate blue C100 M60 Y0 K0
    assert (0.0, 1.0, 1.0, 0.0) not in fills


def test_pdfx_identification(sample_result):
    path = pdfs(sample_result)[0]
    info = run_tool("pdfinfo", str(path))
    assert re.search(r"^PDF version:\s+1\.3$", info, re.M)
    assert re.search(r"^PDF subtype:\s+PDF/X-1:2001$", info, re.M)
    with pikepdf.open(path) as pdf:
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1:2001"
        assert str(pdf.docinfo["/GTS_PDFXConformance"]) == "PDF/X-1a:2001"
        assert str(pdf.docinfo["/Trapped"]) == "/False"
        intent = pdf.Root.OutputIntents[0]
        assert str(intent.S) == "/GTS_PDFX"
        assert str(intent.OutputConditionIdentifier) == "JC200103"
        assert "/ID" in pdf.trailer


def test_inks_blue_plate_uses_cyan_magenta_only(sample_result):
    """Ghostscript's inkcov over the trim+bleed: a blue plate with white text inks C and M only."""
    need_tool("gs")
    path = sample_result.out_dir / "pdf" / "plate-library.pdf"
    out = run_tool("gs", "-q", "-o", "-", "-dUseBleedBox", "-sDEVICE=inkcov", "-r36", str(path))
    c, m, y, k = (float(v) for v in out.split()[:4])
    assert c > 0.5 and m > 0.3
    assert y == 0.0 and k == 0.0


def test_rendering_twice_gives_identical_bytes(sample_result, tmp_path):
    from signkit.api import render_centre as build
    from signkit.make import MakeOptions

    from ..conftest import SAMPLE

    again = build(SAMPLE, tmp_path / "again")
    for fmt in ("pdf", "svg", "png"):
        first = sorted((sample_result.out_dir / fmt).iterdir())
        assert first, fmt
        for path in first:
            assert (again.out_dir / fmt / path.name).read_bytes() == path.read_bytes(), path.name
    assert (again.out_dir / "schedule.csv").read_bytes() == (sample_result.out_dir / "schedule.csv").read_bytes()
    centre_files = sorted(p.relative_to(sample_result.out_dir) for p in (sample_result.out_dir / "print").rglob("*")
                          if p.is_file())
    assert any(str(p).startswith("print/sheets/") for p in centre_files)  # batches and ganged sheets
    for rel in centre_files + [Path("schedule.json")]:
        assert (again.out_dir / rel).read_bytes() == (sample_result.out_dir / rel).read_bytes(), rel


def test_crop_marks_can_be_turned_off(tmp_path):
    from signkit.api import render_centre as build
    from signkit.make import MakeOptions

    from ..conftest import SAMPLE

    result = build(SAMPLE, tmp_path, options=MakeOptions(only=("plate-library",), crop_marks=False, formats=("pdf",)))
    b = boxes(result.out_dir / "pdf" / "plate-library.pdf")
    assert b["MediaBox"] == pytest.approx(b["BleedBox"], abs=0.01)


def trim_pixels(path, tmp_path):
    """The page inside its TrimBox, rasterised at 36 dpi (grey levels)."""
    from PIL import Image

    run_tool("pdftoppm", "-r", "36", "-gray", "-png", "-singlefile", "-cropbox", str(path), str(tmp_path / path.stem))
    image = Image.open(tmp_path / f"{path.stem}.png").convert("L")
    b = boxes(path)
    k = 36 / 72
    x0, y0, x1, y1 = b["TrimBox"]
    top = b["MediaBox"][3] - y1
    return image.crop((round(x0 * k), round(top * k), round(x1 * k), round((top + y1 - y0) * k)))


def test_unapproved_signs_are_proofs_marked_across_the_artwork(sample_result, tmp_path):
    from signkit.layout.compose import Composer
    from signkit.render import PdfOptions, render_pdf

    party = next(s for s in sample_result.signs if s.job.id == "plate-party")
    assert not party.approved
    unmarked = tmp_path / "unmarked.pdf"
    unmarked.write_bytes(render_pdf([party.sheet], options=PdfOptions()))
    marked = sample_result.out_dir / "pdf" / "plate-party.pdf"
    a, b = trim_pixels(unmarked, tmp_path), trim_pixels(marked, tmp_path)
    assert a.size == b.size
    changed = sum(1 for x, y in zip(a.tobytes(), b.tobytes()) if abs(x - y) > 20)
    assert changed > 0.03 * a.size[0] * a.size[1]  # the 样稿 mark crosses the artwork, inside the trim
    with pikepdf.open(marked) as pdf:
        assert "样稿" in str(pdf.docinfo["/Title"])
        assert "/GTS_PDFXVersion" not in pdf.docinfo and "/OutputIntents" not in pdf.Root  # a proof claims no PDF/X
    with pikepdf.open(sample_result.out_dir / "pdf" / "plate-library.pdf") as pdf:
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1:2001" and "/OutputIntents" in pdf.Root
    assert Composer  # (imported to show where the mark is made)


def test_pdf_ids_follow_the_artwork_not_the_clock(sample_result, tmp_path):
    """/ID is a hash of what the file draws: two signs with the same title differ, a rerun
    with SOURCE_DATE_EPOCH set changes nothing."""
    import os
    import subprocess
    import sys

    from ..conftest import SAMPLE

    def file_id(path):
        with pikepdf.open(path) as pdf:
            return bytes(pdf.trailer.ID[0])

    pdf = sample_result.out_dir / "pdf"
    assert file_id(pdf / "desk-hall-1.pdf") != file_id(pdf / "desk-hall-2.pdf")
    out = tmp_path / "epoch"
    subprocess.run([sys.executable, "-m", "signkit", "render", str(SAMPLE), "-o", str(out), "--no-png",
                    "--only", "desk-hall-1"], check=True, capture_output=True,
                   env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    assert (out / "pdf" / "desk-hall-1.pdf").read_bytes() == (pdf / "desk-hall-1.pdf").read_bytes()
