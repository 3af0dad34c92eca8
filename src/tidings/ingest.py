"""Readers that turn files, folders and stdin into :class:`Article` items.

Each reader yields either an ``Article`` or an ``InputError`` for an item it could
not read, so that one bad line or file never stops a batch.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from tidings.article import Article, decode, make_article
from tidings.errors import InputError

Item = Article | InputError
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
FIELDS = ("id", "text", "published", "title", "url", "outlet")


def _guard(fn: Any, *args: Any, **kw: Any) -> Item:
    try:
        return fn(*args, **kw)
    except InputError as exc:
        return exc


def from_text(text: str, *, source: str | None = None, **meta: Any) -> Article:
    """A plain-text article: the first non-empty line is its title, and stays part of the text."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), None)
    meta.setdefault("title", first)
    return make_article(text, source=source, **meta)


def from_html(html: str, *, source: str | None = None, **meta: Any) -> Article:
    """The main text and metadata of an HTML page; menus, captions and link lists are dropped."""
    import trafilatura  # heavy import, only for HTML input

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False,
                                      include_links=False, favor_precision=True)
    if doc is None or not (doc.text or "").strip():
        raise InputError("no_main_text", "no article text found in the HTML page", source=source)
    text = doc.text
    title = meta.pop("title", None) or doc.title
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return make_article(text, source=source, title=title,
                        published=meta.pop("published", None) or doc.date,
                        url=meta.pop("url", None) or doc.url,
                        outlet=meta.pop("outlet", None) or doc.sitename or doc.hostname, **meta)


def from_record(obj: Any, *, source: str) -> Article:
    """An article from a JSON or CSV row with the fields id, text, published, title, url, outlet."""
    if not isinstance(obj, dict):
        raise InputError("bad_record", f"expected an object with a 'text' field, got {type(obj).__name__}",
                         source=source)
    if "text" not in obj and "html" not in obj:
        raise InputError("bad_record", "the record has no 'text' field", source=source)
    meta = {k: (obj.get(k) or None) for k in FIELDS if k != "text"}
    if obj.get("html") and not obj.get("text"):
        return from_html(obj["html"], source=source, **meta)
    return make_article(obj["text"], source=source, **meta)


def read_jsonl(lines: Iterable[str], name: str) -> Iterator[Item]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError("bad_json", f"malformed JSON ({exc.msg} at column {exc.colno})", source=where)
            continue
        yield _guard(from_record, obj, source=where)


def read_csv(text: str, name: str, delimiter: str = ",") -> Iterator[Item]:
    csv.field_size_limit(1 << 24)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield InputError("bad_csv", f"no 'text' column in the header (columns: {reader.fieldnames})", source=name)
        return
    try:
        for row in reader:
            yield _guard(from_record, row, source=f"{name}:{reader.line_num}")
    except csv.Error as exc:
        yield InputError("bad_csv", f"unreadable CSV ({exc})", source=f"{name}:{reader.line_num}")


def _file_id(name: str) -> str | None:
    """A file's stem names its article; stdin's content hash does."""
    return None if name.startswith("<") else Path(name).stem


_STEM_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")


def _from_file_name(art: Item, name: str) -> Item:
    """A plain-text article with no date of its own takes one from its file name ("wire-2025-03-14-talks.txt")."""
    if isinstance(art, Article) and not art.published and not name.startswith("<"):
        m = _STEM_DATE.search(Path(name).stem)
        if m:
            try:
                art.published = dt.date.fromisoformat(m.group(1)).isoformat()
                art.published_note = "file name"
            except ValueError:
                pass
    return art


def read_bytes(data: bytes, name: str, suffix: str) -> Iterator[Item]:
    """Articles in one file's content, by its suffix (``.txt``, ``.html``, ``.jsonl``, ``.csv``)."""
    try:
        text = decode(data, source=name)
    except InputError as exc:
        yield exc
        return
    if suffix in JSONL_SUFFIXES:
        if suffix == ".json" and text.lstrip().startswith("["):
            try:
                rows = json.loads(text)
            except json.JSONDecodeError as exc:
                yield InputError("bad_json", f"malformed JSON ({exc.msg} at line {exc.lineno})", source=name)
                return
            for n, obj in enumerate(rows, 1):
                yield _guard(from_record, obj, source=f"{name}[{n}]")
            return
        yield from read_jsonl(text.splitlines(), name)
    elif suffix in CSV_SUFFIXES:
        yield from read_csv(text, name, "\t" if suffix == ".tsv" else ",")
    elif suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        yield _guard(from_html, text, source=name, id=_file_id(name))
    else:
        yield _from_file_name(_guard(from_text, text, source=name, id=_file_id(name)), name)


def read_stream(stream: BinaryIO, name: str = "<stdin>") -> Iterator[Item]:
    """stdin: JSON Lines when the first character is ``{``, an HTML page, else one plain-text article."""
    data = stream.read()
    head = data.lstrip()[:1]
    suffix = ".jsonl" if head == b"{" else ".txt"
    yield from read_bytes(data, name, suffix)


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                yield InputError("empty_folder", "no .txt, .html, .jsonl or .csv files in this folder", source=str(p))
            yield from found
        elif p.is_file():
            yield p
        else:
            yield InputError("not_found", "no such file or folder", source=str(p))


def read_paths(paths: Iterable[str | Path], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every article in the given files and folders; ``-`` reads stdin."""
    for raw in paths:
        if str(raw) == "-":
            yield from read_stream(stdin or sys.stdin.buffer)
            continue
        for p in iter_paths([raw]):
            if isinstance(p, InputError):
                yield p
                continue
            try:
                data = p.read_bytes()
            except OSError as exc:
                yield InputError("unreadable", exc.strerror or str(exc), source=str(p))
                continue
            yield from read_bytes(data, str(p), p.suffix.lower())
