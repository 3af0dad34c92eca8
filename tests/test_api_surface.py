"""The public surface: what ``import tidings`` exports, and that the README documents every command."""
from __future__ import annotations

from pathlib import Path

import tidings
from tidings.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_exported_members():
    assert sorted(tidings.__all__) == sorted([
        "Article", "ConfigError", "Extractor", "InputError", "PipelineError", "Result", "StoreError",
        "TidingsError", "__version__", "extract", "extract_many"])
    for name in tidings.__all__:
        assert getattr(tidings, name) is not None


def test_every_command_is_in_the_readme():
    missing = [c for c in main.commands if f"tidings {c}" not in README]
    assert not missing, f"README does not show: {missing}"


def test_readme_opens_with_the_two_commands():
    head = README.split("\n## ")[0]
    assert "python3 tasks.py demo" in head and "python3 tasks.py test" in head
