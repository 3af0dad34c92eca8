"""The tidings pipeline: the spaCy model plus registered components, assembled from data.

Each component lives in its own module, registers a spaCy factory named
``tidings_<what it adds>`` and writes one ``Doc`` extension:

=========================  ===========================================
``tidings_paragraph_breaks``  sentence starts at headline/paragraph breaks
``tidings_gazetteer``         entity ruler: states, capitals, IGOs, people
``tidings_actors``            ``doc._.actors``, ``doc._.mentions``
``tidings_events``            ``doc._.events``
``tidings_quotes``            ``doc._.quotes``
``tidings_claims``            ``doc._.claims``
``tidings_dates``             event ``date``/``date_precision``
``tidings_places``            event ``location``
``tidings_treaties``          ``doc._.treaties``
=========================  ===========================================
"""
from __future__ import annotations

import copy
import importlib
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from tidings import resources
from tidings.errors import ConfigError
from tidings.nlp import load_model

COMPONENT_MODULES = ("sentences", "gazetteer", "actors", "events", "quotes", "claims",
                     "dates", "places", "treaties")
EXTENSIONS = ("article", "actors", "mentions", "events", "quotes", "claims", "treaties")

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

for _module in COMPONENT_MODULES:  # importing a module registers its factory
    importlib.import_module(f"tidings.pipeline.{_module}")


def default_config() -> dict[str, Any]:
    return copy.deepcopy(resources.load("pipeline.toml"))


def build_pipeline(config: dict[str, Any] | None = None, *, model: str | None = None) -> Language:
    """A fresh pipeline: the model from ``config`` (or ``model``) with the tidings components added.

    ``config`` has the shape of ``tidings/data/pipeline.toml``; components may be
    dropped or reconfigured there, or replaced by any registered factory.
    """
    config = config or default_config()
    name = model or config.get("model")
    if not name:
        raise ConfigError("the pipeline config names no model")
    nlp = load_model(name)
    for comp in config.get("components", []):
        factory = comp.get("factory")
        if not factory or not Language.has_factory(factory):
            raise ConfigError(f"unknown pipeline component {factory!r}")
        where = {k: comp[k] for k in ("before", "after") if k in comp and comp[k] in nlp.pipe_names}
        nlp.add_pipe(factory, name=comp.get("name", factory.removeprefix("tidings_")),
                     config=comp.get("config", {}), **where)
    return nlp

