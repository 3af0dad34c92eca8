"""The unit of work: one article with its metadata, checked before it reaches the pipeline."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from tidings.errors import InputError
from tidings.language import looks_english

MAX_CHARS = 500_000  # a long report is ~60k characters; beyond this it is a dump, not an article
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Article:
    text: str
    id: str = ""
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str = "en"
    warnings: list[str] = field(default_factory=list)
    source: str | None = None  # where it was read: a file, "file:line", or None
    published_note: str | None = None  # how the date was found when it was not given: "file name"

    def meta(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "url": self.url, "outlet": self.outlet,
                               "published": self.published, "title": self.title,
                               "language": self.language}
        if not self.published:
            out["published_note"] = "absent"
        elif self.published_note:
            out["published_note"] = self.published_note
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


def content_id(text: str) -> str:
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def normalise_date(value: Any, *, source: str | None = None) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from a given value, or None when absent."""
    if value in (None, ""):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    s = str(value).strip()
    if _DATE.match(s):
        return s
    m = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]", s)
    if m:
        return m.group(1)
    try:
        import dateparser  # imported here: it is slow to import and rarely needed

        parsed = dateparser.parse(s, settings={"STRICT_PARSING": True})
    except Exception:  # dateparser raises a zoo of types on junk
        parsed = None
    if parsed is None:
        raise InputError("bad_date", f"cannot read the publication date {s!r}", source=source)
    return parsed.strftime("%Y-%m-%d")


def decode(data: bytes, *, source: str | None = None) -> str:
    """Bytes to text, refusing binary and non-UTF-8 input with a specific reason."""
    if b"\x00" in data[:65536]:
        raise InputError("binary", "looks like a binary file (NUL bytes), not text", source=source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("encoding", f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}; "
                         "convert it with iconv -t UTF-8", source=source) from None
    return text


def check_length(text: str, max_chars: int, *, source: str | None = None) -> None:
    if len(text) > max_chars:
        raise InputError("too_long", f"{len(text):,} characters is over the limit of {max_chars:,}; "
                         "split the input or raise --max-chars", source=source)


def make_article(text: str, *, id: str | None = None, title: str | None = None,
                 published: Any = None, url: str | None = None, outlet: str | None = None,
                 source: str | None = None, max_chars: int | None = None) -> Article:
    """Validate raw text and metadata into an :class:`Article`, or raise :class:`InputError`."""
    where = source or id
    if not isinstance(text, str):
        raise InputError("not_text", f"article text must be a string, got {type(text).__name__}", source=where)
    if not text.strip():
        raise InputError("empty", "the article has no text", source=where)
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise InputError("binary", "looks like binary data (control characters), not text", source=where)
    if max_chars is not None:
        check_length(text, max_chars, source=where)
    if not looks_english(text):
        raise InputError("language", "the text does not look like English; tidings reads English news only",
                         source=where)
    art = Article(text=text, id=str(id) if id else content_id(text), title=title,
                  published=normalise_date(published, source=where), url=url, outlet=outlet, source=source)
    tail = text.rstrip()
    if tail and tail[-1].isalnum() and len(tail) > 200:
        art.warnings.append("truncated: the text ends mid-sentence")
    return art
