"""What the pipeline components write onto a ``Doc``: actors, events, quotes, claims, treaties.

These are working objects that reference each other; :mod:`tidings.record` turns
them into ``tidings/1`` dictionaries, numbering them ``a1``, ``e1``, ``q1`` ... on the way.
Offsets are character offsets into the article text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(eq=False)
class Actor:
    name: str
    kind: str  # person | state | igo | bloc | group | organization | place
    code: str | None
    sector: str | None = None
    role: str | None = None
    gender: str | None = None  # "f" | "m" | None, for pronoun resolution
    mentions: list[Span] = field(default_factory=list)
    source: str = "text"  # where the code came from: gazetteer | officeholders | learned | text
    id: str = ""

    def ref(self) -> dict[str, Any]:
        return {"ref": self.id, "code": self.code, "sector": self.sector}


@dataclass(eq=False)
class Mention:
    """Tokens ``start:end`` of the doc that refer to ``actor``."""

    start: int
    end: int
    actor: Actor
    kind: str  # name | metonym | adjective | description | pronoun | group


@dataclass(eq=False)
class Event:
    type: str
    actor: list[Actor]
    recipient: list[Actor] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    factuality: str = "asserted"
    sentence: Span = (0, 0)
    trigger: Span = (0, 0)
    trigger_token: int = -1  # token index of the trigger, for components that run later
    date: str | None = None
    date_precision: str | None = None
    location: dict[str, Any] | None = None
    cameo: str | None = None
    goldstein: float | None = None
    confidence: float = 0.5
    claim: Claim | None = None
    extra_evidence: list[dict[str, Any]] = field(default_factory=list)
    # the ACCUSE (or report) event whose content this alleged event is; not serialised
    reported_by: Event | None = None
    id: str = ""


@dataclass(eq=False)
class Stance:
    holder: Actor | None
    stance: str  # asserts | alleges | denies | confirms | declines
    cue: str
    evidence: Span = (0, 0)


@dataclass(eq=False)
class Claim:
    proposition: Event
    stances: list[Stance] = field(default_factory=list)
    id: str = ""


@dataclass(eq=False)
class Quote:
    kind: str  # direct | indirect | mixed
    content: str
    start: int
    end: int
    speaker: Actor | None = None
    speaker_text: str | None = None
    cue: str | None = None
    source_of: Actor | None = None
    id: str = ""


@dataclass
class Obligation:
    obligor: str
    beneficiary: str
    type: str  # defense | offense | neutrality | nonaggression | consultation
    trigger: str | None = None
    scope: str | None = None


@dataclass(eq=False)
class Treaty:
    name: str | None
    parties: list[str] = field(default_factory=list)
    signed: str | None = None
    ratified: list[dict[str, Any]] = field(default_factory=list)
    in_force: str | None = None
    obligations: list[Obligation] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    id: str = ""
