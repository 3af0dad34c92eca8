"""The engine-agnostic unit of scale: article dicts in, plain rows out, one pipeline per worker."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from tidings.extract import Extractor

_worker: Extractor | None = None

ROW_FIELDS = ("id", "status", "reason", "message", "record")


def worker_extractor() -> Extractor:
    """This process's extractor, built on first use and kept for every later batch."""
    global _worker
    if _worker is None:
        _worker = Extractor()
    return _worker


def extract_rows(articles: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per input article: ``id``, ``status`` (ok|skipped), ``reason``, ``message`` and
    ``record`` (the tidings/1 record as a JSON string, or None when skipped)."""
    for res in worker_extractor().extract_many(dict(a) for a in articles):
        yield {"id": res.article_id or res.source, "status": res.status, "reason": res.reason,
               "message": res.message,
               "record": json.dumps(res.record, ensure_ascii=False) if res.record else None}
