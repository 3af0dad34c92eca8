#!/usr/bin/env python3
"""Latency of ``GET /api/events`` on a large synthetic store: p50 and p95 in milliseconds.

    python benchmarks/api_latency.py [--events 100000] [--rounds 20] [--explain] [--keep PATH] [--proposed-index]

The store is generated directly with ``executemany`` (10 events per article, 40
state codes, dates over six years), then each query below is sent ``--rounds``
times through the in-process test client, so the figures include routing,
validation, SQL and JSON. ``--explain`` prints SQLite's plan for each filter.
``--proposed-index`` first adds the index that makes the actor filters covering
(not yet in ``schema.sql``), to measure what it buys.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from tidings.api import create_app
from tidings.api.routes_events import event_filter
from tidings.api.vocab import event_types
from tidings.store import Store

CODES = ("USA RUS CHN UKR PRK KOR JPN IND PAK IRN ISR PSE SYR TUR SAU EGY DEU FRA GBR POL "
         "BLR GEO ARM AZE KAZ VNM PHL IDN AUS BRA ARG MEX VEN COL NGA ETH SDN KEN ZAF MLI").split()
FACTS = ["asserted"] * 8 + ["alleged", "denied", "future", "negated"]
QUERIES = [
    "", "actor=PRK", "recipient=UKR", "type=ASSAULT", "since=2024-01-01&until=2024-03-31",
    "actor=RUS&type=CONSULT&since=2023", "factuality=alleged", "party=USA,CHN", "quad=conflict&actor=ISR",
    "actor=PRK&recipient=RUS&since=2024-06", "limit=500", "offset=20000&limit=100", "order=type&type=AID,SUPPORT",
]
EVENTS_PER_ARTICLE = 10
PROPOSED_INDEX = "CREATE INDEX IF NOT EXISTS event_actors_code_event ON event_actors(code, side, article_id, event_id)"


def generate(path: Path, n_events: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    types = list(event_types())
    store = Store(path)
    db = store.db
    n_articles = max(1, n_events // EVENTS_PER_ARTICLE)
    start = 18262  # 2020-01-01 as days since 1970
    body = "Officials said on Monday that talks would go on. " * 6
    articles, events, sides, mentions = [], [], [], []
    actors = [(f"state|{c}||", c, "state", c, "GOV", None) for c in CODES]
    for a in range(n_articles):
        aid = f"syn-{a:06d}"
        day = start + rnd.randrange(6 * 365)
        published = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
        used = rnd.sample(CODES, 4)
        articles.append((aid, None, "Synthetic Wire", published, f"Synthetic article {a}", "en", body,
                         f"sha1-{a:016x}", json.dumps({"schema": "tidings/1", "article": {"id": aid}}), "bench"))
        for i, c in enumerate(used, 1):
            mentions.append((aid, f"a{i}", f"state|{c}||", "[[0, 9]]"))
        for e in range(1, EVENTS_PER_ARTICLE + 1):
            t = rnd.choice(types)
            src, dst = rnd.sample(range(1, 5), 2)
            date = time.strftime("%Y-%m-%d", time.gmtime((day - rnd.randrange(10)) * 86400))
            gold = None if rnd.random() < 0.5 else round(rnd.uniform(-10, 10), 1)
            s0 = 49 * (e % 6)
            events.append((aid, f"e{e}", t, None, "[]", rnd.choice(FACTS), date, "day", None, None,
                           used[src - 1], used[dst - 1], None, gold, 0.7, None, s0, s0 + 48, s0 + 10, s0 + 14))
            sides.append((aid, f"e{e}", "actor", f"a{src}", used[src - 1], "GOV"))
            sides.append((aid, f"e{e}", "recipient", f"a{dst}", used[dst - 1], "GOV"))
    with db:
        db.executemany("INSERT INTO actors (key, name, kind, code, sector, role) VALUES (?,?,?,?,?,?)", actors)
        db.executemany("INSERT INTO articles (id, url, outlet, published, title, language, text, content_hash,"
                       " record, extracted_by) VALUES (?,?,?,?,?,?,?,?,?,?)", articles)
        db.executemany("INSERT INTO mentions VALUES (?,?,?,?)", mentions)
        db.executemany("INSERT INTO events (article_id, local_id, type, mode, context, factuality, date,"
                       " date_precision, location, location_code, actor_codes, recipient_codes, cameo, goldstein,"
                       " confidence, claim_id, sent_start, sent_end, trigger_start, trigger_end)"
                       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events)
        db.executemany("INSERT INTO event_actors VALUES (?,?,?,?,?,?)", sides)
    db.execute("ANALYZE")
    store.close()


def explain(store: Store) -> None:
    from tidings.api import queries as q

    for query in QUERIES:
        args = dict(part.split("=", 1) for part in query.split("&") if part)
        f = event_filter(**{k: v for k, v in args.items() if k not in ("limit", "offset", "order")})
        where, params = f.where()
        plan = store.db.execute(f"EXPLAIN QUERY PLAN SELECT e.rowid FROM events e WHERE {where}"
                                " ORDER BY e.date DESC, e.rowid LIMIT 50", params).fetchall()
        print(f"  {query or '(no filter)'}")
        for row in plan:
            print(f"      {row[3]}")
        assert q.count_events(store, f) >= 0


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000, help="synthetic events to generate (default 100000)")
    ap.add_argument("--rounds", type=int, default=20, help="times each query is sent (default 20)")
    ap.add_argument("--explain", action="store_true", help="print the SQLite query plans")
    ap.add_argument("--keep", type=Path, help="write the store here and keep it (default: a temporary file)")
    ap.add_argument("--proposed-index", action="store_true", help="add the proposed covering index first")
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = opts.keep or Path(tmp) / "bench.sqlite"
        if not path.exists():
            t0 = time.perf_counter()
            generate(path, opts.events)
            print(f"generated {opts.events:,} events in {time.perf_counter() - t0:.1f} s ({path})")
        if opts.proposed_index:
            with Store(path) as writable:
                writable.db.execute(PROPOSED_INDEX)
                writable.db.execute("ANALYZE")
                writable.db.commit()
            print(f"with: {PROPOSED_INDEX}")
        store = Store(path, readonly=True)
        total = store.count("events")
        if opts.explain:
            print("query plans:")
            explain(store)
        client = TestClient(create_app(store=store))
        client.get("/api/events")  # warm up: imports, first statement preparation
        per: dict[str, list[float]] = {q: [] for q in QUERIES}
        for _ in range(opts.rounds):
            for query in QUERIES:
                t0 = time.perf_counter()
                r = client.get(f"/api/events?{query}")
                per[query].append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    print(f"error on {query}: {r.status_code} {r.text[:200]}", file=sys.stderr)
                    return 1
        everything = [x for v in per.values() for x in v]
        print(f"\n/api/events on a store of {total:,} events, {opts.rounds} rounds of {len(QUERIES)} queries")
        print(f"{'query':45} {'p50 ms':>8} {'p95 ms':>8} {'matches':>9}")
        for query, times in per.items():
            matches = client.get(f"/api/events?{query}").json()["total"]
            print(f"{query or '(no filter)':45} {statistics.median(times):8.1f} {pct(times, 95):8.1f} {matches:9,}")
        print(f"{'all requests':45} {statistics.median(everything):8.1f} {pct(everything, 95):8.1f}")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
