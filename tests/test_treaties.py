"""Treaties as objects: mentions merged per article, parties, dates, and directed obligations."""
from __future__ import annotations

import json

import pytest

from tests.conftest import SEED_GOLD
from tidings import resources
from tidings.store.treaties import OBLIGATION_TYPES

TERMS = resources.load("treaty_terms.toml")


# -- the lexicon ----------------------------------------------------------------------

def test_lexicon_sections():
    assert {"nouns", "verbs", "obligations", "mutual", "frames", "clause_cues", "triggers"} <= set(TERMS)
    for key in TERMS["obligations"]:
        assert key.split("_")[0] in OBLIGATION_TYPES, key


def test_lexicon_phrases_are_lower_case_and_unique():
    for key, phrases in [*TERMS["obligations"].items(), ("mutual", TERMS["mutual"]["phrases"]),
                         *TERMS["nouns"].items()]:
        assert phrases == [p.lower() for p in phrases] or key == "not_treaty", key
        assert len(phrases) == len(set(phrases)), key


def test_each_phrase_has_one_type():
    seen: dict[str, str] = {}
    for typ in OBLIGATION_TYPES:
        for p in TERMS["obligations"].get(typ, []):
            assert seen.setdefault(p, typ) == typ, p


def test_treaty_nouns_are_not_both_kinds():
    assert not set(TERMS["nouns"]["always"]) & set(TERMS["nouns"]["named"])


def test_triggers_name_the_beneficiary():
    for word, text in TERMS["triggers"].items():
        assert word == word.lower() and "beneficiary" in text, word


# -- extraction on sentences of our own -----------------------------------------------

def _treaties(extractor, text, published):
    return extractor.extract(text, published=published)["treaties"]


def _obligations(treaty):
    return {(o["obligor"], o["beneficiary"], o["type"]) for o in treaty["obligations"]}


CASES = [
    # a one-way clause: the obliged and the protected
    ("A spokesman noted that the 1960 Security Treaty obliges the United States to defend Japan if Japanese "
     "territory comes under armed attack.", "2025-02-01",
     {"name": "Security Treaty", "parties": {"USA", "JPN"}, "signed": "1960"},
     {("USA", "JPN", "defense")}),
    # a mutual clause after "each party ... the other"; the signer is the subject of the clause above
    ("Minsk has strengthened its ties with Moscow since signing a security treaty with Russia in December 2024, "
     "which commits each party to provide military assistance if the other is attacked.", "2025-05-01",
     {"parties": {"RUS", "BLR"}, "signed": "2024-12"},
     {("RUS", "BLR", "defense"), ("BLR", "RUS", "defense")}),
    # "under the protocol" points back at the named protocol; "the two countries" are its parties
    ("Senegal and Gambia signed the Protocol on Maritime Security in Dakar on 2 May 2023. Under the protocol, "
     "the two countries shall consult each other immediately if either is threatened.", "2024-01-10",
     {"name": "Protocol on Maritime Security", "parties": {"SEN", "GMB"}, "signed": "2023-05-02"},
     {("SEN", "GMB", "consultation"), ("GMB", "SEN", "consultation")}),
    ("Ethiopia and Eritrea signed a non-aggression pact on Tuesday, pledging not to attack each other.",
     "2025-06-13", {"parties": {"ETH", "ERI"}, "signed": "2025-06-10"},
     {("ETH", "ERI", "nonaggression"), ("ERI", "ETH", "nonaggression")}),
    ("Iran and Russia signed an accord in January under which each party must not help the aggressor if the "
     "other is attacked.", "2025-03-01", {"parties": {"IRN", "RUS"}, "signed": "2025-01"},
     {("IRN", "RUS", "neutrality"), ("RUS", "IRN", "neutrality")}),
    ("Under the compact, the United States guarantees the security of Palau.", "2025-03-01",
     {"parties": {"USA", "PLW"}}, {("USA", "PLW", "defense")}),
    ("Under the 1961 treaty, China is obliged to come to North Korea's aid if it is attacked.", "2025-01-10",
     {"parties": {"CHN", "PRK"}, "signed": "1961"}, {("CHN", "PRK", "defense")}),
    # two mentions, one treaty; entry into force dated by its own phrase
    ("Poland and Lithuania signed a mutual defence pact in Vilnius on Monday. The pact entered into force on "
     "Wednesday.", "2025-03-07", {"parties": {"POL", "LTU"}, "signed": "2025-03-03", "in_force": "2025-03-05"},
     {("POL", "LTU", "defense"), ("LTU", "POL", "defense")}),
    # a negated clause binds no one
    ("The treaty does not include a mutual defence clause, officials in Tehran said of the agreement that Russia "
     "and Iran signed in January.", "2025-03-07", {"parties": {"RUS", "IRN"}, "signed": "2025-01"}, set()),
]


