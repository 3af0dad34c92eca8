"""Actor resolution on sentences of our own: names, titles, metonyms, groups, pronouns."""
from __future__ import annotations

import json

import pytest

from tests.conftest import SEED_GOLD

pytestmark = pytest.mark.model


def actors(extractor, text, published="2025-03-10"):
    rec = extractor.extract(text, published=published)
    return rec, {text[s:e]: a for a in rec["actors"] for s, e in a["mentions"]}


@pytest.mark.parametrize("sentence, surface, code, sector", [
    ("The Kremlin rejected the proposal on Monday, a spokesman said.", "Kremlin", "RUS", "GOV"),
    ("Washington imposed new tariffs on steel from several countries.", "Washington", "USA", "GOV"),
    ("Downing Street said the talks had been constructive.", "Downing Street", "GBR", "GOV"),
    ("Kyiv asked its allies for more air defence systems.", "Kyiv", "UKR", "GOV"),
    ("Beijing warned Manila against further patrols near the shoal.", "Beijing", "CHN", "GOV"),
    ("Beijing warned Manila against further patrols near the shoal.", "Manila", "PHL", "GOV"),
    ("NATO allies met in Brussels to discuss the budget.", "NATO", "NATO", None),
    ("The UN Security Council adopted a resolution on the crisis.", "UN Security Council", "UN", None),
    ("Western countries condemned the election as unfair.", "Western countries", "WEST", "GOV"),
    ("Iranian lawmakers voted to suspend cooperation with the agency.", "lawmakers", "IRN", "LEG"),
    ("Polish troops took part in the drills near the border.", "troops", "POL", "MIL"),
    ("Ukraine's military said it had repelled the assault.", "military", "UKR", "MIL"),
])
def test_surface_forms(extractor, sentence, surface, code, sector):
    _, by_surface = actors(extractor, sentence)
    a = by_surface[surface]
    assert (a["code"], a["sector"]) == (code, sector)


def test_capital_as_location_is_not_an_actor(extractor):
    _, by_surface = actors(extractor, "The novelist read from her new book at a festival in Ankara on Tuesday.")
    assert "Ankara" not in by_surface


def test_known_officeholder_and_surname(extractor):
    text = ("Turkish President Recep Tayyip Erdogan hosted the talks. Later, Erdogan told reporters "
            "that he was hopeful.")
    _, by_surface = actors(extractor, text, published="2025-06-01")
    full = by_surface["Recep Tayyip Erdogan"]
    assert (full["code"], full["sector"], full["kind"]) == ("TUR", "GOV", "person")
    assert by_surface["Erdogan"]["id"] == full["id"]
    assert by_surface["he"]["id"] == full["id"]


def test_unknown_person_learned_from_title_and_country(extractor):
    text = ("Moldovan Deputy Foreign Minister Ilinca Varga met the envoy on Monday. "
            "Varga said she expected a deal soon.")
    rec, by_surface = actors(extractor, text)
    person = by_surface["Ilinca Varga"]
    assert (person["code"], person["sector"]) == ("MDA", "GOV")
    assert by_surface["she"]["id"] == person["id"]
    # remembered for the next article, which names her without a title
    rec2, by2 = actors(extractor, "Ilinca Varga arrived in Vienna for the conference.")
    assert by2["Ilinca Varga"]["code"] == "MDA"


def test_apposition_gives_country(extractor):
    _, by_surface = actors(extractor, "Tomas Rekvel, Lithuania's defence minister, visited the base.")
    assert by_surface["Tomas Rekvel"]["code"] == "LTU"


def test_former_officeholder_is_elite(extractor):
    _, by_surface = actors(extractor, "Angela Merkel spoke at the conference in Berlin.", published="2025-05-01")
    merkel = by_surface["Angela Merkel"]
    assert (merkel["code"], merkel["sector"]) == ("DEU", "ELI")


