"""Printing rows as tables, CSV or JSON Lines: the one place output is formatted."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ",".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, width: int = 60) -> None:
    if not rows:
        click.echo("(none)")
        return
    cells = [[cell(r.get(c))[:width] for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


def emit(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str) -> None:
    """Rows to stdout as ``table``, ``csv`` or ``jsonl``."""
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for r in rows:
            w.writerow([cell(r.get(c)) for c in columns])
    else:
        table(list(rows), columns)


FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table",
                      show_default=True, help="Output format.")
DB = click.option("--db", type=click.Path(dir_okay=False), default=None,
                  help="Store path (default: $TIDINGS_DB or ./tidings.sqlite).")
