"""Integrity checks for ``organizations.json``: non-state groups, parties, NGOs, media, agencies, companies."""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

import pytest

from tidings import resources

ORGS = resources.load("organizations.json")
STATES = resources.load("states.json")
STATE_CODES = {s["code"] for s in STATES}

PLOVER_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP", "REB", "CVL", "BUS", "MED", "ELI",
                  "REL", "NGO"}
KINDS = {"group", "organization"}
FIELDS = {"name", "aliases", "code", "kind", "sector", "also", "sector_before"}


def _variants(s: str) -> set[str]:
    """The strings the knowledge index derives from one surface (apostrophes, a leading "the")."""
    out = {s, s.replace("'", "’"), s.replace("’", "'")}
    if s.startswith("the "):
        out |= {"The " + s[4:], s[4:]}
    return out


def _surfaces(org: dict) -> list[str]:
    return [org["name"], *org["aliases"]]


def _other_surfaces():
    """Yield (string, source) for every name-like string in the other knowledge files."""
    for s in STATES:
        yield s["name"], "states"
        yield s["capital"], "states"
        for field in ("aliases", "adjectives", "demonyms", "seats", "military_seats"):
            for x in s.get(field, []):
                yield x, "states"
    for fname in ("igos.json", "blocs.json"):
        for o in resources.load(fname):
            yield o["name"], fname
            for field in ("aliases", "adjectives"):
                for x in o.get(field, []):
                    yield x, fname
    for p in resources.load("officeholders.json"):
        yield p["name"], "officeholders"
        for x in p.get("aliases", []):
            yield x, "officeholders"
    for table, entries in resources.load("titles.json").items():
        for e in entries:
            yield e["term"], f"titles:{table}"
            for x in e.get("aliases", []):
                yield x, f"titles:{table}"


def _one(name: str) -> dict:
    rows = [o for o in ORGS if o["name"] == name]
    assert len(rows) == 1, (name, rows)
    return rows[0]


def _by_surface(s: str) -> dict:
    rows = [o for o in ORGS if s in _surfaces(o)]
    assert len(rows) == 1, (s, [o["name"] for o in rows])
    return rows[0]


def _sector_on(org: dict, day: str) -> str:
    for until, sector in sorted((org.get("sector_before") or {}).items()):
        if day < until:
            return sector
    return org["sector"]


# --- schema ---------------------------------------------------------------------------------

def test_is_a_list_of_enough_entries():
    assert isinstance(ORGS, list)
    assert len(ORGS) >= 200


def test_schema():
    for o in ORGS:
        assert set(o) <= FIELDS, (o.get("name"), set(o) - FIELDS)
        assert isinstance(o["name"], str) and o["name"].strip() == o["name"] and o["name"]
        assert isinstance(o["aliases"], list), o["name"]
        for a in o["aliases"]:
            assert isinstance(a, str) and a and a.strip() == a, (o["name"], a)
        assert len(o["aliases"]) == len(set(o["aliases"])), o["name"]
        assert o["name"] not in o["aliases"], o["name"]
        assert o["kind"] in KINDS, o["name"]
        assert o["sector"] in PLOVER_SECTORS, o["name"]


def test_codes():
    for o in ORGS:
        code = o["code"]
        assert code == "NGO" or re.fullmatch(r"[A-Z]{3}", code), (o["name"], code)
        if code != "NGO":
            assert code in STATE_CODES, (o["name"], code)
        else:
            assert o["sector"] == "NGO", o["name"]
        if "also" not in o:
            continue
        also = o["also"]
        assert isinstance(also, list) and also, o["name"]
        for c in also:
            assert c in STATE_CODES and c != code, (o["name"], c)
        assert len(also) == len(set(also)), o["name"]


def test_sector_before():
    for o in ORGS:
        if "sector_before" not in o:
            continue
        sb = o["sector_before"]
        assert isinstance(sb, dict) and sb, o["name"]
        for until, sector in sb.items():
            date.fromisoformat(until)
            assert sector in PLOVER_SECTORS and sector != o["sector"], (o["name"], until)


# --- surface strings ------------------------------------------------------------------------

