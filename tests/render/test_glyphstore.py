"""Drawn glyphs kept between runs: a later process starts with what earlier runs drew, the
files are whole or ignored, and the bytes of a sign do not depend on where a glyph came from."""

from __future__ import annotations

import subprocess
import sys

from signkit.render import glyphstore
from signkit.render.glyphstore import GlyphTable


def test_a_new_process_reads_what_an_earlier_one_drew(brand, tmp_path):
    code = f"""
import sys
from pathlib import Path
from signkit.load import load_inputs
from signkit.render import glyphstore, pdf
from signkit.text.fonts import FontBook
glyphstore.configure(Path({str(tmp_path)!r}))
face = FontBook(load_inputs(Path({str(_sample())!r})).brand.font_paths).face("hei")
gid = face.hb_font.get_nominal_glyph(ord("党"))
known = pdf._glyph_forms.get(face, gid) is not None
data = pdf._glyph_form(face, gid)
glyphstore.flush()
print(known, len(data))
"""
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert first[0] == "False" and second[0] == "True"  # drawn the first time, read the second
    assert first[1] == second[1]
    assert len(list((tmp_path / "glyphs").glob("pdf-*.pickle"))) == 1


def test_a_damaged_table_is_no_table(tmp_path):
    class FakeFace:
        key = "role:font"
        path = tmp_path / "font.otf"

    FakeFace.path.write_bytes(b"font")
    glyphstore.configure(tmp_path)
    table = GlyphTable("test", 1)
    try:
        table.put(FakeFace, 7, b"seven")
        glyphstore.flush()
        (file,) = (tmp_path / "glyphs").iterdir()
        assert GlyphTable("test", 1).get(FakeFace, 7) == b"seven"
        file.write_bytes(b"\x80\x05garbage")
        assert GlyphTable("test", 1).get(FakeFace, 7) is None  # drawn again, no error
        FakeFace.path.write_bytes(b"another font")  # the font file changed: another table
        assert GlyphTable("test", 1).get(FakeFace, 7) is None
    finally:
        glyphstore.configure(None)
        glyphstore._tables[:] = [t for t in glyphstore._tables if t.tag != "test"]


def _sample():
    from ..conftest import SAMPLE

    return SAMPLE
