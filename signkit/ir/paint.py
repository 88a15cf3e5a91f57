"""Colours in the IR: a palette entry with its exact print and screen values.

In:  the brand palette (built by the layout stage).  Out: :class:`Paint` values; the IR never
holds a raw hex colour.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Paint:
    """A palette colour: its name, exact CMYK (0–1 each) for print and sRGB hex for screens.

    ``cmyk`` is None only for a colour of imported brand artwork that matches no palette
    entry: it can be previewed but never printed (signkit does not guess CMYK from RGB).
    ``spot`` names a spot colour (a Separation such as ``CutContour`` or ``White``) that
    print files write by name, with ``cmyk`` as its alternate.  ``overprint`` (spot colours
    only) prints the colour over what lies beneath instead of knocking it out: a technical
    layer such as a white underlayer or a cut path, which must not punch holes in the art's
    separations.
    """

    name: str
    cmyk: tuple[float, float, float, float] | None
    rgb: str
    spot: str = ""
    overprint: bool = False

    @property
    def printable(self) -> bool:
        return self.cmyk is not None
