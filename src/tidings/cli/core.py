"""``extract``, ``ingest``, ``actors`` and ``export``: articles in, records out."""
from __future__ import annotations

import json
import sys
from collections import Counter

import click

from tidings.cli import main
from tidings.cli.output import DB, FORMAT, emit, table
from tidings.article import MAX_CHARS
from tidings.errors import InputError
from tidings.ingest import read_paths
from tidings.store import Store

PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
JOBS = click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
                    help="Worker processes, each loading the pipeline once.")
MAX = click.option("--max-chars", type=click.IntRange(1000), default=MAX_CHARS, show_default=True,
                   help="Refuse articles longer than this.")


def _skip_line(source: str | None, reason: str | None, message: str | None) -> None:
    click.echo(f"skipped {source or '?'}: {message} [{reason}]", err=True)


@main.command()
@PATHS
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl",
              show_default=True, help="jsonl: one record per line; json: a JSON list; table: events.")
@MAX
def extract(paths: tuple[str, ...], fmt: str, max_chars: int) -> None:
    """Print tidings/1 records for PATHS (files, folders, or - for stdin).

    Unreadable inputs are reported on stderr, one line each, and the command
    goes on with the rest; the exit status is 1 if any input was skipped.
    """
    from tidings.extract import default_extractor

    skipped = 0
    records = []
    extractor = default_extractor()
    extractor.max_chars = max_chars
    for res in extractor.extract_many(read_paths(paths)):
        if res.status != "ok":
            skipped += 1
            _skip_line(res.source, res.reason, res.message)
            continue
        if fmt == "jsonl":
            click.echo(json.dumps(res.record, ensure_ascii=False))
        else:
            records.append(res.record)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "table":
        rows = []
        for rec in records:
            for e in rec["events"]:
                rows.append({"article": rec["article"]["id"], "event": e["id"], "type": e["type"],
                             "actor": [a["code"] for a in e["actor"]],
                             "recipient": [a["code"] for a in e["recipient"]],
                             "date": e.get("date"), "factuality": e["factuality"]})
        table(rows, ["article", "event", "type", "actor", "recipient", "date", "factuality"])
    if skipped:
        sys.exit(1)


@main.command()
@PATHS
@DB
@click.option("--force", is_flag=True, help="Extract again even articles already stored unchanged.")
@MAX
@JOBS
def ingest(paths: tuple[str, ...], db: str | None, force: bool, max_chars: int, jobs: int) -> None:
    """Extract PATHS into the store, one transaction per article.

    Articles already stored with the same text are skipped, so an interrupted
    run can simply be started again.
    """
    from tidings.extract import default_extractor

    store = Store(db)
    counts: Counter[str] = Counter()
    texts: dict[str, str] = {}

    def fresh():  # type: ignore[no-untyped-def]
        for item in read_paths(paths):
            if not isinstance(item, InputError) and not force and store.is_current(item.id, item.text):
                counts["unchanged"] += 1
                continue
            if not isinstance(item, InputError):
                texts[item.id] = item.text
            yield item

    if jobs > 1:
        from tidings.engines.local import extract_parallel

        results = extract_parallel(fresh(), jobs, max_chars=max_chars)
    else:
        extractor = default_extractor()
        extractor.max_chars = max_chars
        extractor.remember(store.learned_people())  # people met in earlier articles
        results = extractor.extract_many(fresh())
    with click.progressbar(results, label="ingesting", file=sys.stderr,
                           item_show_func=lambda r: r.article_id if r else None) as bar:
        for res in bar:
            if res.status != "ok":
                counts["skipped"] += 1
                click.echo("", err=True)
                _skip_line(res.source, res.reason, res.message)
                continue
            rec = res.record
            store.put(rec, texts.pop(rec["article"]["id"]))
            counts["stored"] += 1
            counts["events"] += len(rec["events"])
            counts["quotes"] += len(rec["quotes"])
    click.echo(f"{counts['stored']} stored, {counts['unchanged']} unchanged, {counts['skipped']} skipped; "
               f"{counts['events']} events, {counts['quotes']} quotes; store: {store.path}", err=True)
    store.close()
    if counts["skipped"]:
        sys.exit(1)


@main.command()
@DB
@click.option("--code", help="Only actors with this code (PRK, NATO, WEST ...).")
@click.option("--kind", type=click.Choice(["person", "state", "igo", "bloc", "group", "organization"]),
              help="Only actors of this kind.")
@FORMAT
def actors(db: str | None, code: str | None, kind: str | None, fmt: str) -> None:
    """List the actors known to the store, most mentioned first."""
    with Store(db, readonly=True) as store:
        emit(store.actors(code, kind), ["name", "kind", "code", "sector", "role", "articles"], fmt)


@main.command()
@DB
def export(db: str | None) -> None:
    """Print the whole store as tidings/1 JSON Lines, one record per article."""
    with Store(db, readonly=True) as store:
        for rec in store.records():
            click.echo(json.dumps(rec, ensure_ascii=False))
