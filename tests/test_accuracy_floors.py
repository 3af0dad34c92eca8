"""Accuracy floors: benchmarks/accuracy.py's figures must not fall below benchmarks/floors.json.

Floors only rise: when a change lifts a figure, raise its floor (rounded down to 0.01) in
the same change; a change that lowers a figure is fixed, never the floor.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "benchmarks" / "floors.json"


def floors() -> dict[str, dict[str, float]]:
    data = json.loads(FLOORS.read_text())
    return {k: v for k, v in data.items() if not k.startswith("_")}


def figure(result: dict[str, Any], key: str) -> float:
    value: Any = result
    for part in key.split("."):
        value = value[part]
    return float(value)


def test_floors_file_is_well_formed() -> None:
    data = floors()
    assert data and "_readme" in json.loads(FLOORS.read_text())
    for name, figures in data.items():
        assert figures, name
        for key, floor in figures.items():
            assert 0.0 <= floor <= 1.0 and round(floor, 2) == floor, (name, key)


@pytest.mark.model
@pytest.mark.slow
def test_figures_stay_above_floors() -> None:
    spec = importlib.util.spec_from_file_location("tidings_accuracy", ROOT / "benchmarks" / "accuracy.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    wanted = floors()
    available = set(mod.sets())
    missing = [name for name in wanted if name not in available]
    if len(missing) == len(wanted):
        pytest.skip("../shared (seed and benchmarks) is not beside this checkout")
    results = mod.evaluate([name for name in wanted if name in available])
    low = [(name, key, figure(results[name], key), floor) for name, figures in wanted.items()
           if name in results for key, floor in figures.items() if figure(results[name], key) < floor]
    assert not low, low
