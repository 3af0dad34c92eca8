"""``serve`` and ``demo``: the HTTP API and the web interface over a store."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from tidings.cli import main
from tidings.cli.output import DB
from tidings.errors import InputError

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
HOST = click.option("--host", default="127.0.0.1", show_default=True,
                    help="Address to listen on. Keep the default unless others must reach the server.")
PORT = click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port.")


def address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def _run(app: object, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning")  # type: ignore[arg-type]


def _warn_if_public(host: str) -> None:
    if host not in LOCAL_HOSTS:
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can read the store", err=True)


@main.command()
@DB
@HOST
@PORT
@click.option("--token", envvar="TIDINGS_TOKEN", default=None,
              help="Allow POST /api/articles to requests with 'Authorization: Bearer TOKEN' [env TIDINGS_TOKEN].")
def serve(db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the store over HTTP: the web pages at / and the API under /api/ (reference at /docs).

    Read-only unless a token is given.
    """
    from tidings.api import create_app

    app = create_app(db_path=db, token=token or None)
    _warn_if_public(host)
    store = app.state.tidings.store
    mode = "writable with the token" if token else "read-only"
    click.echo(f"Serving {store.path} ({mode}). Open {address(host, port)} in your browser; Ctrl-C stops.")
    _run(app, host, port)


def _examples_folder() -> Path | None:
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        if (base / "examples").is_dir():
            return base / "examples"
    return None


def ingest_if_needed(db: str, folder: Path) -> tuple[int, int, list[str]]:
    """Extract the articles of ``folder`` not yet in the store at ``db``: (stored, unchanged, skipped lines)."""
    from tidings.extract import default_extractor
    from tidings.ingest import read_paths
    from tidings.store import Store

    stored = unchanged = 0
    skipped: list[str] = []
    with Store(db) as store:
        fresh, texts = [], {}
        for item in read_paths([folder]):
            if isinstance(item, InputError):
                skipped.append(f"{item.source}: {item.message}")
            elif store.is_current(item.id, item.text):
                unchanged += 1
            else:
                fresh.append(item)
                texts[item.id] = item.text
        if fresh:
            extractor = default_extractor()
            extractor.remember(store.learned_people())
            for res in extractor.extract_many(fresh):
                if res.status != "ok" or res.record is None:
                    skipped.append(f"{res.source}: {res.message}")
                    continue
                store.put(res.record, texts[res.record["article"]["id"]])
                stored += 1
    return stored, unchanged, skipped


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), default="tidings.sqlite", show_default=True,
              help="The demo store.")
@PORT
@click.option("--examples", "folder", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Folder of articles to load (default: ./examples).")
@click.option("--no-serve", is_flag=True, help="Load the articles, print the address, and exit.")
def demo(db: str, port: int, folder: Path | None, no_serve: bool) -> None:
    """Load the sample articles into a store (once) and serve it on 127.0.0.1."""
    folder = folder or _examples_folder()
    if folder is None:
        raise click.ClickException("no examples/ folder here; give one with --examples")
    click.echo(f"Loading the articles of {folder} into {db} ...", err=True)
    stored, unchanged, skipped = ingest_if_needed(db, folder)
    for line in skipped:
        click.echo(f"skipped {line}", err=True)
    click.echo(f"{stored} extracted, {unchanged} already in the store, {len(skipped)} skipped.", err=True)
    url = address("127.0.0.1", port)
    if no_serve:
        click.echo(f"Start the server with `tidings serve --db {db} --port {port}`, then open {url} in your browser")
        return
    click.echo(f"Open {url} in your browser")
    sys.stdout.flush()
    from tidings.api import create_app

    _run(create_app(db_path=db), "127.0.0.1", port)
