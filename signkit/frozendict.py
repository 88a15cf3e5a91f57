"""A read-only, picklable dict for the immutable models and the IR (MappingProxyType does
not pickle, and process pools must ship brands and jobs to workers)."""

from __future__ import annotations

from typing import Any


class FrozenDict(dict):
    __slots__ = ()

    def _readonly(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("FrozenDict is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _readonly  # type: ignore[assignment]

    def __reduce__(self):
        return (FrozenDict, (dict(self),))

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items(), key=lambda kv: kv[0])))

    def __or__(self, other):  # type: ignore[override]
        return FrozenDict({**self, **other})
