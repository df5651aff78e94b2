"""The tile arithmetic and the tile store: which tiles a rectangle touches, what a change drops."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QImage, QTransform

from icsviewer.canvas.tile_cache import TILE_PX, TileCache, TileGrid, grid_of


def tile_image() -> QImage:
    return QImage(TILE_PX, TILE_PX, QImage.Format.Format_RGB32)


TILE_BYTES = TILE_PX * TILE_PX * 4


def test_a_rectangle_ending_on_a_tile_border_does_not_reach_the_next_tile() -> None:
    grid = TileGrid(1.0)
    columns, rows = grid.tiles_over(QRectF(0, 0, TILE_PX, TILE_PX))
    assert list(columns) == [0] and list(rows) == [0]
    columns, rows = grid.tiles_over(QRectF(-1, TILE_PX - 1, 2, 2))
    assert list(columns) == [-1, 0] and list(rows) == [0, 1]


def test_scene_and_grid_pixels_map_both_ways_with_the_scale_and_shift() -> None:
    grid = TileGrid(2.0, 0.5, 0.25)
    pixels = grid.pixels_of(QRectF(10, 20, 30, 40))
    assert (pixels.x(), pixels.y(), pixels.width(), pixels.height()) == (20.5, 40.25, 60, 80)
    back = grid.scene_rect_of(QRect(20, 40, 60, 80))
    assert back.x() == pytest.approx(9.75) and back.y() == pytest.approx(19.875)
    assert back.width() == pytest.approx(30) and back.height() == pytest.approx(40)


def test_the_view_transform_gives_the_grid_and_whole_pixel_origin() -> None:
    placed = grid_of(QTransform(1.5, 0, 0, 1.5, -300.25, 40.0), 1.0)
    assert placed is not None
    grid, origin_x, origin_y = placed
    assert grid.scale == 1.5
    assert (origin_x, grid.shift_x) == (-301, 0.75)
    assert (origin_y, grid.shift_y) == (40, 0.0)
    # A translation a rounding error short of a whole pixel is that pixel.
    placed = grid_of(QTransform(1.0, 0, 0, 1.0, -299.9999999, 0), 1.0)
    assert placed is not None and placed[1] == -300 and placed[0].shift_x == 0.0


def test_no_tiles_for_a_rotated_view_or_a_fractional_pixel_ratio() -> None:
    rotated = QTransform().rotate(10)
    assert grid_of(rotated, 1.0) is None
    assert grid_of(QTransform(), 1.25) is None
    assert grid_of(QTransform(), 2.0) is not None


def test_zooming_in_and_out_again_lands_on_the_same_level() -> None:
    there_and_back = 1.0 * 1.15 / 1.15
    assert TileGrid(there_and_back).key == TileGrid(1.0).key
    assert TileGrid(1.15).key != TileGrid(1.0).key


def test_the_least_recently_used_tiles_go_first_beyond_the_budget() -> None:
    cache = TileCache(budget_bytes=3 * TILE_BYTES)
    grid = TileGrid(1.0)
    for i in range(3):
        cache.put(grid, i, 0, tile_image())
    assert cache.get(grid, 0, 0) is not None  # used: now the newest
    cache.put(grid, 3, 0, tile_image())
    assert not cache.has(grid, 1, 0)
    assert all(cache.has(grid, i, 0) for i in (0, 2, 3))
    assert cache.size_bytes == 3 * TILE_BYTES


def test_a_small_change_marks_the_tile_dirty_a_large_one_drops_it() -> None:
    cache = TileCache(budget_bytes=100 * TILE_BYTES)
    grid = TileGrid(2.0)
    cache.put(grid, 0, 0, tile_image())
    cache.put(grid, 1, 0, tile_image())
    cache.invalidate([QRectF(10, 10, 5, 5)])  # grid pixels 20..30, inside tile (0, 0)
    assert cache.has(grid, 0, 0)
    dirt = cache.dirt(grid, 0, 0)
    assert len(dirt) == 1 and dirt[0].contains(QRect(20, 20, 10, 10))
    assert cache.dirt(grid, 1, 0) == []
    cache.clean(grid, 0, 0)
    assert cache.dirt(grid, 0, 0) == []
    # Half a tile changed: redrawing it whole is as cheap as patching.
    cache.invalidate([QRectF(TILE_PX / 2, 0, TILE_PX / 4, TILE_PX / 2)])
    assert not cache.has(grid, 1, 0)
    assert cache.has(grid, 0, 0)


def test_a_change_reaches_every_zoom_level_kept() -> None:
    cache = TileCache(budget_bytes=100 * TILE_BYTES)
    near, far = TileGrid(1.0), TileGrid(0.25)
    cache.put(near, 3, 3, tile_image())
    cache.put(far, 0, 0, tile_image())
    cache.invalidate([QRectF(3 * TILE_PX, 3 * TILE_PX, TILE_PX, TILE_PX)])
    assert not cache.has(near, 3, 3)
    assert cache.has(far, 0, 0) and cache.dirt(far, 0, 0)
    assert cache.missing(near, [(3, 3), (2, 2)]) == [(3, 3), (2, 2)]
    assert cache.missing(far, [(0, 0)]) == []