def test_no_duplicate_surfaces_in_file():
    owners = defaultdict(set)
    for i, o in enumerate(ORGS):
        for s in _surfaces(o):
            for v in _variants(s):
                owners[v.lower()].add(i)
    dups = {s: sorted(ORGS[i]["name"] for i in ids) for s, ids in owners.items() if len(ids) > 1}
    assert not dups


def test_names_are_unique():
    names = [o["name"] for o in ORGS]
    assert len(names) == len(set(names))


def test_no_collision_with_other_knowledge_files():
    other = defaultdict(set)
    for s, src in _other_surfaces():
        for v in _variants(s):
            other[v].add(src)
            other[v.lower()].add(src)
    hits = []
    for o in ORGS:
        for s in _surfaces(o):
            for v in _variants(s):
                if v in other or v.lower() in other:
                    hits.append((o["name"], v, sorted(other.get(v) or other[v.lower()])))
    assert not hits


@pytest.mark.parametrize("bad", [
    "PTI",        # Pakistan Tehreek-e-Insaf or Press Trust of India
    "Dawn", "Memorial", "Congress", "Labour", "Labor", "Democrats", "Republicans",
    "Workers' Party",  # North Korea's or Brazil's
    "PPP",        # Pakistan Peoples Party or South Korea's People Power Party
    "National Front", "CCTV", "NRC", "Shell", "Amal", "Rafael", "Guardian", "Azov",
])
def test_ambiguous_strings_left_out(bad):
    for o in ORGS:
        for s in _surfaces(o):
            assert bad not in _variants(s), (bad, o["name"])


def test_rsf_is_the_rapid_support_forces_only():
    rsf = _by_surface("RSF")
    assert (rsf["name"], rsf["code"], rsf["sector"]) == ("Rapid Support Forces", "SDN", "REB")
    rwb = _one("Reporters Without Borders")
    assert "RSF" not in rwb["aliases"]
    assert (rwb["code"], rwb["sector"]) == ("NGO", "NGO")


# --- facts ----------------------------------------------------------------------------------

