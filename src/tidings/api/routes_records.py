"""``/api`` routes for articles (read and, with the token, write), actors, quotes, claims and treaties."""
from __future__ import annotations

import hmac
from urllib.parse import quote
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query, Request

from tidings.api import params as p
from tidings.api import query_records as r
from tidings.api.app import Service
from tidings.api.errors import ApiError, bad_parameter, not_found
from tidings.api.profile import find_profile
from tidings.api.routes_events import ERRORS, Paging, Svc, next_link
from tidings.api.schemas import (ActorOut, ActorProfile, ArticleIn, ArticleOut, ArticleSummary, ClaimOut,
                                 ErrorOut, IngestOut, ObligationOut, Page, QuoteOut, TreatyOut)
from tidings.api.vocab import vocab

router = APIRouter(prefix="/api", responses=ERRORS)
KINDS = ("person", "state", "igo", "bloc", "group", "organization", "place")
Codes = Annotated[str | None, Query(description="Actor codes, comma-separated (any of)")]
ArticleId = Annotated[str | None, Query(description="Only this article", max_length=200)]
Text = Annotated[str | None, Query(description="Text to look for (case-insensitive)")]


def _page(request: Request, pg: p.Page, items: list[dict[str, Any]], total: int) -> dict[str, Any]:
    return {"total": total, "limit": pg.limit, "offset": pg.offset, "next": next_link(request, pg, total),
            "items": items}


@router.get("", tags=["store"], summary="What the store holds, and the routes")
def index(request: Request, svc: Svc) -> dict[str, Any]:
    with svc.locked() as store:
        info = r.overview(store)
    routes = sorted(path for path in request.app.openapi()["paths"] if path.startswith("/api/"))
    return {**info, "writable": svc.writable, "routes": routes, "docs": "/docs", "openapi": "/openapi.json"}


@router.get("/articles", response_model=Page[ArticleSummary], tags=["articles"], summary="Articles, newest first")
def list_articles(request: Request, pg: Paging, svc: Svc,
                  since: Annotated[str | None, Query(description="Published on or after")] = None,
                  until: Annotated[str | None, Query(description="Published on or before")] = None,
                  outlet: Annotated[str | None, Query(max_length=200)] = None,
                  actor: Codes = None, q: Text = None) -> dict[str, Any]:
    """Articles with their record counts. `q` looks in titles and ids; `actor` keeps articles mentioning those codes."""
    f = r.ArticleFilter(since=p.iso_date("since", since), until_before=p.date_upper(p.iso_date("until", until)),
                        outlet=outlet or None, actor=p.codes("actor", actor), q=p.text_query("q", q))
    with svc.locked() as store:
        total = r.count_articles(store, f)
        items = r.list_articles(store, f, limit=pg.limit, offset=pg.offset)
    return _page(request, pg, items, total)


@router.get("/articles/{article_id}", response_model=ArticleOut, tags=["articles"],
            summary="One article: its text and its whole record")
def get_article(article_id: Annotated[str, Path(max_length=200)], svc: Svc) -> dict[str, Any]:
    with svc.locked() as store:
        art = r.get_article(store, article_id)
    if art is None:
        raise not_found(f"article {article_id!r}")
    return art


def _check_token(svc: Service, authorization: str | None) -> None:
    if svc.token is None:
        raise ApiError(403, "writing is disabled: start the server with --token (or $TIDINGS_TOKEN) to allow it",
                       code="writing_disabled")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), svc.token.encode()):
        raise ApiError(401, "a valid token is needed: send the header Authorization: Bearer <token>",
                       code="unauthorized", headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", response_model=IngestOut, status_code=201, tags=["articles"],
             summary="Extract an article and store it (needs the token)",
             responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}})
def post_article(request: Request, svc: Svc, article: Annotated[ArticleIn, Body()]) -> dict[str, Any]:
    """Runs the extractor on the article and stores its record, replacing any earlier version with the same id."""
    _check_token(svc, request.headers.get("authorization"))
    extractor = svc.extractor() if svc.extractor else _default_extractor()
    item = {k: v for k, v in article.model_dump().items() if v is not None}
    result = next(iter(extractor.extract_many([item])))
    if result.status != "ok":
        raise ApiError(422, f"the article cannot be extracted: {result.message} [{result.reason}]",
                       code="unreadable_article")
    rec = result.record
    with svc.locked() as store:
        store.put(rec, article.text)
    aid = rec["article"]["id"]
    return {"id": aid, **{k: len(rec.get(k, [])) for k in ("events", "quotes", "claims", "treaties")},
            "link": f"/api/articles/{quote(aid, safe='')}"}


def _default_extractor() -> Any:
    from tidings.extract import default_extractor

    return default_extractor()


