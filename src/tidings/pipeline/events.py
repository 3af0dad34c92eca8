"""Placeholder until the events component lands: writes an empty ``doc._.events``."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("tidings_events")
def events(doc: Doc) -> Doc:
    doc._.events = []
    return doc
