"""The app factory: the HTTP API under ``/api/``, the web pages, and their shared state."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request

from tidings.api import errors
from tidings.errors import StoreError
from tidings.store import Store, default_path
from tidings.version import __version__

DESCRIPTION = """Read the tidings store: articles with their text and records, PLOVER events,
actors, quotes, claims with stances, treaties and their obligations. Every event
carries its sentence and a link to it in the article reader.

Listings take `limit` (1 to 500) and `offset` and return `total` and a `next` link.
Every error has one shape: `{"error": {"status", "code", "message", "parameter"}}`.
Writing (`POST /api/articles`) is only open when the server has a token, and then
only to requests that carry it as `Authorization: Bearer <token>`."""


# defence in depth: even if some text slipped through unescaped, no inline or foreign script would run
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                               " frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass
class Service:
    """What every request shares: the store (behind a lock: one connection), the token, the extractor."""

    store: Store
    token: str | None = None
    extractor: Callable[[], Any] | None = None
    lock: threading.RLock = field(default_factory=threading.RLock)

    @contextmanager
    def locked(self) -> Iterator[Store]:
        with self.lock:
            yield self.store

    @property
    def writable(self) -> bool:
        return self.token is not None


def service(request: Request) -> Service:
    svc: Service = request.app.state.tidings
    return svc


def _open_store(db_path: str | Path | None, writable: bool) -> Store:
    path = Path(db_path) if db_path else default_path()
    if writable:
        return Store(path)
    if not path.exists():
        raise StoreError(f"no store at {path}; create one with `tidings ingest` or `tidings demo`")
    return Store(path, readonly=True)


def create_app(store: Store | None = None, db_path: str | Path | None = None, token: str | None = None, *,
               extractor: Callable[[], Any] | None = None) -> FastAPI:
    """The tidings web app over ``store`` (or the store at ``db_path``, default ``$TIDINGS_DB``).

    ``token`` (or ``$TIDINGS_TOKEN``) opens ``POST /api/articles`` to requests that carry
    it; without one the app only reads. ``extractor`` returns the object whose
    ``extract_many`` ingests posted articles (default: the process-wide extractor).
    """
    token = token if token is not None else (os.environ.get("TIDINGS_TOKEN") or None)
    if token is not None and not token.strip():
        token = None
    if store is None:
        store = _open_store(db_path, writable=token is not None)
    app = FastAPI(title="tidings", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.tidings = Service(store=store, token=token, extractor=extractor)
    errors.install(app)

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable[[Request], Any]) -> Any:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    from tidings.api import routes_events, routes_records
    from tidings.web import pages

    app.include_router(routes_records.router)
    app.include_router(routes_events.router)
    pages.install(app)
    return app

