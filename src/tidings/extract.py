"""The public core: ``extract`` one article, ``extract_many`` a stream, through one reusable ``Extractor``."""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from tidings.article import MAX_CHARS, Article, check_length, make_article
from tidings.errors import InputError, PipelineError
from tidings.record import build_record
from tidings.version import __version__

log = logging.getLogger("tidings")


@dataclass
class Result:
    """One input's outcome: ``status`` is ``ok`` with a ``record``, or ``skipped`` with a ``reason``."""

    status: str
    record: dict[str, Any] | None = None
    reason: str | None = None
    message: str | None = None
    source: str | None = None
    article_id: str | None = None

    @classmethod
    def skipped(cls, exc: InputError | PipelineError) -> "Result":
        return cls("skipped", reason=getattr(exc, "reason", "pipeline"), message=exc.message,
                   source=exc.source, article_id=exc.article_id)


class Extractor:
    """A loaded pipeline, reused across articles. ``config`` has the shape of ``data/pipeline.toml``;
    articles longer than ``max_chars`` are refused (reason ``too_long``)."""

    def __init__(self, config: dict[str, Any] | None = None, *, nlp: Language | None = None,
                 max_chars: int = MAX_CHARS) -> None:
        self.max_chars = max_chars
        if nlp is None:
            from tidings.pipeline import build_pipeline

            nlp = build_pipeline(config)
        self.nlp = nlp
        self.provenance = {"tidings": __version__, "model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
                           "config": _config_hash(nlp)}

    def remember(self, people: Iterable[dict[str, Any]]) -> None:
        """Teach the actor resolver people learned from earlier articles (rows of the store's ``people``)."""
        kb = self.nlp.get_pipe("actors").kb
        for p in people:
            kb.learn(p["name"], p.get("code"), p.get("sector"), p.get("role"), p.get("gender"))

    def extract(self, text: str | Article, **meta: Any) -> dict[str, Any]:
        """The ``tidings/1`` record of one article; raises :class:`InputError` on bad input."""
        art = text if isinstance(text, Article) else make_article(text, **meta)
        check_length(art.text, self.max_chars, source=art.source or art.id)
        return self._record(self.nlp(self._doc(art)))

    def _record(self, doc: Any) -> dict[str, Any]:
        record = build_record(doc)
        record["provenance"] = dict(self.provenance)
        return record

    def _doc(self, art: Article) -> Any:
        doc = self.nlp.make_doc(art.text)
        doc._.article = art
        return doc

    def extract_many(self, items: Iterable[Article | InputError | dict[str, Any] | str], *,
                     batch_size: int = 16) -> Iterator[Result]:
        """Records for a stream of articles (or raw dicts/strings), in input order.

        Inputs that cannot be read come out as ``Result(status="skipped")`` with their reason.
        """
        pending: list[Article] = []
        for item in items:
            if isinstance(item, InputError):
                yield from self._flush(pending, batch_size)
                pending = []
                yield Result.skipped(item)
                continue
            try:
                art = _as_article(item)
                check_length(art.text, self.max_chars, source=art.source or art.id)
            except InputError as exc:
                yield from self._flush(pending, batch_size)
                pending = []
                yield Result.skipped(exc)
                continue
            pending.append(art)
            if len(pending) >= batch_size:
                yield from self._flush(pending, batch_size)
                pending = []
        yield from self._flush(pending, batch_size)

    def _flush(self, arts: list[Article], batch_size: int) -> Iterator[Result]:
        if not arts:
            return
        docs = self.nlp.pipe((self._doc(a) for a in arts), batch_size=batch_size)
        for art in arts:
            try:
                doc = next(docs)
            except Exception as exc:  # a component bug must not sink the batch
                log.exception("pipeline failed on %s", art.id)
                yield Result.skipped(PipelineError(f"pipeline failed: {exc}", article_id=art.id))
                docs = self.nlp.pipe((self._doc(a) for a in arts[arts.index(art) + 1:]), batch_size=batch_size)
                continue
            yield Result("ok", record=self._record(doc), source=art.source, article_id=art.id)


def _config_hash(nlp: Language) -> str:
    """A short hash of the pipeline's components and settings, so records say what made them."""
    cfg = json.dumps({"pipeline": nlp.pipe_names, "components": {
        n: {k: str(v) for k, v in nlp.get_pipe_config(n).items()} for n in nlp.pipe_names}}, sort_keys=True)
    return hashlib.sha1(cfg.encode()).hexdigest()[:12]


def _as_article(item: Article | dict[str, Any] | str) -> Article:
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return make_article(item)
    if isinstance(item, dict):
        from tidings.ingest import from_record

        return from_record(item, source=str(item.get("id") or "<record>"))
    raise InputError("not_text", f"cannot extract from a {type(item).__name__}")


_default: Extractor | None = None


def default_extractor() -> Extractor:
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract(text: str, **meta: Any) -> dict[str, Any]:
    """The ``tidings/1`` record of one article. ``meta``: id, title, published, url, outlet."""
    return default_extractor().extract(text, **meta)


def extract_many(items: Iterable[Article | dict[str, Any] | str], **kw: Any) -> Iterator[Result]:
    """Results for many articles with one shared pipeline; see :meth:`Extractor.extract_many`."""
    return default_extractor().extract_many(items, **kw)
