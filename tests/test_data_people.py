"""Integrity checks for the people and title knowledge files (``officeholders.json``, ``titles.json``)."""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

import pytest

from tidings import resources

PLOVER_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP", "REB", "CVL", "BUS", "MED", "ELI",
                  "REL", "NGO"}
IGO_CODES = {"UN", "NATO", "EU", "AU", "ASEAN", "WHO", "IAEA", "ICC", "IMF", "OSCE", "G7", "G20"}
G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU",
       "ZAF", "TUR", "GBR", "USA"]
HEAD_ROLES = ("president", "prime minister", "chancellor", "king")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@pytest.fixture(scope="module")
def people():
    return resources.load("officeholders.json")


@pytest.fixture(scope="module")
def titles():
    return resources.load("titles.json")


def _by_name(people):
    return {p["name"]: p for p in people}


def _parse(value: str) -> tuple[int, ...]:
    """An ISO date of precision YYYY, YYYY-MM or YYYY-MM-DD, as a tuple; raises on anything else."""
    m = DATE_RE.match(value)
    assert m, f"not an ISO date: {value!r}"
    parts = tuple(int(g) for g in m.groups() if g is not None)
    year, month, day = parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
    date(year, month, day)  # validates month and day
    return parts


def _not_after(start: tuple[int, ...], end: tuple[int, ...]) -> bool:
    n = min(len(start), len(end))
    return start[:n] <= end[:n]


# ---------------------------------------------------------------- officeholders.json

def test_people_shape(people):
    assert isinstance(people, list)
    for p in people:
        assert isinstance(p.get("name"), str) and p["name"].strip() == p["name"] and p["name"], p
        assert isinstance(p.get("aliases"), list), p["name"]
        assert all(isinstance(a, str) and a.strip() == a and a for a in p["aliases"]), p["name"]
        assert p.get("gender") in {"f", "m"}, p["name"]
        assert isinstance(p.get("terms"), list) and p["terms"], p["name"]


def test_at_least_1300_people(people):
    assert len(people) >= 1300


def test_terms_valid(people):
    for p in people:
        for t in p["terms"]:
            code = t["code"]
            assert re.fullmatch(r"[A-Z]{3}", code) or code in IGO_CODES, (p["name"], code)
            assert t["sector"] in PLOVER_SECTORS, (p["name"], t)
            assert isinstance(t["role"], str) and t["role"] and t["role"] == t["role"].lower(), (p["name"], t)
            start = _parse(t["start"])
            if t["end"] is not None:
                end = _parse(t["end"])
                assert _not_after(start, end), (p["name"], t)
            assert _parse("2026-12-01")[:len(start)] >= start, (p["name"], "starts in the future", t)


def test_no_surface_form_shared(people):
    owners = defaultdict(set)
    for p in people:
        for s in [p["name"], *p["aliases"]]:
            owners[s.casefold()].add(p["name"])
    shared = {s: sorted(o) for s, o in owners.items() if len(o) > 1}
    assert not shared, shared


def test_every_g20_state_has_open_head(people):
    open_heads = defaultdict(list)
    for p in people:
        for t in p["terms"]:
            if t["end"] is None and any(r in t["role"] for r in HEAD_ROLES):
                open_heads[t["code"]].append(p["name"])
    missing = [c for c in G20 if not open_heads[c]]
    assert not missing, missing


def _has_term(person, code, role, open_=None, start_prefix=None):
    for t in person["terms"]:
        if t["code"] != code or t["role"] != role:
            continue
        if open_ is not None and (t["end"] is None) != open_:
            continue
        if start_prefix is not None and not t["start"].startswith(start_prefix):
            continue
        return True
    return False


