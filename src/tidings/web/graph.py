"""Graph drawings laid out in Python for the templates' SVG: the actor network and the alliance graph.

The layout is force-directed (Fruchterman and Reingold's spring model), started
from a circle in a fixed order, so the same data always gives the same picture.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


GRAVITY = 2.0


@dataclass
class Node:
    id: str
    x: float
    y: float
    r: float
    label: str
    title: str
    href: str
    weight: float = 0.0


@dataclass
class Edge:
    path: str  # SVG path data: a quadratic curve between the two nodes
    cls: str
    width: float
    title: str
    href: str
    arrow: bool = False


@dataclass
class Drawing:
    width: int
    height: int
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.nodes


def force_layout(ids: Sequence[str], links: Iterable[tuple[str, str, float]], *, width: float, height: float,
                 iterations: int = 120) -> dict[str, tuple[float, float]]:
    """Positions inside ``width`` x ``height`` for ``ids``, pulled together along weighted ``links``."""
    n = len(ids)
    if n == 0:
        return {}
    if n == 1:
        return {ids[0]: (width / 2, height / 2)}
    index = {v: i for i, v in enumerate(ids)}
    pos = [[math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)] for i in range(n)]
    springs = [(index[a], index[b], 1 + math.log1p(w)) for a, b, w in links if a in index and b in index and a != b]
    k = math.sqrt(4.0 / n)
    temp = 0.2
    for _ in range(iterations):
        disp = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            xi, yi = pos[i]
            for j in range(i + 1, n):
                dx, dy = xi - pos[j][0], yi - pos[j][1]
                d2 = dx * dx + dy * dy or 1e-9
                f = k * k / d2
                disp[i][0] += dx * f
                disp[i][1] += dy * f
                disp[j][0] -= dx * f
                disp[j][1] -= dy * f
        for a, b, w in springs:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.sqrt(dx * dx + dy * dy) or 1e-9
            f = d * w / k
            disp[a][0] -= dx * f
            disp[a][1] -= dy * f
            disp[b][0] += dx * f
            disp[b][1] += dy * f
        for i in range(n):
            # gravity towards the centre keeps unconnected parts of the graph close
            dx, dy = disp[i][0] - pos[i][0] * GRAVITY, disp[i][1] - pos[i][1] * GRAVITY
            d = math.sqrt(dx * dx + dy * dy) or 1e-9
            step = min(d, temp)
            pos[i][0] += dx / d * step
            pos[i][1] += dy / d * step
        temp = max(temp * 0.96, 0.005)
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    margin = 60
    # one scale for both axes, so that the drawing keeps the layout's proportions
    scale = min((width - 2 * margin) / ((max(xs) - min(xs)) or 1), (height - 2 * margin) / ((max(ys) - min(ys)) or 1))
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {v: (width / 2 + (pos[i][0] - cx) * scale, height / 2 + (pos[i][1] - cy) * scale)
            for v, i in index.items()}


def curve(a: tuple[float, float], b: tuple[float, float], bend: float, ra: float = 0, rb: float = 0) -> str:
    """A quadratic curve from ``a`` to ``b`` bowed sideways by ``bend`` pixels, cut back by the node radii."""
    (x1, y1), (x2, y2) = a, b
    dx, dy = x2 - x1, y2 - y1
    d = math.hypot(dx, dy) or 1
    ux, uy = dx / d, dy / d
    x1, y1, x2, y2 = x1 + ux * ra, y1 + uy * ra, x2 - ux * (rb + 4), y2 - uy * (rb + 4)
    cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
    return f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"


def _radius(weight: float, top: float) -> float:
    return 8 + 16 * math.sqrt(weight / top) if top else 8


def network(dyads: Iterable[dict[str, Any]], names: dict[str, str], *, width: int = 920, height: int = 620,
            most: int = 40, filters: dict[str, str] | None = None) -> Drawing:
    """Actors (codes) as nodes, sized by their events; one curve per pair and class, cooperation bowed one way
    and conflict the other, each linking to the events between the pair."""
    from urllib.parse import urlencode

    pairs: dict[tuple[str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    weight: dict[str, float] = defaultdict(float)
    for d in dyads:
        a, b = sorted((d["source"], d["target"]))
        way = "mutual" if not d["directed"] else ("forward" if (d["source"], d["target"]) == (a, b) else "back")
        pairs[(a, b, d["quad"])][way] += d["n"]
        weight[a] += d["n"]
        weight[b] += d["n"]
    keep = sorted(weight, key=lambda c: (-weight[c], c))[:most]
    kept = set(keep)
    totals = {(a, b, q): sum(ways.values()) for (a, b, q), ways in pairs.items() if a in kept and b in kept}
    pos = force_layout(keep, ((a, b, n) for (a, b, _), n in totals.items()), width=width, height=height)
    top = max(weight.values(), default=0)
    drawing = Drawing(width, height)
    for c in keep:
        x, y = pos[c]
        drawing.nodes.append(Node(c, x, y, _radius(weight[c], top), c, f"{names.get(c, c)}: {weight[c]:g} events",
                                  f"/actors/{c}", weight[c]))
    radius = {nd.id: nd.r for nd in drawing.nodes}
    widest = max(totals.values(), default=1)
    base = filters or {}
    for (a, b, q), n in sorted(totals.items()):
        ways = pairs[(a, b, q)]
        src, dst = (b, a) if set(ways) == {"back"} else (a, b)
        arrow = len(ways) == 1 and "mutual" not in ways
        bend = 18 if q == "cooperation" else -18
        if (src, dst) != (a, b):
            bend = -bend  # the same side of the pair's line whichever way the curve runs
        parts = [f"{a}→{b}: {ways['forward']}" if ways.get("forward") else "",
                 f"{b}→{a}: {ways['back']}" if ways.get("back") else "",
                 f"{a}–{b} together: {ways['mutual']}" if ways.get("mutual") else ""]
        drawing.edges.append(Edge(curve(pos[src], pos[dst], bend, radius[src], radius[dst]), f"q-{q}",
                                  1 + 5 * n / widest, f"{q}, {n} events ({'; '.join(p for p in parts if p)})",
                                  "/events?" + urlencode({**base, "party": f"{a},{b}", "quad": q}), arrow))
    return drawing


OBLIGATION_BEND = {"defense": 14, "offense": 26, "neutrality": -14, "nonaggression": -26, "consultation": 38}


def alliances(obligations: Iterable[dict[str, Any]], names: dict[str, str], *, width: int = 920,
              height: int = 560, most: int = 60) -> Drawing:
    """States as nodes (the ``most`` most bound), each obligation an arrow from obligor to beneficiary,
    coloured by its type; rows need ``obligor``, ``beneficiary``, ``type``, ``treaty`` and ``link``."""
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    weight: dict[str, float] = defaultdict(float)
    for o in obligations:
        edges[(o["obligor"], o["beneficiary"], o["type"])].append(o)
        weight[o["obligor"]] += 1
        weight[o["beneficiary"]] += 1
    ids = sorted(weight, key=lambda c: (-weight[c], c))[:most]
    kept = set(ids)
    edges = {k: v for k, v in edges.items() if k[0] in kept and k[1] in kept}
    pos = force_layout(ids, ((a, b, len(v)) for (a, b, _), v in edges.items()), width=width, height=height,
                       iterations=120 if len(ids) <= 30 else 60)
    top = max(weight.values(), default=0)
    drawing = Drawing(width, height)
    for c in ids:
        x, y = pos[c]
        drawing.nodes.append(Node(c, x, y, _radius(weight[c], top), c, names.get(c, c), f"/actors/{c}", weight[c]))
    radius = {nd.id: nd.r for nd in drawing.nodes}
    for (a, b, kind), rows in sorted(edges.items()):
        if a == b:
            continue
        treaties = "; ".join(sorted({r.get("treaty") or "an unnamed treaty" for r in rows}))
        drawing.edges.append(Edge(curve(pos[a], pos[b], OBLIGATION_BEND.get(kind, 10), radius[a], radius[b]),
                                  f"o-{kind}", 2.5, f"{a} must give {b} {kind} ({treaties})",
                                  rows[0]["link"], arrow=True))
    return drawing
