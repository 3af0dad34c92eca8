"""Placeholder until the treaties component lands: writes an empty ``doc._.treaties``."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("tidings_treaties")
def treaties(doc: Doc) -> Doc:
    doc._.treaties = []
    return doc
