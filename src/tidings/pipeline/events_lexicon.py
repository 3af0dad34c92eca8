"""The event trigger lexicon (``data/triggers.toml``) and the CAMEO table (``data/cameo.toml``),
loaded into senses, word classes and a spaCy ``Matcher`` that finds candidate triggers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tidings import resources

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
ROLES = ("agree", "intent", "refuse", "request", "order", "threaten", "accuse", "deny", "host", "absorb_only",
         "evaluate")
CONDITIONS = ("obj", "not_obj", "subj", "not_subj", "gov", "not_gov", "prep", "not_prep", "parties",
              "recipient_required", "light_only", "requires_complement", "no_complement",
              "not_complement", "no_object", "foreign", "verbal_complement", "no_target", "mod",
              "threat_complement", "direct_obj", "gov_prep", "judges")
SENSE_KEYS = frozenset(("type", "mode", "cameo", "context", "verbs", "nouns", "adjs", "phrases", "role",
                        "recipient", "actor", "visit", *CONDITIONS))
POS = {"verbs": ("VERB",), "nouns": ("NOUN", "PROPN"), "adjs": ("ADJ", "VERB")}


@dataclass(frozen=True, eq=False)
class Sense:
    """One meaning of a set of trigger words: a PLOVER type with its conditions and roles."""

    index: int
    type: str
    mode: str | None = None
    cameo: str | None = None
    context: tuple[str, ...] = ()
    role: str | None = None
    visit: bool = False
    conditions: dict[str, Any] = field(default_factory=dict)
    actor_roles: tuple[str, ...] | None = None
    recipient_roles: tuple[str, ...] | None = None

    def cond(self, key: str) -> Any:
        return self.conditions.get(key)


@dataclass
class Lexicon:
    senses: list[Sense]
    words: dict[tuple[str, str], list[Sense]]  # (pos group, lemma) -> senses in file order
    phrases: dict[str, list[Sense]]  # phrase -> senses
    classes: dict[str, frozenset[str]]
    light: frozenset[str]
    reverse: frozenset[str]
    light_preps: frozenset[str]
    intent: dict[str, str]
    refusal: dict[str, str]
    complement_mode: dict[str, str]
    threaten_mode: dict[str, str]
    instrument_modes: list[tuple[str, frozenset[str]]]
    contexts: tuple[tuple[str, frozenset[str]], ...]
    actor_roles: dict[str, tuple[str, ...]]
    recipients: dict[str, tuple[str, ...]]
    cameo: dict[str, Any]
    modality: dict[str, Any]
    forms: dict[str, str] = field(default_factory=dict)  # inflected form -> lemma, for lexicon verbs
    known: frozenset[str] = frozenset()

    def lemma(self, tok: Any) -> str:
        """A token's lemma, mended where the model's lemmatizer fails on a lexicon verb ("staged")."""
        lemma = tok.lemma_.lower()
        return self.forms.get(tok.lower_, lemma) if lemma not in self.known else lemma

    def in_class(self, lemma: str, names: list[str]) -> bool:
        """Whether ``lemma`` is one of ``names`` or belongs to a class named there."""
        for n in names:
            if n.isupper():
                if lemma in self.classes[n]:
                    return True
            elif lemma == n:
                return True
        return False

    def matcher(self, vocab: Vocab) -> Matcher:
        """A matcher for single trigger words (keys ``EV_verbs``/``EV_nouns``/``EV_adjs``) and the
        first words of phrases (``EV_PSTART``; :meth:`phrases_at` checks the rest)."""
        m = Matcher(vocab)
        for group, pos in POS.items():
            lemmas = sorted({w for (g, w) in self.words if g == group})
            if lemmas:
                forms = sorted(set(lemmas) | {f for f, lem in self.forms.items() if (group, lem) in self.words})
                m.add(f"EV_{group}", [[{"LEMMA": {"IN": lemmas}, "POS": {"IN": list(pos)}}],
                                      [{"LOWER": {"IN": forms}, "POS": {"IN": list(pos)}}]])
        firsts = sorted(self.phrase_starts)
        m.add("EV_PSTART", [[{"LEMMA": {"IN": firsts}}], [{"LOWER": {"IN": firsts}}]])
        return m

    @property
    def phrase_starts(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        if not hasattr(self, "_starts"):
            starts: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
            for phrase in self.phrases:
                words = tuple(phrase.split())
                starts.setdefault(words[0], []).append((phrase, words))
            self._starts = starts
        return self._starts

    def phrases_at(self, doc: Doc, i: int) -> list[tuple[str, int, int]]:
        """Phrases of the lexicon that start at token ``i``: each word matches a lemma or the text."""
        tok = doc[i]
        out = []
        if tok.pos_ == "VERB":  # "forced the agency out": a verb and its particle, apart
            for prt in tok.children:
                if prt.dep_ == "prt" and prt.i > i + 1:
                    for key in {tok.lower_, tok.lemma_.lower()}:
                        for phrase, words in self.phrase_starts.get(key, ()):
                            if len(words) == 2 and words[1] == prt.lower_:
                                out.append((phrase, i, i + 1))
        for key in {tok.lower_, tok.lemma_.lower()}:
            for phrase, words in self.phrase_starts.get(key, ()):
                end = i + len(words)
                if end <= len(doc) and all(doc[j].lower_ == w or doc[j].lemma_.lower() == w
                                           for j, w in zip(range(i + 1, end), words[1:])):
                    out.append((phrase, i, end))
        return out


def inflections(lemma: str) -> set[str]:
    """Regular inflections of an English verb or noun: -s, -ed, -ing (with the usual spellings)."""
    w = lemma
    out = {w}
    if " " in w or not w.isalpha():
        return out
    if w.endswith(("s", "x", "z", "ch", "sh")):
        out.add(w + "es")
    elif w.endswith("y") and w[-2:-1] not in "aeiou":
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    else:
        out.add(w + "s")
    if w.endswith("e"):
        out |= {w + "d", w[:-1] + "ing"}
    elif not (w.endswith("y") and w[-2:-1] not in "aeiou"):
        out |= {w + "ed", w + "ing"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # ban -> banned, stop -> stopping
    return out


def _sense(i: int, raw: dict[str, Any]) -> Sense:
    unknown = set(raw) - SENSE_KEYS
    if unknown:
        raise ValueError(f"trigger {i}: unknown keys {sorted(unknown)}")
    if raw["type"] not in PLOVER_TYPES:
        raise ValueError(f"trigger {i}: unknown type {raw['type']!r}")
    if raw.get("role") and raw["role"] not in ROLES:
        raise ValueError(f"trigger {i}: unknown role {raw['role']!r}")
    conds = {k: raw[k] for k in CONDITIONS if k in raw}
    return Sense(index=i, type=raw["type"], mode=raw.get("mode"), cameo=raw.get("cameo"),
                 context=tuple(raw.get("context", ())), role=raw.get("role"), visit=bool(raw.get("visit")),
                 conditions=conds,
                 actor_roles=tuple(raw["actor"]) if "actor" in raw else None,
                 recipient_roles=tuple(raw["recipient"]) if "recipient" in raw else None)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The parsed trigger lexicon and CAMEO table (once per process)."""
    data = resources.load("triggers.toml")
    senses = [_sense(i, raw) for i, raw in enumerate(data["trigger"])]
    words: dict[tuple[str, str], list[Sense]] = {}
    phrases: dict[str, list[Sense]] = {}
    for s, raw in zip(senses, data["trigger"]):
        for group in POS:
            for w in raw.get(group, ()):
                words.setdefault((group, w.lower()), []).append(s)
        for p in raw.get("phrases", ()):
            phrases.setdefault(p.lower(), []).append(s)
    verbs = {w for (g, w) in words if g in ("verbs", "nouns")} | set(data["light"]["verbs"]) | \
        set(data["light"]["reverse"]) | set(data["modality"]["pass_through"]) | set(data["modality"]["speech_verbs"])
    forms: dict[str, str] = {}
    for v in sorted(verbs):
        for f in inflections(v):
            forms.setdefault(f, v)
    return Lexicon(
        forms=forms, known=frozenset(verbs),
        senses=senses, words=words, phrases=phrases,
        classes={k.upper(): frozenset(w.lower() for w in v) for k, v in data["classes"].items()},
        light=frozenset(data["light"]["verbs"]), reverse=frozenset(data["light"]["reverse"]),
        light_preps=frozenset(data["light"]["preps"]),
        intent=dict(data["intent"]), refusal=dict(data["refusal"]),
        complement_mode=dict(data["complement_mode"]), threaten_mode=dict(data["threaten_mode"]),
        instrument_modes=[(k, frozenset(v)) for k, v in data["instrument_modes"].items()],
        contexts=tuple((k, frozenset(v)) for k, v in data["contexts"].items() if v),
        actor_roles={k: tuple(v) for k, v in data["actor_roles"].items()},
        recipients={k: tuple(v) for k, v in data["recipients"].items()},
        cameo=resources.load("cameo.toml"), modality=data["modality"])


def cameo_code(lex: Lexicon, etype: str, mode: str | None, sense_code: str | None,
               converted_from: str | None = None) -> str | None:
    """The CAMEO code of an event: the trigger's own, else its type+mode's, else its type's root."""
    table = lex.cameo
    if converted_from:
        code = table.get("conversions", {}).get(etype, {}).get(converted_from)
        if code:
            return str(code)
    if sense_code:
        return sense_code
    if mode:
        code = table.get("modes", {}).get(f"{etype}.{mode}")
        if code:
            return str(code)
    return str(table["types"][etype]["cameo"])


def goldstein(lex: Lexicon, code: str | None, etype: str) -> float:
    """The conflict-cooperation score (-10..+10) of a CAMEO code: its longest listed prefix."""
    scores = lex.cameo["scores"]
    if code:
        for n in range(len(code), 1, -1):
            if code[:n] in scores:
                return float(scores[code[:n]])
    return float(lex.cameo["types"][etype]["score"])
