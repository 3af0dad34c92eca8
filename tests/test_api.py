"""The HTTP API, in process, over a store of hand-made records: every route, its filters and its errors."""
from __future__ import annotations

import csv
import io
import json

import pytest

from tidings.api import create_app
from tidings.errors import StoreError

from webfixtures import client  # noqa: F401  (a fixture)


def ids(body: dict) -> list[tuple[str, str]]:
    return [(i["article"], i["id"]) for i in body["items"]]


# -- events -----------------------------------------------------------------------
@pytest.mark.parametrize("query, expected", [
    ("actor=PER", [("hand-talks", "e3")]),
    ("actor=per", [("hand-talks", "e3")]),
    ("recipient=PER", [("hand-talks", "e4"), ("hand-talks", "e5")]),
    ("actor=CHL&type=REJECT", [("hand-talks", "e5")]),
    ("type=REQUEST,ASSAULT&since=2024-12-19", [("hand-strike", "e3"), ("hand-strike", "e1")]),
    ("since=2025-03&until=2025-03", [("hand-talks", f"e{n}") for n in (1, 2, 3, 5, 4)]),
    ("until=2024-12-19", [("hand-strike", "e1"), ("hand-strike", "e4")]),
    ("factuality=alleged", [("hand-talks", "e4")]),
    ("party=TUR,SYR&quad=cooperation", [("hand-strike", "e3")]),
    ("party=SYR&quad=conflict&type=ACCUSE", [("hand-strike", "e2")]),
    ("article=hand-script", [("hand-script", "e1")]),
    ("actor=USA", []),
])
def test_event_filters(client, query, expected):
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 200, r.text
    body = r.json()
    assert sorted(ids(body)) == sorted(expected)
    assert body["total"] == len(expected)


def test_events_are_newest_first_and_traceable(client):
    body = client.get("/api/events").json()
    dates = [i["date"] for i in body["items"]]
    assert dates == sorted(dates, reverse=True)
    met = next(i for i in body["items"] if i["trigger_text"] == "met")
    assert met["type"] == "CONSULT" and met["sentence"].startswith("Norwegian Foreign Minister Ola Berg met")
    assert met["actor"] == [{"ref": "a2", "code": "NOR", "sector": "GOV"}]
    assert met["recipient"][0]["code"] == "CHL"
    assert met["link"] == "/articles/hand-talks#e1"
    assert met["quad"] == "cooperation"


@pytest.mark.parametrize("trigger, quad", [
    ("struck", "conflict"),      # a Goldstein score below zero
    ("demanded", "cooperation"),  # a conflictual type, but a score above zero decides
    ("asked", "conflict"),        # no score: REQUEST is conflictual by type
    ("praised", "cooperation"),   # no score: SUPPORT is cooperative by type
])
def test_quad_class(client, trigger, quad):
    items = client.get("/api/events?limit=500").json()["items"]
    assert next(i for i in items if i["trigger_text"] == trigger)["quad"] == quad


def test_pagination_and_next_link(client):
    first = client.get("/api/events?limit=3").json()
    assert first["total"] == 10 and len(first["items"]) == 3
    assert first["next"] == "/api/events?offset=3&limit=3"
    seen = ids(first)
    nxt = first["next"]
    while nxt:
        page = client.get(nxt).json()
        seen += ids(page)
        nxt = page["next"]
    assert len(seen) == len(set(seen)) == 10


@pytest.mark.parametrize("order, key, reverse", [
    ("date", "date", False), ("-date", "date", True), ("type", "type", False), ("-type", "type", True)])
def test_event_order(client, order, key, reverse):
    items = client.get(f"/api/events?order={order}").json()["items"]
    values = [i[key] for i in items]
    assert values == sorted(values, reverse=reverse)


def test_one_event(client):
    r = client.get("/api/events/hand-strike/e1")
    assert r.status_code == 200 and r.json()["type"] == "ASSAULT" and r.json()["mode"] == "drone"


def test_csv_download_is_the_view(client):
    r = client.get("/api/events.csv?actor=SYR")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert sorted(x["trigger_text"] for x in rows) == ["condemned", "demanded"]
    assert {x["actor"] for x in rows} == {"SYR"} and {x["recipient"] for x in rows} == {"TUR"}


def test_jsonl_download(client):
    r = client.get("/api/events.jsonl?type=REQUEST")
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert r.status_code == 200 and len(lines) == 2 and {x["type"] for x in lines} == {"REQUEST"}


def test_timeline_counts(client):
    body = client.get("/api/timeline?bucket=month").json()
    per = {(c["period"], c["type"]): c["n"] for c in body["counts"]}
    assert per[("2025-03", "CONSULT")] == 1 and per[("2024-12", "ASSAULT")] == 1
    assert body["undated"] == 1  # the REQUEST dated only "2024"


def test_timeline_by_week_names_mondays(client):
    body = client.get("/api/timeline?bucket=week&type=ASSAULT").json()
    assert [c["period"] for c in body["counts"]] == ["2024-12-16"]  # 2024-12-19 was a Thursday


def test_network_dyads(client):
    edges = client.get("/api/network").json()["edges"]
    found = {(e["source"], e["target"], e["quad"]): e["n"] for e in edges}
    assert found[("TUR", "SYR", "conflict")] == 2  # the strike, and the request without a score
    assert found[("NOR", "CHL", "cooperation")] == 2
    assert all(e["directed"] for e in edges)


# -- articles ----------------------------------------------------------------------
def test_articles_list(client):
    body = client.get("/api/articles").json()
    assert [a["id"] for a in body["items"]] == ["hand-script", "hand-talks", "hand-strike"]
    talks = body["items"][1]
    assert (talks["events"], talks["quotes"], talks["claims"], talks["treaties"]) == (5, 1, 1, 1)


@pytest.mark.parametrize("query, expected", [
    ("actor=PER", ["hand-talks"]), ("since=2025-01-01", ["hand-script", "hand-talks"]),
    ("until=2024-12", ["hand-strike"]), ("q=fish", ["hand-talks"]), ("q=100%25", []),
])
def test_article_filters(client, query, expected):
    assert [a["id"] for a in client.get(f"/api/articles?{query}").json()["items"]] == expected


def test_article_has_text_and_record(client):
    body = client.get("/api/articles/hand-talks").json()
    assert body["text"].startswith("Norway and Chile open talks")
    assert body["record"]["schema"] == "tidings/1" and len(body["record"]["events"]) == 5


# -- actors, quotes, claims, treaties --------------------------------------------------
def test_actors_list_and_profile_by_key(client):
    body = client.get("/api/actors?kind=person").json()
    assert {a["name"] for a in body["items"]} == {"Ola Berg", "Ana Rojas"}
    key = next(a["key"] for a in body["items"] if a["name"] == "Ola Berg")
    prof = client.get(f"/api/actors/{key}").json()
    assert prof["name"] == "Ola Berg" and prof["counts"]["as_actor"] == 2
    assert {e["type"] for e in prof["events_as_actor"]} == {"CONSULT", "SUPPORT"}


def test_actor_profile_by_code(client):
    prof = client.get("/api/actors/chl").json()
    assert prof["name"] == "Chile" and prof["kind"] == "code"
    assert prof["counts"] == {"as_actor": 2, "as_recipient": 3, "quotes": 1, "claims": 1}
    assert prof["timeline"] == [{"period": "2025-03", "as_actor": 2, "as_recipient": 3}]
    assert {m["name"] for m in prof["members"]} == {"Chile", "Ana Rojas"}
    assert prof["quotes"][0]["speaker_name"] == "Ana Rojas"


def test_quotes(client):
    body = client.get("/api/quotes?speaker=CHL").json()
    assert body["total"] == 1 and body["items"][0]["content"].startswith("We will guard")
    assert client.get("/api/quotes?speaker=NOR").json()["total"] == 0
    assert client.get("/api/quotes?q=southern").json()["total"] == 1


def test_claims_with_stances(client):
    body = client.get("/api/claims").json()
    assert body["total"] == 1
    claim = body["items"][0]
    assert claim["proposition"]["type"] == "COERCE" and claim["proposition"]["factuality"] == "alleged"
    assert [(s["code"], s["stance"]) for s in claim["stances"]] == [
        ("PER", "alleges"), ("CHL", "denies"), ("NOR", "declines")]
    assert claim["stances"][1]["holder_name"] == "Chile"
    assert client.get("/api/claims?actor=NOR&stance=declines").json()["total"] == 1
    assert client.get("/api/claims?actor=NOR&stance=denies").json()["total"] == 0


def test_treaties_merge_the_reference_table_and_the_articles(client):
    body = client.get("/api/treaties?party=CHL&source=articles").json()
    assert [t["name"] for t in body["items"]] == ["Oslo Fisheries Compact"]
    compact = body["items"][0]
    assert compact["types"] == ["consultation"] and compact["link"] == "/articles/hand-talks#t1"
    standing = client.get("/api/treaties?source=knowledge%20base&limit=500").json()["items"]
    assert standing and all(t["source"] == "knowledge base" for t in standing)


