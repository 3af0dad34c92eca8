"""``quotes`` and ``claims``: who said what, and who stands where, with the evidence sentence."""
from __future__ import annotations

import click

from tidings.cli import main
from tidings.cli.output import DB, FORMAT, emit
from tidings.store import Store
from tidings.store.speech import query_claims, query_quotes

LIMIT = click.option("--limit", type=click.IntRange(1), default=100, show_default=True, help="At most this many rows.")
OFFSET = click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Skip this many rows.")
ARTICLE = click.option("--article", help="Only this article (its id).")


@main.command()
@DB
@click.option("--speaker", help="Only quotes of this speaker: an actor code (PRK) or part of a name.")
@ARTICLE
@LIMIT
@OFFSET
@FORMAT
def quotes(db: str | None, speaker: str | None, article: str | None, limit: int, offset: int, fmt: str) -> None:
    """Who said what: stored quotes with their speaker, cue and sentence."""
    with Store(db, readonly=True) as store:
        rows = query_quotes(store, speaker=speaker, article=article, limit=limit, offset=offset)
    columns = ["article", "speaker", "speaker_code", "kind", "cue", "content", "source_of", "evidence"]
    emit(rows, columns, fmt)


@main.command()
@DB
@click.option("--actor", help="Only claims this actor (a code: UKR, WEST ...) takes a stance on or takes part in.")
@ARTICLE
@LIMIT
@OFFSET
@FORMAT
def claims(db: str | None, actor: str | None, article: str | None, limit: int, offset: int, fmt: str) -> None:
    """Who stands where: stored claims, one row per stance, with the claim's evidence sentence."""
    with Store(db, readonly=True) as store:
        found = query_claims(store, actor=actor, article=article, limit=limit, offset=offset)
    if fmt == "jsonl":
        emit(found, [], fmt)
        return
    rows = []
    for c in found:
        proposition = f"{c['type'] or '?'} {'|'.join(c['actor']) or '?'}->{'|'.join(c['recipient']) or '-'}"
        for s in c["stances"] or [{}]:
            rows.append({"article": c["article"], "claim": c["id"], "proposition": proposition,
                         "holder": s.get("holder"), "code": s.get("code"), "stance": s.get("stance"),
                         "cue": s.get("cue"), "evidence": c["evidence"]})
    emit(rows, ["article", "claim", "proposition", "holder", "code", "stance", "cue", "evidence"], fmt)
