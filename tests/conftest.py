"""Shared fixtures: one loaded pipeline per test session, and paths to ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "dev" / "seed-rt-2024-11-01.txt"
SEED_GOLD = SHARED / "dev" / "seed-rt-2024-11-01.gold.json"


@pytest.fixture(scope="session")
def extractor():
    from tidings.extract import default_extractor

    return default_extractor()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/dev is not beside this checkout")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_record(extractor, seed_text):
    return extractor.extract(seed_text, id="seed-rt-2024-11-01", published="2024-11-01", outlet="rt.com")
