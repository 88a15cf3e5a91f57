"""An earlier run, for ``--since``: which sign had which artwork.

In:  an output folder of an earlier run (or its ``schedule.json``).
Out: sign id → SHA-256 of the sign's PDF then, or a :class:`~signkit.errors.ProfileError`
     naming the file when it is not a signkit schedule.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ProfileError
from ..i18n import _


def load_previous(path: Path) -> dict[str, str]:
    path = Path(path)
    schedule = path / "schedule.json" if path.is_dir() else path
    try:
        rows = json.loads(schedule.read_text(encoding="utf-8"))["signs"]
        return {row["id"]: row.get("sha256", "") for row in rows}
    except FileNotFoundError:
        raise ProfileError.at(str(schedule), _("no schedule.json of an earlier run here"),
                              _("give --since the output folder of the run to compare with (it holds schedule.json)"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ProfileError.at(str(schedule), _("not a signkit schedule ({error})").format(error=exc),
                              _("give --since the output folder of an earlier signkit render"))