def test_spot_facts(people):
    by = _by_name(people)
    choe = by["Choe Son-hui"]
    assert choe["gender"] == "f"
    assert _has_term(choe, "PRK", "foreign minister", open_=True)
    assert _has_term(by["Sergey Lavrov"], "RUS", "foreign minister", start_prefix="2004")
    assert "Sergei Lavrov" in by["Sergey Lavrov"]["aliases"]
    kim = by["Kim Jong-un"]
    assert any(t["code"] == "PRK" for t in kim["terms"])
    assert _has_term(kim, "PRK", "leader", open_=True, start_prefix="2011-12-17")
    assert "Kim Jong Un" in kim["aliases"]
    assert _has_term(by["Vladimir Putin"], "RUS", "president", open_=True)
    assert _has_term(by["António Guterres"], "UN", "secretary-general", open_=True)
    assert _has_term(by["Mark Rutte"], "NATO", "secretary general", open_=True)
    assert _has_term(by["Jens Stoltenberg"], "NATO", "secretary general", open_=False)
    assert _has_term(by["Donald Trump"], "USA", "president", open_=True)
    assert _has_term(by["Donald Trump"], "USA", "president", open_=False)
    assert _has_term(by["Valerii Zaluzhnyi"], "UKR", "commander-in-chief", open_=False)
    assert by["Valery Gerasimov"]["terms"][0]["sector"] == "MIL"


def test_historical_spot_facts(people):
    by = _by_name(people)
    annan = by["Kofi Annan"]
    assert any(t["code"] == "UN" and t["role"] == "secretary-general" and t["start"] == "1997-01-01"
               and t["end"] == "2006-12-31" for t in annan["terms"])
    yeltsin = by["Boris Yeltsin"]
    assert any(t["code"] == "RUS" and t["role"] == "president" and t["start"] == "1991-07-10"
               and t["end"] == "1999-12-31" for t in yeltsin["terms"])
    arafat = by["Yasser Arafat"]
    assert _has_term(arafat, "PSE", "leader", open_=False, start_prefix="1969")
    assert _has_term(arafat, "PSE", "president", open_=False, start_prefix="1994")
    assert _has_term(by["Yoweri Museveni"], "UGA", "president", open_=True, start_prefix="1986")
    assert _has_term(by["Mahmoud Abbas"], "PSE", "president", open_=True, start_prefix="2005")
    assert _has_term(by["Mikhail Gorbachev"], "SUN", "general secretary", open_=False, start_prefix="1985-03")
    assert _has_term(by["Margaret Thatcher"], "GBR", "prime minister", open_=False, start_prefix="1979-05")
    assert _has_term(by["Nelson Mandela"], "ZAF", "president", open_=False, start_prefix="1994-05-10")
    assert _has_term(by["Helmut Kohl"], "DEU", "chancellor", open_=False, start_prefix="1982-10")
    assert _has_term(by["Ronald Reagan"], "USA", "president", open_=False, start_prefix="1981-01-20")
    assert _has_term(by["George H. W. Bush"], "USA", "president", open_=False, start_prefix="1989-01-20")
    assert _has_term(by["Deng Xiaoping"], "CHN", "leader", open_=False)
    assert _has_term(by["Saddam Hussein"], "IRQ", "president", open_=False, start_prefix="1979")
    assert _has_term(by["Hafez al-Assad"], "SYR", "president", open_=False, start_prefix="1971")
    assert _has_term(by["Ruhollah Khomeini"], "IRN", "supreme leader", open_=False)
    assert _has_term(by["Pope John Paul II"], "VAT", "pope", open_=False, start_prefix="1978-10-16")
    assert by["Pope John Paul II"]["terms"][0]["sector"] == "REL"
    assert _has_term(by["Mullah Omar"], "AFG", "leader", open_=False)
    assert by["Mullah Omar"]["terms"][0]["sector"] == "REB"
    assert _has_term(by["Nawaz Sharif"], "PAK", "prime minister", start_prefix="1990")
    assert _has_term(by["Benazir Bhutto"], "PAK", "prime minister", start_prefix="1988")
    assert by["Benazir Bhutto"]["gender"] == "f" and by["Ellen Johnson Sirleaf"]["gender"] == "f"
    assert _has_term(by["Javier Solana"], "NATO", "secretary general", open_=False)


def test_historical_surfaces(people):
    surface = {s.casefold(): p["name"] for p in people for s in [p["name"], *p["aliases"]]}
    for alias, name in {"yeltsin": "Boris Yeltsin", "arafat": "Yasser Arafat", "annan": "Kofi Annan",
                        "saddam": "Saddam Hussein", "milosevic": "Slobodan Milošević",
                        "gorbachev": "Mikhail Gorbachev", "kim jong il": "Kim Jong-il",
                        "manmohan singh": "Manmohan Singh", "george h. w. bush": "George H. W. Bush"}.items():
        assert surface[alias] == name, alias
    for ambiguous in ("bush", "clinton", "castro", "sharif", "bhutto", "aquino", "kenyatta", "kabila", "gandhi",
                      "rajapaksa", "hussein", "abdullah", "ivanov", "banda", "carter"):
        assert ambiguous not in surface, ambiguous


