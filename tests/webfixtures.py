"""Stores for the API, web and browser tests.

``hand_store``: three short articles written for these tests, with hand-made
``tidings/1`` records (offsets computed from the text), so that route shapes can
be checked whatever the extractor finds today. ``extracted_store``: the sample
articles in ``examples/`` and the seed article, run through the real pipeline.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tidings.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "dev" / "seed-rt-2024-11-01.txt"
SEED_ID = "seed-rt-2024-11-01"


def find(text: str, phrase: str, nth: int = 0) -> list[int]:
    """[start, end] of the ``nth`` occurrence of ``phrase`` in ``text``."""
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    assert len(starts) > nth, (phrase, text)
    return [starts[nth], starts[nth] + len(phrase)]


def sentence_of(text: str, at: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at) + 1, 0)
    while start < len(text) and text[start] in " \n":
        start += 1
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    return start, min(end, len(text))


class Builder:
    """A ``tidings/1`` record for ``text``, built by naming phrases instead of counting offsets."""

    def __init__(self, aid: str, text: str, *, published: str | None, title: str, outlet: str = "Test Desk",
                 url: str | None = None) -> None:
        self.text = text
        self.rec: dict[str, Any] = {
            "schema": "tidings/1",
            "article": {"id": aid, "url": url, "outlet": outlet, "published": published, "title": title,
                        "language": "en"},
            "actors": [], "events": [], "quotes": [], "claims": [], "treaties": []}

    def actor(self, name: str, kind: str, code: str | None, sector: str | None = None,
              *phrases: str | tuple[str, int], role: str | None = None) -> str:
        """An actor mentioned at ``phrases`` (a phrase, or a phrase and which occurrence of it)."""
        aid = f"a{len(self.rec['actors']) + 1}"
        spans = [find(self.text, *(ph if isinstance(ph, tuple) else (ph,))) for ph in phrases or (name,)]
        self.rec["actors"].append({"id": aid, "name": name, "kind": kind, "code": code, "sector": sector,
                                   "role": role, "source": "gazetteer", "mentions": spans})
        return aid

    def _ref(self, aid: str) -> dict[str, Any]:
        a = next(a for a in self.rec["actors"] if a["id"] == aid)
        return {"ref": aid, "code": a["code"], "sector": a["sector"]}

    def event(self, type: str, actors: list[str], recipients: list[str], trigger: str, *, date: str | None,
              factuality: str = "asserted", goldstein: float | None = None, nth: int = 0,
              mode: str | None = None) -> str:
        eid = f"e{len(self.rec['events']) + 1}"
        trig = find(self.text, trigger, nth)
        start, end = sentence_of(self.text, trig[0])
        self.rec["events"].append({
            "id": eid, "type": type, "mode": mode, "context": ["diplomatic"],
            "actor": [self._ref(a) for a in actors], "recipient": [self._ref(a) for a in recipients],
            "date": date, "date_precision": {4: "year", 7: "month", 10: "day"}.get(len(date or ""), "published"),
            "location": None, "factuality": factuality, "claim": None,
            "evidence": {"start": start, "end": end, "trigger": trig}, "cameo": None, "goldstein": goldstein,
            "confidence": 0.8})
        return eid

    def quote(self, speaker: str, content: str, cue: str = "said") -> str:
        qid = f"q{len(self.rec['quotes']) + 1}"
        s, e = find(self.text, content)
        self.rec["quotes"].append({"id": qid, "speaker": speaker, "speaker_text": None, "cue": cue, "kind": "direct",
                                   "content": content, "start": s, "end": e, "source_of": None})
        return qid

    def claim(self, proposition: str, *stances: tuple[str, str, str]) -> str:
        cid = f"c{len(self.rec['claims']) + 1}"
        codes = {a["id"]: a["code"] for a in self.rec["actors"]}
        self.rec["claims"].append({"id": cid, "proposition": proposition, "stances": [
            {"holder": h, "code": codes[h], "stance": st, "cue": cue} for h, st, cue in stances]})
        ev = next(e for e in self.rec["events"] if e["id"] == proposition)
        ev["claim"] = cid
        return cid

    def treaty(self, name: str, parties: list[str], signed: str | None, obligations: list[tuple[str, str, str]],
               in_force: str | None = None) -> str:
        tid = f"t{len(self.rec['treaties']) + 1}"
        self.rec["treaties"].append({
            "id": tid, "name": name, "parties": parties, "signed": signed, "ratified": [], "in_force": in_force,
            "obligations": [{"obligor": a, "beneficiary": b, "type": t, "trigger": None, "scope": None}
                            for a, b, t in obligations],
            "evidence": [find(self.text, name)]})
        return tid


TALKS = ("Norway and Chile open talks on shared fish stocks\n"
         "Norwegian Foreign Minister Ola Berg met Chilean envoy Ana Rojas in Oslo on Monday. "
         "Berg praised the Oslo Fisheries Compact that both governments signed in February. "
         "\u201cWe will guard the southern stocks together,\u201d Rojas said.\n"
         "Peru accused Chile of seizing Peruvian trawlers near the maritime border. "
         "Chile denied the allegation. Norway declined to comment on the dispute.")

SCRIPTED = ("<script>alert('headline')</script> Japan questions Chinese survey ship\n"
            "Japan protested on Tuesday after a survey ship sailed near its islands, saying "
            "<b>bold</b> claims & <script>document.title='pwned'</script> would not stand.")

STRIKE = ("Turkish drones strike positions in northern Syria\n"
          "Turkey struck positions in northern Syria on Thursday. "
          "Syria condemned the strikes and demanded an end to them. "
          "Turkey has asked Syria for talks at some point this year. "
          "Both sides cite the Border Security Protocol, in force since 1998.")


def hand_records() -> list[tuple[dict[str, Any], str]]:
    """The three hand-written articles and their records."""
    b = Builder("hand-talks", TALKS, published="2025-03-10", title="Norway and Chile open talks on shared fish stocks",
                url="https://news.example/talks")
    nor = b.actor("Norway", "state", "NOR", "GOV", "Norway")
    berg = b.actor("Ola Berg", "person", "NOR", "GOV", "Ola Berg", ("Berg", 1), role="foreign minister")
    rojas = b.actor("Ana Rojas", "person", "CHL", "GOV", "Ana Rojas", ("Rojas", 1), role="envoy")
    chl = b.actor("Chile", "state", "CHL", "GOV", "Chile")
    per = b.actor("Peru", "state", "PER", "GOV", "Peru")
    b.event("CONSULT", [berg], [rojas], "met", date="2025-03-10", goldstein=1.0, mode="visit")
    b.event("SUPPORT", [berg], [chl], "praised", date="2025-03-10")
    accuse = b.event("ACCUSE", [per], [chl], "accused", date="2025-03-10")
    seized = b.event("COERCE", [chl], [per], "seizing", date="2025-03", factuality="alleged", mode="seize")
    b.event("REJECT", [chl], [per], "denied", date="2025-03-10")
    b.quote(rojas, "We will guard the southern stocks together,")
    b.claim(seized, (per, "alleges", "accused"), (chl, "denies", "denied"), (nor, "declines", "declined to comment"))
    b.treaty("Oslo Fisheries Compact", ["NOR", "CHL"], "2025-02",
             [("NOR", "CHL", "consultation"), ("CHL", "NOR", "consultation")])
    assert accuse
    talks = (b.rec, TALKS)

    b = Builder("hand-script", SCRIPTED, published="2025-04-02", url="javascript:alert(1)",
                title="<script>alert('headline')</script> Japan questions Chinese survey ship")
    jpn = b.actor("Japan", "state", "JPN", "GOV", "Japan")
    b.event("PROTEST", [jpn], [], "protested", date="2025-04-01")
    scripted = (b.rec, SCRIPTED)

    b = Builder("hand-strike", STRIKE, published="2024-12-20", title="Turkish drones strike positions in northern Syria")
    tur = b.actor("Turkey", "state", "TUR", "MIL", "Turkey")
    syr = b.actor("Syria", "state", "SYR", "GOV", "Syria")
    b.event("ASSAULT", [tur], [syr], "struck", date="2024-12-19", goldstein=-10.0, mode="drone")
    b.event("ACCUSE", [syr], [tur], "condemned", date="2024-12-20")
    b.event("REQUEST", [syr], [tur], "demanded", date="2024-12-20", goldstein=2.0)
    b.event("REQUEST", [tur], [syr], "asked", date="2024", mode="meet")
    b.treaty("Border Security Protocol", ["TUR", "SYR"], None, [("SYR", "TUR", "nonaggression")], in_force="1998-10")
    return [talks, scripted, (b.rec, STRIKE)]


def hand_store(path: Path | str = ":memory:") -> Store:
    store = Store(path)
    for rec, text in hand_records():
        store.put(rec, text)
    return store


_EXTRACTED: list[tuple[dict[str, Any], str]] = []


def extracted_records(extractor: Any) -> list[tuple[dict[str, Any], str]]:
    """The records of ``examples/`` plus the seed through the real pipeline, extracted once per process."""
    from tidings.ingest import read_paths

    if not SEED.exists():
        pytest.skip("../shared/dev (the seed article) is not beside this checkout")
    if _EXTRACTED:
        return _EXTRACTED
    items: list[Any] = [i for i in read_paths([EXAMPLES]) if not isinstance(i, Exception)] if EXAMPLES.is_dir() else []
    seed = SEED.read_text(encoding="utf-8")
    items.append({"id": SEED_ID, "text": seed, "published": "2024-11-01", "outlet": "rt.com",
                  "title": seed.splitlines()[0]})
    texts = {getattr(i, "id", None) or i["id"]: (i.text if hasattr(i, "text") else i["text"]) for i in items}
    for res in extractor.extract_many(items):
        assert res.status == "ok", (res.source, res.reason, res.message)
        _EXTRACTED.append((res.record, texts[res.record["article"]["id"]]))
    return _EXTRACTED


def extracted_store(path: Path, extractor: Any) -> Store:
    """A store of ``examples/`` plus the seed, through the real pipeline."""
    store = Store(path)
    for rec, text in extracted_records(extractor):
        store.put(rec, text)
    return store


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    """An in-process client of the app over :func:`hand_store` (import it to use it)."""
    from fastapi.testclient import TestClient

    from tidings.api import create_app

    store = hand_store()
    with TestClient(create_app(store=store)) as c:
        yield c
    store.close()
