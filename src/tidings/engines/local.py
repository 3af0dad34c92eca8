"""Extraction in worker processes on one machine (``tidings ingest --jobs N``)."""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator

from tidings.article import MAX_CHARS, Article
from tidings.errors import InputError
from tidings.extract import Result


def _work(arts: list[Article], max_chars: int) -> list[Result]:
    from tidings.engines.batch import worker_extractor

    extractor = worker_extractor()
    extractor.max_chars = max_chars
    return list(extractor.extract_many(arts))


def _chunks(items: Iterable[Article | InputError], size: int) -> Iterator[list[Article] | InputError]:
    chunk: list[Article] = []
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_parallel(items: Iterable[Article | InputError], jobs: int, chunk: int = 8,
                     max_chars: int = MAX_CHARS) -> Iterator[Result]:
    """Results in input order from ``jobs`` worker processes, each loading the pipeline once.

    Unreadable inputs are turned into skipped results here, never sent to a worker.
    """
    ctx = mp.get_context("spawn")  # a fresh interpreter per worker: no forked model state
    with ctx.Pool(jobs) as pool:
        pending = []
        for part in _chunks(items, chunk):
            if isinstance(part, InputError):
                pending.append([Result.skipped(part)])
            else:
                pending.append(pool.apply_async(_work, (part, max_chars)))
            while pending and (isinstance(pending[0], list) or pending[0].ready()):
                done = pending.pop(0)
                yield from done if isinstance(done, list) else done.get()
            if len(pending) > jobs * 4:  # bound memory: wait for the oldest
                done = pending.pop(0)
                yield from done if isinstance(done, list) else done.get()
        for done in pending:
            yield from done if isinstance(done, list) else done.get()
