"""The web pages, rendered in process over hand-made records: each loads, escapes, draws and links."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tidings.api import create_app

from webfixtures import client  # noqa: F401  (a fixture)

PAGES = ["/", "/events", "/timeline", "/network", "/articles", "/articles/hand-talks", "/articles/hand-script",
         "/actors", "/actors/CHL", "/claims", "/alliances?on=2025-06-01", "/docs"]


@pytest.mark.parametrize("url", PAGES)
def test_page_loads_with_nothing_from_elsewhere(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "<nav>" in html
    # every script, stylesheet and image comes from this server
    for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not re.match(r"(?i)(https?:)?//", ref) or ref == "https://news.example/talks", ref


def test_static_files_are_served(client):
    assert client.get("/static/style.css").status_code == 200
    js = client.get("/static/tables.js")
    assert js.status_code == 200 and "sortable" in js.text


def test_script_in_an_article_is_shown_as_text(client):
    html = client.get("/articles/hand-script").text
    assert "<script>alert" not in html and "<script>document.title" not in html
    assert "&lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt; claims &amp; " in html
    assert 'href="javascript:' not in html  # the article's javascript: URL is not made a link
    listing = client.get("/articles").text
    assert "<script>alert" not in listing and "&lt;script&gt;alert" in listing


@pytest.mark.parametrize("url", ["/events", "/", "/actors/JPN", "/timeline"])
def test_script_is_escaped_everywhere_it_shows(client, url):
    assert "<script>document.title" not in client.get(url).text


def test_reader_marks_link_to_records(client):
    html = client.get("/articles/hand-talks").text
    # the trigger "met" links to its event card, which links back to the trigger
    assert re.search(r'<a class="hl hl-trigger t-CONSULT" id="at-e1"[^>]*href="#e1">met</a>', html)
    assert 'id="e1"' in html and 'href="#at-e1"' in html
    # an actor mention links to the actor's row, and the row to the actor's profile
    assert re.search(r'<a class="hl hl-actor k-person" id="at-a2"[^>]*href="#a2">Ola Berg</a>', html)
    assert 'href="/actors/person%7CNOR%7C%7COla%20Berg"' in html
    # the quote is marked and numbered
    assert re.search(r'<span class="hl hl-quote q-direct" id="at-q1"[^>]*>We will guard', html)
    # the claim shows its stances
    assert "alleges" in html and "denies" in html and "declines" in html


def test_events_explorer_filters_and_downloads(client):
    html = client.get("/events?actor=SYR&type=ACCUSE").text
    assert "Syria condemned the strikes" in html and "Turkey struck" not in html
    assert 'href="/api/events.csv?actor=SYR&amp;type=ACCUSE"' in html
    assert 'href="/api/events.jsonl?actor=SYR&amp;type=ACCUSE"' in html
    assert 'class="sortable events"' in html


def test_events_explorer_pages(client):
    html = client.get("/events?limit=4").text
    assert "1–4 of 10" in html and "offset=4" in html


@pytest.mark.parametrize("url, marker", [
    ("/timeline", 'id="timeline-types"'), ("/timeline?bucket=week", 'id="timeline-quad"'),
    ("/network", 'id="network"'), ("/alliances?on=2025-06-01", 'id="alliances"'), ("/actors/TUR", "actor-timeline")])
def test_charts_are_svg_with_shapes(client, url, marker):
    html = client.get(url).text
    figure = html[html.index(marker):]
    svg = figure[figure.index("<svg"):figure.index("</svg>")]
    assert "<rect" in svg or "<path" in svg


def test_timeline_bars_link_to_their_events(client):
    html = client.get("/timeline?bucket=month").text
    assert 'href="/events?since=2024-12&amp;until=2024-12&amp;type=ASSAULT"' in html


def test_network_edges_click_through(client):
    html = client.get("/network").text
    assert 'href="/events?party=SYR%2CTUR&amp;quad=conflict"' in html
    assert 'href="/actors/TUR"' in html
    events = client.get("/events?party=SYR,TUR&quad=conflict").text
    assert "Turkey struck positions" in events


def test_claims_board(client):
    html = client.get("/claims").text
    assert "COERCE" in html and "Peru" in html
    for stance in ("alleges", "denies", "declines"):
        assert f"<h3>{stance}</h3>" in html


def test_alliances_by_date(client):
    before = client.get("/alliances?on=2025-01-31").text
    after = client.get("/alliances?on=2025-03-01").text
    assert "Oslo Fisheries Compact" not in before and "Border Security Protocol" in before
    assert "Oslo Fisheries Compact" in after and 'href="/articles/hand-talks"' in after


def test_alliances_can_show_the_standing_ones(client):
    html = client.get("/alliances?on=2024-06-01&source=knowledge%20base&party=NOR").text
    assert "North Atlantic Treaty" in html and "knowledge base" in html


@pytest.mark.parametrize("url, status, text", [
    ("/events?since=someday", 422, "since must be an ISO date"),
    ("/alliances?on=31/12/2024", 422, "on must be an ISO date"),
    ("/timeline?bucket=century", 422, "bucket must be"),
    ("/articles/nope", 404, "no article"),
    ("/actors/ZZZ", 404, "no actor"),
    ("/no-such-page", 404, "no such address"),
])
def test_page_errors_are_pages(client, url, status, text):
    r = client.get(url)
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")
    assert text in r.text


def test_odd_article_ids_still_link():
    from tidings.store import Store

    from webfixtures import Builder

    text = "Ghana and Togo agree\nGhana agreed with Togo on Friday to open the border."
    b = Builder("Accra notes #3 & more", text, published="2025-05-02", title="Ghana and Togo agree")
    gha, tgo = b.actor("Ghana", "state", "GHA", "GOV", ("Ghana", 1)), b.actor("Togo", "state", "TGO", "GOV", ("Togo", 1))
    b.event("AGREE", [gha], [tgo], "agreed", date="2025-05-02")
    store = Store(":memory:")
    store.put(b.rec, text)
    c = TestClient(create_app(store=store))
    link = c.get("/api/events").json()["items"][0]["link"]
    assert link == "/articles/Accra%20notes%20%233%20%26%20more#e1"
    page = c.get(link.split("#")[0])
    assert page.status_code == 200 and "Ghana agreed with Togo" in page.text
    assert 'href="/articles/Accra%20notes%20%233%20%26%20more"' in c.get("/articles").text


def test_timeline_leaves_out_a_few_old_background_events():
    from tidings.store import Store

    from webfixtures import Builder

    text = "Fiji and Samoa meet\n" + " ".join(f"Fiji met Samoa again in round {i}." for i in range(30)) + \
        " They recalled the accord Fiji signed with Samoa in 1970."
    b = Builder("pacific", text, published="2025-06-30", title="Fiji and Samoa meet")
    fji, wsm = b.actor("Fiji", "state", "FJI", "GOV", ("Fiji", 1)), b.actor("Samoa", "state", "WSM", "GOV", ("Samoa", 1))
    for i in range(30):
        b.event("CONSULT", [fji], [wsm], "met", nth=i, date=f"2025-06-{i % 28 + 1:02d}")
    b.event("AGREE", [fji], [wsm], "signed", date="1970")
    store = Store(":memory:")
    store.put(b.rec, text)
    c = TestClient(create_app(store=store))
    html = c.get("/timeline").text
    assert "1 earlier background events are left out" in html and "Events per day" in html
    assert "show every year" in html and "1970" in c.get("/timeline?bucket=year").text