def test_title_resolves_to_holder_on_the_date(extractor):
    _, by_surface = actors(extractor, "The Russian president said the offer stood.", published="2024-11-01")
    a = by_surface["president"]
    assert a["name"] == "Vladimir Putin"


def test_the_minister_resolves_to_the_last_minister(extractor):
    text = ("Foreign Minister Penny Wong arrived in Jakarta on Sunday. "
            "The minister later said Australia wanted closer ties.")
    _, by_surface = actors(extractor, text, published="2025-02-01")
    assert by_surface["minister"]["name"] == "Penny Wong"


def test_seed_actors_match_gold(seed_record):
    gold = json.loads(SEED_GOLD.read_text())
    found = {(a["code"], a["sector"]): a for a in seed_record["actors"]}
    for g in gold["actors"]:
        assert (g["code"], g["sector"]) in found, g["name"]
    people = {a["name"]: a for a in seed_record["actors"] if a["kind"] == "person"}
    for name, code in [("Choe Son-hui", "PRK"), ("Sergey Lavrov", "RUS"), ("Kim Jong-un", "PRK"),
                       ("Vladimir Putin", "RUS")]:
        assert people[name]["code"] == code and people[name]["sector"] == "GOV"


def test_seed_pronouns_are_choe(seed_record, seed_text):
    choe = next(a for a in seed_record["actors"] if a["name"] == "Choe Son-hui")
    surfaces = [seed_text[s:e] for s, e in choe["mentions"]]
    assert {"She", "her", "she", "Choe", "minister"} <= set(surfaces)
    lavrov = next(a for a in seed_record["actors"] if a["name"] == "Sergey Lavrov")
    assert "minister" not in [seed_text[s:e] for s, e in lavrov["mentions"]]


def test_people_learned_are_remembered_through_the_store(tmp_path):
    from tidings.extract import Extractor
    from tidings.store import Store

    first = Extractor()
    text = "Estonian Deputy Defence Minister Mart Kuusik inspected the new radar site on Friday."
    rec = first.extract(text, id="one", published="2025-04-04")
    with Store(tmp_path / "s.sqlite") as st:
        st.put(rec, text)
        people = st.learned_people()
    assert [(p["name"], p["code"], p["sector"]) for p in people] == [("Mart Kuusik", "EST", "GOV")]
    fresh = Extractor()  # a new process: knows only the tables and what the store remembers
    fresh.remember(people)
    later = fresh.extract("Mart Kuusik arrived in Riga for the meeting of ministers.", published="2025-05-01")
    assert next(a for a in later["actors"] if a["name"] == "Mart Kuusik")["code"] == "EST"


@pytest.mark.parametrize("text, surface, code, role", [
    ("A Chilean official said the vote had been delayed.", "official", "CHL", "official"),
    ("A Dutch foreign ministry spokeswoman confirmed the visit.", "spokeswoman", "NLD", "spokesperson"),
])
def test_unnamed_official_with_a_country(extractor, text, surface, code, role):
    _, by_surface = actors(extractor, text)
    a = by_surface[surface]
    assert (a["kind"], a["code"], a["role"]) == ("person", code, role)


def test_gendered_title_finds_the_officeholder_role(extractor):
    text = "Maria Zakharova briefed reporters on Thursday. The spokeswoman said the claims were false."
    _, by_surface = actors(extractor, text, published="2025-03-01")
    assert by_surface["spokeswoman"]["name"] == "Maria Zakharova"


def test_officials_in_a_capital_speak_for_its_state(extractor):
    _, by_surface = actors(extractor, "Officials in Nairobi welcomed the decision.")
    assert by_surface["Officials"]["code"] == "KEN"


@pytest.mark.parametrize("text, code", [
    ("Ethnic Hungarians in Romania rallied in the main square.", "ROU"),
    ("The Serbs of Bosnia held elections for a local council.", "BIH"),
    ("Germans voted on Sunday.", "DEU"),
])
def test_a_people_acts_where_it_lives(extractor, text, code):
    rec, _ = actors(extractor, text)
    people = [a for a in rec["actors"] if a["kind"] == "group" and a["sector"] == "CVL"]
    assert people and people[0]["code"] == code


