"""``tidings serve`` and ``tidings demo``: the address to open, localhost by default, the token, no server started."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.cli import web as cli_web

from webfixtures import TALKS, hand_store


@pytest.fixture()
def served(monkeypatch):
    """Capture what would be served instead of starting uvicorn."""
    calls: list[tuple] = []
    monkeypatch.setattr(cli_web, "_run", lambda app, host, port: calls.append((app, host, port)))
    monkeypatch.delenv("TIDINGS_TOKEN", raising=False)
    return calls


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "s.sqlite"
    hand_store(path).close()
    return str(path)


def test_serve_defaults_to_localhost_and_read_only(served, db):
    res = CliRunner().invoke(main, ["serve", "--db", db])
    assert res.exit_code == 0, res.output
    app, host, port = served[0]
    assert (host, port) == ("127.0.0.1", 8000)
    assert "Open http://127.0.0.1:8000/ in your browser" in res.output and "read-only" in res.output
    assert app.state.tidings.token is None


def test_serve_with_a_token_and_a_public_host_warns(served, db):
    res = CliRunner().invoke(main, ["serve", "--db", db, "--host", "0.0.0.0", "--port", "8123", "--token", "s3"])
    assert res.exit_code == 0, res.output
    app, host, port = served[0]
    assert (host, port) == ("0.0.0.0", 8123) and app.state.tidings.token == "s3"
    assert "warning: listening on 0.0.0.0" in res.output and "writable with the token" in res.output


def test_serve_takes_the_token_from_the_environment(served, db, monkeypatch):
    monkeypatch.setenv("TIDINGS_TOKEN", "from-env")
    assert CliRunner().invoke(main, ["serve", "--db", db]).exit_code == 0
    assert served[0][0].state.tidings.token == "from-env"


def test_serve_without_a_store_says_how_to_make_one(served, tmp_path):
    res = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 1 and "no store at" in res.output and "tidings demo" in res.output
    assert served == []


def test_demo_ends_with_the_address(served, tmp_path):
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "hand-talks.txt").write_text(TALKS, encoding="utf-8")
    db = tmp_path / "demo.sqlite"
    hand_store(db).close()  # the article is already stored unchanged: nothing to extract
    res = CliRunner().invoke(main, ["demo", "--db", str(db), "--examples", str(folder), "--port", "8765",
                                    "--no-serve"])
    assert res.exit_code == 0, res.output
    assert "0 extracted, 1 already in the store, 0 skipped." in res.output
    assert res.output.rstrip().endswith("then open http://127.0.0.1:8765/ in your browser")
    assert f"tidings serve --db {db} --port 8765" in res.output
    assert served == []


def test_demo_serves_on_localhost(served, tmp_path):
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "hand-talks.txt").write_text(TALKS, encoding="utf-8")
    db = tmp_path / "demo.sqlite"
    hand_store(db).close()
    res = CliRunner().invoke(main, ["demo", "--db", str(db), "--examples", str(folder)])
    assert res.exit_code == 0, res.output
    assert served[0][1:] == ("127.0.0.1", 8000)
    assert "Open http://127.0.0.1:8000/ in your browser" in res.output
