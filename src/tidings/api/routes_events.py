"""``/api/events`` (listing, one event, CSV and JSON Lines downloads), ``/api/timeline``, ``/api/network``."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from tidings.api import params as p
from tidings.api import queries as q
from tidings.api.app import Service, service
from tidings.api.errors import bad_parameter, not_found
from tidings.api.schemas import ErrorOut, EventOut, NetworkOut, Page, TimelineOut

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorOut, "description": "a bad parameter"}, 404: {"model": ErrorOut, "description": "not found"}}
router = APIRouter(prefix="/api", tags=["events"], responses=ERRORS)
DOWNLOAD_MAX = 100_000
CSV_COLUMNS = ("article", "id", "date", "date_precision", "type", "mode", "factuality", "actor", "recipient",
               "quad", "goldstein", "cameo", "confidence", "claim", "trigger_text", "sentence", "link")


def event_filter(
    actor: Annotated[str | None, Query(description="Actor codes, comma-separated (any of): PRK or PRK,RUS")] = None,
    recipient: Annotated[str | None, Query(description="Recipient codes, comma-separated (any of)")] = None,
    party: Annotated[str | None, Query(description="Codes that must all take part, on either side")] = None,
    type: Annotated[str | None, Query(description="PLOVER types, comma-separated: CONSULT,ACCUSE")] = None,
    since: Annotated[str | None, Query(description="Events on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="Events on or before this date (a month means its last day)")] = None,
    factuality: Annotated[str | None, Query(description="asserted, alleged, denied, negated, future, hypothetical")] = None,
    article: Annotated[str | None, Query(description="Only this article's events", max_length=200)] = None,
    quad: Annotated[str | None, Query(description="cooperation or conflict")] = None,
) -> q.EventFilter:
    """The event filters every events route and page accepts, checked."""
    lo, hi = p.iso_date("since", since), p.iso_date("until", until)
    if lo and hi and lo > hi:
        raise bad_parameter("until", f"until ({hi}) is before since ({lo})")
    return q.EventFilter(actor=p.codes("actor", actor), recipient=p.codes("recipient", recipient),
                         party=p.codes("party", party), type=p.event_type_list(type), since=lo,
                         until_before=p.date_upper(hi), factuality=p.factuality_list(factuality),
                         article=article or None, quad=p.quad_value(quad))


Filter = Annotated[q.EventFilter, Depends(event_filter)]
Paging = Annotated[p.Page, Depends(p.page)]
Svc = Annotated[Service, Depends(service)]
Order = Annotated[str | None, Query(description=f"Sort: {', '.join(p.EVENT_ORDERS)} (default -date)")]


def next_link(request: Request, pg: p.Page, total: int) -> str | None:
    """The relative URL of the next page, or None on the last one."""
    if pg.offset + pg.limit >= total:
        return None
    url = request.url.include_query_params(offset=pg.offset + pg.limit, limit=pg.limit)
    return f"{url.path}?{url.query}"


@router.get("/events", response_model=Page[EventOut], summary="Events, filtered and paged")
def list_events(request: Request, f: Filter, pg: Paging, svc: Svc, order: Order = None) -> dict[str, Any]:
    """PLOVER events, newest first, each with its sentence and a link to it in the article reader.

    Example: `/api/events?actor=PRK&since=2024-10-01&type=CONSULT,AGREE`.
    """
    srt = p.order_value(order)
    with svc.locked() as store:
        total = q.count_events(store, f)
        items = q.query_events(store, f, limit=pg.limit, offset=pg.offset, order=srt)
    return {"total": total, "limit": pg.limit, "offset": pg.offset, "next": next_link(request, pg, total),
            "items": items}


def _download_rows(svc: Service, f: q.EventFilter, order: str, limit: int) -> Iterator[dict[str, Any]]:
    # page through the view so that the lock is held for one chunk at a time
    done = 0
    while done < limit:
        with svc.locked() as store:
            rows = q.query_events(store, f, limit=min(1000, limit - done), offset=done, order=order)
        yield from rows
        if len(rows) < 1000:
            return
        done += len(rows)


def _csv_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for r in rows:
        flat = dict(r, actor="|".join(a["code"] or "?" for a in r["actor"]),
                    recipient="|".join(a["code"] or "?" for a in r["recipient"]))
        w.writerow(["" if flat.get(c) is None else flat[c] for c in CSV_COLUMNS])
        if buf.tell() > 65536:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


DownloadLimit = Annotated[int, Query(ge=1, le=DOWNLOAD_MAX, description=f"At most this many rows (<= {DOWNLOAD_MAX})")]


@router.get("/events.csv", summary="The filtered events as CSV", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}}})
def events_csv(f: Filter, svc: Svc, order: Order = None, limit: DownloadLimit = DOWNLOAD_MAX) -> StreamingResponse:
    """Every event the filters select (the explorer's view), one row each; actor codes joined with `|`."""
    rows = _download_rows(svc, f, p.order_value(order), limit)
    return StreamingResponse(_csv_lines(rows), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/events.jsonl", summary="The filtered events as JSON Lines", response_class=StreamingResponse,
            responses={200: {"content": {"application/x-ndjson": {}}}})
def events_jsonl(f: Filter, svc: Svc, order: Order = None, limit: DownloadLimit = DOWNLOAD_MAX) -> StreamingResponse:
    """Every event the filters select, one JSON object per line, in the shape of `/api/events` items."""
    rows = _download_rows(svc, f, p.order_value(order), limit)
    return StreamingResponse((json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                             media_type="application/x-ndjson; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="events.jsonl"'})


@router.get("/events/{article}/{event_id}", response_model=EventOut, summary="One event")
def one_event(article: str, event_id: str, svc: Svc) -> dict[str, Any]:
    with svc.locked() as store:
        ev = q.get_event(store, article, event_id)
    if ev is None:
        raise not_found(f"event {event_id!r} in article {article!r}")
    return ev


Bucket = Annotated[str, Query(description="year, month, week or day")]


def bucket_value(bucket: str) -> str:
    if bucket not in ("year", "month", "week", "day"):
        raise bad_parameter("bucket", f"bucket must be year, month, week or day (got {bucket!r})")
    return bucket


@router.get("/timeline", response_model=TimelineOut, summary="Event counts over time, by type")
def timeline(f: Filter, svc: Svc, bucket: Bucket = "month") -> dict[str, Any]:
    """How many events each period had, by PLOVER type and cooperation/conflict, under the same filters as /api/events."""
    b = bucket_value(bucket)
    with svc.locked() as store:
        counts, vague = q.event_counts(store, f, b)
    return {"bucket": b, "counts": counts, "undated": vague}


@router.get("/network", response_model=NetworkOut, summary="Who acts on whom: event counts by pair of codes")
def network(f: Filter, svc: Svc) -> dict[str, Any]:
    """Pairs of actor codes with their event counts by cooperation/conflict; `directed` pairs go actor -> recipient."""
    with svc.locked() as store:
        edges = q.dyads(store, f)
    return {"edges": edges}