@pytest.mark.model
@pytest.mark.parametrize("text, published, fields, obligations", CASES)
def test_treaty_sentences(extractor, text, published, fields, obligations):
    treaties = _treaties(extractor, text, published)
    assert len(treaties) == 1
    t = treaties[0]
    for key, value in fields.items():
        got = set(t[key]) if key == "parties" else t[key]
        assert got == value, key
    assert _obligations(t) == obligations


@pytest.mark.model
def test_ratification_by_a_legislature(extractor):
    text = ("Kenya's parliament ratified the fisheries agreement with Indonesia on Thursday. The agreement was "
            "signed in Jakarta on 3 March this year.")
    (t,) = _treaties(extractor, text, "2025-11-14")
    assert set(t["parties"]) == {"KEN", "IDN"}
    assert t["signed"] == "2025-03-03"
    assert t["ratified"] == [{"by": "KEN", "date": "2025-11-13", "precision": "day"}]


@pytest.mark.model
def test_signed_as_the_second_of_two_verbs(extractor):
    text = ("The accord between Egypt and Qatar was initialled in Doha in May and formally signed in Cairo on "
            "3 June.")
    (t,) = _treaties(extractor, text, "2025-07-01")
    assert set(t["parties"]) == {"EGY", "QAT"} and t["signed"] == "2025-06-03"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kazakhstan's parliament would not ratify the water agreement with Uzbekistan, officials said.",
    "Kazakhstan's parliament plans to ratify the water agreement with Uzbekistan next month.",
    "The water agreement with Uzbekistan was sent to Kazakhstan's parliament for ratification.",
])
def test_unreal_ratification_is_none(extractor, text):
    (t,) = _treaties(extractor, text, "2025-07-01")
    assert t["ratified"] == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Brazil and Argentina agreed to expand trade, but no treaty was signed.",
    "Ukraine defended its positions near the river, the army said.",
])
def test_no_treaty(extractor, text):
    assert _treaties(extractor, text, "2025-03-01") == []


@pytest.mark.model
def test_aid_outside_the_treaty_clause_is_no_obligation(extractor):
    text = "Poland will send military aid to Ukraine, officials said, days after signing a trade agreement with Kyiv."
    assert all(t["obligations"] == [] for t in _treaties(extractor, text, "2025-03-01"))


@pytest.mark.model
def test_a_city_in_the_name_is_no_party(extractor):
    (t,) = _treaties(extractor, "Kazakhstan cited the Almaty Declaration in its reply.", "2025-03-01")
    assert t["name"] == "Almaty Declaration" and t["parties"] == []


@pytest.mark.model
def test_two_named_treaties_stay_apart(extractor):
    text = "France invoked the Treaty of Aachen and Germany cited the Elysee Treaty in the same debate."
    names = {t["name"] for t in _treaties(extractor, text, "2025-03-01")}
    assert names == {"Treaty of Aachen", "Elysee Treaty"}


# -- the seed article (golden) ---------------------------------------------------------

@pytest.mark.model
def test_seed_treaty(seed_record):
    gold = json.loads(SEED_GOLD.read_text())["treaties"][0]
    (t,) = seed_record["treaties"]
    assert set(t["parties"]) == set(gold["parties"])
    assert t["signed"].startswith(gold["signed"])
    assert _obligations(t) == {(o["obligor"], o["beneficiary"], o["type"]) for o in gold["obligations"]}
    (r,) = t["ratified"]
    assert r["by"] == "RUS" and r["precision"] == "week" and r["date"] == "2024-10-21"


@pytest.mark.model
def test_seed_meeting_date_and_place(seed_record):
    meetings = [e for e in seed_record["events"] if e["type"] == "CONSULT"]
    assert meetings, "no CONSULT event in the seed"
    e = meetings[0]
    assert (e["date"], e["date_precision"]) == ("2024-11-01", "day")
    assert (e["location"]["name"], e["location"]["code"]) == ("Moscow", "RUS")


@pytest.mark.model
@pytest.mark.parametrize("text, by, date", [
    ("The parliaments of Chile and Peru ratified the fisheries agreement in April; Ecuador's assembly followed in "
     "June.", "ECU", "2025-06"),
    ("Ghana's parliament ratified the border treaty with Togo last month. Togo followed on Tuesday.",
     "TGO", "2025-07-01"),
])
def test_a_party_that_follows_repeats_the_ratification(extractor, text, by, date):
    (t,) = _treaties(extractor, text, "2025-07-04")
    assert by in t["parties"]
    assert {"by": by, "date": date, "precision": "month" if len(date) == 7 else "day"} in t["ratified"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana's parliament ratified the border treaty with Togo last month. Togo followed with a protest note.",
    "Ghana's parliament ratified the border treaty with Togo last month. Togo followed the debate closely.",
    "Ghana's parliament ratified the border treaty with Togo last month. Togo will follow in August.",
])
def test_follow_that_is_no_ratification(extractor, text):
    (t,) = _treaties(extractor, text, "2025-07-04")
    assert all(r["by"] != "TGO" for r in t["ratified"])


@pytest.mark.model
@pytest.mark.parametrize("text, parties", [
    ("Mali, Burkina Faso and Niger formed a confederation in 2023. The three juntas signed a defence treaty "
     "in Bamako in December.", {"MLI", "BFA", "NER"}),
    ("Chad, Sudan and Libya met in Tripoli. The three governments signed a border accord on Sunday.",
     {"TCD", "SDN", "LBY"}),
    # the count must match the listing: no parties to guess, so no treaty
    ("Kenya, Uganda and Tanzania met in Arusha. The two governments signed a trade treaty in May.", None),
])
def test_counted_group_names_the_listed_states(extractor, text, parties):
    got = _treaties(extractor, text, "2025-03-01")
    assert ({frozenset(t["parties"]) for t in got} == {frozenset(parties)}) if parties else got == []


# -- duties as news prose words them: nonaggression and consultation --------------------

def _both_ways(a, b, *types):
    return {(x, y, t) for t in types for x, y in ((a, b), (b, a))}


PROSE_CASES = [
    # the signatories named, then "the two countries" and "one another"
    ("Peru and Chile signed the Lima Accord in March. In it, the two presidents agreed that the two countries "
     "would never use force against one another and that any quarrel would be handled through regular dialogue.",
     _both_ways("PER", "CHL", "nonaggression", "consultation")),
    # "both sides undertook to": the parties come from the article
    ("Talks between Ghana and Togo resumed on Monday. Officials recalled the 1990 Volta Pact, under which both sides "
     "undertook to refrain from the threat or use of force and to resolve their disputes through negotiations.",
     _both_ways("GHA", "TGO", "nonaggression", "consultation")),
    # one-way clauses that together bind both sides
    ("The truce, which took effect in May, commits Armenia to refrain from military operations against "
     "Azerbaijan and obliges Azerbaijan not to attack Armenia.",
     _both_ways("ARM", "AZE", "nonaggression")),
    # treaty text quoted clause by clause
    ("Norway and Sweden signed the Kiruna Protocol on Friday. Under Article 2, the parties \"shall refrain from any "
     "threat or use of force against each other.\" Article 5 says each side \"shall notify the other before "
     "moving troops to the border.\"",
     _both_ways("NOR", "SWE", "nonaggression", "consultation")),
]


@pytest.mark.model
@pytest.mark.parametrize("text, obligations", PROSE_CASES)
def test_prose_obligations(extractor, text, obligations):
    found = set().union(*(_obligations(t) for t in _treaties(extractor, text, "2025-06-01")))
    assert found == obligations


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The ceasefire between Ghana and Togo collapsed on Sunday after new shelling.",  # a truce stating no duty
    "Peru and Chile signed the Lima Accord in March. Chile later said its army would not attack anyone.",
    "Peru and Chile signed the Lima Accord in March. The court ordered Chile to refrain from holding a vote.",
])
def test_prose_without_duty_gives_no_obligation(extractor, text):
    treaties = _treaties(extractor, text, "2025-06-01")
    assert not any(t["obligations"] for t in treaties)
    assert not any(t["name"] is None and not t["parties"] for t in treaties)
