"""The chart view drawn from tiles, and the tiles it will want next made in idle moments.

`TiledPainting` belongs to a `ChartView`. When the view draws its items (closer in than the
far-out overview), `prepare` gets the tiles over the part of the viewport to draw: kept ones
first redraw their dirty parts, the few missing ones are drawn in one go, and the view copies
them out (`blit`). When most are missing (a zoom level not seen before, a glide, the whole
chart restyled) it answers None and the view draws its items directly, as before tiles.

After each frame that shows the view somewhere new, an idle-time chain makes, one small block
per event-loop turn, what the next step will want: the view itself, the view a wheel notch
further in and out, and a margin of a quarter view round it for a pan. A block is at most
4 x 2 tiles (~10 ms), so a key press or a wheel notch waits at most that long. A change to the
chart with the view still (the dimming a hover brings, an edit) makes nothing ahead: small
changes are patched into the tiles, big ones leave the view drawn directly until it moves.
While the presenter's camera glides (`hold`), nothing is made ahead either: every frame of a
glide is a new zoom level.

The tiles are drawn by `QGraphicsScene.render`, the same items' `paint` as the view's own
drawing, at the same scale and whole-pixel offset, so a copied tile shows what direct drawing
shows. The scene's `changed` rectangles keep them true; a synchronous repaint first lets the
scene report what changed (`_flush_scene_updates`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from icsviewer.canvas.tile_cache import TILE_PX, TileCache, TileGrid, TileIndex, grid_of

# Drawn from tiles only when at most this many (or half) of the tiles needed are missing:
# beyond that, drawing the items directly is cheaper than drawing whole tiles.
SYNC_TILE_LIMIT = 4
# The largest block made ahead in one event-loop turn.
CHUNK_COLUMNS, CHUNK_ROWS = 4, 2
# The budget: this many viewports' worth of pixels, within these bounds.
BUDGET_VIEWPORTS = 12
MIN_BUDGET_BYTES = 32 * 1024 * 1024
MAX_BUDGET_BYTES = 256 * 1024 * 1024
# More changed rectangles than this in one report are taken as their bounding rectangle.
MAX_CHANGED_RECTS = 64

Frame = list[tuple[QPoint, QImage]]


class TiledPainting(QObject):
    """Tiles for one view: made on demand and ahead of time, kept true to its scene."""

    def __init__(
        self,
        view: QGraphicsView,
        zoom_step: float,
        draws_items: Callable[[float], bool],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._zoom_step = zoom_step
        # Whether the view draws items at a zoom level (not the batched far-out overview).
        self._draws_items = draws_items
        self._scene: QGraphicsScene | None = None
        self.cache = TileCache(MIN_BUDGET_BYTES)
        self.enabled = True
        # Counters for the benchmark and tests: frames copied from tiles, tiles drawn.
        self.frames_from_tiles = 0
        self.tiles_made = 0
        self._held = False
        # Where the view was at the last frame (zoom level, whole-pixel origin, size).
        self._shown_at: tuple[object, ...] | None = None
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self._make_ahead)

    # ----- the scene and the owner's switches ------------------------------------------------
    def set_scene(self, scene: QGraphicsScene | None) -> None:
        if self._scene is not None:
            self._scene.changed.disconnect(self._on_scene_changed)
        self.cache.clear()
        self._shown_at = None
        self._scene = scene
        if scene is not None:
            scene.changed.connect(self._on_scene_changed)

    @property
    def making_ahead(self) -> bool:
        """Whether tiles are still being made ahead (the next turn makes more)."""
        return self._ahead.isActive()

    def hold(self, held: bool) -> None:
        """Make nothing ahead while held (a camera glide: every frame is a new zoom level)."""
        self._held = held
        if not held:
            self._schedule()

    # ----- drawing a frame -----------------------------------------------------------------
    def prepare(self, exposed: QRect) -> Frame | None:
        """The tiles over `exposed` (viewport pixels) and where they go; None: draw directly."""
        view, scene = self._view, self._scene
        if not self.enabled or scene is None:
            return None
        placed = grid_of(view.viewportTransform(), view.viewport().devicePixelRatioF())
        if placed is None:
            return None
        grid, origin_x, origin_y = placed
        self._flush_scene_updates(scene)
        self._fit_budget()
        wanted = _tiles_in(grid, QRectF(exposed.translated(-origin_x, -origin_y)))
        missing = self.cache.missing(grid, wanted)
        where = (grid.key, origin_x, origin_y, view.viewport().size().toTuple())
        if where != self._shown_at:
            # The user moved the view: the next step will likely move it again. (A change to
            # the chart with the view still, such as the dimming a hover brings, makes
            # nothing ahead: the view is drawn directly until it moves.)
            self._shown_at = where
            self._schedule()
        if len(missing) > max(SYNC_TILE_LIMIT, len(wanted) // 2):
            return None
        if missing:
            self._make(scene, grid, missing)
        frame: Frame = []
        for i, j in wanted:
            image = self.cache.get(grid, i, j)
            if image is None:  # pushed out by a budget smaller than one view
                return None
            dirt = self.cache.dirt(grid, i, j)
            if dirt:
                self._patch(scene, grid, i, j, image, dirt)
            frame.append((QPoint(i * TILE_PX + origin_x, j * TILE_PX + origin_y), image))
        self.frames_from_tiles += 1
        return frame

    @staticmethod
    def blit(painter: QPainter, frame: Frame) -> None:
        for position, image in frame:
            painter.drawImage(position, image)

    # ----- making tiles --------------------------------------------------------------------
    def _render(self, scene: QGraphicsScene, grid: TileGrid, pixels: QRect) -> QImage:
        """Draw the scene on a rectangle of grid pixels, as the view would."""
        view = self._view
        viewport = view.viewport()
        # Under the scene's own background, what the viewport shows where the scene has none.
        ground = viewport.palette().color(viewport.backgroundRole())
        opaque = ground.alpha() == 255
        image = QImage(
            round(pixels.width() * grid.dpr),
            round(pixels.height() * grid.dpr),
            QImage.Format.Format_RGB32 if opaque else QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(grid.dpr)
        image.fill(ground)
        painter = QPainter(image)
        painter.setRenderHints(view.renderHints())
        target = QRectF(0, 0, pixels.width(), pixels.height())
        scene.render(
            painter, target, grid.scene_rect_of(pixels), Qt.AspectRatioMode.IgnoreAspectRatio
        )
        painter.end()
        return image

    def _make(self, scene: QGraphicsScene, grid: TileGrid, tiles: list[TileIndex]) -> None:
        """Draw the tiles: in one go when they lie together, else one by one."""
        columns = {i for i, _ in tiles}
        rows = {j for _, j in tiles}
        span = (max(columns) - min(columns) + 1) * (max(rows) - min(rows) + 1)
        if span > 2 * len(tiles):  # scattered: their block would be mostly tiles not asked for
            for tile in tiles:
                self._make_block(scene, grid, [tile])
        else:
            self._make_block(scene, grid, tiles)

    def _make_block(self, scene: QGraphicsScene, grid: TileGrid, tiles: list[TileIndex]) -> None:
        """Draw the block of tiles round `tiles` in one go and keep those asked for."""
        left = min(i for i, _ in tiles)
        top = min(j for _, j in tiles)
        right = max(i for i, _ in tiles)
        bottom = max(j for _, j in tiles)
        block = QRect(
            left * TILE_PX,
            top * TILE_PX,
            (right - left + 1) * TILE_PX,
            (bottom - top + 1) * TILE_PX,
        )
        image = self._render(scene, grid, block)
        self.tiles_made += len(tiles)
        if len(tiles) == 1 and block.width() == block.height() == TILE_PX:
            self.cache.put(grid, left, top, image)
            return
        side = round(TILE_PX * grid.dpr)
        for i, j in tiles:
            tile = image.copy((i - left) * side, (j - top) * side, side, side)
            tile.setDevicePixelRatio(grid.dpr)
            self.cache.put(grid, i, j, tile)

    def _patch(
        self,
        scene: QGraphicsScene,
        grid: TileGrid,
        i: int,
        j: int,
        image: QImage,
        dirt: list[QRect],
    ) -> None:
        """Redraw the changed parts of a kept tile (one rectangle round them)."""
        area = QRect(dirt[0])
        for part in dirt[1:]:
            area = area.united(part)
        patch = self._render(scene, grid, area)
        painter = QPainter(image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawImage(area.topLeft() - grid.tile_pixels(i, j).topLeft(), patch)
        painter.end()
        self.cache.clean(grid, i, j)

    # ----- making tiles ahead of time ----------------------------------------------------------
    def _schedule(self) -> None:
        if not self._held and not self._ahead.isActive():
            self._ahead.start()

    def _make_ahead(self) -> None:
        """Make one block of what the next step will want; come back next turn if more."""
        scene = self._scene
        if self._held or scene is None or not self.enabled or not self._view.isVisible():
            return
        plan = self._plan()
        for grid, tiles in plan:
            missing = self.cache.missing(grid, tiles)
            if missing:
                self._make(scene, grid, _block_from(missing))
                self._ahead.start()
                return

    def _plan(self) -> list[tuple[TileGrid, list[TileIndex]]]:
        """What the next step may show, most likely first, trimmed to the budget."""
        view = self._view
        scale = view.viewportTransform().m11()
        placed = grid_of(view.viewportTransform(), view.viewport().devicePixelRatioF())
        if placed is None or not self._draws_items(scale):
            return []
        grid, origin_x, origin_y = placed
        area = QRectF(view.viewport().rect())
        visible = area.translated(-origin_x, -origin_y)
        plan = [(grid, _tiles_in(grid, visible))]
        # A wheel notch in or out about any point of the view shows part of the view's scene
        # rectangle (in), or of that rectangle widened by the notch (out).
        scene_rect = view.mapToScene(view.viewport().rect()).boundingRect()
        for factor in (self._zoom_step, 1 / self._zoom_step):
            if not self._draws_items(scale * factor):
                continue
            level = TileGrid(scale * factor, grid.shift_x, grid.shift_y, grid.dpr)
            # Zooming out about a point at the view's edge moves the far edge out by the whole
            # growth: the union over all points is the rectangle widened so on every side.
            grow = 1 / factor - 1 if factor < 1 else 0.0
            reach = scene_rect.adjusted(
                -scene_rect.width() * grow,
                -scene_rect.height() * grow,
                scene_rect.width() * grow,
                scene_rect.height() * grow,
            )
            plan.append((level, _tiles_in(level, level.pixels_of(reach))))
        margin_x, margin_y = area.width() / 4, area.height() / 4
        around = visible.adjusted(-margin_x, -margin_y, margin_x, margin_y)
        shown = set(plan[0][1])
        plan.append((grid, [t for t in _tiles_in(grid, around) if t not in shown]))
        return self._within_budget(plan, grid)

    def _within_budget(
        self, plan: list[tuple[TileGrid, list[TileIndex]]], grid: TileGrid
    ) -> list[tuple[TileGrid, list[TileIndex]]]:
        """Trim the plan to what the budget holds, and keep its kept tiles newest.

        Making a tile pushes out the least recently used one; touching the plan's tiles
        (least wanted first) means that is never one the plan wants.
        """
        tile_bytes = round(TILE_PX * grid.dpr) ** 2 * 4
        room = self.cache.budget_bytes // tile_bytes
        trimmed: list[tuple[TileGrid, list[TileIndex]]] = []
        for level, tiles in plan:
            taken = tiles[: max(room, 0)]
            room -= len(taken)
            if taken:
                trimmed.append((level, taken))
        for level, tiles in reversed(trimmed):
            for i, j in reversed(tiles):
                self.cache.get(level, i, j)
        return trimmed

    def _fit_budget(self) -> None:
        """A budget of a dozen viewports' worth of pixels (at this screen's pixel ratio)."""
        viewport = self._view.viewport()
        dpr = viewport.devicePixelRatioF()
        need = int(viewport.width() * viewport.height() * dpr * dpr * 4 * BUDGET_VIEWPORTS)
        self.cache.budget_bytes = min(max(need, MIN_BUDGET_BYTES), MAX_BUDGET_BYTES)

    # ----- keeping tiles true ------------------------------------------------------------------
    def _on_scene_changed(self, rects: list[QRectF]) -> None:
        if not len(self.cache) or not rects:
            return
        if len(rects) > MAX_CHANGED_RECTS:
            bounds = QRectF(rects[0])
            for rect in rects[1:]:
                bounds = bounds.united(rect)
            rects = [bounds]
        self.cache.invalidate(rects)

    @staticmethod
    def _flush_scene_updates(scene: QGraphicsScene) -> None:
        """Let the scene report changes it has queued (it does so on the next event-loop turn).

        A repaint asked for straight after a change (`repaint`, `grab`) would otherwise copy
        tiles the change has made stale. The scene queues its dirty-item processing and its
        `changed` signal as calls to itself; nothing else queues calls to a chart scene.
        """
        QCoreApplication.sendPostedEvents(scene, QEvent.Type.MetaCall)


def _tiles_in(grid: TileGrid, pixels: QRectF) -> list[TileIndex]:
    """The tiles over a rectangle of grid pixels, row by row."""
    columns, rows = grid.tiles_over(pixels)
    return [(i, j) for j in rows for i in columns]


def _block_from(missing: list[TileIndex]) -> list[TileIndex]:
    """A block of missing tiles to make in one go: a run along the first row, then down."""
    wanted = set(missing)
    first_i, first_j = missing[0]
    columns = [first_i]
    while len(columns) < CHUNK_COLUMNS and (columns[-1] + 1, first_j) in wanted:
        columns.append(columns[-1] + 1)
    block = [(i, first_j) for i in columns]
    for j in range(first_j + 1, first_j + CHUNK_ROWS):
        row = [(i, j) for i in columns]
        if not all(tile in wanted for tile in row):
            break
        block.extend(row)
    return block
