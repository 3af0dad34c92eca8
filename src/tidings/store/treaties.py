"""Who is bound to whom: the alliance knowledge base merged with the treaties extracted into a store.

The knowledge base (``data/alliances.json``) holds standing commitments with
membership dates; :func:`kb_obligations` expands them into directed rows valid
on a date (a mutual clause binds every member to every other member). Treaties
extracted from articles (tables ``treaties`` and ``obligations``) merge in: one
that matches a knowledge-base entry by name or by parties and signing year adds
its articles as evidence to that entry's rows; others come as rows of their own
with ``source: "articles"``.

Dates compare as ISO strings. A partial date counts from the first day it names,
so a member that ``left`` in "2014" is bound until the end of 2013, and a treaty
whose ``in_force`` is unknown is counted from its signature.
"""
from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from tidings import resources

if TYPE_CHECKING:
    from tidings.store.sqlite import Store

OBLIGATION_TYPES = ("defense", "offense", "neutrality", "nonaggression", "consultation")
KB_SOURCE = "knowledge base"
ARTICLE_SOURCE = "articles"


def knowledge_base() -> list[dict[str, Any]]:
    """The entries of ``alliances.json``."""
    return list(resources.load("alliances.json")["treaties"])


def day(value: str | None) -> str | None:
    """A partial ISO date as the first day it names: "2014" -> "2014-01-01"."""
    if not value:
        return None
    parts = str(value)[:10].split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def today() -> str:
    return dt.date.today().isoformat()


def in_force_on(entry: dict[str, Any], on: str) -> bool:
    start = day(entry.get("in_force") or entry.get("signed"))
    end = day(entry.get("ended"))
    return bool(start) and start <= on and (end is None or on < end)  # type: ignore[operator]


def members_on(entry: dict[str, Any], on: str) -> dict[str, str]:
    """Members bound on ``on``, each with the day it joined."""
    out: dict[str, str] = {}
    for m in entry.get("members", []):
        joined, left = day(m.get("joined")) or "0000-01-01", day(m.get("left"))
        if joined <= on and (left is None or on < left):
            out[m["code"]] = joined
    return out


def _suspended(entry: dict[str, Any], a: str, b: str, on: str) -> bool:
    for s in entry.get("suspended", []):
        if {a, b} == set(s["between"]) and day(s["from"]) <= on:  # type: ignore[operator]
            return True
    return False


def _pairs(entry: dict[str, Any], ob: dict[str, Any], members: dict[str, str]) -> Iterable[tuple[str, str]]:
    if ob.get("mutual"):
        obligors = beneficiaries = list(members)
    else:
        obligors, beneficiaries = ob.get("obligors", []), ob.get("beneficiaries", [])
    for a in obligors:
        for b in beneficiaries:
            if a != b and a in members and b in members:
                yield a, b


def kb_obligations(on: str | None = None, *, obligor: str | None = None, beneficiary: str | None = None,
                   type: str | None = None) -> list[dict[str, Any]]:
    """Directed obligations of the knowledge base in force on ``on`` (default: today)."""
    on = day(on) or today()
    rows = []
    for entry in knowledge_base():
        if not in_force_on(entry, on):
            continue
        members = members_on(entry, on)
        start = day(entry.get("in_force") or entry.get("signed")) or ""
        for ob in entry["obligations"]:
            if type and ob["type"] != type:
                continue
            for a, b in _pairs(entry, ob, members):
                if obligor and a != obligor or beneficiary and b != beneficiary or _suspended(entry, a, b, on):
                    continue
                rows.append({"obligor": a, "beneficiary": b, "type": ob["type"], "treaty": entry["name"],
                             "treaty_id": entry["id"], "article": ob.get("article"), "trigger": ob.get("trigger"),
                             "scope": ob.get("scope"), "limited": bool(ob.get("limited")),
                             "since": max(start, members[a], members[b]), "source": KB_SOURCE,
                             "reference": entry.get("source"), "evidence": []})
    return rows


# -- extracted treaties ---------------------------------------------------------------

def fold(name: str | None) -> str:
    s = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    s = s.replace("’", "'").replace("-", " ")
    return " ".join(s.removeprefix("the ").split())


def _ever_members(entry: dict[str, Any]) -> set[str]:
    return {m["code"] for m in entry.get("members", [])} | set(entry.get("parties", []))


def match_kb(treaty: dict[str, Any], entries: list[dict[str, Any]] | None = None) -> dict[str, Any] | None:
    """The knowledge-base entry an extracted treaty is, by name or by parties and signing year."""
    entries = knowledge_base() if entries is None else entries
    parties = set(treaty.get("parties") or [])
    name = fold(treaty.get("name"))
    year = (treaty.get("signed") or "")[:4]
    fits = [e for e in entries if parties <= _ever_members(e) and not (year and e.get("signed", "")[:4] != year)]
    if name:
        exact = [e for e in fits if name in {fold(n) for n in [e["name"], *e.get("aliases", [])]}]
        if len(exact) == 1:
            return exact[0]
        inner = [e for e in fits if len(name) >= 12 and (name in fold(e["name"]) or fold(e["name"]) in name)]
        if len(inner) == 1:
            return inner[0]
    if len(parties) >= 2:
        same = [e for e in fits if set(e.get("parties", [])) == parties]
        if len(same) == 1 and (year or not name or not _named_otherwise(name, same[0])):
            return same[0]
    return None


