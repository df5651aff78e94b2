"""Filing drawn items by the chart pages they meet (exporters.tile_index)."""

from __future__ import annotations

from exporters.pdf_plan import Tile
from exporters.tile_index import TileBuckets

# A 3 x 2 grid of 100 x 80 views that overlap by 10 (as tiled pages do).
TILES = tuple(Tile(c, r, c * 90.0, r * 70.0) for r in range(2) for c in range(3))


def _tile(column: int, row: int) -> Tile:
    return next(t for t in TILES if (t.column, t.row) == (column, row))


def test_an_item_is_on_every_tile_it_meets_and_no_other() -> None:
    buckets: TileBuckets[str] = TileBuckets(TILES, 100.0, 80.0)
    buckets.add("inside A1", (10, 10, 20, 20))
    buckets.add("across A1 and B1", (80, 10, 120, 20))
    buckets.add("in the overlap of all four top-left tiles", (92, 72, 98, 78))
    buckets.add("far away", (1000, 1000, 1010, 1010))
    assert buckets.on(_tile(0, 0)) == [
        "inside A1",
        "across A1 and B1",
        "in the overlap of all four top-left tiles",
    ]
    assert buckets.on(_tile(1, 0)) == [
        "across A1 and B1",
        "in the overlap of all four top-left tiles",
    ]
    assert buckets.on(_tile(0, 1)) == ["in the overlap of all four top-left tiles"]
    assert buckets.on(_tile(1, 1)) == ["in the overlap of all four top-left tiles"]
    assert buckets.on(_tile(2, 0)) == []
    assert buckets.on(_tile(2, 1)) == []


def test_an_item_bigger_than_the_chart_is_on_every_tile() -> None:
    buckets: TileBuckets[str] = TileBuckets(TILES, 100.0, 80.0)
    buckets.add("huge", (-50, -50, 500, 500))
    assert all(buckets.on(t) == ["huge"] for t in TILES)


def test_a_single_page_gets_everything_that_meets_it() -> None:
    only = (Tile(0, 0, 0.0, 0.0),)
    buckets: TileBuckets[int] = TileBuckets(only, 100.0, 80.0)
    for i in range(5):
        buckets.add(i, (i * 10.0, 0, i * 10.0 + 5, 5))
    buckets.add(99, (200, 200, 210, 210))
    assert buckets.on(only[0]) == [0, 1, 2, 3, 4]