@router.get("/actors", response_model=Page[ActorOut], tags=["actors"], summary="Actors, most mentioned first")
def list_actors(request: Request, pg: Paging, svc: Svc, code: Codes = None,
                kind: Annotated[str | None, Query(description=", ".join(KINDS))] = None,
                q: Text = None) -> dict[str, Any]:
    kinds = p.choices("kind", kind, KINDS)
    with svc.locked() as store:
        items, total = r.list_actors(store, code=p.codes("code", code), kind=kinds[0] if kinds else None,
                                     q=p.text_query("q", q), limit=pg.limit, offset=pg.offset)
    return _page(request, pg, [i | {"link": f"/actors/{i['key']}"} for i in items], total)


@router.get("/actors/{key:path}", response_model=ActorProfile, tags=["actors"], summary="An actor's profile")
def get_actor(key: str, svc: Svc) -> dict[str, Any]:
    """`key` is a code (`PRK`: every actor coded PRK) or a store actor key from `/api/actors`.

    The profile has the events as actor and as recipient by month, the latest events, quotes and claim stances.
    """
    return find_profile(svc, key)


@router.get("/quotes", response_model=Page[QuoteOut], tags=["speech"], summary="Quotes, by speaker")
def list_quotes(request: Request, pg: Paging, svc: Svc,
                speaker: Annotated[str | None, Query(description="Speaker codes, comma-separated")] = None,
                article: ArticleId = None, q: Text = None) -> dict[str, Any]:
    with svc.locked() as store:
        items, total = r.list_quotes(store, speaker=p.codes("speaker", speaker), article=article,
                                     q=p.text_query("q", q), limit=pg.limit, offset=pg.offset)
    return _page(request, pg, items, total)


@router.get("/claims", response_model=Page[ClaimOut], tags=["speech"], summary="Disputed claims and who stands where")
def list_claims(request: Request, pg: Paging, svc: Svc,
                actor: Annotated[str | None, Query(description="Codes of a stance holder")] = None,
                stance: Annotated[str | None, Query(description="asserts, alleges, denies, confirms, declines")] = None,
                article: ArticleId = None) -> dict[str, Any]:
    stances = p.choices("stance", stance, vocab()["stances"])
    with svc.locked() as store:
        items, total = r.list_claims(store, actor=p.codes("actor", actor), stance=stances, article=article,
                                     limit=pg.limit, offset=pg.offset)
    return _page(request, pg, items, total)


@router.get("/treaties", response_model=Page[TreatyOut], tags=["treaties"],
            summary="Treaties: the alliance knowledge base and those the articles report")
def list_treaties(request: Request, pg: Paging, svc: Svc,
                  party: Annotated[str | None, Query(description="A code that must be a party")] = None,
                  source: Annotated[str | None, Query(description="knowledge base or articles")] = None) -> dict[str, Any]:
    """Standing treaties (with their reference) merged with the treaties extracted from stored articles;
    `evidence` lists the articles that report each."""
    from tidings.store.treaties import query_treaties

    codes = p.codes("party", party)
    if len(codes) > 1:
        raise bad_parameter("party", "party takes one code")
    kinds = p.choices("source", source, ("knowledge base", "articles"))
    with svc.locked() as store:
        rows = query_treaties(store, party=codes[0] if codes else None)
    rows = [t | {"link": r.treaty_link(t)} for t in rows if not kinds or t.get("source") in kinds]
    return _page(request, pg, rows[pg.offset:pg.offset + pg.limit], len(rows))


@router.get("/obligations", response_model=Page[ObligationOut], tags=["treaties"],
            summary="Treaty obligations in force on a date: who must act for whom")
def list_obligations(request: Request, pg: Paging, svc: Svc, obligor: Codes = None, beneficiary: Codes = None,
                     type: Annotated[str | None, Query(description="defense, offense, neutrality, nonaggression,"
                                                                    " consultation")] = None,
                     on: Annotated[str | None, Query(description="In force on this date (default: today)")] = None,
                     source: Annotated[str | None, Query(description="all (default), reported (by a stored"
                                                                     " article), articles, knowledge base")] = None,
                     article: ArticleId = None) -> dict[str, Any]:
    """Directed obligations (obligor must act for beneficiary) of the alliance knowledge base and of the
    treaties extracted from stored articles; `evidence` lists the articles that report each."""
    kinds = p.choices("type", type, vocab()["obligations"])
    src = p.choices("source", source, r.SOURCES)
    with svc.locked() as store:
        rows = r.select_obligations(store, obligor=p.codes("obligor", obligor),
                                    beneficiary=p.codes("beneficiary", beneficiary), type=kinds,
                                    on=p.iso_date("on", on), source=src[0] if src else "all", article=article)
    return _page(request, pg, rows[pg.offset:pg.offset + pg.limit], len(rows))
