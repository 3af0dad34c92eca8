"""Factuality of a trigger from its clause: negation, future, modals, conditionals, treaty
clauses and reported allegations (CODEBOOK: EVENT ``factuality``, coding rule 5).

:func:`modality` reads the words around the trigger's predicate and the clauses above it;
it does not decide types: :mod:`tidings.pipeline.events` turns a future CONSULT into AGREE
and a refused one into REJECT with the ``[intent]``/``[refusal]`` tables.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tidings.pipeline.events_args import governor
from tidings.pipeline.events_lexicon import Lexicon


@dataclass
class Modality:
    negated: bool = False
    future: bool = False
    modal: bool = False  # may/might/could
    obligation: bool = False  # must/should: what someone ought to do, not what is done
    unless: bool = False  # a condition on an announced act ("will withdraw unless ..."): a threat
    conditional: bool = False  # inside an if/unless clause
    treaty: bool = False  # inside what a treaty stipulates
    alleged: bool = False  # content of a claim or report, or "reportedly"
    planned: bool = False  # a noun trigger marked as upcoming/planned
    terminated: bool = False  # the complement of "stop"/"cease": the event is being ended


_WORDS: dict[int, dict[str, frozenset[str]]] = {}


def _words(lex: Lexicon) -> dict[str, frozenset[str]]:
    if id(lex) not in _WORDS:
        _WORDS[id(lex)] = {k: frozenset(v) for k, v in lex.modality.items() if isinstance(v, list)}
    return _WORDS[id(lex)]


def predicate(tok: Token) -> Token:
    """The verb that carries tense and negation for a trigger (a noun's light verb, an adjective's copula)."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    if tok.dep_ == "prep" and tok.head.i != tok.i:
        return tok.head
    gov, _ = governor(tok)
    if gov is not None:
        return gov
    if tok.dep_ in ("acomp", "attr", "oprd") and tok.head.pos_ in ("AUX", "VERB"):
        return tok.head
    return tok


def modality(tok: Token, lex: Lexicon) -> Modality:
    w = _words(lex)
    out = Modality()
    pred = predicate(tok)
    nodes = [tok, pred]
    for n in (tok, pred):
        # coordinated verbs share auxiliaries and negation: "has not confirmed or denied"
        if n.dep_ == "conj" and not any(c.dep_ in ("aux", "neg") for c in n.children):
            nodes.append(n.head)
    for node in {n.i: n for n in nodes}.values():
        for c in node.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and low in ("no", "never", "neither")):
                out.negated = True
            elif c.dep_ == "aux" and low in w["treaty_aux"]:
                out.treaty = True
            elif c.dep_ == "aux" and low in w["future_aux"]:
                out.future = True
            elif c.dep_ == "aux" and low in w["hypothetical_aux"]:
                out.modal = True
            elif c.dep_ == "aux" and low in w["obligation_modals"]:
                out.obligation = True
            elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children):
                out.unless = True
            elif c.dep_ == "advmod" and low in w["alleged_adverbs"]:
                out.alleged = True
            elif c.dep_ in ("amod", "compound") and low in w["future_mods"]:
                out.planned = True
    if tok.pos_ == "VERB" and tok.dep_ in ("xcomp", "pcomp", "dobj") and \
            tok.head.lemma_.lower() in w["terminative_verbs"]:
        out.terminated = True  # "has stopped sharing hydrological data"
    if pred.lemma_ == "go" and any(c.dep_ == "xcomp" for c in pred.children) and pred.tag_ == "VBG":
        out.future = True  # "is going to visit"
    if pred.lower_ in w["schedule_words"] and pred.i != tok.i:
        out.future = True  # "is due in Beijing for talks", "talks scheduled for May"
    # "is due to meet" (the trigger a complement of "due"), "is due ... for talks" (an acomp)
    near = [tok.head, *[c for c in pred.children if c.dep_ == "acomp"]] if tok.dep_ != "ROOT" else []
    if tok.dep_ in ("advcl", "xcomp"):  # "is due in Georgetown next week to discuss"
        near += [c for c in tok.head.children if c.dep_ == "acomp"]
        if tok.head.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in w["future_aux"] for c in tok.head.children):
            out.future = True  # "will meet again later this month to discuss the flights"
    if any(n.lower_ in w["schedule_words"] and n.i != tok.i for n in near):
        out.future = True
    _clauses(tok, w, out)
    return out


def _clauses(tok: Token, w: dict[str, frozenset[str]], out: Modality) -> None:
    """Walk up the clauses containing the trigger."""
    node, child = tok, None
    steps = 0
    while steps < 12:
        steps += 1
        if child is not None:
            lemma = node.lemma_.lower()
            if child.dep_ in ("ccomp", "xcomp", "acl", "relcl", "advcl", "dobj", "pobj", "pcomp", "conj"):
                if lemma in w["treaty_verbs"] and _treaty_subject(node, w):
                    out.treaty = True
                if lemma in w["report_verbs"] and child.dep_ in ("ccomp", "xcomp"):
                    out.alleged = True
                if node.lower_ in w["report_nouns"] and child.dep_ in ("acl", "ccomp", "relcl") and \
                        any(c.lower_ == "that" and c.dep_ == "mark" for c in child.children):
                    out.alleged = True
            if child.dep_ == "relcl" and node.lemma_.lower() in w["treaty_nouns"] and \
                    child.lemma_.lower() in w["treaty_verbs"] | w["treaty_relative_verbs"]:
                out.treaty = True
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in w["conditional_marks"]
                                        for c in node.children):
            out.conditional = True
        if node.head.i == node.i:
            break
        child, node = node, node.head


def _treaty_subject(verb: Token, w: dict[str, frozenset[str]]) -> bool:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            heads = [c, *[x for x in c.children if x.dep_ == "compound"]]
            if any(h.lemma_.lower() in w["treaty_nouns"] for h in heads):
                return True
    return False
