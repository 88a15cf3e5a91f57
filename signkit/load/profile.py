"""Load and validate ``profile.toml``.

In:  the path of a profile and the room functions the brand knows.
Out: a :class:`~signkit.model.profile.Profile` whose file paths are absolute and inside the
     profile's folder, or a :class:`~signkit.errors.ProfileError` listing every problem
     (key path, message, hint).  Cross-checks done here are the ones without which no sign
     can be planned: unique ids, known functions, files that exist.  Whether the centre
     meets the standard is for the checks, not the loader.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection
from pathlib import Path

from ..config import did_you_mean, load, read_toml
from ..errors import Problem, ProfileError
from ..i18n import _
from ..model.profile import FACILITIES, Profile


def load_profile(path: Path, *, functions: Collection[str]) -> Profile:
    path = Path(path)
    file = str(path)
    data = read_toml(path, ProfileError)
    if "center" not in data:
        raise ProfileError.at(file, _("holds no [center] table: it does not look like a centre profile"),
                              _("start from the sample with `signkit init DIR`, or add [center] with the centre's "
                                "name"))
    profile: Profile = load(Profile, data, file=file, error=ProfileError)
    folder = path.resolve().parent
    problems: list[Problem] = []

    _unique([r.id for r in profile.rooms], "rooms", "id", file, problems)
    _unique([b.id for b in profile.boards], "boards", "id", file, problems)
    for i, room in enumerate(profile.rooms):
        if room.function not in functions:
            hint = did_you_mean(room.function, functions) or _("known functions: {names}").format(
                names=", ".join(sorted(functions)))
            problems.append(Problem(f"{file}: rooms[{i}].function",
                                    _("unknown function '{function}'").format(function=room.function), hint))

    _unique([w.id for w in profile.wayfinding], "wayfinding", "id", file, problems)
    _places(profile, file, problems)

    boards = tuple(dataclasses.replace(b, file=_inside(folder, b.file, f"boards[{i}].file", file, problems))
                   for i, b in enumerate(profile.boards))
    showcase = profile.showcase
    if showcase is not None:
        showcase = dataclasses.replace(
            showcase,
            file=_inside(folder, showcase.file, "showcase.file", file, problems),
            images=tuple(_inside(folder, p, f"showcase.images[{i}]", file, problems)
                         for i, p in enumerate(showcase.images)))
    if problems:
        raise ProfileError(problems)
    return dataclasses.replace(profile, boards=boards, showcase=showcase, source=path.resolve())


def _places(profile: Profile, file: str, problems: list[Problem]) -> None:
    """Rooms named by direction signs, the disclosure board and the oath wall exist (a sign
    cannot point to, or hang in, a room the centre does not have)."""
    rooms = [r.id for r in profile.rooms]

    def room(value: str, key: str) -> None:
        if value not in rooms:
            problems.append(Problem(f"{file}: {key}", _("room '{room}' is not in the profile").format(room=value),
                                    did_you_mean(value, rooms) or _("room ids: {ids}").format(ids=", ".join(rooms))))

    for i, sign in enumerate(profile.wayfinding):
        key = f"wayfinding[{i}]"
        if sign.kind != "floor" and not sign.destinations:
            problems.append(Problem(f"{file}: {key}.destinations",
                                    _("a direction sign needs at least one destination"),
                                    _('add destinations = [{{ to = "…", arrow = "left" }}]').format()))
        if sign.back is not None and sign.kind != "hanging":
            problems.append(Problem(f"{file}: {key}.back", _("a {kind} sign has one face: back is for hanging "
                                                             "signs").format(kind=sign.kind),
                                    _('remove back, or write kind = "hanging"')))
        for table, lines in (("destinations", sign.destinations), ("back", sign.back or ())):
            for j, line in enumerate(lines):
                where = f"{key}.{table}[{j}]"
                if line.to not in rooms and line.to not in FACILITIES:
                    places = rooms + list(FACILITIES)
                    problems.append(Problem(f"{file}: {where}.to", _("'{to}' is neither a room of the profile "
                                                                     "nor a public facility").format(to=line.to),
                                            did_you_mean(line.to, places) or
                                            _("rooms: {rooms}; facilities: {facilities}").format(
                                                rooms=", ".join(rooms), facilities=", ".join(FACILITIES))))
                if sign.kind == "floor" and line.arrow not in ("up", "down"):
                    problems.append(Problem(f"{file}: {where}.arrow", _("a floor sign points up or down, not "
                                                                        "'{arrow}'").format(arrow=line.arrow),
                                            _('write arrow = "up" (upstairs) or arrow = "down"')))
    if profile.disclosure is not None and profile.disclosure.room is not None:
        room(profile.disclosure.room, "disclosure.room")
    if profile.oath is not None:
        room(profile.oath.room, "oath.room")


def _unique(values: list[str], table: str, key: str, file: str, problems: list[Problem]) -> None:
    for value, count in Counter(values).items():
        if count > 1:
            index = [i for i, v in enumerate(values) if v == value][1]
            problems.append(Problem(f"{file}: {table}[{index}].{key}",
                                    _("'{value}' is used {count} times").format(value=value, count=count),
                                    _("every entry of [[{table}]] needs its own {key}").format(table=table, key=key)))


def _inside(folder: Path, relative: Path, key: str, file: str, problems: list[Problem]) -> Path:
    """Resolve ``relative`` against the profile folder; it must exist and stay inside it."""
    where = f"{file}: {key}"
    if relative.is_absolute():
        problems.append(Problem(where, _("'{path}' is an absolute path").format(path=relative),
                                _("give the path relative to the profile's folder, e.g. boards/duties.md")))
        return relative
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder):
        problems.append(Problem(where, _("'{path}' points outside the profile's folder ({folder})").format(
            path=relative, folder=folder), _("keep board texts and images in the profile's folder or below it")))
        return target
    if not target.is_file():
        hint = (_("use / in paths (boards/duties.md), not \\") if "\\" in str(relative) else
                _("check the spelling of the file name and that the file was copied with the profile"))
        problems.append(Problem(where, _("file not found: {path} (looked for {target})").format(
            path=relative, target=target), hint))
    return target


__all__ = ["load_profile"]