@pytest.mark.parametrize("text, surface, code", [
    ("Estonian Foreign Minister Pille Raudkivi opened the session.", "Pille Raudkivi", "EST"),
    ("A US State Department spokesperson declined to comment.", "spokesperson", "USA"),
    ("A spokesman for the European Commission said the rules would change.", "spokesman", "EU"),
])
def test_officials_named_by_title_or_body(extractor, text, surface, code):
    _, by_surface = actors(extractor, text)
    a = by_surface[surface]
    assert (a["kind"], a["code"]) == ("person", code)


@pytest.mark.parametrize("text, surface, codes", [
    ("Chad, Sudan and Libya met in Cairo. Egypt praised Chad. Sudan thanked Libya. The three states agreed "
     "to meet again.", "three states", {"TCD", "SDN", "LBY"}),
    ("Seoul and Pyongyang traded accusations. North Korea fired a missile. South Korea urged the North to "
     "return to talks.", "North", {"PRK"}),
    ("The International Monetary Fund approved a loan to Ghana. Ghana thanked the fund.", "fund", {"IMF"}),
])
def test_definite_references_to_what_was_named(extractor, text, surface, codes):
    rec, _ = actors(extractor, text)
    found = {a["code"] for a in rec["actors"] for s, e in a["mentions"] if text[s:e].endswith(surface)}
    assert found == codes


def test_a_body_noun_refers_back_only_to_a_body_named_before(extractor):
    _, by_surface = actors(extractor, "The court in Nairobi heard the case. The International Court of "
                                      "Justice is in The Hague.")
    assert by_surface["court"]["code"] == "KEN"


@pytest.mark.parametrize("text, published, surface, name", [
    ("President Bush spoke to reporters on Monday.", "2003-04-01", "Bush", "George W. Bush"),
    ("President Bush spoke to reporters on Monday.", "1990-04-01", "Bush", "George H. W. Bush"),
])
def test_a_title_and_surname_find_the_holder_of_the_day(extractor, text, published, surface, name):
    _, by_surface = actors(extractor, text, published=published)
    assert by_surface[surface]["name"] == name


def test_a_name_with_a_title_in_apposition_is_a_person(extractor):
    _, by_surface = actors(extractor, "Kwame Boateng, Ghana's deputy foreign minister, arrived in Lome on Friday.")
    a = by_surface["Kwame Boateng"]
    assert (a["kind"], a["code"]) == ("person", "GHA")


@pytest.mark.parametrize("text, surface, code, sector", [
    ("Ma Xiaoguang, a spokesman for the Taiwan Affairs Office, told reporters the exercises would go on.",
     "Ma Xiaoguang", "CHN", "GOV"),
    ("Hezbollah fired rockets. A Hezbollah spokesman denied the charge.", "spokesman", "LBN", "REB"),
])
def test_officials_of_a_body_take_its_code_and_sector(extractor, text, surface, code, sector):
    _, by_surface = actors(extractor, text)
    assert (by_surface[surface]["code"], by_surface[surface]["sector"]) == (code, sector)


def test_a_pronoun_in_its_own_sentence_prefers_the_subject(extractor):
    text = ("Kenyan envoy Monica Juma held talks with Sudan's Foreign Minister Ali Youssef in Khartoum before "
            "flying to Juba, where she met President Salva Kiir.")
    rec, _ = actors(extractor, text)
    she = next(a for a in rec["actors"] if any(text[s:e] == "she" for s, e in a["mentions"]))
    assert she["name"] == "Monica Juma"


def test_an_official_named_after_a_state_speaks_for_it(extractor):
    text = "Eritrea rejected the report. Information Minister Tesfay Ghebre called it a fabrication."
    _, by_surface = actors(extractor, text)
    assert by_surface["Tesfay Ghebre"]["code"] == "ERI"
