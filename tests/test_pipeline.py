"""The pipeline is assembled from data: components can be dropped, and bad configs say why."""
from __future__ import annotations

import pytest

from tidings.errors import ConfigError
from tidings.extract import Extractor
from tidings.pipeline import build_pipeline, default_config

TEXT = "Chile and Peru held talks in Lima on Monday, officials said."


def test_default_config_lists_every_component_in_order():
    names = [c["factory"] for c in default_config()["components"]]
    assert names == ["tidings_paragraph_breaks", "tidings_gazetteer", "tidings_actors", "tidings_events",
                     "tidings_quotes", "tidings_claims", "tidings_dates", "tidings_places", "tidings_treaties"]


def test_unknown_component_is_a_config_error():
    cfg = default_config()
    cfg["components"].append({"factory": "tidings_no_such_thing"})
    with pytest.raises(ConfigError, match="tidings_no_such_thing"):
        build_pipeline(cfg)


@pytest.mark.model
def test_a_component_can_be_dropped():
    cfg = default_config()
    cfg["components"] = [c for c in cfg["components"] if c["factory"] not in
                         ("tidings_events", "tidings_claims", "tidings_dates", "tidings_places")]
    ex = Extractor(cfg)
    rec = ex.extract(TEXT)
    assert rec["events"] == [] and {a["code"] for a in rec["actors"]} >= {"CHL", "PER"}
    assert "events" not in ex.nlp.pipe_names and "gazetteer" in ex.nlp.pipe_names
