"""The entrance: the facade name sign (门头) and the vertical organisation plaques (竖牌).

In:  Profile, Brand.  Out: the ``facade`` job and ``plaque-<n>-<kind>`` jobs.

Facade (TAX-02, FT-02, PL-08): the letter height follows the street viewing distance,
``max(min_letter_height, D / distance_factor)``; the panel is that times
``height_per_letter`` tall and as wide as the facade allows within the brand's limits.
Plaques (VP-01, VP-04, VP-05): one per organisation, party plaques white with red text and
the others with black; the party plaque takes the position of honour (``honour_side``,
nearest the door), the others follow in profile order moving away from it; when the
honour side's free wall is full the row continues on the other side, nearest the door
first.  Top edges level with the door head.
"""

from __future__ import annotations

from ..brand import Brand
from ..profile import Profile
from .jobs import Placement, SignJob, Text, make_job

KIND_IDS = {"party": "party", "villagers_committee": "villagers", "supervision_committee": "supervision",
            "economic_cooperative": "cooperative", "other": "other"}


def plan_facade(profile: Profile, brand: Brand) -> list[SignJob]:
    if "facade" not in brand.signs:
        return []
    sign = brand.signs["facade"]
    t = sign.tokens
    distance = profile.center.street_distance_mm
    letter = max(float(t["min_letter_height_mm"]), distance / float(t["distance_factor"]))
    height = round(letter * float(t["height_per_letter"]))
    available = profile.entrance.facade_width_mm - 2 * float(t["side_clearance_mm"])
    width = min(float(t["max_width_mm"]), max(float(t["min_width_mm"]), available))
    entrance = profile.entrance
    placement = Placement(
        wall="entrance", location="main entrance, centred over the door", anchor="bottom",
        height_mm=entrance.door_height_mm + float(t["above_door_mm"]), offset_mm=0.0, side="centre",
        viewing_distance_mm=distance, free_wall_mm=entrance.facade_width_mm)
    style = "red-on-white" if "red-on-white" in sign.styles else next(iter(sign.styles))
    return [make_job(
        id="facade", kind="facade", width_mm=width, height_mm=float(height), style=style,
        texts={"name": Text(profile.center.name, "center.name"), "slogan": Text(profile.center.slogan, "center.slogan")},
        source="center", placement=placement, material=sign.material, quantity=sign.quantity, floor=1,
        data={"letter_height_mm": letter,
              "min_letter_height_mm": max(float(t["min_char_height_mm"]), distance / float(t["min_distance_factor"]))})]


def plan_plaques(profile: Profile, brand: Brand) -> list[SignJob]:
    if "plaque" not in brand.signs or not profile.organisations:
        return []
    sign = brand.signs["plaque"]
    door_gap, gap = float(sign.tokens["door_gap_mm"]), float(sign.tokens["gap_mm"])
    entrance = profile.entrance
    honour = entrance.honour_side
    other = "left" if honour == "right" else "right"
    free = {"left": entrance.wall_left_mm, "right": entrance.wall_right_mm}
    # party organisations first (VP-05), then the rest in profile order
    order = sorted(range(len(profile.organisations)), key=lambda i: profile.organisations[i].kind != "party")
    used = {"left": door_gap, "right": door_gap}
    jobs = []
    for position, index in enumerate(order, start=1):
        org = profile.organisations[index]
        width, height = org.size_mm or sign.size_mm
        side = honour if used[honour] + width <= free[honour] or used[other] + width > free[other] else other
        offset = used[side] + width / 2  # from the door frame to the plaque's centre
        used[side] += width + gap
        nth = sum(1 for j in jobs if j.placement.side == side) + 1
        placement = Placement(
            wall="entrance",
            location=f"main entrance, {side} of the door (seen from outside), {_ordinal(nth)} from the door",
            anchor="top", height_mm=entrance.door_height_mm, offset_mm=offset, side=side,
            viewing_distance_mm=sign.placement.viewing_distance_mm, free_wall_mm=free[side])
        jobs.append(make_job(
            id=f"plaque-{position}-{KIND_IDS[org.kind]}", kind="plaque", width_mm=width, height_mm=height,
            style="party" if org.kind == "party" else "standard",
            texts={"name": Text(org.name, f"organisations[{index}].name")}, source=f"organisations[{index}]",
            placement=placement, material=sign.material, quantity=sign.quantity, floor=1,
            data={"position": position, "kind": org.kind, "honour_side": honour,
                  "size_key": f"organisations[{index}].size_mm" if org.size_mm else "brand: signs.plaque.size_mm"}))
    return jobs


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")
