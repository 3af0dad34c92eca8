"""Placeholder until the places component lands."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("tidings_places")
def places(doc: Doc) -> Doc:
    return doc