def test_distinctive_surnames_resolve(people):
    surface = {s.casefold(): p["name"] for p in people for s in [p["name"], *p["aliases"]]}
    assert surface["putin"] == "Vladimir Putin"
    assert surface["zelenskyy"] == "Volodymyr Zelensky"
    assert surface["erdoğan"] == "Recep Tayyip Erdogan"
    assert surface["lula"] == "Luiz Inácio Lula da Silva"
    for ambiguous in ("kim", "lee", "li", "wang", "khan", "singh", "johnson"):
        assert ambiguous not in surface, ambiguous


# ---------------------------------------------------------------- titles.json

def _entries(titles):
    return [*titles["person_titles"], *titles["group_nouns"]]


def test_titles_shape(titles):
    assert set(titles) == {"person_titles", "group_nouns"}
    for e in _entries(titles):
        assert isinstance(e["term"], str) and e["term"], e
        assert e["sector"] in PLOVER_SECTORS, e
        assert isinstance(e["aliases"], list), e
        assert e.get("gender") in (None, "f", "m"), e
    assert all("gender" not in e for e in titles["group_nouns"])


def test_titles_no_duplicate_surface(titles):
    seen = defaultdict(list)
    for e in _entries(titles):
        for s in [e["term"], *e["aliases"]]:
            seen[s.casefold()].append(e["term"])
    dups = {s: t for s, t in seen.items() if len(t) > 1}
    assert not dups, dups


def test_titles_required_entries(titles):
    persons = {e["term"]: e for e in titles["person_titles"]}
    groups = {e["term"]: e for e in titles["group_nouns"]}
    assert persons["foreign minister"]["sector"] == "GOV"
    assert groups["lawmakers"]["sector"] == "LEG"
    assert groups["troops"]["sector"] == "MIL"
    assert groups["police"]["sector"] == "COP"
    assert groups["rebels"]["sector"] == "REB"
    for term in ("president", "vice president", "prime minister", "deputy prime minister", "chancellor", "premier",
                 "king", "queen", "emir", "crown prince", "sultan", "supreme leader", "leader", "head of state",
                 "defence minister", "interior minister", "finance minister", "trade minister", "energy minister",
                 "minister", "deputy foreign minister", "ambassador", "envoy", "special envoy", "diplomat",
                 "spokesperson", "national security adviser", "chief of staff", "secretary-general",
                 "commissioner", "governor", "mayor", "counterpart"):
        assert persons[term]["sector"] == "GOV", term
    for term, sector in {"speaker": "LEG", "senator": "LEG", "lawmaker": "LEG", "general": "MIL",
                         "commander": "MIL", "admiral": "MIL", "colonel": "MIL",
                         "chief of the general staff": "MIL", "soldier": "MIL", "officer": "MIL",
                         "police chief": "COP", "judge": "JUD", "prosecutor": "JUD", "attorney general": "JUD",
                         "intelligence chief": "SPY", "spy chief": "SPY", "opposition leader": "OPP",
                         "party leader": "PTY", "rebel leader": "REB", "militia leader": "REB", "pope": "REL",
                         "archbishop": "REL", "imam": "REL", "cleric": "REL", "journalist": "MED", "CEO": "BUS",
                         "activist": "CVL"}.items():
        assert persons[term]["sector"] == sector, term
    aliases = {a for e in titles["person_titles"] for a in e["aliases"]}
    for a in ("foreign secretary", "secretary of state", "defense minister", "secretary of defense",
              "defence secretary", "war minister", "spokesman", "spokeswoman", "press secretary",
              "secretary general", "MP", "legislator"):
        assert a in aliases or a in persons, a
    assert "deputy" not in persons and "deputy" not in aliases
    assert persons["queen"]["gender"] == "f" and persons["king"]["gender"] == "m"
    assert persons["spokeswoman"]["gender"] == "f" and persons["spokesman"]["gender"] == "m"