def _named_otherwise(name: str, entry: dict[str, Any]) -> bool:
    """A proper name that none of the entry's names shares a word with: another treaty between them."""
    words = set(name.split()) - {"treaty", "agreement", "pact", "accord", "on", "of", "and", "the", "between"}
    known = set(" ".join(fold(n) for n in [entry["name"], *entry.get("aliases", [])]).split())
    return bool(words) and not words & known


def extracted(store: "Store", *, party: str | None = None) -> list[dict[str, Any]]:
    """Treaties extracted into the store, each with its obligations and its article's date."""
    sql = ("SELECT t.article_id, t.local_id, t.name, t.parties, t.signed, t.in_force, t.ratified, t.evidence,"
           " a.published, a.title FROM treaties t JOIN articles a ON a.id = t.article_id")
    args: list[Any] = []
    if party:
        sql += " WHERE EXISTS (SELECT 1 FROM json_each(t.parties) WHERE json_each.value = ?)"
        args.append(party)
    sql += " ORDER BY a.published, t.article_id, t.local_id"
    treaties = []
    for r in store.db.execute(sql, args):
        t = dict(r)
        for key in ("parties", "ratified", "evidence"):
            t[key] = json.loads(t[key]) if t[key] else []
        t["obligations"] = [dict(o) for o in store.db.execute(
            "SELECT obligor, beneficiary, type, trigger, scope FROM obligations"
            " WHERE article_id = ? AND treaty_id = ?", (t["article_id"], t["local_id"]))]
        treaties.append(t)
    return treaties


def query_obligations(store: "Store | None", *, obligor: str | None = None, beneficiary: str | None = None,
                      on: str | None = None, type: str | None = None) -> list[dict[str, Any]]:
    """Who must act for whom on ``on`` (default today): knowledge base rows, with articles as evidence.

    Each row: obligor, beneficiary, type, treaty, treaty_id, article, trigger,
    scope, since, source (``knowledge base`` or ``articles``) and evidence (article ids).
    """
    on = day(on) or today()
    obligor, beneficiary = _code(obligor), _code(beneficiary)
    rows = kb_obligations(on, obligor=obligor, beneficiary=beneficiary, type=type)
    index = {(r["treaty_id"], r["obligor"], r["beneficiary"], r["type"]): r for r in rows}
    if store is not None:
        entries = knowledge_base()
        for t in extracted(store):
            start = day(t.get("in_force") or t.get("signed") or t.get("published"))
            if start and start > on:
                continue
            entry = match_kb(t, entries)
            if entry is not None and not in_force_on(entry, on):
                continue  # the knowledge base knows its dates better than an article's wording
            for o in t["obligations"]:
                if (obligor and o["obligor"] != obligor or beneficiary and o["beneficiary"] != beneficiary
                        or type and o["type"] != type):
                    continue
                tid = entry["id"] if entry else f"article:{fold(t['name']) or '|'.join(sorted(t['parties']))}"
                key = (tid, o["obligor"], o["beneficiary"], o["type"])
                row = index.get(key)
                if row is None:
                    row = index[key] = {
                        "obligor": o["obligor"], "beneficiary": o["beneficiary"], "type": o["type"],
                        "treaty": entry["name"] if entry else t["name"], "treaty_id": entry["id"] if entry else None,
                        "article": None, "trigger": o.get("trigger"), "scope": o.get("scope"), "limited": False,
                        "since": start, "source": ARTICLE_SOURCE, "reference": None, "evidence": []}
                    rows.append(row)
                if t["article_id"] not in row["evidence"]:
                    row["evidence"].append(t["article_id"])
    return sorted(rows, key=lambda r: (r["beneficiary"], r["obligor"], r["type"], r["treaty"] or ""))


def query_treaties(store: "Store | None", *, party: str | None = None) -> list[dict[str, Any]]:
    """Treaties of the knowledge base and of the store, merged, each with its evidence.

    Each row: id, name, parties, signed, in_force, ended, types (obligation types),
    source, reference and evidence (``[{"article", "treaty", "spans"}]``).
    """
    party = _code(party)
    entries = knowledge_base()
    rows: dict[str, dict[str, Any]] = {}
    for e in entries:
        if party and party not in _ever_members(e):
            continue
        rows[e["id"]] = {"id": e["id"], "name": e["name"], "parties": list(e.get("parties", [])),
                         "signed": e.get("signed"), "in_force": e.get("in_force"), "ended": e.get("ended"),
                         "types": sorted({o["type"] for o in e["obligations"]}), "source": KB_SOURCE,
                         "reference": e.get("source"), "evidence": []}
    if store is not None:
        for t in extracted(store, party=party):
            entry = match_kb(t, entries)
            key = entry["id"] if entry else f"article:{fold(t['name']) or '|'.join(sorted(t['parties']))}"
            row = rows.get(key)
            if row is None:
                row = rows[key] = {"id": None, "name": t["name"], "parties": list(t["parties"]),
                                   "signed": t.get("signed"), "in_force": t.get("in_force"), "ended": None,
                                   "types": [], "source": ARTICLE_SOURCE, "reference": None, "evidence": []}
            if row["source"] == ARTICLE_SOURCE:
                row["parties"] = sorted(set(row["parties"]) | set(t["parties"]))
                row["signed"] = row["signed"] or t.get("signed")
                row["in_force"] = row["in_force"] or t.get("in_force")
                row["types"] = sorted(set(row["types"]) | {o["type"] for o in t["obligations"]})
            row["evidence"].append({"article": t["article_id"], "treaty": t["local_id"], "spans": t["evidence"]})
    return sorted(rows.values(), key=lambda r: (r["source"] != KB_SOURCE, r["signed"] or "", r["name"] or ""))


def _code(value: str | None) -> str | None:
    return value.strip().upper() if value else None