def test_obligations_from_the_articles(client):
    obl = client.get("/api/obligations?obligor=SYR&source=articles").json()["items"]
    assert [(o["beneficiary"], o["type"], o["treaty"], o["evidence"]) for o in obl] == [
        ("TUR", "nonaggression", "Border Security Protocol", ["hand-strike"])]
    assert obl[0]["link"] == "/articles/hand-strike"


@pytest.mark.parametrize("on, expected", [
    ("2025-01-31", 1),   # only the protocol, in force since 1998
    ("2025-02-15", 3),   # the compact, signed in February, counts from then
    ("1990", 0),
])
def test_obligations_on_a_date(client, on, expected):
    assert client.get(f"/api/obligations?on={on}&source=articles").json()["total"] == expected


def test_obligations_by_default_include_standing_alliances(client):
    body = client.get("/api/obligations?type=defense&on=2024-06-01&limit=5").json()
    assert body["total"] > 5 and len(body["items"]) == 5 and body["next"]
    assert {o["source"] for o in body["items"]} == {"knowledge base"}


def test_index_lists_routes(client):
    body = client.get("/api").json()
    assert body["counts"]["articles"] == 3 and body["writable"] is False
    assert "/api/events" in body["routes"] and "/api/obligations" in body["routes"]


def test_openapi_documents_every_route(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for route in ("/api/events", "/api/events.csv", "/api/events.jsonl", "/api/articles", "/api/articles/{article_id}",
                  "/api/actors", "/api/actors/{key}", "/api/quotes", "/api/claims", "/api/treaties",
                  "/api/obligations", "/api/timeline", "/api/network"):
        assert route in paths, route
    for path, item in spec["paths"].items():
        for op in item.values():
            assert op.get("summary"), path
    assert "ErrorOut" in spec["components"]["schemas"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text and "cdn" not in docs.text.lower()


# -- errors -------------------------------------------------------------------------
@pytest.mark.parametrize("url, status, parameter", [
    ("/api/events?since=yesterday", 422, "since"),
    ("/api/events?since=2024-02-30", 422, "since"),
    ("/api/events?until=2024-13", 422, "until"),
    ("/api/events?since=2025-01-01&until=2024-01-01", 422, "until"),
    ("/api/events?type=HUG", 422, "type"),
    ("/api/events?factuality=rumoured", 422, "factuality"),
    ("/api/events?actor=P;DROP", 422, "actor"),
    ("/api/events?quad=both", 422, "quad"),
    ("/api/events?order=random()", 422, "order"),
    ("/api/events?limit=501", 422, "limit"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=ten", 422, "limit"),
    ("/api/events?offset=-1", 422, "offset"),
    ("/api/events.csv?limit=100001", 422, "limit"),
    ("/api/timeline?bucket=decade", 422, "bucket"),
    ("/api/articles?since=soon", 422, "since"),
    ("/api/actors?kind=alien", 422, "kind"),
    ("/api/actors/not%20a%20code", 422, "key"),
    ("/api/claims?stance=shrugs", 422, "stance"),
    ("/api/obligations?type=friendship", 422, "type"),
    ("/api/obligations?on=2024-99", 422, "on"),
    ("/api/obligations?source=rumour", 422, "source"),
    ("/api/treaties?party=RUS,PRK", 422, "party"),
    ("/api/quotes?q=" + "x" * 201, 422, "q"),
])
def test_bad_parameters_get_one_error_shape(client, url, status, parameter):
    r = client.get(url)
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert err["status"] == status and err["code"] == "bad_parameter" and err["parameter"] == parameter
    assert parameter in err["message"]


@pytest.mark.parametrize("url", ["/api/articles/nope", "/api/events/hand-talks/e99", "/api/actors/XYZ",
                                 "/api/actors/person%7CXXX%7C%7CNobody", "/api/no-such-route"])
def test_unknown_ids_are_404(client, url):
    r = client.get(url)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_wrong_method_is_405_in_the_same_shape(client):
    r = client.delete("/api/events")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_injection_attempt_is_just_a_value(client):
    r = client.get("/api/articles?q=' OR 1=1 --")
    assert r.status_code == 200 and r.json()["total"] == 0
    r = client.get("/api/events?article=x' OR '1'='1")
    assert r.status_code == 200 and r.json()["total"] == 0


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        create_app(db_path=tmp_path / "absent.sqlite")


def test_responses_forbid_inline_and_foreign_scripts(client):
    for url in ("/api/events", "/articles/hand-script"):
        csp = client.get(url).headers["content-security-policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp
