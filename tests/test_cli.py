"""The command line: every command documented, errors as one line, batches resumable."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.store import Store

pytestmark = pytest.mark.model

ARTICLE = ("Chile and Peru agree to resume border talks\n"
           "Chilean Foreign Minister Alberto van Klaveren met his Peruvian counterpart in Lima on Monday, "
           "and the two ministers agreed to resume talks on the maritime border next month, "
           "officials said.\n")


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for n in range(4):
        (d / f"a{n}.txt").write_text(ARTICLE.replace("next month", f"in week {n + 1}"), encoding="utf-8")
    return d


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("cmd", sorted(main.commands))
def test_every_command_has_help(cmd):
    res = run(cmd, "--help")
    assert res.exit_code == 0 and "Usage:" in res.output
    assert main.commands[cmd].help


def test_unknown_option_is_one_clear_error():
    res = CliRunner().invoke(main, ["extract", "--frobnicate", "x"])
    assert res.exit_code == 2 and "No such option '--frobnicate'" in res.output


def test_extract_stdin_jsonl_output():
    res = run("extract", "-", input=ARTICLE)
    assert res.exit_code == 0
    rec = json.loads(res.output.splitlines()[0])
    assert rec["schema"] == "tidings/1"
    assert any(a["code"] == "CHL" for a in rec["actors"])


def test_extract_goes_on_after_bad_input_and_exits_nonzero(folder):
    (folder / "bad.jsonl").write_text('{"id": "ok1", "text": ' + json.dumps(ARTICLE) + '}\n{broken\n',
                                      encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(folder)])
    assert res.exit_code == 1
    ids = [json.loads(line)["article"]["id"] for line in res.stdout.splitlines()]
    assert sorted(ids) == ["a0", "a1", "a2", "a3", "ok1"]
    assert f"skipped {folder / 'bad.jsonl'}:2: malformed JSON" in res.stderr


def test_ingest_then_actors_and_reingest_no_duplicates(folder, tmp_path):
    db = str(tmp_path / "t.sqlite")
    res = run("ingest", str(folder), "--db", db)
    assert res.exit_code == 0 and "4 stored" in res.stderr
    res = run("ingest", str(folder), "--db", db)
    assert "0 stored, 4 unchanged" in res.stderr
    res = run("ingest", str(folder), "--db", db, "--force")
    assert "4 stored" in res.stderr
    with Store(db) as st:
        assert st.count("articles") == 4
    res = run("actors", "--db", db, "--code", "CHL", "--format", "jsonl")
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert rows and all(r["code"] == "CHL" for r in rows)
    export = run("export", "--db", db)
    assert len(export.output.splitlines()) == 4


def test_crash_mid_batch_is_resumable(folder, tmp_path, monkeypatch):
    db = str(tmp_path / "t.sqlite")
    real_put = Store.put
    calls = {"n": 0}

    def crashing_put(self, record, text):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the process dies between two articles' transactions
        return real_put(self, record, text)

    monkeypatch.setattr(Store, "put", crashing_put)
    CliRunner().invoke(main, ["ingest", str(folder), "--db", db])
    with Store(db) as st:
        assert st.count("articles") == 2
        assert all(st.record(a)["article"]["id"] == a for a in ["a0", "a1"])
    monkeypatch.setattr(Store, "put", real_put)
    res = run("ingest", str(folder), "--db", db)
    assert "2 stored, 2 unchanged" in res.stderr
    with Store(db) as st:
        assert st.count("articles") == 4


def test_actors_without_store_is_clear(tmp_path):
    res = CliRunner().invoke(main, ["actors", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 1 and res.output.startswith("error: no store at")


def test_enormous_article_is_skipped_with_its_reason(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Headline\n" + ARTICLE * 200, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(big), str(tmp_path / "none.txt"), "--max-chars", "5000"])
    assert res.exit_code == 1
    assert f"skipped {big}:" in res.stderr and "[too_long]" in res.stderr
    assert "[not_found]" in res.stderr
