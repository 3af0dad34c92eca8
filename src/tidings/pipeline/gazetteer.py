"""An entity ruler ahead of the statistical NER, fed from the knowledge files.

It keeps known names whole ("Choe Son-hui"), labels capitals and seats of power
as places ("Kiev" is no person), and tags each match with an id such as
``state:PRK``, ``seat:UKR``, ``igo:12``, ``org:3`` or ``person:Vladimir Putin`` that the
actor resolver reads.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from tidings.knowledge import knowledge

LABELS = {"state": "GPE", "seat": "GPE", "region": "GPE", "mil": "ORG", "adj": "NORP", "people": "NORP",
          "igo": "ORG", "org": "ORG", "bloc": "NORP", "blocadj": "NORP"}


def patterns() -> list[dict[str, str]]:
    kb = knowledge()
    out = [{"label": LABELS[kind], "pattern": s, "id": f"{kind}:{key}"}
           for s, (kind, key) in kb.surface.items()]
    out += [{"label": "PERSON", "pattern": s, "id": f"person:{p.name}"}
            for s, p in kb.person_by_name.items() if " " in s or s[:1].isupper()]
    return out


@Language.factory("tidings_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> "Gazetteer":
    return Gazetteer(nlp, name)


class Gazetteer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.ruler = EntityRuler(nlp, name=name, overwrite_ents=True)
        self.ruler.add_patterns(patterns())

    def __call__(self, doc: Doc) -> Doc:
        return self.ruler(doc)
