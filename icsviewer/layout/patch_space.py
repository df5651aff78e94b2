"""Rectangles and "what is near here" for patching a layout (`incremental.update_layout`).

A patch touches a few boxes in a chart of up to 10,000, so its overlap tests must not visit
the whole chart: `LocalIndex` files only the rectangles inside a window around the change in
a grid (one quick pass over the chart), answers queries inside the window from the grid and
any other query by a plain scan (rare, but never wrong). `candidates` lists the spots a new
box may take next to an anchor, nearest first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from icsviewer.layout.geometry import BoxLayout, FrameLayout

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1
# Slack for "this box lies inside that frame" (coordinates come from JSON and Graphviz).
EPS = 0.5
# Space between a new box and the box it is placed next to, and the first search step.
GAP = 24.0
# How far out the search for a free spot goes, in steps of GAP (about 30 boxes' height).
MAX_RINGS = 30
# Sideways shifts tried at each distance, in steps of GAP either side.
MAX_SHIFTS = 12


def rect(item: BoxLayout | FrameLayout) -> Rect:
    return (item.x, item.y, item.x + item.width, item.y + item.height)


def union(rects: Iterable[Rect]) -> Rect:
    rects = list(rects)
    return (min(r[0] for r in rects), min(r[1] for r in rects),
            max(r[2] for r in rects), max(r[3] for r in rects))


def inflate(r: Rect, by: float) -> Rect:
    return (r[0] - by, r[1] - by, r[2] + by, r[3] + by)


def overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def contains(outer: Rect, inner: Rect) -> bool:
    return (outer[0] - EPS <= inner[0] and outer[1] - EPS <= inner[1]
            and inner[2] <= outer[2] + EPS and inner[3] <= outer[3] + EPS)


def search_reach(width: float, height: float) -> float:
    """How far from its anchor `candidates` may put a box of this size (and its clearance)."""
    return GAP * (MAX_RINGS + MAX_SHIFTS + 2) + width + height


class LocalIndex:
    """The rectangles of a live mapping of boxes or frames, for overlap queries.

    Those meeting `window` are filed in a grid when the index is made; `add` files new or
    moved ones. A query inside the window uses the grid; any other scans the mapping (so an
    index is never wrong, only slower, when a patch reaches beyond its window). The grid
    keeps every outline it was given: answers are checked against the mapping's current one.
    """

    CELL = 256.0

    def __init__(self, items: Mapping[str, BoxLayout | FrameLayout], window: Rect) -> None:
        self._items = items
        self._window = window
        self._cells: dict[tuple[int, int], list[tuple[str, Rect]]] = {}
        x0, y0, x1, y1 = window
        # One quick pass over the whole chart; only what meets the window is filed.
        near = [
            (key, item) for key, item in items.items()
            if item.x < x1 and item.y < y1 and x0 < item.x + item.width
            and y0 < item.y + item.height
        ]
        for key, item in near:
            self.add(key, rect(item))

    def add(self, key: str, outline: Rect) -> None:
        """File `key` (now at `outline` in the mapping) for queries."""
        if overlaps(outline, self._window):
            for cell in self._cells_of(outline):
                self._cells.setdefault(cell, []).append((key, outline))

    def overlapping(self, area: Rect) -> set[str]:
        """Keys whose current rectangle overlaps `area`."""
        items = self._items
        if not contains(self._window, area):
            return {k for k, item in items.items() if overlaps(area, rect(item))}
        found: set[str] = set()
        for cell in self._cells_of(area):
            for key, outline in self._cells.get(cell, ()):
                if key not in found and overlaps(area, outline):
                    current = items.get(key)
                    if current is not None and overlaps(area, rect(current)):
                        found.add(key)
        return found

    def _cells_of(self, r: Rect) -> list[tuple[int, int]]:
        x0, y0 = int(r[0] // self.CELL), int(r[1] // self.CELL)
        x1, y1 = int(r[2] // self.CELL), int(r[3] // self.CELL)
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]


def candidates(anchor: Rect, width: float, height: float) -> list[tuple[float, float]]:
    """Top-left corners next to `anchor`, nearest first: right, below, left, above, each at
    growing distance and sliding sideways."""
    x0, y0, x1, y1 = anchor
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    found: list[tuple[float, int, float, float, float]] = []
    for ring in range(MAX_RINGS):
        d = GAP + ring * GAP
        for shift_step in range(-MAX_SHIFTS, MAX_SHIFTS + 1):
            s = shift_step * GAP
            spots = (
                (x1 + d, cy - height / 2 + s),
                (cx - width / 2 + s, y1 + d),
                (x0 - d - width, cy - height / 2 + s),
                (cx - width / 2 + s, y0 - d - height),
            )
            for direction, (x, y) in enumerate(spots):
                dist = math.hypot(x + width / 2 - cx, y + height / 2 - cy)
                found.append((dist, direction, abs(s), x, y))
    found.sort()
    return [(x, y) for _, _, _, x, y in found]
