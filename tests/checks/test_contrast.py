"""LOW_CONTRAST (CL-03, WCAG): small text needs 4.5:1, large text 3:1, measured on the colour
painted behind each run."""

from __future__ import annotations

from signkit.checks.rules import CHECKS
from signkit.ir import Glyphs, Paint, Path, PlacedGlyph, Shape, Sheet, Size
from signkit.text.fonts import FontBook


def run(face, text: str, size_mm: float, y: float, paint: Paint, item_id: str) -> Glyphs:
    gid = face.hb_font.get_nominal_glyph(ord(text))
    return Glyphs(item_id, face, size_mm, (PlacedGlyph(gid, 10.0, y, 0),), paint, text, source=item_id)


def test_small_text_needs_4_5_and_large_text_3(sample_inputs):
    rule = next(r for r in sample_inputs.rules.rules.values() if r.code == "LOW_CONTRAST")
    face = FontBook(sample_inputs.brand.font_paths).face(sample_inputs.brand.roles.label_font)
    grey = Paint("mid-grey", (0, 0, 0, 0.55), "#808080")  # 3.9:1 on white: enough for large text only
    white = Paint("paper", (0, 0, 0, 0), "#FFFFFF")
    large = rule.params.large_text_mm
    sheet = Sheet("t", Size(400, 300), 0.0, (
        Shape("bg", Path.rect(0, 0, 400, 300), fill=white),
        run(face, "小", large * 0.5, 100, grey, "small"),
        run(face, "大", large * 1.5, 250, grey, "large"),
    ))
    findings = list(CHECKS["LOW_CONTRAST"].fn(rule, None, sheet, sample_inputs.brand))
    assert [f.key for f in findings] == ["small"]
    assert "below 4.5:1" in findings[0].message
