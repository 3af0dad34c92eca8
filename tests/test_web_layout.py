"""The pieces under the pages: the quad table, parameter checks, chart and graph layouts, the reader's marks."""
from __future__ import annotations

import re
import sqlite3

import pytest

from tidings import resources
from tidings.api import params
from tidings.api.errors import ApiError
from tidings.api.vocab import event_types, quad
from tidings.store.events import quad_sql
from tidings.web import charts, graph
from tidings.web.reader import highlight

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


# -- data/quad.toml ------------------------------------------------------------------
def test_quad_table_splits_the_plover_types():
    data = resources.load("quad.toml")
    coop, conf = set(data["cooperation"]), set(data["conflict"])
    assert coop | conf == PLOVER and not coop & conf
    assert len(data["cooperation"]) == len(coop) and len(data["conflict"]) == len(conf)
    assert set(event_types()) == PLOVER


def test_quad_table_vocabularies_follow_the_codebook():
    data = resources.load("quad.toml")
    assert set(data["factuality"]) == {"asserted", "alleged", "denied", "negated", "future", "hypothetical"}
    assert set(data["stances"]) == {"asserts", "alleges", "denies", "confirms", "declines"}
    assert set(data["obligations"]) == {"defense", "offense", "neutrality", "nonaggression", "consultation"}


@pytest.mark.parametrize("type_, goldstein, expected", [
    ("CONSULT", None, "cooperation"), ("RETREAT", None, "cooperation"), ("ASSAULT", None, "conflict"),
    ("REQUEST", None, "conflict"), ("REQUEST", 3.0, "cooperation"), ("AID", -2.0, "conflict"),
    ("AID", 0.0, "cooperation"), ("ACCUSE", 0.0, "conflict")])
def test_quad_rule(type_, goldstein, expected):
    assert quad(type_, goldstein) == expected


def test_quad_sql_agrees_with_quad():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE e (type TEXT, goldstein REAL)")
    cases = [(t, g) for t in sorted(PLOVER) for g in (None, -4.0, 0.0, 5.5)]
    db.executemany("INSERT INTO e VALUES (?, ?)", cases)
    expr, args = quad_sql("e")
    got = db.execute(f"SELECT type, goldstein, {expr} FROM e", args).fetchall()
    assert [(t, g, quad(t, g)) for t, g in cases] == got


# -- parameter checks ------------------------------------------------------------------
@pytest.mark.parametrize("until, upper", [
    ("2024", "2025"), ("2024-10", "2024-11"), ("2024-12", "2025-01"), ("2024-02-29", "2024-03-01"),
    ("2024-12-31", "2025-01-01"), (None, None)])
def test_until_becomes_an_exclusive_bound(until, upper):
    assert params.date_upper(until) == upper


@pytest.mark.parametrize("value", ["2024-1-05", "24-10-01", "2024/10/01", "2023-02-29", "2024-00", "today"])
def test_bad_dates_are_refused(value):
    with pytest.raises(ApiError) as exc:
        params.iso_date("since", value)
    assert exc.value.status == 422 and exc.value.parameter == "since"


@pytest.mark.parametrize("value, expected", [("prk", ["PRK"]), ("PRK, RUS", ["PRK", "RUS"]), ("G7", ["G7"]),
                                             ("", [])])
def test_codes(value, expected):
    assert params.codes("actor", value) == expected


# -- charts ---------------------------------------------------------------------------
@pytest.mark.parametrize("first, last, bucket, expected", [
    ("2024-11", "2025-02", "month", ["2024-11", "2024-12", "2025-01", "2025-02"]),
    ("2024-12-30", "2025-01-02", "day", ["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"]),
    ("2024-12-23", "2025-01-06", "week", ["2024-12-23", "2024-12-30", "2025-01-06"]),
    ("2022", "2024", "year", ["2022", "2023", "2024"]),
])
def test_periods_fill_gaps(first, last, bucket, expected):
    assert charts.periods(first, last, bucket) == expected


