"""``tidings events``: the PLOVER events in the store, filtered, as a table, CSV or JSON Lines."""
from __future__ import annotations

from typing import Any

import click

from tidings.cli import main
from tidings.cli.output import DB, FORMAT, emit
from tidings.pipeline.events_lexicon import PLOVER_TYPES
from tidings.store import Store
from tidings.store.events import FACTUALITY, ORDERS, query_events

COLUMNS = ["id", "article", "date", "type", "mode", "actor", "recipient", "factuality", "evidence"]
EVIDENCE_WIDTH = 60


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from tidings.store.events import _DATE

    if value is not None and not _DATE.match(value):
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _trim(text: str | None, width: int = EVIDENCE_WIDTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1] + "…"


def table_row(r: dict[str, Any]) -> dict[str, Any]:
    """An event row as the table and CSV show it."""
    return {"id": r["id"], "article": r["article"], "date": r["date"] or r["published"], "type": r["type"],
            "mode": r["mode"], "actor": "|".join(r["actor_codes"]), "recipient": "|".join(r["recipient_codes"]),
            "factuality": r["factuality"], "evidence": _trim(r["sentence"])}


@main.command()
@DB
@click.option("--actor", metavar="CODE", help="Only events with this actor code (PRK, NATO, WEST ...); "
              "several separated by commas.")
@click.option("--recipient", metavar="CODE", help="Only events with this recipient code.")
@click.option("--type", "type_", metavar="TYPE", help="Only this PLOVER type (" + ", ".join(PLOVER_TYPES) + ").")
@click.option("--since", metavar="DATE", callback=_date, help="Only events dated on or after DATE.")
@click.option("--until", metavar="DATE", callback=_date, help="Only events dated on or before DATE.")
@click.option("--factuality", type=click.Choice(FACTUALITY), help="Only events with this factuality.")
@click.option("--article", metavar="ID", help="Only events of this article.")
@click.option("--order", type=click.Choice(list(ORDERS)), default="date", show_default=True,
              help="Sort order.")
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True, help="At most this many rows.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many rows first.")
@FORMAT
def events(db: str | None, actor: str | None, recipient: str | None, type_: str | None, since: str | None,
           until: str | None, factuality: str | None, article: str | None, order: str, limit: int,
           offset: int, fmt: str) -> None:
    """List the coded events in the store: who did what to whom, when, with the evidence.

    A date is the event's own, or its article's publication date when the text
    gives none. ``--format jsonl`` prints every field of each event.
    """
    if type_ and type_.upper() not in PLOVER_TYPES:
        raise click.BadParameter(f"{type_!r} is not a PLOVER type", param_hint="--type")
    with Store(db, readonly=True) as store:
        rows = query_events(store, actor=actor, recipient=recipient, type=type_, since=since, until=until,
                            factuality=factuality, article=article, limit=limit, offset=offset, order=order)
    if fmt == "jsonl":
        emit(rows, COLUMNS, fmt)
    else:
        emit([table_row(r) for r in rows], COLUMNS, fmt)
