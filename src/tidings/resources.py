"""Loaders for the knowledge files under ``tidings/data`` (lexicons, gazetteers, tables).

Every file is written by the project from facts; each has an integrity test in ``tests/``.
"""
from __future__ import annotations

import json
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Parsed content of ``tidings/data/NAME`` (``.json`` or ``.toml``), cached per process."""
    path = resources.files("tidings") / "data" / name
    text = path.read_text(encoding="utf-8")
    if name.endswith(".toml"):
        return tomllib.loads(text)
    return json.loads(text)
