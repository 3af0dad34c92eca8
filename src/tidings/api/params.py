"""Query parameters shared by the routes, each checked with a message that says what is accepted."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from tidings.api.errors import bad_parameter
from tidings.api.vocab import COOPERATION, CONFLICT, event_types, vocab

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def page(limit: Annotated[int, Query(description=f"Rows per page, 1 to {MAX_LIMIT}.")] = DEFAULT_LIMIT,
         offset: Annotated[int, Query(description="Rows to skip, for the next pages.")] = 0) -> Page:
    """The ``limit`` and ``offset`` of a listing; a ``limit`` over the cap is refused, not silently cut."""
    if not 1 <= limit <= MAX_LIMIT:
        raise bad_parameter("limit", f"limit must be between 1 and {MAX_LIMIT} (got {limit})")
    if offset < 0:
        raise bad_parameter("offset", f"offset must be 0 or more (got {offset})")
    return Page(limit, offset)


def iso_date(name: str, value: str | None) -> str | None:
    """A checked ISO date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None when absent."""
    if value is None or value == "":
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise bad_parameter(name, f"{name} must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD (got {value!r})")
    year, month, day = (int(g) if g else 1 for g in m.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        raise bad_parameter(name, f"{name}: {value!r} is not a real date") from None
    return m.group(0)


def date_upper(until: str | None) -> str | None:
    """The exclusive upper bound matching an inclusive ``until``: 2024-10 -> 2024-11, 2024-12-31 -> 2025-01-01."""
    if until is None:
        return None
    parts = [int(p) for p in until.split("-")]
    if len(parts) == 1:
        return f"{parts[0] + 1:04d}"
    if len(parts) == 2:
        y, m = parts
        return f"{y + m // 12:04d}-{m % 12 + 1:02d}"
    nxt = dt.date(*parts) + dt.timedelta(days=1)
    return nxt.isoformat()


def codes(name: str, value: str | None) -> list[str]:
    """Actor codes, comma-separated (``PRK`` or ``PRK,RUS``): ISO alpha-3, IGO acronyms, ``WEST``."""
    if not value:
        return []
    out = []
    for raw in value.split(","):
        c = raw.strip().upper()
        if not _CODE.match(c):
            raise bad_parameter(name, f"{name}: {raw.strip()!r} is not an actor code (like PRK, NATO, WEST)")
        out.append(c)
    return out


def choices(name: str, value: str | None, allowed: tuple[str, ...], *, upper: bool = False) -> list[str]:
    """Comma-separated values, each one of ``allowed``."""
    if not value:
        return []
    out = []
    for raw in value.split(","):
        v = raw.strip().upper() if upper else raw.strip().lower()
        if v not in allowed:
            raise bad_parameter(name, f"{name}: {raw.strip()!r} is not one of {', '.join(allowed)}")
        out.append(v)
    return out


def event_type_list(value: str | None) -> list[str]:
    return choices("type", value, event_types(), upper=True)


def factuality_list(value: str | None) -> list[str]:
    return choices("factuality", value, vocab()["factuality"])


def quad_value(value: str | None) -> str | None:
    found = choices("quad", value, (COOPERATION, CONFLICT))
    if len(found) > 1:
        raise bad_parameter("quad", "quad takes one value: cooperation or conflict")
    return found[0] if found else None


def text_query(name: str, value: str | None, *, longest: int = 200) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > longest:
        raise bad_parameter(name, f"{name} is limited to {longest} characters")
    return value.strip()


EVENT_ORDERS = ("date", "-date", "type", "-type", "confidence", "-confidence", "article", "-article")


def order_value(value: str | None, allowed: tuple[str, ...] = EVENT_ORDERS) -> str:
    if not value:
        return allowed[1]
    if value not in allowed:
        raise bad_parameter("order", f"order must be one of {', '.join(allowed)} (got {value!r})")
    return value
