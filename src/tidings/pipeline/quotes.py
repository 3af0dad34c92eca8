"""Placeholder until the quotes component lands: writes an empty ``doc._.quotes``."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("tidings_quotes")
def quotes(doc: Doc) -> Doc:
    doc._.quotes = []
    return doc
