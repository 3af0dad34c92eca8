"""Integrity of the event knowledge files: data/triggers.toml and data/cameo.toml."""
from __future__ import annotations

import re

import pytest

from tidings import resources
from tidings.pipeline.events_lexicon import CONDITIONS, PLOVER_TYPES, ROLES, cameo_code, goldstein, lexicon

# CODEBOOK section 2: the modes of each type, and the contexts
MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}
CONTEXTS = set("""military intelligence executive legislative election political_institutions pro_democracy
pro_autocracy economic legal reparations human_rights rights_freedoms repression human_security gender lgbt
religion_ethnicity inequality diplomatic territory peacekeeping health asylum migration disasters
natural_resource environment technology terrorism cbrn cyber misinformation crime corruption illegal_drugs
trafficking humanitarian""".split())
LIST_KEYS = ("obj", "not_obj", "subj", "not_subj", "gov", "not_gov", "not_complement")
MARKERS = {"@actor", "@person", "@igo", "@place", "@civilians"}


@pytest.fixture(scope="module")
def raw() -> dict:
    return resources.load("triggers.toml")


def test_lexicon_loads_and_every_type_has_triggers() -> None:
    lex = lexicon()
    assert {s.type for s in lex.senses} == set(PLOVER_TYPES)
    assert all(s.role in (None, *ROLES) for s in lex.senses)


@pytest.mark.parametrize("table", ["intent", "refusal"])
def test_modal_tables_cover_every_type(raw: dict, table: str) -> None:
    assert set(raw[table]) == set(PLOVER_TYPES)
    assert set(raw[table].values()) <= set(PLOVER_TYPES)


def test_recipient_roles_cover_every_type(raw: dict) -> None:
    assert set(raw["recipients"]) == set(PLOVER_TYPES)


def test_modes_are_codebook_modes(raw: dict) -> None:
    for i, t in enumerate(raw["trigger"]):
        if t.get("mode"):
            assert t["mode"] in MODES.get(t["type"], set()), (i, t["type"], t["mode"])
    for table in ("threaten_mode",):
        assert set(raw[table].values()) <= MODES["THREATEN"]
    assert set(raw["complement_mode"].values()) <= MODES["REQUEST"]
    assert {m for m, _ in lexicon().instrument_modes} <= MODES["ASSAULT"]


def test_contexts_are_codebook_contexts(raw: dict) -> None:
    assert set(raw["contexts"]) <= CONTEXTS
    for t in raw["trigger"]:
        assert set(t.get("context", [])) <= CONTEXTS


def test_condition_words_name_existing_classes(raw: dict) -> None:
    classes = {k.upper() for k in raw["classes"]}
    for i, t in enumerate(raw["trigger"]):
        assert set(t) - {"type", "mode", "cameo", "context", "verbs", "nouns", "adjs", "phrases", "role",
                         "recipient", "actor", "visit"} <= set(CONDITIONS), i
        for key in LIST_KEYS:
            for w in t.get(key, []):
                if w.startswith("@"):
                    assert w in MARKERS, (i, w)
                elif w.isupper():
                    assert w in classes, (i, w)
                else:
                    assert w == w.lower(), (i, w)


def test_trigger_words_are_lower_case_and_unique_within_a_sense(raw: dict) -> None:
    for i, t in enumerate(raw["trigger"]):
        assert t.get("verbs") or t.get("nouns") or t.get("adjs") or t.get("phrases"), i
        for key in ("verbs", "nouns", "adjs", "phrases"):
            words = t.get(key, [])
            assert all(w == w.lower() and w.strip() == w for w in words), (i, key)
            dupes = {w for w in words if words.count(w) > 1}
            assert not dupes, (i, key, dupes)


def test_classes_are_lower_case_without_repeats(raw: dict) -> None:
    for name, words in raw["classes"].items():
        assert all(w == w.lower() for w in words), name
        assert len(words) == len(set(words)), (name, {w for w in words if words.count(w) > 1})


def test_argument_roles_are_known(raw: dict) -> None:
    roles = {"subj", "obj", "dative", "poss", "mod", "light", "between", "comp_subj", "gov_obj", "gov_subj", "obj_owner", "speaker"}
    preps = {"with", "to", "for", "in", "on", "of", "from", "against", "at", "by", "into", "over", "upon",
             "outside", "near", "along", "across", "behind", "about", "toward", "towards", "before"}
    for key in ("actor_roles", "recipients"):
        for value in raw[key].values():
            assert set(value) <= roles | preps, (key, value)
    for i, t in enumerate(raw["trigger"]):
        assert set(t.get("recipient", [])) <= roles | preps, i


def test_cameo_table() -> None:
    table = resources.load("cameo.toml")
    assert set(table["types"]) == set(PLOVER_TYPES)
    code = re.compile(r"^\d{2,4}$")
    for t, entry in table["types"].items():
        assert code.match(entry["cameo"]) and -10 <= entry["score"] <= 10, t
    for key, value in table["modes"].items():
        etype, _, mode = key.partition(".")
        assert mode in MODES[etype] and code.match(value), key
    for etype, conv in table["conversions"].items():
        assert etype in PLOVER_TYPES and set(conv) <= set(PLOVER_TYPES)
        assert all(code.match(c) for c in conv.values())
    assert all(code.match(k) and -10 <= v <= 10 for k, v in table["scores"].items())


@pytest.mark.parametrize("etype, mode, own, expected", [
    ("CONSULT", "visit", None, "042"),
    ("ASSAULT", None, "183", "183"),
    ("SANCTION", None, None, "16"),
    ("AID", None, None, "07"),
])
def test_cameo_code_prefers_the_trigger_then_the_mode_then_the_root(etype: str, mode: str | None,
                                                                    own: str | None, expected: str) -> None:
    assert cameo_code(lexicon(), etype, mode, own) == expected


@pytest.mark.parametrize("code, etype, sign", [("057", "SUPPORT", 1), ("190", "ASSAULT", -1), ("1831", "ASSAULT", -1),
                                               ("042", "CONSULT", 1), (None, "THREATEN", -1)])
def test_scores_follow_cooperation_and_conflict(code: str | None, etype: str, sign: int) -> None:
    assert goldstein(lexicon(), code, etype) * sign > 0
