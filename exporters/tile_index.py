"""Which chart pages (tiles) each drawn item meets, worked out once per export.

A national chart tiles over dozens of pages; testing every line, box and label against every
page made drawing quadratic (items x pages). `TileBuckets` puts each item, in drawing order,
into the list of every tile its chart-space bounding box meets, so a page draws only its own
items. Tiles form a grid (pdf_plan): the columns (and rows) an item spans are found by bisection.

Bucketing is deliberately generous (a small margin): the painter still makes its exact
visibility test per item, so output is the same as testing everything on every page.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

from exporters.pdf_plan import Tile

T = TypeVar("T")
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in chart coordinates
# Chart units of slack around every tile: covers rounding in the painter's page-space test.
SLACK = 1.0


class TileBuckets(Generic[T]):
    """Items grouped by the tiles they meet; `on(tile)` keeps the order they were added in."""

    def __init__(self, tiles: Sequence[Tile], view_w: float, view_h: float) -> None:
        cols = sorted({(t.chart_x, t.column) for t in tiles})
        rows = sorted({(t.chart_y, t.row) for t in tiles})
        self._col_starts = [x - SLACK for x, _ in cols]
        self._col_ends = [x + view_w + SLACK for x, _ in cols]
        self._col_ids = [c for _, c in cols]
        self._row_starts = [y - SLACK for y, _ in rows]
        self._row_ends = [y + view_h + SLACK for y, _ in rows]
        self._row_ids = [r for _, r in rows]
        self._buckets: dict[tuple[int, int], list[T]] = {(t.column, t.row): [] for t in tiles}

    def add(self, item: T, box: Box) -> None:
        """File `item` under every tile its bounding box meets."""
        x0, y0, x1, y1 = box
        cols = _span(self._col_starts, self._col_ends, self._col_ids, x0, x1)
        rows = _span(self._row_starts, self._row_ends, self._row_ids, y0, y1)
        for r in rows:
            for c in cols:
                bucket = self._buckets.get((c, r))
                if bucket is not None:
                    bucket.append(item)

    def add_all(self, items: Iterable[tuple[T, Box]]) -> TileBuckets[T]:
        for item, box in items:
            self.add(item, box)
        return self

    def on(self, tile: Tile) -> list[T]:
        """The items that may show on `tile`, in the order they were added."""
        return self._buckets.get((tile.column, tile.row), [])


def _span(
    starts: list[float], ends: list[float], ids: list[int], low: float, high: float
) -> list[int]:
    """Ids of the intervals [start, end] that meet [low, high] (starts and ends both ascend)."""
    first = bisect_left(ends, low)  # first interval not wholly before `low`
    last = bisect_right(starts, high)  # intervals from here on start after `high`
    return ids[first:last]
