"""The server-rendered pages: overview, events explorer, articles and the reader, actors, the API page.

Charts and graphs are in :mod:`tidings.web.pages_charts`. Pages read the store
through the same query functions and parameter checks as the API.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from tidings.api import params as p
from tidings.api import query_records as r
from tidings.api import queries as q
from tidings.api.errors import ApiError, not_found
from tidings.api.profile import code_name, find_profile
from tidings.api.routes_events import Filter, Paging, Svc
from tidings.api.routes_records import KINDS
from tidings.api.vocab import event_types, quad, vocab
from tidings.version import __version__
from tidings.web import charts

HERE = Path(__file__).resolve().parent
NAV = (("/", "Overview"), ("/events", "Events"), ("/timeline", "Timeline"), ("/network", "Network"),
       ("/articles", "Articles"), ("/actors", "Actors"), ("/claims", "Claims"), ("/alliances", "Alliances"),
       ("/docs", "API"))
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals.update(nav=NAV, version=__version__, quad=quad, code_name=code_name)
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def render_error(request: Request, err: ApiError) -> Response:
    return render(request, "error.html", err.status, status=err.status, code=err.code, message=err.message,
                  parameter=err.parameter)


def form(request: Request, *names: str) -> dict[str, str]:
    """The raw query values, to show back in a page's filter form."""
    return {n: request.query_params.get(n, "") for n in names}


def pages(request: Request, pg: p.Page, total: int) -> dict[str, Any]:
    """Links to the previous and next pages of a listing page."""
    def at(offset: int) -> str:
        url = request.url.include_query_params(offset=offset)
        return f"{url.path}?{url.query}"
    return {"total": total, "first": min(total, pg.offset + 1), "last": min(total, pg.offset + pg.limit),
            "prev": at(max(0, pg.offset - pg.limit)) if pg.offset > 0 else None,
            "next": at(pg.offset + pg.limit) if pg.offset + pg.limit < total else None}


def safe_url(url: str | None) -> str | None:
    """Only web addresses become links: an article's ``javascript:`` URL must not."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


@router.get("/")
def overview(request: Request, svc: Svc) -> Response:
    with svc.locked() as store:
        info = r.overview(store)
        latest = r.list_articles(store, r.ArticleFilter(), limit=10, offset=0)
    return render(request, "index.html", info=info, articles=latest)


EVENT_FIELDS = ("actor", "recipient", "party", "type", "since", "until", "factuality", "article", "quad", "order")


@router.get("/events")
def events(request: Request, f: Filter, pg: Paging, svc: Svc, order: Annotated[str | None, Query()] = None) -> Response:
    srt = p.order_value(order)
    with svc.locked() as store:
        total = q.count_events(store, f)
        rows = q.query_events(store, f, limit=pg.limit, offset=pg.offset, order=srt)
    kept = {k: v for k, v in request.query_params.items() if k in EVENT_FIELDS and v}
    values = form(request, *EVENT_FIELDS) | {"order": srt}
    return render(request, "events.html", events=rows, form=values, pages=pages(request, pg, total),
                  query=("?" + urlencode(kept)) if kept else "", types=event_types(),
                  factualities=vocab()["factuality"], orders=p.EVENT_ORDERS)


@router.get("/articles")
def articles(request: Request, pg: Paging, svc: Svc, since: str | None = None, until: str | None = None,
             actor: str | None = None, q: str | None = None) -> Response:
    f = r.ArticleFilter(since=p.iso_date("since", since), until_before=p.date_upper(p.iso_date("until", until)),
                        actor=p.codes("actor", actor), q=p.text_query("q", q))
    with svc.locked() as store:
        total = r.count_articles(store, f)
        rows = r.list_articles(store, f, limit=pg.limit, offset=pg.offset)
    return render(request, "articles.html", articles=rows, pages=pages(request, pg, total),
                  form=form(request, "q", "actor", "since", "until"))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, svc: Svc) -> Response:
    from tidings.web.reader import highlight

    with svc.locked() as store:
        art = r.get_article(store, article_id)
        keys = r.actor_keys(store, article_id) if art else {}
    if art is None:
        raise not_found(f"article {article_id!r}")
    rec, text = art["record"], art["text"]
    names = {a["id"]: a["name"] for a in rec.get("actors", [])}
    meta = rec.get("article") or {"id": article_id}
    return render(request, "article.html", meta=meta, record=rec, text=text, marked=highlight(text, rec),
                  keys=keys, names=names, source_url=safe_url(meta.get("url")))


@router.get("/actors")
def actors(request: Request, pg: Paging, svc: Svc, code: str | None = None, kind: str | None = None,
           q: str | None = None) -> Response:
    kinds = p.choices("kind", kind, KINDS)
    with svc.locked() as store:
        rows, total = r.list_actors(store, code=p.codes("code", code), kind=kinds[0] if kinds else None,
                                    q=p.text_query("q", q), limit=pg.limit, offset=pg.offset)
    return render(request, "actors.html", actors=rows, pages=pages(request, pg, total), kinds=KINDS,
                  form=form(request, "q", "code", "kind"))


@router.get("/actors/{key:path}")
def actor(request: Request, key: str, svc: Svc) -> Response:
    prof = find_profile(svc, key)
    rows = [{"period": t["period"], "side": side, "n": t[side]} for t in prof["timeline"]
            for side in ("as_actor", "as_recipient") if t[side]]
    code = prof.get("code") or ""
    chart = charts.diverging(rows, "month", key="side",
                             up=charts.Series("as_actor", "side-actor", {"actor": code}),
                             down=charts.Series("as_recipient", "side-recipient", {"recipient": code}),
                             height=200)
    return render(request, "actor.html", p=prof, chart=chart)


def _describe(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_describe(s) for s in schema["anyOf"] if s.get("type") != "null")
    return str(schema.get("type") or schema.get("$ref", "").rsplit("/", 1)[-1] or "")


@router.get("/docs")
def docs(request: Request) -> Response:
    """The API reference, drawn from the OpenAPI document (no script from elsewhere needed)."""
    spec = request.app.openapi()
    ops = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            body = (((op.get("requestBody") or {}).get("content") or {}).get("application/json") or {}).get("schema")
            ops.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "anchor": f"{method}-{path}".replace("/", "-").strip("-"),
                "parameters": [{"name": x["name"], "in": x["in"], "required": x.get("required", False),
                                "type": _describe(x.get("schema", {})), "description": x.get("description", "")}
                               for x in op.get("parameters", [])],
                "body": _describe(body) if body else None,
                "responses": [(code, v.get("description", "")) for code, v in op.get("responses", {}).items()]})
    return render(request, "docs.html", spec=spec, operations=ops)


def install(app: FastAPI) -> None:
    """Mount the pages, the static files and the HTML error page on ``app``."""
    from tidings.web import pages_charts

    app.state.render_error = render_error
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(router)
    app.include_router(pages_charts.router)

