"""Placeholder until the claims component lands: writes an empty ``doc._.claims``."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("tidings_claims")
def claims(doc: Doc) -> Doc:
    doc._.claims = []
    return doc
