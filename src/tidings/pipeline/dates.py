"""Placeholder until the dates component lands."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("tidings_dates")
def dates(doc: Doc) -> Doc:
    return doc
