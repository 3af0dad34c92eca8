"""Integrity checks for the gazetteer knowledge files: states, IGOs and blocs."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from tidings import resources

STATES = resources.load("states.json")
IGOS = resources.load("igos.json")
BLOCS = resources.load("blocs.json")

STATE_CODES = {s["code"] for s in STATES}
BY_CODE = {s["code"]: s for s in STATES}

STATE_LIST_FIELDS = ("aliases", "adjectives", "demonyms", "seats")


def _igo(code: str, name: str | None = None) -> dict:
    rows = [o for o in IGOS if o["code"] == code and (name is None or o["name"] == name)]
    if name is None:
        rows = [o for o in rows if not o.get("organ")]
    assert len(rows) == 1, (code, name, rows)
    return rows[0]


def _surfaces():
    """Yield (surface string, code, source) for every string in the three files."""
    for s in STATES:
        yield s["name"], s["code"], "states"
        yield s["capital"], s["code"], "states"
        for field in STATE_LIST_FIELDS + ("military_seats",):
            for x in s.get(field, []):
                yield x, s["code"], "states"
    for o in IGOS:
        yield o["name"], o["code"], "igos"
        for field in ("aliases", "adjectives"):
            for x in o[field]:
                yield x, o["code"], "igos"
    for b in BLOCS:
        yield b["name"], b["code"], "blocs"
        for field in ("aliases", "adjectives"):
            for x in b[field]:
                yield x, b["code"], "blocs"


# --- states.json -----------------------------------------------------------------------

def test_state_codes_are_unique_alpha3():
    codes = [s["code"] for s in STATES]
    assert len(codes) == len(set(codes))
    for c in codes:
        assert re.fullmatch(r"[A-Z]{3}", c), c


def test_state_schema():
    for s in STATES:
        assert s["status"] in {"member", "observer", "other"}, s["code"]
        assert isinstance(s["name"], str) and s["name"], s["code"]
        assert isinstance(s["capital"], str) and s["capital"], s["code"]
        for field in STATE_LIST_FIELDS:
            assert isinstance(s[field], list), (s["code"], field)
            assert len(s[field]) == len(set(s[field])), (s["code"], field)
        assert all(isinstance(x, str) for x in s.get("military_seats", []))


def test_un_membership_counts():
    members = [s for s in STATES if s["status"] == "member"]
    observers = {s["code"] for s in STATES if s["status"] == "observer"}
    assert len(members) == 193
    assert observers == {"VAT", "PSE"}
    assert len(members) + len(observers) >= 195
    others = {s["code"] for s in STATES if s["status"] == "other"}
    assert {"XKX", "TWN", "ESH"} <= others


def test_seats_include_capital():
    # Palestine's proclaimed capital (East Jerusalem) is not where its government sits;
    # Western Sahara has no seat of government in the territory.
    for s in STATES:
        if s["code"] in {"PSE", "ESH"}:
            continue
        assert s["capital"] in s["seats"], s["code"]


@pytest.mark.parametrize(
    "code, capital",
    [("PRK", "Pyongyang"), ("FRA", "Paris"), ("JPN", "Tokyo"), ("UKR", "Kyiv"),
     ("RUS", "Moscow"), ("GBR", "London"), ("USA", "Washington"), ("NLD", "Amsterdam"),
     ("BOL", "Sucre"), ("ISR", "Jerusalem"), ("TWN", "Taipei"), ("IRN", "Tehran")],
)
def test_capital_spot_checks(code, capital):
    assert BY_CODE[code]["capital"] == capital


def test_seat_spot_checks():
    assert {"Kyiv", "Kiev"} <= set(BY_CODE["UKR"]["seats"])
    assert "the Kremlin" in BY_CODE["RUS"]["seats"]
    assert {"the White House", "Washington"} <= set(BY_CODE["USA"]["seats"])
    assert "the Pentagon" in BY_CODE["USA"]["military_seats"]
    assert "the Pentagon" not in BY_CODE["USA"]["seats"]
    assert "Downing Street" in BY_CODE["GBR"]["seats"]
    assert "The Hague" in BY_CODE["NLD"]["seats"]
    assert "La Paz" in BY_CODE["BOL"]["seats"]
    assert "Beijing" in BY_CODE["CHN"]["seats"]


def test_alias_spot_checks():
    assert {"U.S.", "USA", "America", "United States of America"} <= set(BY_CODE["USA"]["aliases"])
    assert {"Britain", "UK", "U.K."} <= set(BY_CODE["GBR"]["aliases"])
    assert "Russian Federation" in BY_CODE["RUS"]["aliases"]
    assert "Türkiye" in BY_CODE["TUR"]["aliases"]
    assert "Burma" in BY_CODE["MMR"]["aliases"]
    assert "Côte d'Ivoire" in BY_CODE["CIV"]["aliases"]
    assert {"DRC", "DR Congo", "Congo"} <= set(BY_CODE["COD"]["aliases"])
    assert "Congo-Brazzaville" in BY_CODE["COG"]["aliases"]
    assert "Palestinian Authority" in BY_CODE["PSE"]["aliases"]
    assert "Vatican" in BY_CODE["VAT"]["aliases"]
    assert "Congolese" in BY_CODE["COD"]["adjectives"]
    assert "North Korean" in BY_CODE["PRK"]["adjectives"]


def test_excluded_strings():
    everything = {x for x, _, _ in _surfaces()}
    for bad in ("the Palestinians", "Gaza", "West Bank", "Korea", "Korean"):
        assert bad not in everything, bad


# --- igos.json -------------------------------------------------------------------------

def test_igo_schema():
    for o in IGOS:
        assert isinstance(o["code"], str) and o["code"]
        assert isinstance(o["name"], str) and o["name"]
        for field in ("aliases", "adjectives", "members"):
            assert isinstance(o[field], list), (o["name"], field)
        assert len(o["members"]) == len(set(o["members"])), o["name"]


def test_igo_codes_unique_except_organs():
    parents = defaultdict(int)
    for o in IGOS:
        if not o.get("organ"):
            parents[o["code"]] += 1
    assert all(n == 1 for n in parents.values()), dict(parents)
    for o in IGOS:
        assert o["code"] in parents, f"organ {o['name']} has no parent {o['code']}"


def test_igo_strings_unique_across_entries():
    owner: dict[str, str] = {}
    for o in IGOS:
        for x in {o["name"], *o["aliases"], *o["adjectives"]}:
            assert x not in owner, f"{x!r} in both {owner[x]!r} and {o['name']!r}"
            owner[x] = o["name"]


def test_igo_members_exist():
    for o in IGOS:
        for m in o["members"] + o.get("permanent_members", []):
            assert m in STATE_CODES, (o["name"], m)


def test_igo_membership_facts():
    nato = set(_igo("NATO")["members"])
    assert len(nato) == 32 and {"FIN", "SWE"} <= nato
    assert len(_igo("EU")["members"]) == 27
    assert set(_igo("CSTO")["members"]) == {"RUS", "BLR", "ARM", "KAZ", "KGZ", "TJK"}
    assert set(_igo("G7")["members"]) == {"CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"}
    assert {"EGY", "ETH", "IRN", "ARE", "IDN"} <= set(_igo("BRICS")["members"])
    assert "TLS" in _igo("ASEAN")["members"] and len(_igo("ASEAN")["members"]) == 11
    assert len(_igo("UN")["members"]) == 193
    assert set(_igo("UN", "UN Security Council")["permanent_members"]) == {"CHN", "FRA", "RUS", "GBR", "USA"}


@pytest.mark.parametrize(
    "code", ["UN", "WHO", "IAEA", "ICC", "IMF", "ICJ", "WB", "WTO", "NATO", "EU", "AU", "ASEAN",
             "CSTO", "OSCE", "G7", "G20", "BRICS", "OPEC", "SCO", "LAS", "GCC", "ECOWAS", "SADC",
             "EAC", "IGAD", "OAS", "CARICOM", "MERCOSUR", "APEC", "CWTH", "OIC", "CIS", "EAEU",
             "COE", "INTERPOL", "OPCW", "CTBTO"],
)
def test_required_igos_present(code):
    _igo(code)


def test_un_organs_share_un_code():
    names = {o["name"] for o in IGOS if o["code"] == "UN" and o.get("organ")}
    assert {"UN Security Council", "UN General Assembly", "UN Human Rights Council",
            "UN Secretariat"} <= names
    surfaces = {x: o["code"] for o in IGOS for x in [o["name"], *o["aliases"]]}
    for alias in ("UNHCR", "UNICEF", "WFP", "UNESCO", "UNRWA", "OCHA", "Security Council", "UNSC"):
        assert surfaces[alias] == "UN", alias
    assert surfaces["OPEC+"] == "OPEC"
    for alias, code in (("WHO", "WHO"), ("IAEA", "IAEA"), ("ICC", "ICC"), ("IMF", "IMF")):
        assert surfaces[alias] == code


# --- blocs.json ------------------------------------------------------------------------

def test_blocs():
    assert [b["code"] for b in BLOCS] == ["WEST"]
    west = BLOCS[0]
    assert "the collective West" in west["aliases"]
    assert west["adjectives"] == ["Western"]


# --- cross-file ------------------------------------------------------------------------

def test_surfaces_are_clean():
    for x, code, _ in _surfaces():
        assert isinstance(x, str) and x and x == x.strip() and "  " not in x, (code, x)


def test_no_surface_maps_to_two_codes():
    codes: dict[str, set[str]] = defaultdict(set)
    for x, code, source in _surfaces():
        codes[x].add(code)
    clashes = {x: sorted(c) for x, c in codes.items() if len(c) > 1}
    assert not clashes, clashes
