"""Reference renders: the look of every sign type, guarded.

In:  the centres below (the bundled sample, and a centre with names as long as real ones
     get) and, for each, the signs whose look is kept.
Out: each sign drawn as a preview PNG (the same cairo drawing as ``png/``, longest side
     :data:`MAX_PX` pixels), compared with the picture kept in ``tests/reference/png/``.

A change to how a sign looks shows as a failing test with the picture it drew and a picture
of the difference.  When the change is meant, redraw the references with one command, look
at them and commit them with the change::

    python -m tests.reference            # redraw every reference picture
    python -m tests.reference plate-hall # only these (sign ids, or centre/sign)
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PICTURES = HERE / "png"
MAX_PX = 480  # the longest side: enough to see a break, a size or a colour move, small to keep

CENTRES = {
    "sample": ROOT / "examples" / "qinghe" / "profile.toml",
    "long-names": HERE / "long-names" / "profile.toml",
}

# one sign of every type in the sample, and the long-name variants of each family that sets names
REFERENCES: dict[str, tuple[str, ...]] = {
    "sample": ("facade", "plaque-1-party", "plaque-2-villagers", "plate-hall", "plate-party", "plate-grid",
               "zone-reading", "window-hall-1", "window-hall-2", "desk-hall-1", "directory-1f", "directory-2f",
               "board-duties", "board-decisions", "board-service", "showcase", "way-lobby", "way-corridor",
               "way-corridor-b", "way-stairs-1f", "disclosure", "oath-flag", "oath-text", "oath-duties"),
    "long-names": ("facade", "plaque-1-party", "plaque-3-cooperative", "plate-practice", "plate-veterans",
                   "zone-reading", "window-hall-2", "window-hall-3", "desk-hall-2", "directory-1f", "board-regulation"),
}


def cases() -> list[tuple[str, str]]:
    return [(centre, sign) for centre, signs in REFERENCES.items() for sign in signs]


def picture_path(centre: str, sign: str) -> Path:
    return PICTURES / f"{centre}--{sign}.png"


@lru_cache(maxsize=None)
def _made(centre: str):
    from signkit.load import load_inputs
    from signkit.make import MakeOptions, make

    result = make(load_inputs(CENTRES[centre]), MakeOptions(formats=(), cache=None))
    return {s.job.id: s for s in result.signs}


def draw(centre: str, sign: str) -> bytes:
    """The sign's preview PNG at the reference size."""
    from signkit.render.png import render_png

    made = _made(centre)[sign]
    assert made.sheet is not None, f"{centre}/{sign} is not drawn"
    return render_png(made.sheet, px_per_mm=10.0, max_px=MAX_PX)


def difference(expected: bytes, actual: bytes) -> tuple[float, "object"]:
    """(share of pixels that differ visibly, the difference picture) of two PNGs."""
    from PIL import Image, ImageChops

    a = Image.open(io.BytesIO(expected)).convert("RGB")
    b = Image.open(io.BytesIO(actual)).convert("RGB")
    if a.size != b.size:
        return 1.0, b
    diff = ImageChops.difference(a, b)
    # a pixel differs visibly when a channel moves by more than 40 of 255: antialiasing of
    # another cairo build stays below that, a moved line, glyph or colour does not
    mask = diff.convert("L").point(lambda v: 255 if v > 40 else 0)
    share = sum(mask.histogram()[255:]) / (a.width * a.height)
    return share, ImageChops.invert(diff)