@pytest.mark.parametrize("first, last, bucket", [
    ("2024-11-01", "2024-11-20", "day"), ("2024-01-01", "2024-12-31", "week"), ("2020-01-01", "2024-12-31", "month"),
    ("1990-01-01", "2024-12-31", "year"), ("2024-10", "2024-11", "month")])
def test_pick_bucket(first, last, bucket):
    assert charts.pick_bucket(first, last) == bucket


COUNTS = [{"period": "2024-10", "type": "CONSULT", "quad": "cooperation", "n": 3},
          {"period": "2024-10", "type": "ASSAULT", "quad": "conflict", "n": 1},
          {"period": "2024-12", "type": "ACCUSE", "quad": "conflict", "n": 2}]


def test_stacked_bars_have_heights_in_proportion():
    chart = charts.stacked(COUNTS, "month", sorted(PLOVER))
    assert [b.cls for b in chart.bars] == ["t-ASSAULT", "t-CONSULT", "t-ACCUSE"]
    assault, consult, accuse = chart.bars
    assert consult.h == pytest.approx(3 * assault.h) and accuse.h == pytest.approx(2 * assault.h)
    assert assault.y + assault.h == pytest.approx(chart.bottom)  # stacked from the axis up
    assert consult.y + consult.h == pytest.approx(assault.y)
    assert accuse.x > consult.x + consult.w  # November, with no events, keeps its slot
    assert consult.href == "/events?since=2024-10&until=2024-10&type=CONSULT"


def test_diverging_bars_go_up_for_cooperation_and_down_for_conflict():
    chart = charts.diverging(COUNTS, "month", filters={"actor": "PRK"})
    up = [b for b in chart.bars if b.cls == "q-cooperation"]
    down = [b for b in chart.bars if b.cls == "q-conflict"]
    assert len(up) == 1 and len(down) == 2
    assert up[0].y + up[0].h == pytest.approx(chart.baseline)
    assert all(b.y == pytest.approx(chart.baseline) for b in down)
    assert "actor=PRK" in down[0].href and "quad=conflict" in down[0].href


def test_empty_chart():
    assert charts.stacked([], "month", sorted(PLOVER)).empty


# -- graphs ---------------------------------------------------------------------------
DYADS = [{"source": "PRK", "target": "RUS", "directed": 1, "quad": "cooperation", "n": 5},
         {"source": "RUS", "target": "PRK", "directed": 1, "quad": "cooperation", "n": 2},
         {"source": "UKR", "target": "PRK", "directed": 1, "quad": "conflict", "n": 3},
         {"source": "CHN", "target": "RUS", "directed": 0, "quad": "cooperation", "n": 1}]


def test_force_layout_is_deterministic_and_inside_the_frame():
    links = [("A", "B", 3), ("B", "C", 1), ("C", "A", 1), ("D", "E", 1)]
    one = graph.force_layout(list("ABCDE"), links, width=400, height=300)
    two = graph.force_layout(list("ABCDE"), links, width=400, height=300)
    assert one == two
    assert all(0 <= x <= 400 and 0 <= y <= 300 for x, y in one.values())
    assert len({(round(x), round(y)) for x, y in one.values()}) == 5


def test_network_draws_one_curve_per_pair_and_class():
    d = graph.network(DYADS, {"PRK": "North Korea"})
    assert [n.id for n in d.nodes] == ["PRK", "RUS", "UKR", "CHN"]  # by number of events
    assert d.nodes[0].title == "North Korea: 10 events" and d.nodes[0].r > d.nodes[-1].r
    by_pair = {e.href: e for e in d.edges}
    both_ways = by_pair["/events?party=PRK%2CRUS&quad=cooperation"]
    assert not both_ways.arrow and "PRK→RUS: 5" in both_ways.title and "RUS→PRK: 2" in both_ways.title
    assert by_pair["/events?party=PRK%2CUKR&quad=conflict"].arrow
    assert by_pair["/events?party=CHN%2CRUS&quad=cooperation"].cls == "q-cooperation"
    assert all(re.match(r"^M[\d.-]+,[\d.-]+ Q[\d.-]+,[\d.-]+ [\d.-]+,[\d.-]+$", e.path) for e in d.edges)


