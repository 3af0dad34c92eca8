"""Indexes over the knowledge files: who a surface string names, and what a title means.

Built once per process from ``tidings/data`` (states, IGOs, blocs, office-holders,
titles). People learned from articles are added at run time with :meth:`Knowledge.learn`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tidings import resources

SECTORS = frozenset("GOV MIL LEG JUD COP SPY PTY OPP REB CVL BUS MED ELI REL NGO".split())


@dataclass
class Person:
    name: str
    aliases: list[str]
    gender: str | None
    terms: list[dict[str, Any]]
    learned: bool = False

    def term_on(self, date: str | None) -> tuple[dict[str, Any] | None, bool]:
        """The term held on ``date`` (or the latest one), and whether it was still held then."""
        if not self.terms:
            return None, False
        if not date:
            open_terms = [t for t in self.terms if not t.get("end")]
            return (open_terms or self.terms)[-1], bool(open_terms)
        held = [t for t in self.terms if str(t.get("start") or "0000") <= date
                and (not t.get("end") or date <= str(t["end"]))]
        if held:
            # several offices at once (a minister who is also acting adviser): the longest-held one
            return min(held, key=lambda t: str(t.get("start") or "")), True
        past = [t for t in self.terms if t.get("end") and str(t["end"]) < date]
        if past:
            return max(past, key=lambda t: str(t["end"])), False
        return min(self.terms, key=lambda t: str(t.get("start") or "")), False


@dataclass
class Knowledge:
    surface: dict[str, tuple[str, Any]] = field(default_factory=dict)  # string -> (kind, key)
    states: dict[str, dict[str, Any]] = field(default_factory=dict)
    igos: list[dict[str, Any]] = field(default_factory=list)
    orgs: list[dict[str, Any]] = field(default_factory=list)  # non-state groups, NGOs, media, agencies
    blocs: dict[str, dict[str, Any]] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    person_by_name: dict[str, Person] = field(default_factory=dict)
    titles: dict[str, dict[str, Any]] = field(default_factory=dict)  # lower-case phrase -> entry
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)

    def state_name(self, code: str | None) -> str | None:
        st = self.states.get(code or "")
        return st["name"] if st else None

    def org_sector(self, org: dict[str, Any], date: str | None) -> str | None:
        """An organization's sector on ``date``: the Taliban were rebels before they governed."""
        for until, sector in sorted((org.get("sector_before") or {}).items()):
            if date and date < until:
                return str(sector)
        return org.get("sector")

    def find_person(self, name: str) -> Person | None:
        return self.person_by_name.get(name) or self.person_by_name.get(name.replace("’", "'"))

    def holder_of(self, code: str, role: str, date: str | None) -> Person | None:
        """The person in the table who held ``role`` for ``code`` on ``date`` (or holds it now)."""
        for person in self.people:
            for t in person.terms:
                if t.get("code") == code and t.get("role") == role and (
                        _covers(t, date) if date else not t.get("end")):
                    return person
        return None

    def holder_named(self, surname: str, role: str, date: str | None) -> Person | None:
        """The one person in the table called ``surname`` who held ``role`` on ``date``: "President
        Bush" in 2003, "Prime Minister Modi"; None when no one or several fit."""
        found = [p for p in self.people if not p.learned
                 and any(n.replace("-", " ").split()[-1:] == [surname] for n in (p.name, *p.aliases))
                 and any(t.get("role") == role and (_covers(t, date) if date else not t.get("end"))
                         for t in p.terms)]
        return found[0] if len(found) == 1 else None

    def learn(self, name: str, code: str | None, sector: str | None, role: str | None,
              gender: str | None = None) -> Person:
        """Remember a person met in an article (title + country) for later articles."""
        known = self.find_person(name)
        if known:
            return known
        person = Person(name, [], gender, [{"code": code, "sector": sector, "role": role}], learned=True)
        self.people.append(person)
        self.person_by_name[name] = person
        return person


def _covers(term: dict[str, Any], date: str) -> bool:
    return str(term.get("start") or "0000") <= date and (not term.get("end") or date <= str(term["end"]))


def _variants(s: str) -> list[str]:
    out = {s, s.replace("'", "’"), s.replace("’", "'")}
    if s.startswith("the "):
        rest = s[4:]
        out |= {"The " + rest}
        if rest != "West" and not rest.startswith("collective"):
            out.add(rest)
    return sorted(out)


@lru_cache(maxsize=1)
def _base() -> Knowledge:
    kb = Knowledge()
    for st in resources.load("states.json"):
        kb.states[st["code"]] = st
        for s in [st["name"], *st.get("aliases", [])]:
            for v in _variants(s):
                kb.surface.setdefault(v, ("state", st["code"]))
        for s in st.get("adjectives", []):
            for v in _variants(s):
                kb.surface.setdefault(v, ("adj", st["code"]))
        for s in st.get("demonyms", []):
            for v in _variants(s):
                kb.surface.setdefault(v, ("people", st["code"]))
        for s in st.get("seats", []):
            for v in _variants(s):
                kb.surface.setdefault(v, ("seat", st["code"]))
        for s in st.get("regions", []):
            for v in _variants(s):
                kb.surface.setdefault(v, ("region", st["code"]))
        for s in st.get("military_seats", []):
            for v in _variants(s):
                kb.surface.setdefault(v, ("mil", st["code"]))
    for i, igo in enumerate(resources.load("igos.json")):
        kb.igos.append(igo)
        for s in [igo["name"], *igo.get("aliases", [])]:
            for v in _variants(s):
                kb.surface.setdefault(v, ("igo", i))
    for i, org in enumerate(resources.load("organizations.json")):
        kb.orgs.append(org)
        for s in [org["name"], *org.get("aliases", [])]:
            for v in _variants(s):
                kb.surface.setdefault(v, ("org", i))
    for bloc in resources.load("blocs.json"):
        kb.blocs[bloc["code"]] = bloc
        for s in [bloc["name"], *bloc.get("aliases", [])]:
            for v in _variants(s):
                kb.surface.setdefault(v, ("bloc", bloc["code"]))
        for s in bloc.get("adjectives", []):
            kb.surface.setdefault(s, ("blocadj", bloc["code"]))
    for row in resources.load("officeholders.json"):
        person = Person(row["name"], row.get("aliases", []), row.get("gender"), row.get("terms", []))
        kb.people.append(person)
        for s in [person.name, *person.aliases]:
            for v in _variants(s):
                kb.person_by_name.setdefault(v, person)
    titles = resources.load("titles.json")
    for entry in titles["person_titles"]:
        for s in [entry["term"], *entry.get("aliases", [])]:
            kb.titles.setdefault(s.lower(), entry)
    for entry in titles["group_nouns"]:
        for s in [entry["term"], *entry.get("aliases", [])]:
            kb.groups.setdefault(s.lower(), entry)
    return kb


def knowledge(*, private: bool = False) -> Knowledge:
    """The knowledge base, shared and read-only; ``private=True`` gives a copy that can learn
    people without touching the shared one (one per actor resolver)."""
    base = _base()
    if not private:
        return base
    return Knowledge(surface=base.surface, states=base.states, igos=base.igos, orgs=base.orgs, blocs=base.blocs,
                     people=list(base.people), person_by_name=dict(base.person_by_name),
                     titles=base.titles, groups=base.groups)
