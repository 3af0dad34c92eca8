"""A processed ``Doc`` to its ``tidings/1`` record: plain dicts, ids assigned in order."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from tidings.version import __version__
from tidings.model import Actor, Claim, Event, Quote, Treaty

SCHEMA = "tidings/1"


def _ref(actor: Actor | None) -> str | None:
    return actor.id if actor is not None else None


def actor_dict(a: Actor) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "kind": a.kind, "code": a.code, "sector": a.sector,
            "role": a.role, "source": a.source, "mentions": [list(m) for m in sorted(a.mentions)]}


def event_dict(e: Event) -> dict[str, Any]:
    evidence = {"start": e.sentence[0], "end": e.sentence[1], "trigger": list(e.trigger)}
    out: dict[str, Any] = {
        "id": e.id, "type": e.type, "mode": e.mode, "context": list(e.context),
        "actor": [a.ref() for a in e.actor], "recipient": [a.ref() for a in e.recipient],
        "date": e.date, "date_precision": e.date_precision, "location": e.location,
        "factuality": e.factuality, "claim": e.claim.id if e.claim else None,
        "evidence": evidence, "cameo": e.cameo, "goldstein": e.goldstein,
        "confidence": round(e.confidence, 2),
    }
    if e.extra_evidence:
        out["evidence_all"] = [evidence, *e.extra_evidence]
    return out


def quote_dict(q: Quote) -> dict[str, Any]:
    return {"id": q.id, "speaker": _ref(q.speaker), "speaker_text": q.speaker_text, "cue": q.cue,
            "kind": q.kind, "content": q.content, "start": q.start, "end": q.end,
            "source_of": _ref(q.source_of)}


def claim_dict(c: Claim) -> dict[str, Any]:
    return {"id": c.id, "proposition": c.proposition.id,
            "stances": [{"holder": _ref(s.holder), "code": s.holder.code if s.holder else None,
                         "stance": s.stance, "cue": s.cue, "evidence": list(s.evidence)}
                        for s in c.stances]}


def treaty_dict(t: Treaty) -> dict[str, Any]:
    return {"id": t.id, "name": t.name, "parties": list(t.parties), "signed": t.signed,
            "ratified": list(t.ratified), "in_force": t.in_force,
            "obligations": [vars(o).copy() for o in t.obligations],
            "evidence": [list(s) for s in t.evidence]}


def build_record(doc: Doc) -> dict[str, Any]:
    art = doc._.article
    actors: list[Actor] = doc._.actors or []
    events: list[Event] = doc._.events or []
    quotes: list[Quote] = doc._.quotes or []
    claims: list[Claim] = doc._.claims or []
    treaties: list[Treaty] = doc._.treaties or []
    for prefix, items in (("a", actors), ("e", events), ("q", quotes), ("c", claims), ("t", treaties)):
        for n, item in enumerate(items, 1):
            item.id = f"{prefix}{n}"
    return {
        "schema": SCHEMA,
        "article": art.meta() if art is not None else {"id": None},
        "actors": [actor_dict(a) for a in actors],
        "events": [event_dict(e) for e in events],
        "quotes": [quote_dict(q) for q in quotes],
        "claims": [claim_dict(c) for c in claims],
        "treaties": [treaty_dict(t) for t in treaties],
        "provenance": {"tidings": __version__},
    }
