"""Mentions to actors: every state, organization, bloc, group and person an article names.

Reads the gazetteer ids on entities, title and group-noun phrases, and pronouns,
and writes ``doc._.actors`` (one :class:`Actor` per real-world entity) and
``doc._.mentions`` (token spans pointing at them). Later components ask
:func:`actors_of` for the actors a noun phrase refers to.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from tidings.knowledge import Knowledge, Person, knowledge
from tidings.model import Actor, Mention
from tidings.pipeline.actors_refs import References, title_role
from tidings.pipeline.places_geo import gazetteer as places

LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within",
            "on", "into", "from", "towards", "toward"}
POSSESSIVE = {"'s", "’s", "'", "’"}


@Language.factory("tidings_actors")
def make_actors(nlp: Language, name: str) -> "ActorResolver":
    return ActorResolver(nlp)


class ActorResolver:
    def __init__(self, nlp: Language, kb: Knowledge | None = None) -> None:
        self.kb = kb or knowledge(private=True)
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.titles.add("TITLE", list(nlp.tokenizer.pipe(self.kb.titles)))
        self.titles.add("GROUP", list(nlp.tokenizer.pipe(self.kb.groups)))
        self.title_key = nlp.vocab.strings["TITLE"]

    def __call__(self, doc: Doc) -> Doc:
        art = doc._.article
        published = art.published if art is not None else None
        _Resolver(doc, self, published).run()
        return doc


def _trim(span: Span) -> Span:
    """Drop a possessive that the NER glued onto a name ("Putin's")."""
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].text in POSSESSIVE:
        end -= 1
    start = span.start
    if span.doc[start].lower_ == "the" and end - start > 1:
        start += 1
    return span.doc[start:end]


def _as_location(tok: Token) -> bool:
    """A capital used as a place ("talks in Moscow") rather than for its government."""
    head = tok
    while head.dep_ in ("compound", "flat", "conj") and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


class _Resolver(References):
    def __init__(self, doc: Doc, comp: ActorResolver, published: str | None) -> None:
        self.doc, self.comp, self.kb, self.date = doc, comp, comp.kb, published
        self.actors: dict[Any, Actor] = {}
        self.mentions: list[Mention] = []
        self.taken: set[int] = set()  # tokens inside a name mention
        self.matches = comp.titles(doc)  # title and group-noun phrases

    # -- building blocks -------------------------------------------------------------
    def actor(self, key: Any, **fields: Any) -> Actor:
        if key not in self.actors:
            self.actors[key] = Actor(**fields)
        return self.actors[key]

    def mention(self, start: int, end: int, actor: Actor, kind: str) -> Mention:
        m = Mention(start, end, actor, kind)
        self.mentions.append(m)
        return m

    def state(self, code: str) -> Actor:
        return self.actor(("state", code), name=self.kb.state_name(code) or code, kind="state",
                          code=code, sector="GOV", source="gazetteer")

    def person(self, p: Person, title: dict[str, Any] | None = None) -> Actor:
        term, held = p.term_on(self.date)
        code = (term or {}).get("code")
        sector = (term or {}).get("sector")
        role = (term or {}).get("role")
        if term and not held and not p.learned and self.date and str(term.get("end") or "9") < self.date:
            sector, role = "ELI", f"former {role}" if role else "former official"
        a = self.actor(("person", p.name), name=p.name, kind="person", code=code, sector=sector,
                       role=role, gender=p.gender, source="learned" if p.learned else "officeholders")
        if title and not a.code:
            a.code = title.get("code")
        return a

    # -- passes ------------------------------------------------------------------
    def run(self) -> None:
        self.names()
        self.descriptions()
        self.pairs()
        self.pronouns()
        doc = self.doc
        ordered: list[Actor] = []
        seen: set[int] = set()
        for m in sorted(self.mentions, key=lambda m: m.start):
            span = (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))
            if span not in m.actor.mentions:
                m.actor.mentions.append(span)
            if id(m.actor) not in seen:
                seen.add(id(m.actor))
                ordered.append(m.actor)
        doc._.actors = ordered
        doc._.mentions = sorted(self.mentions, key=lambda m: (m.start, m.end))

    def names(self) -> None:
        persons: list[tuple[Span, Actor]] = []
        for ent in self.doc.ents:
            span = _trim(ent)
            kind, _, key = ent.ent_id_.partition(":")
            a: Actor | None = None
            mkind = "name"
            if kind == "state":
                a = self.state(key)
            elif kind == "seat":
                if _as_location(span.root):
                    continue
                a, mkind = self.state(key), "metonym"
            elif kind == "mil":
                a = self.actor(("group", key, "MIL", "military"), name=span.text, kind="group", code=key,
                               sector="MIL", source="gazetteer")
                mkind = "metonym"
            elif kind == "igo":
                igo = self.kb.igos[int(key)]
                a = self.actor(("igo", igo["name"]), name=span.text, kind="igo", code=igo["code"],
                               sector=None, source="gazetteer")
            elif kind == "org":
                org = self.kb.orgs[int(key)]
                a = self.actor(("org", org["name"]), name=org["name"], kind=org["kind"], code=org["code"],
                               sector=self.kb.org_sector(org, self.date), source="gazetteer")
            elif kind == "bloc":
                a = self.actor(("bloc", key), name=span.text,
                               kind="bloc", code=key, sector="GOV", source="gazetteer")
            elif kind == "people":  # "Albanians"; "ethnic Albanians in Serbia" act where they live
                code = self.country_in(span.root) or key
                a = self.actor(("group", code, "CVL", span.text), name=span.text, kind="group", code=code,
                               sector="CVL", source="gazetteer")
            elif kind == "person":
                p = self.kb.find_person(key)
                a = self.person(p) if p else None
            elif not kind and (ent.label_ == "PERSON" or self.titled(span) or self.titled_apposition(span)):
                a = self.unknown_person(span, persons)  # "Foreign Minister Ignazio Cassis" the NER called ORG
            elif not kind and (known := self.kb.find_person(span.text)) is not None:
                a = self.person(known)  # a learned person the NER labelled ORG or GPE
            if a is None:
                continue
            self.mention(span.start, span.end, a, mkind)
            self.taken.update(range(span.start, span.end))
            if a.kind == "person":
                persons.append((span, a))
        self.surnames(persons)

    def surnames(self, persons: list[tuple[Span, Actor]]) -> None:
        """A later bare surname ("Choe", "Lavrov") that the NER missed or mislabelled."""
        if not persons:
            return
        first_seen = {}
        for span, a in persons:
            for part in a.name.replace("-", " ").split():
                if len(part) > 2 and part[0].isupper():
                    first_seen.setdefault(part, []).append((span.start, a))
        for tok in self.doc:
            if tok.i in self.taken or tok.text not in first_seen or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            earlier = [a for start, a in first_seen[tok.text] if start < tok.i]
            if earlier:
                self.mention(tok.i, tok.i + 1, earlier[-1], "name")
                self.taken.add(tok.i)

    def titled(self, span: Span) -> bool:
        """A run of proper nouns right after a person's title: a name, whatever the NER said."""
        return all(t.pos_ == "PROPN" for t in span) and any(
            key == self.comp.title_key and e == span.start for key, _, e in self.matches)

    def state_in_focus(self, span: Span) -> str | None:
        """The state that is the subject of the sentence before a titled name with no country (news
        names a government, then its official: "Eritrea dismissed the charges. Information Minister
        Yemane Gebremeskel called them ...")."""
        start = span.sent.start
        if start == 0:
            return None
        prev = self.doc[start - 1].sent
        subjects = [m.actor.code for m in self.mentions if prev.start <= m.start < prev.end
                    and m.actor.kind == "state" and self.doc[m.end - 1].dep_ == "nsubj"]
        return subjects[0] if len(set(subjects)) == 1 else None

    def titled_apposition(self, span: Span) -> bool:
        """A proper name followed by a person's title in apposition ("Salimata Ouedraogo, Burkina
        Faso's minister delegate"): a person, whatever the NER said."""
        if not all(t.pos_ == "PROPN" for t in span):
            return False
        for c in span.root.children:
            if c.dep_ == "appos" and c.i > span.end:
                sub = {t.i for t in c.subtree}
                if any(key == self.comp.title_key and s in sub for key, s, _ in self.matches):
                    return True
        return False

    def country_in(self, head: Token) -> str | None:
        """The state named in an "in X" or "of X" phrase on ``head`` ("the Kurds of Iraq")."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
                for t in prep.children:
                    kind, _, key = t.ent_id_.partition(":")
                    if kind in ("state", "seat", "region"):
                        return key
        return None

    def unknown_person(self, span: Span, persons: list[tuple[Span, Actor]]) -> Actor | None:
        text = span.text
        if (any(t.is_digit for t in span) or len(text) < 3 or _as_location(span.root)
                or places().city(text) is not None and not self.titled(span)
                or span.start > 0 and self.doc[span.start - 1].lower_ == "the"):
            return None  # a place the NER took for a person: "strikes on Kharkiv", "the Sahel"
        words = text.replace("-", " ").split()
        for _, earlier in reversed(persons):  # "Lavrov" after "Sergey Lavrov"
            parts = earlier.name.replace("-", " ").split()
            if len(words) == 1 and words[0] in parts or text == earlier.name:
                return earlier
        known = self.kb.find_person(text)
        if known:
            return self.person(known)
        self.ambiguous = False
        code, sector, role, gender = self.context_of_name(span)
        if role:  # "President Bush", "Foreign Minister Wang": the holder of that title then, by surname
            holder = self.kb.holder_named(words[-1], role, self.date)
            term = holder.term_on(self.date)[0] if holder else None
            if holder and term and (code is None or term.get("code") == code):
                return self.person(holder)
        if code is None and role and sector == "GOV":
            code = self.state_in_focus(span)  # "Eritrea dismissed the charges. Information Minister Y said"
            self.ambiguous = self.ambiguous or code is not None  # a guess: not learned for later articles
        a = self.actor(("person", text), name=text, kind="person", code=code, sector=sector, role=role,
                       gender=gender, source="text")
        if code and sector and not self.ambiguous:
            self.kb.learn(text, code, sector, role, gender)
        return a

    def context_of_name(self, span: Span) -> tuple[str | None, str | None, str | None, str | None]:
        """Title and country from the words before a name or from its apposition."""
        doc = self.doc
        title = code = None
        i = span.start - 1
        window = []
        while i >= 0 and i >= span.start - 6 and doc[i].sent == span.sent and doc[i].text not in {",", ".", ";", "("}:
            window.insert(0, doc[i])
            i -= 1
        for appos in span.root.children:
            if appos.dep_ == "appos":
                window += list(appos.subtree)
        if span.root.dep_ == "appos":  # "the region's governor, Oleh Syniehubov"
            window += [t for t in span.root.head.subtree if t.i < span.start and t.sent == span.sent]
        codes = [c for c in map(self.code_of_token, window) if c]
        code = None
        if codes:  # the country nearest the name: "Syrian President X and Palestinian leader Y"
            before = [c for t, c in zip(window, map(self.code_of_token, window)) if c and t.i < span.start]
            code = before[-1] if before else codes[0]
            self.ambiguous = len(set(codes)) > 1  # learn no person from a crowded context
        if code is None:  # "Kharkiv regional governor", "Texas Governor"
            ids = {t.i for t in window}
            names = [e.text for e in self.doc.ents if e.label_ in ("GPE", "LOC") and e.start in ids]
            names += [t.text for t in window if t.pos_ == "PROPN" and t.is_title and not t.ent_type_]
            code = next((p.code for p in map(places().city, names) if p), None)
        title = self.title_in(window)
        if not title:
            return code, None, None, None
        return code, title.get("sector"), title_role(title), title.get("gender")

    def title_in(self, tokens: list[Token]) -> dict[str, Any] | None:
        """The longest person title among ``tokens``."""
        ids = {t.i for t in tokens}
        best = None
        for key, s, e in self.matches:
            if key == self.comp.title_key and s in ids and e - 1 in ids:
                entry = self.kb.titles.get(self.doc[s:e].text.lower())
                if entry and (best is None or e - s > best[0]):
                    best = (e - s, entry)
        return best[1] if best else None

    def code_of_token(self, t: Token) -> str | None:
        for m in self.mentions:
            if m.start <= t.i < m.end and m.actor.kind in ("state", "bloc", "igo", "organization"):
                return m.actor.code
        if t.ent_id_:
            kind, _, key = t.ent_id_.partition(":")
            if kind in ("adj", "state", "seat", "people", "region"):
                return key
            if kind in ("bloc", "blocadj"):
                return key
            if kind == "igo":  # "the U.N. special coordinator for Lebanon", read before the U.N. mention
                return self.kb.igos[int(key)]["code"]
            if kind == "org":  # "a spokesperson for the Taiwan Affairs Office"
                return self.kb.orgs[int(key)]["code"]
        return None

    def country_of(self, tokens: list[Token]) -> str | None:
        for t in tokens:
            code = self.code_of_token(t)
            if code:
                return code
        return None


def mention_index(doc: Doc) -> dict[int, list[Mention]]:
    """Token index -> mentions covering it (cached on the doc)."""
    idx = doc.user_data.get("tidings_mention_index")
    if idx is None:
        idx = {}
        for m in doc._.mentions or []:
            for i in range(m.start, m.end):
                idx.setdefault(i, []).append(m)
        doc.user_data["tidings_mention_index"] = idx
    return idx


def actors_at(doc: Doc, tok: Token) -> list[Actor]:
    """Actors of the mentions covering ``tok`` itself."""
    return [m.actor for m in mention_index(doc).get(tok.i, [])]


def actors_of(doc: Doc, head: Token, *, conj: bool = True) -> list[Actor]:
    """The actors a noun phrase headed by ``head`` refers to.

    The mention at the head wins; else a possessive or modifier that names one
    ("Ukraine's military" when no group mention was made); conjuncts add theirs
    ("Ukraine and Western countries").
    """
    out: list[Actor] = []
    found = actors_at(doc, head)
    if not found:
        for child in head.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod", "appos"):
                found = actors_at(doc, child)
                if found:
                    break
    if not found and head.dep_ == "compound" and head.head.i > head.i:
        found = actors_at(doc, head.head)
    out.extend(a for a in found if a not in out)
    if conj:
        for c in head.conjuncts:
            for a in actors_of(doc, c, conj=False):
                if a not in out:
                    out.append(a)
    return out
