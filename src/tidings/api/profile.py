"""An actor's profile: one store actor (by key) or everyone coded the same (by code)."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tidings import resources
from tidings.api import params as p
from tidings.api import queries as q
from tidings.api import query_records as r
from tidings.api.errors import not_found
from tidings.store import Store

if TYPE_CHECKING:
    from tidings.api.app import Service

LIST_MAX = 50


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for o in resources.load("igos.json"):
        if not o.get("organ"):
            names.setdefault(o["code"], o["name"])
    for b in resources.load("blocs.json"):
        names.setdefault(b["code"], b["name"])
    for s in resources.load("states.json"):
        names[s["code"]] = s["name"]
    return names


def code_name(code: str | None) -> str | None:
    """The name of the state, organization or bloc a code stands for (``PRK`` -> North Korea)."""
    return _names().get(code or "")


def is_key(key: str) -> bool:
    """Store actor keys look like ``person|PRK||Choe Son-hui``; anything else is read as a code."""
    return "|" in key


def actor_profile(store: Store, key: str) -> dict[str, Any] | None:
    """The profile of a store actor key, or of a code; None when the store knows neither."""
    if is_key(key):
        base = r.get_actor(store, key)
        if base is None:
            return None
        as_actor, as_recipient = q.EventFilter(key=(key, "actor")), q.EventFilter(key=(key, "recipient"))
        members: list[dict[str, Any]] = []
        quotes, _ = r.list_quotes(store, speaker=[], article=None, q=None, key=key, limit=LIST_MAX, offset=0)
        claims, _ = r.list_claims(store, actor=[], stance=[], article=None, key=key, limit=LIST_MAX, offset=0)
        out = {**base}
    else:
        if not r.code_known(store, key):
            return None
        as_actor, as_recipient = q.EventFilter(actor=[key]), q.EventFilter(recipient=[key])
        members = r.code_actors(store, key)
        quotes, _ = r.list_quotes(store, speaker=[key], article=None, q=None, limit=LIST_MAX, offset=0)
        claims, _ = r.list_claims(store, actor=[key], stance=[], article=None, limit=LIST_MAX, offset=0)
        out = {"key": key, "name": code_name(key) or (members[0]["name"] if members else key), "kind": "code",
               "code": key, "articles": len({m["key"] for m in members})}
    timeline: dict[str, dict[str, int]] = defaultdict(lambda: {"as_actor": 0, "as_recipient": 0})
    for side, f in (("as_actor", as_actor), ("as_recipient", as_recipient)):
        for row in q.event_counts(store, f, "month")[0]:
            timeline[row["period"]][side] += row["n"]
    out.update({
        "members": members,
        "counts": {"as_actor": q.count_events(store, as_actor), "as_recipient": q.count_events(store, as_recipient),
                   "quotes": len(quotes), "claims": len(claims)},
        "timeline": [{"period": k, **v} for k, v in sorted(timeline.items())],
        "events_as_actor": q.query_events(store, as_actor, limit=LIST_MAX),
        "events_as_recipient": q.query_events(store, as_recipient, limit=LIST_MAX),
        "quotes": quotes, "claims": claims,
    })
    return out


def find_profile(svc: "Service", key: str) -> dict[str, Any]:
    """The profile a route's ``key`` names (a store actor key, or a code in any case); 404 when unknown."""
    if not is_key(key):
        key = p.codes("key", key)[0] if key else key
    with svc.locked() as store:
        prof = actor_profile(store, key)
    if prof is None:
        raise not_found(f"actor {key!r}")
    return prof
