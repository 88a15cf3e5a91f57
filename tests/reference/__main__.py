"""``python -m tests.reference [sign …]``: redraw the reference pictures (see the package doc)."""

from __future__ import annotations

import sys

from . import PICTURES, cases, draw, picture_path


def main(argv: list[str]) -> int:
    wanted = set(argv)
    chosen = [(c, s) for c, s in cases() if not wanted or s in wanted or f"{c}/{s}" in wanted]
    if wanted and not chosen:
        print(f"no reference named {' '.join(sorted(wanted))}", file=sys.stderr)
        return 2
    PICTURES.mkdir(parents=True, exist_ok=True)
    for centre, sign in chosen:
        path = picture_path(centre, sign)
        data = draw(centre, sign)
        old = path.read_bytes() if path.exists() else None
        path.write_bytes(data)
        print(("new      " if old is None else "changed  " if old != data else "same     ") + str(path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
