"""Identity checks over a composed sheet.

In:  a :class:`~signkit.layout.sheet.Sheet`.
Out: findings.  EMBLEM_PLACEHOLDER: a brand asset marked ``placeholder`` (the default
brand's 党徽 stand-in) is on the sign; official artwork must replace it before print
(RULES.md EM-03/04: signkit never draws the emblem).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..layout.sheet import Group, Sheet, walk
from .findings import Finding


def check_placeholders(sheet: Sheet) -> Iterator[Finding]:
    for item, _, _ in walk(sheet.items):
        if isinstance(item, Group) and item.placeholder:
            yield Finding(
                "EMBLEM_PLACEHOLDER", "warning", sheet.id, item.source,
                f"the '{item.asset}' slot holds placeholder artwork; the sign is a proof, not approved for print",
                f"supply the official artwork: a brand folder whose brand.toml sets assets.{item.asset}.file "
                "to it and placeholder = false, passed with --brand", rule="EM-03")
