"""Pictures of the chart, cut into tiles, kept for the zoom levels the user has looked at.

A national chart at 100 % fills the view with a few hundred lines and a hundred boxes and
labels: drawing them afresh costs ~25 ms a frame, too slow for a smooth pan or zoom. The view
draws instead from tiles, 256-pixel squares of the drawn chart kept per zoom level: a frame over
tiles already drawn is a copy of ~6 MB (~3 ms). Tiles are made for what is in view when it is
first drawn, and ahead of time in idle moments (`tiled_view.TiledPainting`).

`TileGrid` is the arithmetic: at a zoom level, scene point x lands on grid pixel
`x * scale + shift_x` (logical pixels; `shift` is the view's sub-pixel offset, 0 unless the
view sits between pixels), and tile (i, j) covers grid pixels [i*256, (i+1)*256) across and
the same down. The view shows grid pixel u at viewport pixel `u + origin`, a whole number, so
a tile lands pixel for pixel.

`TileCache` holds the tiles, least recently used first out beyond a byte budget, and keeps
them true: what changed in the scene (`invalidate`, given the scene's changed rectangles)
drops the tiles it covers and marks the parts it touches as dirty, redrawn before the tile is
shown again (`dirt` / `clean`).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QImage, QTransform

TILE_PX = 256
# Qt redraws two pixels round a changed rectangle for antialiased edges and hairlines; so do we.
CHANGE_MARGIN_PX = 2
# A tile whose changed parts add up to more than this share of it is dropped, not patched.
PATCH_LIMIT = 0.25

_SCALE_ONLY = QTransform.TransformationType.TxScale.value

TileIndex = tuple[int, int]
LevelKey = tuple[float, float, float, float]


@dataclass(frozen=True)
class TileGrid:
    """How one zoom level's picture is cut into tiles (see the module docstring)."""

    scale: float
    shift_x: float = 0.0
    shift_y: float = 0.0
    dpr: float = 1.0

    @property
    def key(self) -> LevelKey:
        # Zooming in and back out again lands on a scale a rounding error away: the same level.
        return (round(self.scale, 9), round(self.shift_x, 3), round(self.shift_y, 3), self.dpr)

    def pixels_of(self, scene_rect: QRectF) -> QRectF:
        """Grid pixels covered by a scene rectangle."""
        s = self.scale
        return QRectF(
            scene_rect.x() * s + self.shift_x,
            scene_rect.y() * s + self.shift_y,
            scene_rect.width() * s,
            scene_rect.height() * s,
        )

    def scene_rect_of(self, pixels: QRect) -> QRectF:
        """The scene rectangle drawn on a rectangle of grid pixels."""
        s = self.scale
        return QRectF(
            (pixels.x() - self.shift_x) / s,
            (pixels.y() - self.shift_y) / s,
            pixels.width() / s,
            pixels.height() / s,
        )

    def tiles_over(self, pixels: QRectF) -> tuple[range, range]:
        """Column and row ranges of the tiles a rectangle of grid pixels touches."""
        if pixels.isEmpty():
            return range(0), range(0)
        first_i = math.floor(pixels.left() / TILE_PX)
        first_j = math.floor(pixels.top() / TILE_PX)
        # The right and bottom edges are exclusive: a rectangle ending on a tile border does
        # not reach into the next tile.
        last_i = math.ceil(pixels.right() / TILE_PX) - 1
        last_j = math.ceil(pixels.bottom() / TILE_PX) - 1
        return range(first_i, last_i + 1), range(first_j, last_j + 1)

    @staticmethod
    def tile_pixels(i: int, j: int) -> QRect:
        return QRect(i * TILE_PX, j * TILE_PX, TILE_PX, TILE_PX)


def grid_of(viewport_transform: QTransform, dpr: float) -> tuple[TileGrid, int, int] | None:
    """The tile grid a view's transform draws on, and where grid pixel 0 lands in the viewport.

    None when tiles cannot be copied pixel for pixel: a rotated or stretched view, or a
    fractional device pixel ratio (a logical pixel is then not a whole number of pixels).
    """
    t = viewport_transform
    if t.type().value > _SCALE_ONLY or t.m11() <= 0 or t.m11() != t.m22():
        return None
    if abs(dpr - round(dpr)) > 1e-6 or dpr < 1:
        return None
    origin_x, shift_x = _whole_and_fraction(t.dx())
    origin_y, shift_y = _whole_and_fraction(t.dy())
    return TileGrid(t.m11(), shift_x, shift_y, float(round(dpr))), origin_x, origin_y


def _whole_and_fraction(value: float) -> tuple[int, float]:
    # A translation a rounding error short of a whole pixel is that whole pixel.
    whole = math.floor(value + 1e-6)
    fraction = round(value - whole, 3)
    if fraction >= 1.0:
        return whole + 1, 0.0
    return whole, max(fraction, 0.0)