def test_network_keeps_the_busiest_actors():
    d = graph.network(DYADS, {}, most=2)
    assert [n.id for n in d.nodes] == ["PRK", "RUS"] and len(d.edges) == 1


def test_alliance_graph_has_an_arrow_per_obligation():
    obligations = [{"obligor": "RUS", "beneficiary": "PRK", "type": "defense", "treaty": "t1", "treaty_name": "Pact",
                    "link": "/articles/x#t1"},
                   {"obligor": "PRK", "beneficiary": "RUS", "type": "defense", "treaty": "t1", "treaty_name": "Pact",
                    "link": "/articles/x#t1"}]
    d = graph.alliances(obligations, {})
    assert len(d.edges) == 2 and all(e.arrow and e.cls == "o-defense" for e in d.edges)
    assert d.edges[0].path != d.edges[1].path  # the two directions bow to opposite sides


# -- the reader -------------------------------------------------------------------------
def rec(actors=(), events=(), quotes=()):
    return {"actors": list(actors), "events": list(events), "quotes": list(quotes)}


def test_reader_escapes_everything():
    text = "<img src=x onerror=alert(1)> & \"quoted\""
    out = str(highlight(text, rec()))
    assert out == "&lt;img src=x onerror=alert(1)&gt; &amp; &#34;quoted&#34;"


def test_reader_nests_marks_inside_quotes_and_drops_crossing_ones():
    text = "Ana said: Chile will help Peru soon."
    actors = [{"id": "a1", "name": "Chile", "kind": "state", "code": "CHL", "mentions": [[10, 15]]},
              {"id": "a2", "name": "Peru", "kind": "state", "code": "PER", "mentions": [[26, 30]]},
              {"id": "a3", "name": "Ana", "kind": "person", "code": "CHL", "mentions": [[0, 3]]}]
    quotes = [{"id": "q1", "speaker": "a3", "kind": "indirect", "start": 10, "end": 28}]  # ends inside "Peru"
    events = [{"id": "e1", "type": "AID", "actor": [{"code": "CHL"}], "recipient": [{"code": "PER"}],
               "factuality": "future", "evidence": {"trigger": [21, 25]}}]
    out = str(highlight(text, rec(actors, events, quotes)))
    assert re.search(r'<span class="hl hl-quote q-indirect" id="at-q1"[^>]*><a [^>]*href="#a1">Chile</a> will '
                     r'<a [^>]*href="#e1">help</a> Pe</span>', out)
    assert 'href="#a2"' not in out  # "Peru" straddles the quote's end
    assert re.sub(r"<[^>]+>", "", out).replace("q1", "") == text


def test_reader_merges_events_on_one_trigger():
    text = "Iran sent drones."
    events = [{"id": "e1", "type": "AID", "actor": [], "recipient": [], "factuality": "alleged",
               "evidence": {"trigger": [5, 9]}},
              {"id": "e2", "type": "MOBILIZE", "actor": [], "recipient": [], "factuality": "alleged",
               "evidence": {"trigger": [5, 9]}}]
    out = str(highlight(text, rec(events=events)))
    assert out.count(">sent<") == 1 and 'id="at-e1"' in out and 'id="at-e2"' in out
    assert 'data-refs="e1 e2"' in out


def test_reader_ignores_offsets_outside_the_text():
    text = "Short."
    actors = [{"id": "a1", "name": "X", "kind": "state", "code": "X", "mentions": [[3, 99]]}]
    assert str(highlight(text, rec(actors))) == "Short."


@pytest.mark.parametrize("first, last, days", [("2024-11-01", "2024-11-30", 29), ("2024", "2025-01-01", 366),
                                               ("1974-06", "1974-07-15", 44)])
def test_span_days(first, last, days):
    assert charts.span_days(first, last) == days
