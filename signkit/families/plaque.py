"""Vertical organisation plaques (竖牌) beside the main door.

In:  the profile's ``[[organisations]]`` and ``[entrance]``; tokens ``[signs.plaque.tokens]``.
Out: ``plaque-<n>-<kind>`` jobs.  RULES.md VP-01 (party plaques white with red text, the
others black: the party style role), VP-04 (village size below the township preset), VP-05
(hanging side and order).  Top edges level with the door head.

The arrangement is symmetric about the door, as plaques hang at village gates (VP-05, S41:
party on the right of the gate, the villagers' committee on the left): the party
organisation in the position of honour (``honour_side``) nearest the door, the villagers'
committee nearest the door on the other side, the others alternating outward in profile
order (honour side first).  An organisation may name its ``side`` or its ``order``
(precedence, 1 first) in the profile; when a side's free wall is full, the row continues on
the other side.  One character height for every plaque at the entrance is a wall-level
decision: the template's ``<sk:column scale="plaque@…">`` (:mod:`signkit.plan.scales`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import spec
from ..model.brand import Band
from ..model.job import Location, Placement, SignJob, Text, make_job
from .base import Family, PlanInput

KIND_IDS = {"party": "party", "villagers_committee": "villagers", "supervision_committee": "supervision",
            "economic_cooperative": "cooperative", "other": "other"}


@dataclass(frozen=True, slots=True)
class Tokens:
    margin_x_mm: float = spec(ge=0, doc="side margin of the column, mm")
    margin_y_mm: float = spec(ge=0, doc="top and bottom margin of the column, mm")
    frame_inset_mm: float = spec(ge=0, doc="trim edge to the frame line, mm")
    frame_width_mm: float = spec(gt=0, doc="frame line width, mm")
    min_char_height_mm: float = spec(gt=0, doc="PL-04: characters above 1780 mm need 51 mm (read from < 4.6 m)")
    max_char_height_mm: float = spec(gt=0, doc="largest character height, mm")
    min_gap_em: float = spec(ge=0, doc="least space between characters, em: never set the column solid")
    door_gap_mm: float = spec(ge=0, doc="door frame to the nearest plaque edge, mm")
    gap_mm: float = spec(ge=0, doc="between plaques, mm")
    township_size_mm: tuple[float, float] = spec(gt=0, doc="the township preset (VP-04), mm")
    condensed_ratio: float = spec(1.0, gt=0, le=1, doc="扁宋: the flattest a very long name may be set, glyph "
                                                       "height ÷ width (0.85–0.90; 1 never flattens)")
    condense_below_mm: float = spec(0.0, ge=0, doc="flatten very long names only when the entrance's one "
                                                   "character height would otherwise fall below this, mm")


@dataclass(frozen=True, slots=True)
class Content:
    position: int  # 1 = first in precedence (the party organisation)
    organisation: str  # its kind: party, villagers_committee …
    party: bool
    honour_side: str
    size_key: str  # where the size came from, for SIGN_SIZE findings


def plan(inp: PlanInput) -> list[SignJob]:
    profile, brand = inp.profile, inp.brand
    if not profile.organisations:
        return []
    sign = brand.signs["plaque"]
    t: Tokens = sign.tokens
    entrance = profile.entrance
    honour = entrance.honour_side
    other = "left" if honour == "right" else "right"
    free = {"left": entrance.wall_left_mm, "right": entrance.wall_right_mm}
    order = precedence(profile.organisations)
    used = {"left": t.door_gap_mm, "right": t.door_gap_mm}
    count = {"left": 0, "right": 0}
    jobs = []
    for position, index in enumerate(order, start=1):
        org = profile.organisations[index]
        width, height = org.size_mm or sign.size_mm
        # alternate about the door, honour side first; a named side is kept, a full wall is not
        side = org.side or (honour if count[honour] <= count[other] else other)
        if org.side is None and used[side] + width > free[side]:
            away = other if side == honour else honour
            if used[away] + width <= free[away]:
                side = away
        count[side] += 1
        offset = used[side] + width / 2  # from the door frame to the plaque's centre
        used[side] += width + t.gap_mm
        nth = sum(1 for j in jobs if j.placement.side == side) + 1
        placement = Placement(
            wall="entrance", location=Location("plaque", {"side": side, "nth": nth}),
            anchor="top", height_mm=entrance.door_height_mm, offset_mm=offset, side=side,
            viewing_distance_mm=sign.placement.viewing_distance_mm, free_wall_mm=free[side],
            free_wall_key=f"entrance.wall_{side}_mm")
        party = org.kind == "party"
        jobs.append(make_job(
            id=f"plaque-{position}-{KIND_IDS[org.kind]}", kind="plaque", width_mm=width, height_mm=height,
            style=brand.style_of("plaque", brand.roles.party_style if party else ""),
            texts={"name": Text(org.name, f"organisations[{index}].name")}, source=f"organisations[{index}]",
            placement=placement, material=sign.material, quantity=sign.quantity, floor=1,
            content=Content(position, org.kind, party, honour,
                            f"organisations[{index}].size_mm" if org.size_mm else "brand: signs.plaque.size_mm")))
    return jobs


def precedence(organisations) -> list[int]:
    """Indexes of the organisations in precedence order (VP-05): the (first) party organisation,
    the villagers' committee, the others in profile order; an organisation with an explicit
    ``order`` takes that place (1 = first) and the others close up around it."""
    first_party = next((i for i, o in enumerate(organisations) if o.kind == "party"), None)

    def rank(i: int) -> int:  # a second party organisation (a branch) takes its turn with the others
        return 0 if i == first_party else 1 if organisations[i].kind == "villagers_committee" else 2

    usual = sorted(range(len(organisations)), key=lambda i: (rank(i), i))
    places: list[int | None] = [None] * len(organisations)
    for i in sorted((i for i in usual if organisations[i].order is not None), key=lambda i: organisations[i].order):
        at = min(organisations[i].order, len(places)) - 1
        while places[at] is not None:
            at = at + 1 if at + 1 < len(places) else places.index(None)
        places[at] = i
    rest = iter(i for i in usual if organisations[i].order is None)
    return [p if p is not None else next(rest) for p in places]


FAMILY = Family(kind="plaque", tokens=Tokens, content=Content, plan=plan, template="plaque.svg.j2", order=20,
                band=Band("top", 1800.0, 3000.0, "VP-05 (top edge level with the door head)"))