class TileCache:
    """Tiles of several zoom levels within a byte budget, kept true to the scene."""

    def __init__(self, budget_bytes: int) -> None:
        self.budget_bytes = budget_bytes
        self._tiles: OrderedDict[tuple[LevelKey, int, int], QImage] = OrderedDict()
        self._levels: dict[LevelKey, tuple[TileGrid, set[TileIndex]]] = {}
        self._dirt: dict[tuple[LevelKey, int, int], list[QRect]] = {}
        self._bytes = 0

    # ----- what is kept --------------------------------------------------------------------
    @property
    def size_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._tiles)

    def get(self, grid: TileGrid, i: int, j: int) -> QImage | None:
        """The tile, marked as just used; None if not made (or dropped)."""
        key = (grid.key, i, j)
        image = self._tiles.get(key)
        if image is not None:
            self._tiles.move_to_end(key)
        return image

    def has(self, grid: TileGrid, i: int, j: int) -> bool:
        return (grid.key, i, j) in self._tiles

    def missing(self, grid: TileGrid, tiles: Iterable[TileIndex]) -> list[TileIndex]:
        level = self._levels.get(grid.key)
        present = level[1] if level else set()
        return [tile for tile in tiles if tile not in present]

    def room_for(self, nbytes: int) -> bool:
        """Whether `nbytes` more fit without pushing anything out."""
        return self._bytes + nbytes <= self.budget_bytes

    def put(self, grid: TileGrid, i: int, j: int, image: QImage) -> None:
        """Keep a freshly drawn tile, pushing out the least recently used beyond the budget."""
        key = (grid.key, i, j)
        old = self._tiles.pop(key, None)
        if old is not None:
            self._bytes -= old.sizeInBytes()
        self._dirt.pop(key, None)
        self._tiles[key] = image
        self._bytes += image.sizeInBytes()
        self._levels.setdefault(grid.key, (grid, set()))[1].add((i, j))
        while self._bytes > self.budget_bytes and len(self._tiles) > 1:
            oldest = next(iter(self._tiles))
            self._drop(oldest)

    def clear(self) -> None:
        self._tiles.clear()
        self._levels.clear()
        self._dirt.clear()
        self._bytes = 0

    # ----- keeping tiles true --------------------------------------------------------------
    def invalidate(self, scene_rects: Sequence[QRectF]) -> None:
        """Something was drawn differently in these scene rectangles: drop or mark the tiles."""
        for level_key, (grid, present) in list(self._levels.items()):
            for rect in scene_rects:
                if not present:
                    break
                self._invalidate_level(level_key, grid, present, rect)

    def dirt(self, grid: TileGrid, i: int, j: int) -> list[QRect]:
        """The parts of a kept tile (grid pixels) to redraw before it is shown."""
        return self._dirt.get((grid.key, i, j), [])

    def clean(self, grid: TileGrid, i: int, j: int) -> None:
        """The tile's dirty parts were redrawn."""
        self._dirt.pop((grid.key, i, j), None)

    def _invalidate_level(
        self, level_key: LevelKey, grid: TileGrid, present: set[TileIndex], rect: QRectF
    ) -> None:
        margin = CHANGE_MARGIN_PX
        pixels = grid.pixels_of(rect).adjusted(-margin, -margin, margin, margin)
        changed = pixels.toAlignedRect()
        columns, rows = grid.tiles_over(pixels)
        for i, j in _touched(present, columns, rows):
            tile_rect = grid.tile_pixels(i, j)
            part = changed & tile_rect
            key = (level_key, i, j)
            dirt = self._dirt.setdefault(key, [])
            dirt.append(part)
            area = sum(r.width() * r.height() for r in dirt)
            if area > PATCH_LIMIT * TILE_PX * TILE_PX:
                self._drop(key)

    def _drop(self, key: tuple[LevelKey, int, int]) -> None:
        image = self._tiles.pop(key, None)
        if image is not None:
            self._bytes -= image.sizeInBytes()
        self._dirt.pop(key, None)
        level_key, i, j = key
        level = self._levels.get(level_key)
        if level is not None:
            level[1].discard((i, j))
            if not level[1]:
                del self._levels[level_key]


def _touched(present: set[TileIndex], columns: range, rows: range) -> Iterator[TileIndex]:
    """The kept tiles among those a change reaches: whichever of the two sets is smaller."""
    if len(columns) * len(rows) <= len(present):
        for i in columns:
            for j in rows:
                if (i, j) in present:
                    yield i, j
    else:
        for i, j in list(present):
            if i in columns and j in rows:
                yield i, j
