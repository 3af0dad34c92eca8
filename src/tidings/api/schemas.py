"""Response and request bodies of the API, as pydantic models: they are the OpenAPI document's schemas.

Records keep the codebook's field names (``tidings/1``); the API adds where each
came from (``article``, ``sentence``, ``link``). Extra fields pass through, so the
codebook can grow without breaking the API.
"""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from tidings.article import MAX_CHARS

T = TypeVar("T")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    status: int = Field(examples=[422])
    code: str = Field(examples=["bad_parameter"])
    message: str = Field(examples=["since must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD (got 'yesterday')"])
    parameter: str | None = Field(default=None, examples=["since"])


class ErrorOut(BaseModel):
    """The one shape of every error the API returns."""

    error: ErrorDetail


class Page(BaseModel, Generic[T]):
    """One page of a listing: ``total`` matching rows, ``items`` from ``offset``; ``next`` is the next page's URL."""

    total: int
    limit: int
    offset: int
    next: str | None = None
    items: list[T]


class SideRef(Open):
    ref: str | None = None
    code: str | None = None
    sector: str | None = None


class Evidence(Open):
    start: int | None = None
    end: int | None = None
    trigger: list[int | None] = []


class EventOut(Open):
    article: str
    id: str
    type: str
    mode: str | None = None
    context: list[str] = []
    factuality: str | None = None
    date: str | None = None
    date_precision: str | None = None
    location: dict[str, Any] | None = None
    actor: list[SideRef] = []
    recipient: list[SideRef] = []
    cameo: str | None = None
    goldstein: float | None = None
    confidence: float | None = None
    claim: str | None = None
    evidence: Evidence
    quad: str = Field(description="cooperation or conflict (Goldstein sign, else by type)")
    sentence: str | None = Field(default=None, description="the sentence the event was read from")
    trigger_text: str | None = None
    article_title: str | None = None
    published: str | None = None
    link: str = Field(description="the event in the article reader")


class ArticleSummary(Open):
    id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    chars: int
    events: int
    quotes: int
    claims: int
    treaties: int
    link: str


class ArticleOut(Open):
    id: str
    text: str
    record: dict[str, Any] = Field(description="the article's whole tidings/1 record")
    ingested_at: str | None = None
    extracted_by: str | None = None


class ArticleIn(BaseModel):
    """An article to extract and store (``POST /api/articles``)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_CHARS)
    id: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, max_length=40, examples=["2024-11-01"])
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)


class IngestOut(BaseModel):
    id: str
    events: int
    quotes: int
    claims: int
    treaties: int
    link: str


class ActorOut(Open):
    key: str
    name: str
    kind: str
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    articles: int


class QuoteOut(Open):
    article: str
    id: str
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_code: str | None = None
    speaker_text: str | None = None
    kind: str | None = None
    cue: str | None = None
    content: str | None = None
    start: int | None = None
    end: int | None = None
    link: str


class StanceOut(Open):
    holder: str | None = None
    holder_name: str | None = None
    code: str | None = None
    stance: str
    cue: str | None = None


class ClaimOut(Open):
    article: str
    id: str
    proposition: dict[str, Any] | None = None
    stances: list[StanceOut]
    link: str


class ObligationOut(Open):
    """A directed obligation (rows of ``tidings.store.treaties.query_obligations``)."""

    obligor: str
    beneficiary: str
    type: str
    treaty: str | None = Field(default=None, description="the treaty's name")
    treaty_id: str | None = Field(default=None, description="its id in the alliance knowledge base")
    article: str | None = Field(default=None, description="the treaty's article (clause) that binds")
    since: str | None = Field(default=None, description="bound from this day")
    source: str = Field(description="knowledge base or articles")
    evidence: list[str] = Field(default=[], description="ids of the stored articles that report it")
    link: str | None = None


class TreatyOut(Open):
    """A treaty (rows of ``tidings.store.treaties.query_treaties``)."""

    id: str | None = None
    name: str | None = None
    parties: list[str] = []
    signed: str | None = None
    in_force: str | None = None
    ended: str | None = None
    types: list[str] = []
    source: str
    evidence: list[dict[str, Any]] = []
    link: str | None = None


class PeriodCount(BaseModel):
    period: str
    type: str
    quad: str
    n: int


class TimelineOut(BaseModel):
    bucket: str
    counts: list[PeriodCount]
    undated: int = Field(description="matching events whose date is too vague for this bucket")


class Dyad(BaseModel):
    source: str
    target: str
    directed: bool
    quad: str
    n: int


class NetworkOut(BaseModel):
    edges: list[Dyad]


class ActorProfile(Open):
    """An actor (a store key) or a code (every actor coded so), with its events, quotes and stances."""

    key: str
    name: str
    kind: str
    code: str | None = None
    members: list[dict[str, Any]] = []
    counts: dict[str, int]
    timeline: list[dict[str, Any]]
    events_as_actor: list[EventOut]
    events_as_recipient: list[EventOut]
    quotes: list[QuoteOut]
    claims: list[ClaimOut]
