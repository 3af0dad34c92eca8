"""Bar charts laid out in Python, drawn by the templates as SVG: events over time by type, and
cooperation above the axis against conflict below it."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

BUCKETS = ("day", "week", "month", "year")
MAX_PERIODS = 80


@dataclass
class Bar:
    x: float
    y: float
    w: float
    h: float
    cls: str
    title: str
    href: str


@dataclass
class Tick:
    pos: float
    label: str


@dataclass
class Chart:
    width: int
    height: int
    top: float
    bottom: float
    left: float
    bars: list[Bar] = field(default_factory=list)
    xticks: list[Tick] = field(default_factory=list)
    yticks: list[Tick] = field(default_factory=list)
    baseline: float = 0.0

    @property
    def empty(self) -> bool:
        return not self.bars


def _week_start(label: str) -> dt.date:
    return dt.date.fromisoformat(label)  # a week is named by its Monday


def period_range(period: str, bucket: str) -> tuple[str, str]:
    """The first and last day of a period, as the ``since``/``until`` of the events it holds."""
    if bucket == "week":
        start = _week_start(period)
        return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()
    return period, period


def _next(period: str, bucket: str) -> str:
    if bucket == "year":
        return f"{int(period) + 1:04d}"
    if bucket == "month":
        y, m = (int(x) for x in period.split("-"))
        return f"{y + m // 12:04d}-{m % 12 + 1:02d}"
    if bucket == "week":
        return (_week_start(period) + dt.timedelta(days=7)).isoformat()
    return (dt.date.fromisoformat(period) + dt.timedelta(days=1)).isoformat()


def periods(first: str, last: str, bucket: str, *, most: int = 10_000) -> list[str]:
    """Every period from ``first`` to ``last``, gaps included (at most ``most``)."""
    out = [first]
    while out[-1] < last and len(out) < most:
        out.append(_next(out[-1], bucket))
    return out


def _day(value: str) -> dt.date:
    """The first day a partial ISO date names."""
    parts = [int(x) for x in value[:10].split("-")]
    return dt.date(*(parts + [1] * (3 - len(parts))))


def span_days(first: str, last: str) -> int:
    """Days from the first day of ``first`` to the first day of ``last`` (partial dates allowed)."""
    return (_day(last) - _day(first)).days


def pick_bucket(first: str | None, last: str | None) -> str:
    """The finest bucket that shows the span from ``first`` to ``last`` in at most MAX_PERIODS bars."""
    if not first or not last or len(first) < 10 or len(last) < 10:
        return "month" if first and last and len(first) >= 7 and len(last) >= 7 else "year"
    days = (dt.date.fromisoformat(last[:10]) - dt.date.fromisoformat(first[:10])).days + 1
    for bucket, size in (("day", 1), ("week", 7), ("month", 30.5)):
        if days / size <= MAX_PERIODS:
            return bucket
    return "year"


def _nice(n: int) -> int:
    """A round tick step for an axis that runs to ``n``: about five ticks."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if n <= step * 5:
            return step
    return int(10 ** len(str(n)))


def _frame(width: int, height: int) -> Chart:
    return Chart(width=width, height=height, top=12, bottom=height - 28, left=44)


def _x_ticks(chart: Chart, labels: list[str], slot: float) -> None:
    every = max(1, -(-len(labels) * 70 // int(chart.width - chart.left)))
    chart.xticks = [Tick(chart.left + i * slot + slot / 2, lab) for i, lab in enumerate(labels) if i % every == 0]


def _bar_w(slot: float) -> float:
    return min(slot * 0.8, 56.0)


def _bar_x(chart: Chart, i: int, slot: float) -> float:
    return chart.left + i * slot + (slot - _bar_w(slot)) / 2


def _link(base: dict[str, str], period: str, bucket: str, **more: str) -> str:
    since, until = period_range(period, bucket)
    return "/events?" + urlencode({**base, "since": since, "until": until, **more})


def stacked(counts: Iterable[dict[str, Any]], bucket: str, type_order: list[str], *,
            filters: dict[str, str] | None = None, width: int = 920, height: int = 300) -> Chart:
    """Events per period stacked by type (in ``type_order``, bottom up); each segment links to its events."""
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in counts:
        if c["period"]:
            per[c["period"]][c["type"]] += c["n"]
    chart = _frame(width, height)
    if not per:
        return chart
    labels = periods(min(per), max(per), bucket)
    top = max(sum(v.values()) for v in per.values())
    step = _nice(top)
    ymax = max(step, -(-top // step) * step)
    scale = (chart.bottom - chart.top) / ymax
    slot = (width - chart.left) / len(labels)
    chart.yticks = [Tick(chart.bottom - v * scale, str(v)) for v in range(0, ymax + 1, step)]
    _x_ticks(chart, labels, slot)
    base = filters or {}
    for i, period in enumerate(labels):
        y = chart.bottom
        for t in type_order:
            n = per.get(period, {}).get(t, 0)
            if not n:
                continue
            h = n * scale
            y -= h
            chart.bars.append(Bar(_bar_x(chart, i, slot), y, _bar_w(slot), h, f"t-{t}",
                                  f"{period}: {n} {t}", _link(base, period, bucket, type=t)))
    chart.baseline = chart.bottom
    return chart


@dataclass
class Series:
    """One side of a diverging chart: rows whose ``key`` equals ``value``, drawn with ``cls``."""

    value: str
    cls: str
    link: dict[str, str]


COOPERATION = Series("cooperation", "q-cooperation", {"quad": "cooperation"})
CONFLICT = Series("conflict", "q-conflict", {"quad": "conflict"})


def diverging(counts: Iterable[dict[str, Any]], bucket: str, *, key: str = "quad", up: Series = COOPERATION,
              down: Series = CONFLICT, filters: dict[str, str] | None = None, width: int = 920,
              height: int = 240) -> Chart:
    """Two series per period: ``up`` above the axis (cooperation by default), ``down`` below it (conflict)."""
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in counts:
        if c["period"]:
            per[c["period"]][c[key]] += c["n"]
    chart = _frame(width, height)
    if not per:
        return chart
    labels = periods(min(per), max(per), bucket)
    top = max(max(v.get(up.value, 0), v.get(down.value, 0)) for v in per.values())
    step = _nice(top)
    ymax = max(step, -(-top // step) * step)
    mid = (chart.top + chart.bottom) / 2
    scale = (mid - chart.top) / ymax
    slot = (width - chart.left) / len(labels)
    chart.baseline = mid
    chart.yticks = [Tick(mid - v * scale, str(v)) for v in range(0, ymax + 1, step)]
    chart.yticks += [Tick(mid + v * scale, str(v)) for v in range(step, ymax + 1, step)]
    _x_ticks(chart, labels, slot)
    base = filters or {}
    for i, period in enumerate(labels):
        x = _bar_x(chart, i, slot)
        hi, lo = per.get(period, {}).get(up.value, 0), per.get(period, {}).get(down.value, 0)
        if hi:
            chart.bars.append(Bar(x, mid - hi * scale, _bar_w(slot), hi * scale, up.cls,
                                  f"{period}: {hi} {up.value.replace('_', ' ')}", _link(base, period, bucket, **up.link)))
        if lo:
            chart.bars.append(Bar(x, mid, _bar_w(slot), lo * scale, down.cls,
                                  f"{period}: {lo} {down.value.replace('_', ' ')}",
                                  _link(base, period, bucket, **down.link)))
    return chart
