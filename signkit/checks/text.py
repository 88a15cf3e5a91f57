"""Text checks over a composed sheet: characters the fonts lack, text that overflows its frame.

In:  a :class:`~signkit.layout.sheet.Sheet` (and its job, for the sign id).
Out: :class:`~signkit.checks.findings.Finding` objects.  Both checks read the geometry
the backends draw: glyph ids as placed and outline bounds under the accumulated transform.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..layout.sheet import Glyphs, Sheet, transform_rect, walk
from .findings import Finding

NOTDEF = 0
TOLERANCE_MM = 0.01


def check_glyphs(sheet: Sheet) -> Iterator[Finding]:
    """MISSING_GLYPH: a character no bundled font of the run's role can draw (never a tofu box)."""
    for item, _, _ in walk(sheet.items):
        if not isinstance(item, Glyphs):
            continue
        missing: list[str] = []
        for g in item.glyphs:
            if g.gid == NOTDEF:
                ch = item.text[g.cluster]
                if ch not in missing:
                    missing.append(ch)
        for ch in missing:
            yield Finding(
                "MISSING_GLYPH", "error", sheet.id, item.source,
                f"the font for role '{item.face.role}' ({item.face.family}) has no glyph for "
                f"'{ch}' (U+{ord(ch):04X}) in \"{item.text}\"",
                "use the standard simplified form of the character (通用规范汉字表), or a brand font that has it; "
                f"`signkit fonts {ch}` shows which bundled fonts cover it")


def check_overflow(sheet: Sheet) -> Iterator[Finding]:
    """TEXT_OVERFLOW: text set at its minimum size still does not fit its frame."""
    for item, matrix, _ in walk(sheet.items):
        if not isinstance(item, Glyphs) or item.fit is None:
            continue
        fit = item.fit
        ink = item.ink_bounds()
        outside = ink is not None and not fit.frame.contains(ink, TOLERANCE_MM)
        if fit.fits and not outside:
            continue
        frame = transform_rect(matrix, fit.frame)
        width = transform_rect(matrix, ink).width if ink else 0.0
        yield Finding(
            "TEXT_OVERFLOW", "error", sheet.id, item.source,
            f"\"{item.text}\" does not fit: at the minimum character height of {fit.min_char_height_mm:g} mm "
            f"it is {width:.0f} mm wide, the frame is {frame.width:.0f} × {frame.height:.0f} mm",
            "shorten the text (an accepted short form of the name), or choose a larger sign size in the brand; "
            "signkit never clips or squeezes text")
