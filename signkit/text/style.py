"""House style: the switches where 党政 practice differs from (or chooses within) CLREQ.

In:  nothing (a value object).
Out: :class:`HouseStyle`, passed down as the optional ``style=`` keyword of
     :func:`~signkit.text.normalize.normalize`, :func:`~signkit.text.markdown.parse_board`,
     :func:`~signkit.text.paragraph.set_paragraph` / ``measure_paragraph`` and
     :func:`~signkit.text.title.set_title`.  ``None`` everywhere means :data:`PARTY` (the
     党政 defaults); :data:`BOOK` is what signkit did before issue 11 (CLREQ's book defaults).

=====================  =================  =====================================================
switch                 党政 default        why
=====================  =================  =====================================================
``han_digit_gap_em``   0 (set solid)      CLREQ §3.2.2 allows up to ¼ em between Han and digits;
                                          党政 documents set 2019年1月10日, 8600余户 solid.  Han
                                          next to Latin *letters* keeps ``latin_space_em``.
``range_dash``         ``～``             the mark between two numbers, dates or times (8:30～11:30,
                                          1日～5日): the Song 一字线 — reads as the character 一
                                          at a distance.  ``"—"`` / ``"–"`` keep a dash; ``None``
                                          leaves what was typed.  Standard designations
                                          (GB/T 15834—2011) are never touched.
``bullet``             ``●``              the item mark; • (U+2022) is a 1–2 mm dot, invisible
                                          at 1.5 m
``bullet_size_em``     0.35               the bullet is drawn at this fraction of the body size,
                                          centred on the ideographic face (● at full size fills
                                          0.9 em)
``label_align``        ``"right"``        article numbers 1.–12. right-aligned in one label box,
                                          so 1–9 do not get an extra gap before the text
``max_squeeze_em``     0.25               the most a mark inside a line may give up when a line is
                                          squeezed (CLREQ §3.5.3 steps 2–7), spread evenly: a line
                                          cannot pull a stranded character up by setting three
                                          commas at half width.  The line-end mark is still cut to
                                          ½ em (GB 5.1.10).
=====================  =================  =====================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Literal

RANGE_DASHES = ("～", "—", "–")
BULLETS = "●■•▪◆"


@dataclass(frozen=True, slots=True)
class HouseStyle:
    han_digit_gap_em: float = 0.0
    range_dash: str | None = "～"
    bullet: str = "●"
    bullet_size_em: float = 0.35
    label_align: Literal["left", "right"] = "right"
    max_squeeze_em: float = 0.25
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __hash__(self) -> int:   # computed once: styles key the paragraph caches
        return self._hash

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash(tuple(getattr(self, f.name) for f in fields(self)
                                                     if f.name != "_hash")))
        if self.range_dash is not None and self.range_dash not in RANGE_DASHES:
            raise ValueError(f"range_dash must be one of {RANGE_DASHES} or None, not {self.range_dash!r}")
        if self.label_align not in ("left", "right"):
            raise ValueError(f"label_align must be 'left' or 'right', not {self.label_align!r}")
        if not 0.0 <= self.max_squeeze_em <= 0.5:
            raise ValueError("max_squeeze_em must be between 0 and 0.5 (a mark's blank half)")
        if not 0.0 < self.bullet_size_em <= 1.0:
            raise ValueError("bullet_size_em must be in (0, 1]")


PARTY = HouseStyle()
"""党政 defaults (the default everywhere)."""

BOOK = HouseStyle(han_digit_gap_em=0.25, range_dash=None, bullet="•", bullet_size_em=1.0,
                  label_align="left", max_squeeze_em=0.5)
"""CLREQ's book defaults: what signkit set before issue 11."""


def resolve(style: HouseStyle | None) -> HouseStyle:
    return PARTY if style is None else style
