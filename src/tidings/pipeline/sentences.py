"""Sentence starts at line breaks: a headline without a final period, and each paragraph, begin anew."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("tidings_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc
