"""The chart view: zoom (wheel around the cursor, pinch, keys), pan (drag, arrows, scroll bars).

Keyboard: Tab / Shift+Tab walk the bodies in reading order, Enter activates the selected body
(shows its details), arrow keys pan. The view's accessible name and description follow the
selected body, so a screen reader announces what the keyboard reached.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGestureEvent,
    QGraphicsView,
    QPinchGesture,
    QRubberBand,
    QStyle,
    QStyleHintReturnMask,
    QStyleOptionRubberBand,
    QWidget,
)

from icsviewer.canvas.overview import LOW_DETAIL
from icsviewer.canvas.scene import ChartScene
from icsviewer.canvas.tiled_view import TiledPainting
from icsviewer.model.kinds import body_kind

MIN_ZOOM = 0.02
MAX_ZOOM = 8.0
# One wheel notch zooms by this factor; smooth-scrolling touchpads send fractions of a notch.
WHEEL_STEP = 1.15
KEY_PAN_STEP = 60


class ChartView(QGraphicsView):
    """A view on a ChartScene with the zoom and pan every user expects."""

    # The zoom level changed (1.0 is 100 %): the status bar shows it, the minimap follows.
    zoom_changed = Signal(float)
    # The visible part of the scene changed (pan or zoom).
    viewport_changed = Signal()

    def __init__(self, scene: ChartScene | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._patch_pending = False
        # Closer in than the overview, frames are copied from tiles of the drawn chart.
        self.tiles = TiledPainting(self, WHEEL_STEP, self._may_draw_tiles_at)
        self.setAccessibleName("Chart")
        self.setAccessibleDescription("No body selected. Press Tab to move between bodies.")
        self.horizontalScrollBar().valueChanged.connect(self.viewport_changed)
        self.verticalScrollBar().valueChanged.connect(self.viewport_changed)
        if scene is not None:
            self.set_chart_scene(scene)

    def set_chart_scene(self, scene: ChartScene) -> None:
        old = self.scene()
        if isinstance(old, ChartScene):
            old.selectionChanged.disconnect(self._describe_selection)
        self.setScene(scene)
        self.tiles.set_scene(scene)
        scene.selectionChanged.connect(self._describe_selection)
        self._describe_selection()

    def chart_scene(self) -> ChartScene | None:
        scene = self.scene()
        return scene if isinstance(scene, ChartScene) else None

    # ----- zoom ----------------------------------------------------------------------------
    def zoom_level(self) -> float:
        """The current scale: 1.0 means one layout point is one logical pixel (100 %)."""
        return float(self.transform().m11())

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by `factor`, keeping the scene point under `anchor` (view coords) in place."""
        current = self.zoom_level()
        target = min(max(current * factor, MIN_ZOOM), MAX_ZOOM)
        if abs(target - current) < 1e-9:
            return
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(target / current, target / current)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        else:
            shift = self._sub_pixel_shift()
            before = self.mapToScene(anchor.toPoint())
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            self.scale(target / current, target / current)
            after = self.mapToScene(anchor.toPoint())
            delta = after - before
            self.translate(delta.x(), delta.y())
            # Keep the view's offset between pixels as it was (the anchor moves by less than
            # a pixel): tiles made ahead for this zoom level line up with it.
            now = self._sub_pixel_shift()
            self.translate(_nearest_turn(shift[0] - now[0]) / target,
                           _nearest_turn(shift[1] - now[1]) / target)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoom_changed.emit(self.zoom_level())
        self.viewport_changed.emit()

    def _sub_pixel_shift(self) -> tuple[float, float]:
        transform = self.viewportTransform()
        return transform.dx() % 1.0, transform.dy() % 1.0

    def reset_zoom(self) -> None:
        """100 %, keeping the centre of the view where it is."""
        centre = self.mapToScene(self.viewport().rect().center())
        self.resetTransform()
        self.centerOn(centre)
        self.zoom_changed.emit(self.zoom_level())
        self.viewport_changed.emit()

    def fit_rect(self, rect: QRectF, margin: float = 40) -> None:
        """Show `rect` as large as it fits with `margin` pixels of air, never above 400 %."""
        if rect.isEmpty():
            return
        view = self.viewport().rect()
        avail_w = max(view.width() - 2 * margin, 10)
        avail_h = max(view.height() - 2 * margin, 10)
        scale = min(avail_w / rect.width(), avail_h / rect.height(), 4.0)
        scale = min(max(scale, MIN_ZOOM), MAX_ZOOM)
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom_level())
        self.viewport_changed.emit()

    def fit_all(self) -> None:
        """The whole chart in view."""
        scene = self.chart_scene()
        if scene is None:
            return
        # The scene rect is the chart plus a margin: fitting it leaves a little air round the
        # chart and no scroll bars.
        self.fit_rect(scene.sceneRect(), margin=2)

    def centre_on_body(self, body_id: str) -> None:
        """Bring a body into the middle of the view, zooming in if it would be unreadable."""
        scene = self.chart_scene()
        if scene is None:
            return
        rect = scene.body_rect(body_id)
        if rect.isEmpty():
            return
        if self.zoom_level() < 0.6:
            self.zoom_by(0.9 / self.zoom_level())
        self.centerOn(rect.center())
        self.viewport_changed.emit()

    # ----- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """Far out, draw the scene's batched overview instead of thousands of single items."""
        scene = self.chart_scene()
        lod = self.zoom_level()
        if scene is None or self._draws_items(lod):
            if scene is not None:
                # Closer in the items are drawn: a big chart still making them (population.py)
                # makes the rest now.
                scene.ensure_items()
                frame = self.tiles.prepare(event.rect())
                if frame is not None:
                    painter = QPainter(self.viewport())
                    self.tiles.blit(painter, frame)
                    self._paint_rubber_band(painter)
                    painter.end()
                    return
            super().paintEvent(event)
            return
        painter = QPainter(self.viewport())
        painter.setRenderHints(self.renderHints())
        painter.fillRect(event.rect(), scene.backgroundBrush())
        exposed = self.mapToScene(event.rect()).boundingRect()
        painter.setTransform(self.viewportTransform())
        # An edit's picture patch waits for the next event-loop turn, so its cost does not
        # add to the edit's own in one stall; the picture is a few milliseconds stale.
        stale = scene.paint_overview_cached(
            painter, exposed, lod, self.viewport().devicePixelRatioF(), defer=True
        )
        if stale and not self._patch_pending:
            self._patch_pending = True
            QTimer.singleShot(0, self._patch_overview)
        painter.resetTransform()
        self._paint_rubber_band(painter)
        painter.end()

    def _draws_items(self, zoom: float) -> bool:
        """Whether the view draws its items at `zoom` (not the far-out overview)."""
        scene = self.chart_scene()
        # LOW_DETAIL first: asking the scene may build the overview, not needed closer in.
        return scene is not None and (zoom >= LOW_DETAIL or zoom >= scene.overview_zoom())

    def _may_draw_tiles_at(self, zoom: float) -> bool:
        """A zoom level the view can reach (the wheel stops at MAX_ZOOM) and draws items at."""
        return zoom <= MAX_ZOOM * 1.0001 and self._draws_items(zoom)

    def _patch_overview(self) -> None:
        scene = self.chart_scene()
        if scene is not None and scene.prepare_overview_step():
            # One stale layer built this turn (a national chart's take 20-35 ms each); the
            # next is built, or the picture patched, on the next turn, so the costs never add
            # up in one stall of the event loop.
            QTimer.singleShot(0, self._patch_overview)
            return
        self._patch_pending = False
        if scene is not None:
            scene.patch_overview()
            self.viewport().update()

    def _paint_rubber_band(self, painter: QPainter) -> None:
        """The selection rectangle of a Shift+drag, as QGraphicsView draws it."""
        band = self.rubberBandRect()
        if band.isEmpty():
            return
        option = QStyleOptionRubberBand()
        option.initFrom(self.viewport())
        option.rect = band
        option.shape = QRubberBand.Shape.Rectangle
        mask = QStyleHintReturnMask()
        style = self.style()
        if style.styleHint(QStyle.StyleHint.SH_RubberBand_Mask, option, self.viewport(), mask):
            painter.setClipRegion(mask.region, Qt.ClipOperation.IntersectClip)
        style.drawControl(QStyle.ControlElement.CE_RubberBand, option, painter, self.viewport())

    # ----- events --------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # Shift+wheel scrolls sideways, as in other apps
            return
        delta = event.angleDelta().y()
        if delta == 0:
            super().wheelEvent(event)
            return
        self.zoom_by(WHEEL_STEP ** (delta / 120.0), event.position())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.zoom_by(pinch.scaleFactor(), pinch.centerPoint())
                event.accept()
                return True
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1.0 + event.value(), event.position())
            return True
        return super().viewportEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.viewport_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.viewport_changed.emit()

    def leaveEvent(self, event: QEvent) -> None:
        scene = self.chart_scene()
        if scene is not None:
            scene.set_hovered(None)
        super().leaveEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab walk the bodies instead of leaving the chart."""
        if self.isHidden():
            # Qt also calls this to pass the focus on when the focused view is hidden (the
            # window hides it while it opens another chart): that is no Tab press, and
            # stepping would select the new chart's first body and dim all the rest.
            return super().focusNextPrevChild(next)
        return self.step_selection(1 if next else -1)

    def step_selection(self, step: int) -> bool:
        """Select the next (or previous) body in reading order and bring it into view."""
        scene = self.chart_scene()
        if scene is None:
            return False
        order = scene.reading_order()
        if not order:
            return False
        selected = scene.selected_body_ids()
        if selected and selected[0] in order:
            index = (order.index(selected[0]) + step) % len(order)
        else:
            index = 0 if step > 0 else len(order) - 1
        scene.select_bodies([order[index]])
        self.ensureVisible(scene.body_rect(order[index]), 60, 60)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        scene = self.chart_scene()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and scene is not None:
            selected = scene.selected_body_ids()
            if selected:
                scene.body_activated.emit(selected[0])
                event.accept()
                return
        pans = {
            Qt.Key.Key_Left: (-KEY_PAN_STEP, 0),
            Qt.Key.Key_Right: (KEY_PAN_STEP, 0),
            Qt.Key.Key_Up: (0, -KEY_PAN_STEP),
            Qt.Key.Key_Down: (0, KEY_PAN_STEP),
        }
        if key in pans and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            dx, dy = pans[Qt.Key(key)]
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)
            event.accept()
            return
        if key == Qt.Key.Key_Tab and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier:
            self.step_selection(1)
            event.accept()
            return
        if key == Qt.Key.Key_Backtab:
            self.step_selection(-1)
            event.accept()
            return
        super().keyPressEvent(event)

    # ----- accessibility ---------------------------------------------------------------------
    def _describe_selection(self) -> None:
        scene = self.chart_scene()
        selected = scene.selected_body_ids() if scene else []
        if not scene or not selected:
            self.setAccessibleName("Chart")
            self.setAccessibleDescription("No body selected. Press Tab to move between bodies.")
            return
        body = scene.chart.body(selected[0])
        kind = body_kind(body.kind).display_name
        self.setAccessibleName(f"{body.name}, {kind}")
        related = len(scene.chart.relationships_of(body.id))
        self.setAccessibleDescription(
            f"{body.description or kind}. {related} relationships. Press Enter for details."
        )


def _nearest_turn(difference: float) -> float:
    """A difference of two sub-pixel offsets, as the smallest move between them."""
    return difference - round(difference)
