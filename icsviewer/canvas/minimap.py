"""An overview of the whole chart with the part the main view shows outlined.

Click or drag in it to move the main view there. The chart is rendered once into a picture
(again only after the scene changes, batched), so panning a 2,500-body chart never redraws the
overview's items.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from icsviewer.canvas.scene import ChartScene
from icsviewer.canvas.view import ChartView

REFRESH_DELAY_MS = 250


class Minimap(QWidget):
    """A small picture of the scene that steers a ChartView."""

    def __init__(self, main_view: ChartView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._main = main_view
        self._scene: ChartScene | None = None
        self._picture = QPixmap()
        self._target = QRectF()
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._render)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Overview of the whole chart")
        self.setToolTip("Overview: click or drag to move the chart view")
        self.setMinimumSize(160, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        main_view.viewport_changed.connect(self.update)
        self.sync_scene()

    def sizeHint(self) -> QSize:
        return QSize(240, 160)

    def sync_scene(self) -> None:
        """Follow the main view's current scene (after a file is opened)."""
        if self._scene is not None:
            self._scene.picture_changed.disconnect(self._schedule)
        scene = self._main.chart_scene()
        if scene is not self._scene:
            self._picture = QPixmap()  # never show the previous chart's picture
            self.update()
        self._scene = scene
        if scene is not None:
            # Only real changes of the picture: hovering a body must not re-render it.
            scene.picture_changed.connect(self._schedule)
        # Batched, not now: rendering a big chart here would delay the main view's first
        # paint (a 2,500-body chart takes about 0.1 s to render).
        self._stale = True
        self._schedule()

    def detach(self) -> None:
        """Stop following the view and its scene (the window is closing)."""
        self._timer.stop()
        self._main.viewport_changed.disconnect(self.update)
        if self._scene is not None:
            self._scene.picture_changed.disconnect(self._schedule)
            self._scene = None

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _render(self) -> None:
        """Draw the scene into the picture, scaled to fit the widget."""
        scene = self._scene
        if not self.isVisible():
            self._stale = True  # drawn when shown (a hidden overview costs nothing)
            return
        if scene is not None and scene.prepare_overview_step():
            # One part of the picture rebuilt per event-loop turn: after an edit to a national
            # chart, boxes, lines and frames together would hold up the window for 50 ms.
            QTimer.singleShot(0, self, self._render_if_current(scene))
            return
        self._stale = False
        if scene is None or self.width() <= 0 or self.height() <= 0:
            self._picture = QPixmap()
            self.update()
            return
        source = scene.sceneRect()
        self._target = self._fitted_target()
        w, h = self._target.width(), self._target.height()
        ratio = self.devicePixelRatioF()
        picture = QPixmap(max(int(w * ratio), 1), max(int(h * ratio), 1))
        picture.setDevicePixelRatio(ratio)
        picture.fill(scene.backgroundBrush().color())
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The scene's batched far-out picture (milliseconds even for 10,000 bodies), with its
        # selection and focus as the main view shows them.
        scale = min(w / max(source.width(), 1.0), h / max(source.height(), 1.0))
        painter.scale(scale, scale)
        painter.translate(-source.left(), -source.top())
        scene.paint_overview(painter, source, scale)
        painter.end()
        self._picture = picture
        self.update()

    def _render_if_current(self, scene: ChartScene) -> Callable[[], None]:
        """`_render`, unless the overview has moved on to another scene (or closed) since."""

        def render() -> None:
            if self._scene is scene:
                self._render()

        return render

    def _fitted_target(self) -> QRectF:
        """Where the whole scene is drawn inside the widget (centred, aspect kept)."""
        if self._scene is None:
            return QRectF()
        source = self._scene.sceneRect()
        scale = min(
            self.width() / max(source.width(), 1.0), self.height() / max(source.height(), 1.0)
        )
        w, h = source.width() * scale, source.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def visible_area(self) -> QRectF:
        """The part of the scene the main view shows, in scene coordinates."""
        return self._main.mapToScene(self._main.viewport().rect()).boundingRect()

    def _to_widget(self, rect: QRectF) -> QRectF:
        scene = self._scene
        if scene is None or self._target.isEmpty():
            return QRectF()
        source = scene.sceneRect()
        sx = self._target.width() / max(source.width(), 1.0)
        sy = self._target.height() / max(source.height(), 1.0)
        return QRectF(
            self._target.left() + (rect.left() - source.left()) * sx,
            self._target.top() + (rect.top() - source.top()) * sy,
            rect.width() * sx,
            rect.height() * sy,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if not self._picture.isNull():
            painter.drawPixmap(self._target.topLeft(), self._picture)
        area = self._to_widget(self.visible_area()).intersected(self._target)
        covers_all = area.width() >= self._target.width() - 2 and (
            area.height() >= self._target.height() - 2
        )
        if not area.isEmpty() and not covers_all:
            # The part the main view shows (nothing is drawn while it shows everything).
            painter.setPen(QPen(QColor("#005EB8"), 1.5))
            painter.setBrush(QColor(0, 94, 184, 30))
            painter.drawRect(area.adjusted(0.75, 0.75, -0.75, -0.75))
        painter.end()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._schedule()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule()

    def _steer(self, pos: QPointF) -> None:
        scene = self._scene
        target = self._fitted_target()
        if scene is None or target.isEmpty():
            return
        source = scene.sceneRect()
        x = source.left() + (pos.x() - target.left()) / target.width() * source.width()
        y = source.top() + (pos.y() - target.top()) / target.height() * source.height()
        self._main.centerOn(QPointF(x, y))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._steer(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._steer(event.position())
