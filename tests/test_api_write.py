"""``POST /api/articles``: closed without a token, open only to the token, and the article lands in the store."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tidings.api import create_app
from tidings.extract import Result
from tidings.store import Store

from webfixtures import Builder

TEXT = "Iceland thanks Canada for icebreaker help\nIceland thanked Canada on Friday for lending an icebreaker."
TOKEN = "test-token-5f2c"


class FakeExtractor:
    """Stands in for the pipeline: a fixed record for any article."""

    def __init__(self) -> None:
        self.seen: list[dict] = []

    def extract_many(self, items):
        for item in items:
            self.seen.append(item)
            if "icebreaker" not in item["text"]:
                yield Result("skipped", reason="language", message="the text does not look like English")
                continue
            b = Builder(item.get("id") or "posted", item["text"], published=item.get("published"), title="T")
            isl = b.actor("Iceland", "state", "ISL", "GOV", ("Iceland", 1))
            can = b.actor("Canada", "state", "CAN", "GOV", ("Canada", 1))
            b.event("SUPPORT", [isl], [can], "thanked", date=item.get("published"))
            yield Result("ok", record=b.rec, article_id=b.rec["article"]["id"])


@pytest.fixture()
def fake():
    return FakeExtractor()


def app_with(token, fake, tmp_path):
    return TestClient(create_app(store=Store(tmp_path / "w.sqlite"), token=token, extractor=lambda: fake))


def test_writing_is_disabled_without_a_token(fake, tmp_path, monkeypatch):
    monkeypatch.delenv("TIDINGS_TOKEN", raising=False)
    c = app_with(None, fake, tmp_path)
    r = c.post("/api/articles", json={"text": TEXT}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "writing_disabled"
    assert fake.seen == []


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_a_wrong_or_missing_token_is_401(fake, tmp_path, headers):
    r = app_with(TOKEN, fake, tmp_path).post("/api/articles", json={"text": TEXT}, headers=headers)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert r.headers["www-authenticate"] == "Bearer" and fake.seen == []


def test_the_token_writes_and_the_article_is_readable(fake, tmp_path):
    c = app_with(TOKEN, fake, tmp_path)
    r = c.post("/api/articles", json={"id": "ice-1", "text": TEXT, "published": "2025-06-06"},
               headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    assert r.json() == {"id": "ice-1", "events": 1, "quotes": 0, "claims": 0, "treaties": 0,
                        "link": "/api/articles/ice-1"}
    events = c.get("/api/events?actor=ISL").json()["items"]
    assert [(e["type"], e["recipient"][0]["code"], e["date"]) for e in events] == [("SUPPORT", "CAN", "2025-06-06")]
    assert c.get("/api/articles/ice-1").json()["text"] == TEXT


def test_the_token_can_come_from_the_environment(fake, tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_TOKEN", TOKEN)
    c = TestClient(create_app(store=Store(tmp_path / "e.sqlite"), extractor=lambda: fake))
    r = c.post("/api/articles", json={"text": TEXT}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201


@pytest.mark.parametrize("body, parameter", [
    ({}, "text"), ({"text": ""}, "text"), ({"text": TEXT, "colour": "red"}, "colour"), ({"text": 5}, "text")])
def test_bad_bodies_are_422(fake, tmp_path, body, parameter):
    r = app_with(TOKEN, fake, tmp_path).post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["code"] == "bad_body" and err["parameter"] == parameter


def test_an_article_the_extractor_refuses_is_422(fake, tmp_path):
    r = app_with(TOKEN, fake, tmp_path).post("/api/articles", json={"text": "Dette er ikke engelsk."},
                                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "unreadable_article"
    assert "English" in r.json()["error"]["message"]


@pytest.mark.model
def test_posting_runs_the_real_pipeline(tmp_path):
    text = ("Kenya and Tanzania sign a border trade pact\n"
            "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on Monday.")
    c = TestClient(create_app(store=Store(tmp_path / "m.sqlite"), token=TOKEN))
    r = c.post("/api/articles", json={"id": "ke-tz", "text": text, "published": "2025-02-03"},
               headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    record = c.get("/api/articles/ke-tz").json()["record"]
    assert {a["code"] for a in record["actors"]} >= {"KEN", "TZA"}
