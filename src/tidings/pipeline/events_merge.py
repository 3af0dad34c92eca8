"""Which coded events an article keeps, and how repeats merge (CODEBOOK coding rule 1).

Kept: events with at least one actor that has a code. A recipient that is one of the
actors is dropped; an event whose recipients are exactly its actors (same codes and
sectors: "Kim instructed the country") is not emitted.

Merged: one event per (type, sorted actor codes, sorted recipient codes), keeping every
evidence span in ``extra_evidence``. A repeat whose recipient was not resolved ("Lavrov
commended the relations ... He thanked Pyongyang") joins the event of the same type and
actors that has one, and the other way round.

Factuality when repeats merge: the codebook counts same type and codes as one event, so an
``alleged`` and an ``asserted`` mention of it are not kept apart. The first mention's
factuality stands (it is how the article introduces the event), except that a reading of
what happened (asserted, alleged, denied) replaces a modal one (future, hypothetical,
negated) met first. An ``alleged`` event keeps its link to the accusation (``reported_by``)
so that its CLAIM can be built; a ``denied`` repeat of an alleged event leaves it alleged
(the denial is a stance on the same claim).
"""
from __future__ import annotations

from tidings.model import Actor, Event

FACTUAL = ("asserted", "alleged", "denied")


def codes(actors: list[Actor]) -> tuple[str, ...]:
    return tuple(sorted({a.code for a in actors if a.code}))


def clean(events: list[Event]) -> list[Event]:
    """Drop uncoded events and self-directed recipients."""
    out = []
    for e in events:
        if not any(a.code for a in e.actor):
            continue
        e.recipient = [r for r in e.recipient if r not in e.actor]
        own = {a.code for a in e.actor}
        if any(r.code and r.code not in own for r in e.recipient):
            # a treaty's or a meeting's parties include the actor's own state: keep the others
            e.recipient = [r for r in e.recipient if r.code not in own]
        pairs_a = {(a.code, a.sector) for a in e.actor if a.code}
        pairs_r = {(a.code, a.sector) for a in e.recipient if a.code}
        if pairs_r and pairs_r <= pairs_a:
            continue
        out.append(e)
    return out


def _absorb(target: Event, e: Event) -> None:
    target.extra_evidence.append({"start": e.sentence[0], "end": e.sentence[1], "trigger": list(e.trigger)})
    target.extra_evidence.extend(x for x in e.extra_evidence if x not in target.extra_evidence)
    if target.factuality not in FACTUAL and e.factuality in FACTUAL:
        target.factuality = e.factuality
        target.reported_by = e.reported_by
    elif target.factuality == "alleged" and target.reported_by is None and e.reported_by is not None:
        target.reported_by = e.reported_by
    target.mode = target.mode or e.mode
    target.context = target.context + [c for c in e.context if c not in target.context]
    target.confidence = max(target.confidence, e.confidence)
    if target.cameo is None:
        target.cameo, target.goldstein = e.cameo, e.goldstein


def merge(events: list[Event]) -> list[Event]:
    """Events in article order, repeats merged into their first mention."""
    out: list[Event] = []
    by_key: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Event] = {}
    by_actor: dict[tuple[str, tuple[str, ...]], list[Event]] = {}
    for e in events:
        ak, rk = codes(e.actor), codes(e.recipient)
        target = by_key.get((e.type, ak, rk))
        same_actors = by_actor.get((e.type, ak), [])
        if target is None and not rk and same_actors:
            target = same_actors[0]
        if target is None and rk:
            open_ = [x for x in same_actors if not codes(x.recipient)]
            if open_:
                target = open_[0]
                by_key.pop((target.type, ak, ()), None)
                target.recipient = list(e.recipient)
                by_key[(target.type, ak, rk)] = target
        if target is None:
            out.append(e)
            by_key[(e.type, ak, rk)] = e
            by_actor.setdefault((e.type, ak), []).append(e)
        else:
            _absorb(target, e)
    return out
