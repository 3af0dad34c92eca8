"""The codebook's closed vocabularies, and cooperation vs conflict, from ``data/quad.toml``."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from tidings import resources

COOPERATION = "cooperation"
CONFLICT = "conflict"


@lru_cache(maxsize=1)
def vocab() -> dict[str, tuple[str, ...]]:
    data: dict[str, Any] = resources.load("quad.toml")
    return {k: tuple(v) for k, v in data.items()}


def event_types() -> tuple[str, ...]:
    """The 16 PLOVER types, cooperative ones first."""
    v = vocab()
    return v[COOPERATION] + v[CONFLICT]


def quad(event_type: str | None, goldstein: float | None = None) -> str:
    """``cooperation`` or ``conflict``: by the Goldstein score's sign, else by the type."""
    if goldstein is not None and goldstein != 0:
        return COOPERATION if goldstein > 0 else CONFLICT
    return COOPERATION if event_type in vocab()[COOPERATION] else CONFLICT
