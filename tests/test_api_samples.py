"""The API and the pages over real records: the sample articles and the seed, through the pipeline."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tidings.api import create_app

from webfixtures import SEED_ID, extracted_records, extracted_store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def client(tmp_path_factory, extractor):
    store = extracted_store(tmp_path_factory.mktemp("samples") / "s.sqlite", extractor)
    with TestClient(create_app(store=store)) as c:
        yield c
    store.close()


def seed_events(client) -> list[tuple[str, set[str], set[str]]]:
    items = client.get(f"/api/events?article={SEED_ID}&limit=500").json()["items"]
    return [(e["type"], {a["code"] for a in e["actor"]}, {a["code"] for a in e["recipient"]}) for e in items]


def test_every_article_is_listed_and_readable(client, extractor):
    ids = {rec["article"]["id"] for rec, _ in extracted_records(extractor)}
    listed = {a["id"] for a in client.get("/api/articles?limit=500").json()["items"]}
    assert listed == ids and SEED_ID in ids
    for aid in sorted(ids):
        assert client.get(f"/api/articles/{aid}").json()["record"]["article"]["id"] == aid
        page = client.get(f"/articles/{aid}")
        assert page.status_code == 200 and 'class="text"' in page.text, aid


def test_seed_meeting(client):
    # relies on the events component: Choe (PRK) met Lavrov (RUS) in Moscow
    assert any(t == "CONSULT" and "PRK" in a and "RUS" in (a | r) for t, a, r in seed_events(client))


def test_seed_accusation(client):
    # relies on the events component: Ukraine and the West accuse North Korea
    assert any(t == "ACCUSE" and {"UKR", "WEST"} <= a and "PRK" in r for t, a, r in seed_events(client))


def test_seed_denial(client):
    # relies on the events component: North Korea denies (REJECT) the allegations
    assert any(t == "REJECT" and "PRK" in a for t, a, _ in seed_events(client))


def test_seed_claim_has_the_denial(client):
    # relies on the claims component: the allegation, with North Korea's "denies" stance
    claims = client.get(f"/api/claims?article={SEED_ID}").json()["items"]
    stances = {(s["code"], s["stance"]) for c in claims for s in c["stances"]}
    assert ("PRK", "denies") in stances and ("UKR", "alleges") in stances


def test_every_page_renders_over_real_records(client):
    for url in ("/", "/events", "/timeline", "/network", "/articles", "/actors", "/actors/PRK", "/claims",
                "/alliances?on=2024-11-01", "/api/timeline", "/api/network", "/api/quotes?speaker=PRK"):
        assert client.get(url).status_code == 200, url
