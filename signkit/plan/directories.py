"""Floor directories (楼层索引): one per floor that has rooms, listing them in profile order,
party rooms marked (RULES.md TAX-01, §3 table row 11).

In:  Profile, Brand.  Out: ``directory-<n>f`` jobs.  The ground-floor directory hangs at the
entrance, the others at the stair landing of their floor.
"""

from __future__ import annotations

from ..brand import Brand
from ..profile import Profile
from .jobs import Placement, SignJob, Text, make_job


def plan_directories(profile: Profile, brand: Brand) -> list[SignJob]:
    if "directory" not in brand.signs:
        return []
    sign = brand.signs["directory"]
    width, height = sign.size_mm
    floors = sorted({room.floor for room in profile.rooms})
    jobs = []
    for floor in floors:
        rooms = [(i, r) for i, r in enumerate(profile.rooms) if r.floor == floor]
        texts = {f"room{n}": Text(r.name, f"rooms[{i}].name") for n, (i, r) in enumerate(rooms)}
        texts["slogan"] = Text(profile.center.slogan, "center.slogan")
        entries = tuple({"id": f"room{n}", "party": brand.functions[r.function].style == "party"}
                        for n, (_, r) in enumerate(rooms))
        wall = "lobby" if floor == min(floors) else f"stairs-{floor}f"
        where = "lobby, inside the main entrance" if wall == "lobby" else f"{floor}F stair landing"
        placement = Placement(
            wall=wall, location=f"{floor}F, {where}", anchor=sign.placement.anchor,
            height_mm=sign.placement.height_mm, viewing_distance_mm=sign.placement.viewing_distance_mm)
        jobs.append(make_job(
            id=f"directory-{floor}f", kind="directory", width_mm=width, height_mm=height, style="standard",
            texts=texts, source=f"rooms (floor {floor})", placement=placement, material=sign.material,
            quantity=sign.quantity, floor=floor, data={"floor": floor, "entries": entries}))
    return jobs
