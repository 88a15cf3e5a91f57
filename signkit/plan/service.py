"""Service windows: a window sign (窗口牌, 500 × 250) and a desk sign (桌牌, 200 × 100 tent)
for every entry of a room's ``windows`` (RULES.md WS-01, TAX-06).

In:  Profile, Brand.  Out: ``window-<room>-<n>`` and ``desk-<room>-<n>`` jobs.
Window signs hang above the counter (bottom edge at the brand's height, heuristic 2000 mm),
one counter position apart; desk signs stand on the counter in front of the same window.
"""

from __future__ import annotations

from ..brand import Brand
from ..profile import Profile
from .jobs import Placement, SignJob, Text, make_job


def plan_service_windows(profile: Profile, brand: Brand) -> list[SignJob]:
    jobs = []
    window = brand.signs.get("window")
    pitch = float(window.tokens.get("window_pitch_mm", 1500)) if window else 1500.0  # counter positions
    for i, room in enumerate(profile.rooms):
        for n, name in enumerate(room.windows, start=1):
            key = f"rooms[{i}].windows[{n - 1}]"
            for kind, prefix, where in (("window", "window", "above the counter"), ("desk", "desk", "on the counter")):
                if kind not in brand.signs:
                    continue
                sign = brand.signs[kind]
                width, height = sign.size_mm
                placement = Placement(
                    wall=f"counter-{room.id}", location=f"{room.floor}F {room.name}, window {n}, {where}",
                    anchor=sign.placement.anchor, height_mm=sign.placement.height_mm,
                    offset_mm=(n - 0.5) * pitch, side="left",
                    viewing_distance_mm=sign.placement.viewing_distance_mm)
                jobs.append(make_job(
                    id=f"{prefix}-{room.id}-{n}", kind=kind, width_mm=width, height_mm=height, style="standard",
                    texts={"name": Text(name, key)}, source=key, placement=placement, material=sign.material,
                    quantity=sign.quantity, room=room.id, floor=room.floor, data={"number": n}))
    return sorted(jobs, key=lambda j: (j.kind != "window", j.room or "", j.data["number"]))