@pytest.mark.parametrize("surface, code, sector, kind", [
    ("Hamas", "PSE", "REB", "group"),
    ("Palestinian Islamic Jihad", "PSE", "REB", "group"),
    ("Hezbollah", "LBN", "REB", "group"),
    ("Houthis", "YEM", "REB", "group"),
    ("ISIS", "IRQ", "REB", "group"),
    ("Daesh", "IRQ", "REB", "group"),
    ("AQAP", "YEM", "REB", "group"),
    ("AQIM", "MLI", "REB", "group"),
    ("al-Shabaab", "SOM", "REB", "group"),
    ("JNIM", "MLI", "REB", "group"),
    ("Boko Haram", "NGA", "REB", "group"),
    ("ISWAP", "NGA", "REB", "group"),
    ("RSF", "SDN", "REB", "group"),
    ("Sudanese Armed Forces", "SDN", "MIL", "organization"),
    ("Wagner Group", "RUS", "MIL", "group"),
    ("Africa Corps", "RUS", "MIL", "organization"),
    ("M23", "COD", "REB", "group"),
    ("PKK", "TUR", "REB", "group"),
    ("SDF", "SYR", "REB", "group"),
    ("YPG", "SYR", "REB", "group"),
    ("Popular Mobilization Forces", "IRQ", "MIL", "group"),
    ("Revolutionary Guard", "IRN", "MIL", "organization"),
    ("Quds Force", "IRN", "MIL", "organization"),
    ("Kataib Hezbollah", "IRQ", "REB", "group"),
    ("Arakan Army", "MMR", "REB", "group"),
    ("ELN", "COL", "REB", "group"),
    ("Tren de Aragua", "VEN", "REB", "group"),
    ("Sinaloa Cartel", "MEX", "REB", "group"),
    ("CJNG", "MEX", "REB", "group"),
    ("Viv Ansanm", "HTI", "REB", "group"),
    ("Fano", "ETH", "REB", "group"),
    ("TPLF", "ETH", "REB", "group"),
    ("Baloch Liberation Army", "PAK", "REB", "group"),
    ("TTP", "PAK", "REB", "group"),
    ("Azov Brigade", "UKR", "MIL", "organization"),
    ("United Russia", "RUS", "PTY", "group"),
    ("Workers' Party of Korea", "PRK", "PTY", "group"),
    ("CCP", "CHN", "PTY", "group"),
    ("Chinese Communist Party", "CHN", "PTY", "group"),
    ("Communist Party of Vietnam", "VNM", "PTY", "group"),
    ("Republican Party", "USA", "PTY", "group"),
    ("Democratic Party", "USA", "PTY", "group"),
    ("Democratic Party of Korea", "KOR", "PTY", "group"),
    ("Conservative Party", "GBR", "PTY", "group"),
    ("Labour Party", "GBR", "PTY", "group"),
    ("BJP", "IND", "PTY", "group"),
    ("Indian National Congress", "IND", "PTY", "group"),
    ("Likud", "ISR", "PTY", "group"),
    ("Pakistan Tehreek-e-Insaf", "PAK", "PTY", "group"),
    ("AfD", "DEU", "PTY", "group"),
    ("Fidesz", "HUN", "PTY", "group"),
    ("PiS", "POL", "PTY", "group"),
    ("Rassemblement National", "FRA", "PTY", "group"),
    ("ANC", "ZAF", "PTY", "group"),
    ("ZANU-PF", "ZWE", "PTY", "group"),
    ("AKP", "TUR", "PTY", "group"),
    ("Justice and Development Party", "TUR", "PTY", "group"),
    ("CHP", "TUR", "PTY", "group"),
    ("Georgian Dream", "GEO", "PTY", "group"),
    ("People's Action Party", "SGP", "PTY", "group"),
    ("Amnesty International", "NGO", "NGO", "organization"),
    ("Human Rights Watch", "NGO", "NGO", "organization"),
    ("ICRC", "NGO", "NGO", "organization"),
    ("Red Cross", "NGO", "NGO", "organization"),
    ("IFRC", "NGO", "NGO", "organization"),
    ("Doctors Without Borders", "NGO", "NGO", "organization"),
    ("Médecins Sans Frontières", "NGO", "NGO", "organization"),
    ("MSF", "NGO", "NGO", "organization"),
    ("Save the Children", "NGO", "NGO", "organization"),
    ("Oxfam", "NGO", "NGO", "organization"),
    ("Norwegian Refugee Council", "NGO", "NGO", "organization"),
    ("International Crisis Group", "NGO", "NGO", "organization"),
    ("Transparency International", "NGO", "NGO", "organization"),
    ("Committee to Protect Journalists", "NGO", "NGO", "organization"),
    ("Greenpeace", "NGO", "NGO", "organization"),
    ("B'Tselem", "ISR", "NGO", "organization"),
    ("KCNA", "PRK", "MED", "organization"),
    ("Korean Central News Agency", "PRK", "MED", "organization"),
    ("TASS", "RUS", "MED", "organization"),
    ("RIA Novosti", "RUS", "MED", "organization"),
    ("RT", "RUS", "MED", "organization"),
    ("Sputnik", "RUS", "MED", "organization"),
    ("Interfax", "RUS", "MED", "organization"),
    ("Xinhua", "CHN", "MED", "organization"),
    ("CGTN", "CHN", "MED", "organization"),
    ("Global Times", "CHN", "MED", "organization"),
    ("People's Daily", "CHN", "MED", "organization"),
    ("Yonhap", "KOR", "MED", "organization"),
    ("Kyodo", "JPN", "MED", "organization"),
    ("NHK", "JPN", "MED", "organization"),
    ("Reuters", "GBR", "MED", "organization"),
    ("BBC", "GBR", "MED", "organization"),
    ("Associated Press", "USA", "MED", "organization"),
    ("AP", "USA", "MED", "organization"),
    ("AFP", "FRA", "MED", "organization"),
    ("Agence France-Presse", "FRA", "MED", "organization"),
    ("CNN", "USA", "MED", "organization"),
    ("The New York Times", "USA", "MED", "organization"),
    ("The Wall Street Journal", "USA", "MED", "organization"),
    ("Fox News", "USA", "MED", "organization"),
    ("Al Jazeera", "QAT", "MED", "organization"),
    ("Al Arabiya", "SAU", "MED", "organization"),
    ("IRNA", "IRN", "MED", "organization"),
    ("Tasnim", "IRN", "MED", "organization"),
    ("Fars", "IRN", "MED", "organization"),
    ("Anadolu", "TUR", "MED", "organization"),
    ("Ukrinform", "UKR", "MED", "organization"),
    ("WAFA", "PSE", "MED", "organization"),
    ("SANA", "SYR", "MED", "organization"),
    ("Press Trust of India", "IND", "MED", "organization"),
    ("Deutsche Welle", "DEU", "MED", "organization"),
    ("Le Monde", "FRA", "MED", "organization"),
    ("The Guardian", "GBR", "MED", "organization"),
    ("Financial Times", "GBR", "MED", "organization"),
    ("Haaretz", "ISR", "MED", "organization"),
    ("The Times of Israel", "ISR", "MED", "organization"),
    ("Dawn newspaper", "PAK", "MED", "organization"),
    ("Federal Security Service", "RUS", "SPY", "organization"),
    ("Central Intelligence Agency", "USA", "SPY", "organization"),
    ("Federal Bureau of Investigation", "USA", "COP", "organization"),
    ("Security Service of Ukraine", "UKR", "SPY", "organization"),
    ("GUR", "UKR", "SPY", "organization"),
    ("Inter-Services Intelligence", "PAK", "SPY", "organization"),
    ("ISPR", "PAK", "MIL", "organization"),
    ("Korean People's Army", "PRK", "MIL", "organization"),
    ("US State Department", "USA", "GOV", "organization"),
    ("FCDO", "GBR", "GOV", "organization"),
    ("Federal Reserve", "USA", "GOV", "organization"),
    ("Roscosmos", "RUS", "GOV", "organization"),
    ("Rosatom", "RUS", "BUS", "organization"),
    ("Gazprom", "RUS", "BUS", "organization"),
    ("Rosneft", "RUS", "BUS", "organization"),
    ("Lukoil", "RUS", "BUS", "organization"),
    ("Huawei", "CHN", "BUS", "organization"),
    ("TSMC", "TWN", "BUS", "organization"),
    ("SpaceX", "USA", "BUS", "organization"),
    ("Starlink", "USA", "BUS", "organization"),
    ("Lockheed Martin", "USA", "BUS", "organization"),
    ("Boeing", "USA", "BUS", "organization"),
    ("Airbus", "FRA", "BUS", "organization"),
    ("Rheinmetall", "DEU", "BUS", "organization"),
    ("BAE Systems", "GBR", "BUS", "organization"),
    ("Saudi Aramco", "SAU", "BUS", "organization"),
])
def test_spot_facts(surface, code, sector, kind):
    o = _by_surface(surface)
    assert (o["code"], o["sector"], o["kind"]) == (code, sector, kind), o["name"]


