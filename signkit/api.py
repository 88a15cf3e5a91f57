"""The library's front door: one centre from its profile to its output folder.

In:  the path of a ``profile.toml``, an output folder, a brand folder and the options.
Out: :class:`Rendered`: what was made (:class:`~signkit.make.Result`) and what changed in
     the folder (:class:`~signkit.write.Written`).  This is load → make → write, the three
     calls the CLI, the batch and the preview server make.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import ProfileError
from .load import load_inputs
from .load.previous import load_previous
from .make import MakeOptions, Result, make
from .write import Written, check_target, write_result


@dataclass(frozen=True, slots=True)
class Rendered:
    result: Result
    written: Written

    @property
    def out_dir(self) -> Path:
        return self.written.root

    @property
    def signs(self):
        return self.result.signs

    @property
    def findings(self):
        return self.result.findings

    @property
    def exit_code(self) -> int:
        return self.result.exit_code

    @property
    def inputs(self):
        return self.result.inputs

    @property
    def profile(self):
        return self.result.inputs.profile

    @property
    def brand(self):
        return self.result.inputs.brand


def default_out_dir(profile: Path) -> Path:
    """``out/<centre>``: the profile's folder name (or file name), in the current folder."""
    path = Path(profile).resolve()
    return Path("out") / (path.parent.name if path.stem == "profile" else path.stem or "centre")


def last_run(out_dir: Path, centre: str) -> dict[str, str] | None:
    """Each sign's artwork checksum in the run of the same centre whose files are in
    ``out_dir`` (the proof marks what changed since), or None: a new folder, another centre's
    files, or a schedule that cannot be read (then the proof marks nothing; the run itself
    does not depend on it)."""
    schedule = Path(out_dir) / "schedule.json"
    try:
        if not schedule.is_file() or json.loads(schedule.read_text(encoding="utf-8")).get("centre") != centre:
            return None
        return load_previous(schedule)
    except (ProfileError, OSError, ValueError, AttributeError):
        return None


def render_centre(profile: Path, out_dir: Path | None = None, *, brand_dir: Path | None = None,
                  options: MakeOptions = MakeOptions()) -> Rendered:
    out_dir = Path(out_dir) if out_dir is not None else default_out_dir(profile)
    check_target(out_dir)  # before rendering: a file in the way, no permission
    inputs = load_inputs(Path(profile), brand_dir)
    if options.last_proof is None and options.formats:
        options = dataclasses.replace(options, last_proof=last_run(out_dir, inputs.profile.center.name))
    result = make(inputs, options)
    return Rendered(result, write_result(result, out_dir))
