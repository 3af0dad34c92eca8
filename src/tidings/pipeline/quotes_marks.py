"""Quotation marks in raw text, paired into quoted spans whatever the typography.

Curly and straight double marks, guillemets, and single marks (outside a double
quote). A quote left open at the end of a paragraph continues when the next
paragraph opens with a mark (the convention for a quote over several paragraphs),
and otherwise ends with its paragraph; a closing mark with no opening one quotes
from the start of its paragraph. Nothing here raises on unbalanced marks.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

DOUBLE = re.compile(r"[\"“”„‟«»]")
SINGLE = re.compile(r"['‘’‚]")
OPENERS = "“„‟«"
CLOSERS = "”»"
SINGLE_OPENERS = "‘‚"
BEFORE_OPEN = " \t\n([{—–-/:"  # what may stand before an opening mark
AFTER_CLOSE = " \t\n.,;:!?)]}—–-…"  # what may follow a closing mark


@dataclass
class Marked:
    """Quoted content ``start:end``; ``open``/``close`` are the marks' offsets, -1 when missing."""

    start: int
    end: int
    open: int
    close: int
    style: str  # double | single
    paragraphs: int = 1


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"\n", text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _context(text: str, pos: int, lo: int, hi: int) -> tuple[bool, bool]:
    """Whether the mark at ``pos`` reads as an opening one, and as a closing one, by its neighbours."""
    prev = text[pos - 1] if pos > lo else " "
    nxt = text[pos + 1] if pos + 1 < hi else " "
    opening = prev in BEFORE_OPEN or prev in OPENERS + SINGLE_OPENERS
    closing = nxt in AFTER_CLOSE or nxt in CLOSERS + "’'\""
    return opening and not nxt.isspace(), closing and not prev.isspace()


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _keep(text: str, start: int, end: int) -> bool:
    return any(c.isalnum() for c in text[start:end])


def _double_kind(text: str, pos: int, lo: int, hi: int, is_open: bool) -> str:
    ch = text[pos]
    opening, closing = _context(text, pos, lo, hi)
    if ch in OPENERS:
        return "close" if is_open and closing and not opening else "open"
    if ch in CLOSERS:
        return "open" if not is_open and opening and not closing else "close"
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return "close" if is_open else "open"


def _next_opens(text: str, lo: int, hi: int) -> int:
    """Offset of the opening mark that starts the paragraph ``lo:hi``, or -1."""
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    if i < hi and (text[i] in OPENERS or text[i] == '"'):
        return i
    return -1


def find_quotes(text: str) -> list[Marked]:
    """Every quoted span of ``text``, in order."""
    out: list[Marked] = []
    paras = list(paragraphs(text))
    carried: Marked | None = None  # a double quote still open from an earlier paragraph
    for n, (lo, hi) in enumerate(paras):
        skip = -1
        open_at = -1
        last_end = lo
        if carried is not None:
            skip = _next_opens(text, lo, hi)
            open_at = carried.open
        for m in DOUBLE.finditer(text, lo, hi):
            pos = m.start()
            if pos == skip:
                continue
            kind = _double_kind(text, pos, lo, hi, open_at >= 0)
            if kind == "open":
                if open_at >= 0:  # a new quote opens while one is open: the first never closed
                    out.append(_make(text, carried, open_at, pos, -1))
                    carried = None
                open_at = pos
            elif open_at >= 0:
                out.append(_make(text, carried, open_at, pos, pos))
                carried = None
                open_at = -1
                last_end = pos + 1
            elif _keep(text, last_end, pos):  # a closing mark with no opening one
                s, e = _stripped(text, last_end, pos)
                out.append(Marked(s, e, -1, pos, "double"))
                last_end = pos + 1
        if open_at >= 0:
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            if nxt is not None and _next_opens(text, *nxt) >= 0:
                if carried is None:
                    carried = Marked(open_at + 1, hi, open_at, -1, "double")
                carried.paragraphs += 1
                continue
            out.append(_make(text, carried, open_at, hi, -1))
            carried = None
        out.extend(_singles(text, lo, hi, out))
    out.sort(key=lambda q: q.start)
    return [q for q in out if q.end > q.start and _keep(text, q.start, q.end)]


def _make(text: str, carried: Marked | None, open_at: int, end: int, close: int) -> Marked:
    s, e = _stripped(text, open_at + 1, end)
    paras = carried.paragraphs if carried is not None else 1
    return Marked(s, e, open_at, close, "double", paras)


def _singles(text: str, lo: int, hi: int, doubles: list[Marked]) -> list[Marked]:
    """Single-quoted spans of one paragraph that lie outside its double quotes."""
    inside = [(q.open if q.open >= 0 else q.start, (q.close if q.close >= 0 else q.end) + 1)
              for q in doubles if q.start < hi and q.end > lo]
    out: list[Marked] = []
    open_at = -1
    for m in SINGLE.finditer(text, lo, hi):
        pos = m.start()
        if any(a <= pos < b for a, b in inside):
            continue
        ch = text[pos]
        prev = text[pos - 1] if pos > lo else " "
        nxt = text[pos + 1] if pos + 1 < hi else " "
        if open_at < 0:
            if (ch in SINGLE_OPENERS or ch == "'") and prev in BEFORE_OPEN and nxt.isalnum() \
                    and not _elision(text, pos + 1, hi):
                open_at = pos
        elif ch in "’'" and not prev.isspace() and not nxt.isalnum():
            s, e = _stripped(text, open_at + 1, pos)
            out.append(Marked(s, e, open_at, pos, "single"))
            open_at = -1
    return out


def _elision(text: str, pos: int, hi: int) -> bool:
    """An apostrophe that drops letters, not a quotation mark: 'em, '90s, 'n'."""
    word = re.match(r"\w+", text[pos:hi])
    return bool(word) and (word.group().lower() in {"em", "n", "tis", "twas", "cause", "til"}
                           or word.group().isdigit())