def test_islamic_state_core_and_reach():
    o = _one("Islamic State")
    assert o["code"] == "IRQ" and o["also"] == ["SYR"]
    assert {"ISIS", "ISIL", "IS", "Daesh"} <= set(o["aliases"])


def test_taliban_governs_since_august_2021():
    o = _one("Taliban")
    assert (o["code"], o["kind"], o["sector"]) == ("AFG", "group", "GOV")
    assert o["sector_before"] == {"2021-08-15": "REB"}
    assert _sector_on(o, "2019-02-01") == "REB"
    assert _sector_on(o, "2021-08-14") == "REB"
    assert _sector_on(o, "2021-08-15") == "GOV"
    assert _sector_on(o, "2025-01-01") == "GOV"


def test_hts_governs_since_december_2024():
    o = _one("Hayat Tahrir al-Sham")
    assert o["code"] == "SYR" and o["sector"] == "GOV"
    assert _sector_on(o, "2020-06-01") == "REB"
    assert _sector_on(o, "2025-03-01") == "GOV"
    assert _by_surface("HTS") is o


def test_category_sizes():
    armed = [o for o in ORGS if o["kind"] == "group" and o["sector"] not in {"PTY", "OPP"}]
    parties = [o for o in ORGS if o["sector"] in {"PTY", "OPP"}]
    by_sector = defaultdict(list)
    for o in ORGS:
        by_sector[o["sector"]].append(o)
    assert len(armed) >= 60
    assert len(parties) >= 40
    assert len(by_sector["NGO"]) >= 30
    assert len(by_sector["MED"]) >= 40
    assert len(by_sector["BUS"]) >= 20
    assert len([o for o in by_sector["NGO"] if o["code"] == "NGO"]) >= 20
