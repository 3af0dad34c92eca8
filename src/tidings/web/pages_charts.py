"""The pages that draw: timeline, actor network, claims board, alliances on a date."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from tidings.api import params as p
from tidings.api import queries as q
from tidings.api import query_records as r
from tidings.api.errors import bad_parameter
from tidings.api.profile import code_name
from tidings.api.routes_events import Filter, Paging, Svc
from tidings.api.vocab import event_types, vocab
from tidings.store import events as store_events
from tidings.web import charts, graph
from tidings.web.pages import form, pages, render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
CHART_FIELDS = ("actor", "recipient", "party", "type", "since", "until", "factuality", "quad")


def _filters(request: Request) -> dict[str, str]:
    """The filters in force, to carry into the links of bars and edges."""
    return {k: v for k, v in request.query_params.items() if k in CHART_FIELDS and v}


def _names(rows: list[dict[str, Any]], *fields: str) -> dict[str, str]:
    """Display names of the codes in ``rows``' ``fields`` (PRK -> North Korea)."""
    return {c: code_name(c) or c for row in rows for c in (row[f] for f in fields) if c}


def _focus(store: Any, f: q.EventFilter) -> tuple[q.EventFilter, str | None, int, str | None]:
    """Where the automatic timeline starts: at the 5th percentile of dates when a few old background
    events (a treaty of 1974 recalled in 2024) would otherwise squeeze the rest into one bar.

    Returns the filter to draw (from the month of that date), the first date, how many earlier events are
    left out, and the last date.
    """
    first, last, n, p5 = store_events.date_range(store, share=20, **f.filters())
    if f.since or n < 20 or not first:
        return f, first, 0, last
    if charts.span_days(first, last) <= 3 * max(charts.span_days(p5, last), 30):
        return f, first, 0, last
    start = p5[:7]
    before = min(start, f.until_before) if f.until_before else start
    older = store_events.count_events(store, **(f.filters() | {"own_before": before}))
    return dataclasses.replace(f, since=start), p5, int(older), last


@router.get("/timeline")
def timeline(request: Request, f: Filter, svc: Svc, bucket: Annotated[str, Query()] = "auto") -> Response:
    if bucket not in ("auto", *charts.BUCKETS):
        raise bad_parameter("bucket", f"bucket must be auto, {', '.join(charts.BUCKETS)} (got {bucket!r})")
    note, older, first = "", 0, None
    with svc.locked() as store:
        if bucket == "auto":
            f, first, older, last = _focus(store, f)
            bucket, note = charts.pick_bucket(first, last), "chosen to fit"
        counts, vague = q.event_counts(store, f, bucket)
        dated = sorted(c["period"] for c in counts if c["period"])
        # a fine bucket over a long span would draw thousands of slivers: coarsen it
        while dated and bucket != "year" and len(charts.periods(dated[0], dated[-1], bucket, most=401)) > 400:
            bucket = charts.BUCKETS[charts.BUCKETS.index(bucket) + 1]
            note = "coarsened to fit"
            counts, vague = q.event_counts(store, f, bucket)
            dated = sorted(c["period"] for c in counts if c["period"])
    links = _filters(request) | ({"since": f.since} if older and f.since else {})
    everything = request.url.include_query_params(bucket="year")
    order = list(event_types())
    return render(request, "timeline.html", bucket=bucket, note=note, undated=vague, types=order,
                  older=older, start=first, all_years=f"{everything.path}?{everything.query}",
                  by_type=charts.stacked(counts, bucket, order, filters=links),
                  by_quad=charts.diverging(counts, bucket, filters=links),
                  form=form(request, "actor", "party", "since", "until") | {"bucket": request.query_params.get(
                      "bucket", "auto")})


@router.get("/network")
def network(request: Request, f: Filter, svc: Svc) -> Response:
    with svc.locked() as store:
        dyads = q.dyads(store, f)
    drawing = graph.network(dyads, _names(dyads, "source", "target"), filters=_filters(request))
    dyads.sort(key=lambda d: (-d["n"], d["source"], d["target"]))
    return render(request, "network.html", drawing=drawing, dyads=dyads[:200], types=event_types(),
                  factualities=vocab()["factuality"], form=form(request, "type", "since", "until", "factuality"))


@router.get("/claims")
def claims(request: Request, pg: Paging, svc: Svc, actor: str | None = None, stance: str | None = None) -> Response:
    stances = p.choices("stance", stance, vocab()["stances"])
    with svc.locked() as store:
        rows, total = r.list_claims(store, actor=p.codes("actor", actor), stance=stances, article=None,
                                    limit=pg.limit, offset=pg.offset)
    return render(request, "claims.html", claims=rows, pages=pages(request, pg, total), stances=vocab()["stances"],
                  form=form(request, "actor", "stance"))


@router.get("/alliances")
def alliances(request: Request, svc: Svc, on: str | None = None, party: str | None = None,
              source: str = "reported") -> Response:
    day = p.iso_date("on", on) or dt.date.today().isoformat()
    parties = p.codes("party", party)
    src = p.choices("source", source, r.SOURCES)
    with svc.locked() as store:
        rows = r.select_obligations(store, obligor=[], beneficiary=[], type=[], on=day,
                                    source=src[0] if src else "reported")
    if parties:
        rows = [o for o in rows if o["obligor"] in parties or o["beneficiary"] in parties]
    for o in rows:
        o["link"] = o["link"] or "/api/obligations?" + urlencode(
            {"obligor": o["obligor"], "beneficiary": o["beneficiary"], "on": day})
    return render(request, "alliances.html", on=day, obligations=rows[:2000], shown=min(len(rows), 2000),
                  total=len(rows), drawing=graph.alliances(rows, _names(rows, "obligor", "beneficiary")),
                  obligation_types=vocab()["obligations"], sources=r.SOURCES,
                  form=form(request, "party") | {"source": src[0] if src else "reported"})
