"""Reading inputs: every format, and every kind of bad input gets its own reason."""
from __future__ import annotations

import io
import json

import pytest

from tidings.article import Article, make_article, normalise_date
from tidings.errors import InputError
from tidings.ingest import read_bytes, read_paths, read_stream

BODY = ("Talks between the two delegations resumed in Geneva on Tuesday, officials said, "
        "and the mediators praised both sides for their patience after months of difficult work. "
        "The next round is expected in March, according to the foreign ministry.")


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


def test_text_file_first_line_is_title_and_stays_in_text(tmp_path):
    f = tmp_path / "talks-resume.txt"
    f.write_text("Talks resume in Geneva\n" + BODY, encoding="utf-8")
    [art] = articles(read_paths([f]))
    assert art.id == "talks-resume"
    assert art.title == "Talks resume in Geneva"
    assert art.text.startswith("Talks resume in Geneva\n")
    assert art.published is None and art.meta()["published_note"] == "absent"


def test_jsonl_reports_bad_line_and_goes_on(tmp_path):
    f = tmp_path / "batch.jsonl"
    good = {"id": "x1", "text": BODY, "published": "2024-03-05", "outlet": "Example Wire"}
    f.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({**good, "id": "x2"}) + "\n", encoding="utf-8")
    items = list(read_paths([f]))
    assert [a.id for a in articles(items)] == ["x1", "x2"]
    [err] = errors(items)
    assert err.reason == "bad_json" and err.source == f"{f}:2"


def test_csv_rows(tmp_path):
    f = tmp_path / "rows.csv"
    f.write_text('id,title,text,published,url,outlet\nr1,T,"' + BODY + '",2025-01-02,https://example.org/a,Daily\n',
                 encoding="utf-8")
    [art] = articles(read_paths([f]))
    assert (art.id, art.published, art.outlet) == ("r1", "2025-01-02", "Daily")


def test_csv_without_text_column(tmp_path):
    f = tmp_path / "rows.csv"
    f.write_text("id,body\n1,hello\n", encoding="utf-8")
    [err] = errors(read_paths([f]))
    assert err.reason == "bad_csv"


def test_html_drops_boilerplate_and_reads_metadata():
    html = f"""<html><head><title>Talks resume | Example Daily</title>
    <meta property="og:site_name" content="Example Daily">
    <meta property="article:published_time" content="2024-05-02T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
    <article><h1>Talks resume in Geneva</h1><p>{BODY}</p>
    <figure><img src="a.jpg"><figcaption>Delegates arrive at the palace, in a photo caption.</figcaption></figure>
    <p>{BODY.replace('Geneva', 'Vienna')}</p></article>
    <aside class="related"><a href="/x">Read more: unrelated story about football</a></aside>
    <footer>Copyright Example Daily</footer></body></html>"""
    [art] = articles(read_bytes(html.encode(), "page.html", ".html"))
    assert art.title == "Talks resume in Geneva"
    assert art.published == "2024-05-02"
    assert "Geneva" in art.text and "Vienna" in art.text
    for junk in ("World news menu", "photo caption", "Read more", "Copyright"):
        assert junk not in art.text


def test_stdin_plain_text_gets_content_hash_id():
    [art] = articles(read_stream(io.BytesIO(("Headline here\n" + BODY).encode())))
    assert art.id.startswith("sha1-") and len(art.id) == 21


def test_stdin_jsonl():
    line = json.dumps({"id": "s1", "text": BODY})
    [art] = articles(read_stream(io.BytesIO(line.encode())))
    assert art.id == "s1"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("Caf\u00e9 talks".encode("latin-1") + b" resumed in Geneva on Tuesday", "encoding"),
    ("Die Gespräche zwischen den beiden Delegationen wurden am Dienstag in Genf wieder aufgenommen, "
     "sagten Beamte, und die Vermittler lobten beide Seiten für ihre Geduld. Die nächste Runde soll "
     "im März stattfinden, teilte das Außenministerium mit, ohne einen genauen Termin zu nennen.".encode(),
     "language"),
    ("Переговоры между двумя делегациями возобновились во вторник в Женеве, сообщили чиновники.".encode(),
     "language"),
])
def test_bad_articles_have_specific_reasons(data, reason):
    [err] = errors(read_bytes(data, "bad.txt", ".txt"))
    assert err.reason == reason
    assert err.source == "bad.txt"
    assert str(err).startswith("bad.txt: ")


def test_enormous_article_is_refused():
    with pytest.raises(InputError) as exc:
        make_article(BODY * 5000, max_chars=100_000)
    assert exc.value.reason == "too_long" and "100,000" in exc.value.message


def test_truncated_article_is_kept_with_a_warning():
    art = make_article(BODY + " The minister then told reporters that the")
    assert any(w.startswith("truncated") for w in art.warnings)
    assert "warnings" in art.meta()


def test_missing_path_and_empty_folder(tmp_path):
    items = list(read_paths([tmp_path / "nope.txt", tmp_path]))
    assert [e.reason for e in errors(items)] == ["not_found", "empty_folder"]


def test_record_without_text():
    [err] = errors(read_bytes(b'{"id": "a"}\n', "x.jsonl", ".jsonl"))
    assert err.reason == "bad_record" and err.source == "x.jsonl:1"


@pytest.mark.parametrize("value, iso", [
    ("2024-11-01", "2024-11-01"), ("2024-11", "2024-11"), ("2024-11-01T08:00:00+03:00", "2024-11-01"),
    ("1 November 2024", "2024-11-01"), (None, None), ("", None)])
def test_publication_dates(value, iso):
    assert normalise_date(value) == iso


def test_unreadable_date_is_an_input_error():
    with pytest.raises(InputError) as exc:
        normalise_date("sometime soonish")
    assert exc.value.reason == "bad_date"


def test_text_file_takes_its_date_from_the_file_name(tmp_path):
    f = tmp_path / "wire-2025-03-14-talks.txt"
    f.write_text("Talks resume\n" + BODY, encoding="utf-8")
    [art] = articles(read_paths([f]))
    assert art.published == "2025-03-14"
    assert art.meta()["published_note"] == "file name"
    g = tmp_path / "wire-2025-13-40-bad.txt"
    g.write_text("Talks resume\n" + BODY, encoding="utf-8")
    [art] = articles(read_paths([g]))
    assert art.published is None
