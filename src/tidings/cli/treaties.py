"""``obligations`` and ``treaties``: who must come to whose defence, from the knowledge base and the store."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import click

from tidings.cli import main
from tidings.cli.output import DB, FORMAT, emit
from tidings.store import Store, default_path
from tidings.store.treaties import OBLIGATION_TYPES, query_obligations, query_treaties


@contextlib.contextmanager
def _store(db: str | None) -> Iterator[Store | None]:
    """The store read-only, or None when there is none yet (the knowledge base still answers)."""
    path = Path(db) if db else default_path()
    if not path.exists():
        if db:
            click.echo(f"note: no store at {path}; answering from the knowledge base only", err=True)
        yield None
        return
    with Store(path, readonly=True) as store:
        yield store


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from tidings.timeexpr import parse_iso

    if value is None:
        return None
    try:
        parsed = parse_iso(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


@main.command()
@DB
@click.option("--obligor", metavar="CODE", help="Only obligations of this state (ISO3), e.g. RUS.")
@click.option("--beneficiary", metavar="CODE", help="Only obligations owed to this state (ISO3), e.g. PRK.")
@click.option("--on", "on", metavar="DATE", callback=_date, help="In force on this date (default: today).")
@click.option("--type", "type_", type=click.Choice(OBLIGATION_TYPES), help="Only this ATOP obligation type.")
@FORMAT
def obligations(db: str | None, obligor: str | None, beneficiary: str | None, on: str | None,
                type_: str | None, fmt: str) -> None:
    """Who is bound to whom on a date: directed treaty obligations.

    Rows come from the alliance knowledge base (membership dates included) and
    from treaties extracted into the store; article ids are listed as evidence.
    """
    with _store(db) as store:
        rows = query_obligations(store, obligor=obligor, beneficiary=beneficiary, on=on, type=type_)
    emit(rows, ["obligor", "beneficiary", "type", "treaty", "article", "since", "source", "evidence"], fmt)


@main.command()
@DB
@click.option("--party", metavar="CODE", help="Only treaties this state (ISO3) is or was a party to.")
@FORMAT
def treaties(db: str | None, party: str | None, fmt: str) -> None:
    """List treaties: the knowledge base's and those found in stored articles, with their evidence."""
    with _store(db) as store:
        rows = query_treaties(store, party=party)
    for r in rows:
        r["articles"] = sorted({e["article"] for e in r["evidence"]})
    emit(rows, ["name", "parties", "signed", "in_force", "types", "source", "articles"], fmt)
