"""The article reader's text: escaped, with actors, event triggers and quotes marked and linked to their records.

Quotes are the outer layer; mentions and triggers sit inside them. Marks that
would cross another mark are left out (the record still lists them), so the
markup always nests. Every piece of article text goes through ``escape``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape


@dataclass
class Mark:
    start: int
    end: int
    kind: str  # quote | actor | trigger
    refs: list[str]
    cls: str
    title: str
    href: str | None = None
    inner: list["Mark"] = field(default_factory=list)


def _marks(record: dict[str, Any], n: int) -> tuple[list[Mark], list[Mark]]:
    actors = {a["id"]: a for a in record.get("actors", [])}
    quotes = []
    for qu in record.get("quotes", []):
        s, e = qu.get("start"), qu.get("end")
        if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n:
            who = (actors.get(qu.get("speaker")) or {}).get("name") or qu.get("speaker_text") or "unknown speaker"
            quotes.append(Mark(s, e, "quote", [qu["id"]], f"hl-quote q-{qu.get('kind') or 'direct'}",
                               f"{qu['id']}: {qu.get('kind') or ''} quote by {who}"))
    inner: dict[tuple[int, int], Mark] = {}
    for ev in record.get("events", []):
        trig = (ev.get("evidence") or {}).get("trigger") or []
        if len(trig) == 2 and isinstance(trig[0], int) and isinstance(trig[1], int) and 0 <= trig[0] < trig[1] <= n:
            codes = ",".join(a.get("code") or "?" for a in ev.get("actor", []))
            rec = ",".join(a.get("code") or "?" for a in ev.get("recipient", []))
            label = f"{ev['id']}: {ev['type']} {codes}" + (f" → {rec}" if rec else "") + f" ({ev.get('factuality')})"
            key = (trig[0], trig[1])
            if key in inner:
                inner[key].refs.append(ev["id"])
                inner[key].title += "; " + label
            else:
                inner[key] = Mark(key[0], key[1], "trigger", [ev["id"]], f"hl-trigger t-{ev['type']}", label,
                                  f"#{ev['id']}")
    for a in record.get("actors", []):
        for span in a.get("mentions", []):
            if len(span) == 2 and 0 <= span[0] < span[1] <= n and tuple(span) not in inner:
                inner[(span[0], span[1])] = Mark(span[0], span[1], "actor", [a["id"]], f"hl-actor k-{a.get('kind')}",
                                                 f"{a['id']}: {a['name']} ({a.get('code') or 'no code'})",
                                                 f"#{a['id']}")
    return _non_overlapping(quotes), _non_overlapping(list(inner.values()))


def _non_overlapping(marks: list[Mark]) -> list[Mark]:
    """Marks in text order, dropping any that overlaps one kept before it (the longer of two wins a tie)."""
    kept: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def _nest(outer: list[Mark], inner: list[Mark]) -> list[Mark]:
    """Put each inner mark inside the quote that holds it; drop those that straddle a quote's edge."""
    top: list[Mark] = []
    i = 0
    for m in inner:
        while i < len(outer) and outer[i].end <= m.start:
            top.append(outer[i])
            i += 1
        if i < len(outer) and outer[i].start <= m.start and m.end <= outer[i].end:
            outer[i].inner.append(m)
        elif i < len(outer) and m.end > outer[i].start:
            continue  # crosses a quote boundary
        else:
            top.append(m)
    top.extend(outer[i:])
    return sorted(top, key=lambda m: m.start)


def _open(m: Mark, seen: set[str]) -> str:
    ids = [r for r in m.refs if r not in seen]
    seen.update(ids)
    anchors = "".join(f'<span class="anchor" id="at-{escape(r)}"></span>' for r in ids[1:])
    first = f' id="at-{escape(ids[0])}"' if ids else ""
    attrs = f'class="hl {escape(m.cls)}"{first} title="{escape(m.title)}" data-refs="{escape(" ".join(m.refs))}"'
    if m.href:
        return f'{anchors}<a {attrs} href="{escape(m.href)}">'
    return f"{anchors}<span {attrs}>"


def _render(text: str, marks: list[Mark], start: int, end: int, seen: set[str]) -> list[str]:
    out: list[str] = []
    pos = start
    for m in marks:
        out.append(str(escape(text[pos:m.start])))
        out.append(_open(m, seen))
        out.extend(_render(text, m.inner, m.start, m.end, seen))
        if m.kind == "quote":
            out.append(f'</span><a class="ref" href="#{escape(m.refs[0])}">{escape(m.refs[0])}</a>')
        else:
            out.append("</a>" if m.href else "</span>")
        pos = m.end
    out.append(str(escape(text[pos:end])))
    return out


def highlight(text: str, record: dict[str, Any]) -> Markup:
    """The article text as HTML with its records marked, each mark linking to its record's ``#id``."""
    outer, inner = _marks(record, len(text))
    return Markup("".join(_render(text, _nest(outer, inner), 0, len(text), set())))
