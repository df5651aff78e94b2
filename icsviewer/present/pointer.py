"""The mouse while presenting: a click is a click (next step, or a spotlight), a drag pans,
the wheel zooms, and the cursor hides when it has been still for a while.

Presenters point with the mouse and then leave it; a parked arrow in the middle of the chart
distracts the room. Every mouse event on the viewport is taken here, so a click can never
start an edit, a rubber band or a drag of a body mid-show.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

CURSOR_HIDE_MS = 2000
# A press that moves further than this (pixels) pans instead of clicking.
DRAG_THRESHOLD = 6
# Zoom per wheel notch, as in the window.
WHEEL_FACTOR = 1.15


class PresenterPointer(QObject):
    """Handles a view's viewport mouse events for the presenter."""

    def __init__(
        self,
        view: QGraphicsView,
        on_click: Callable[[QPoint], None],
        on_take_over: Callable[[], None],
        cursor_hide_ms: int = CURSOR_HIDE_MS,
    ) -> None:
        super().__init__(view)
        self.view = view
        self._on_click = on_click
        # Called when the user pans or zooms by hand (the camera should stop gliding).
        self._on_take_over = on_take_over
        self._press: QPoint | None = None
        self._last: QPoint | None = None
        self._dragging = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(cursor_hide_ms)
        self._timer.timeout.connect(self._hide_cursor)

    @property
    def cursor_hidden(self) -> bool:
        return self.view.viewport().cursor().shape() == Qt.CursorShape.BlankCursor

    def stop(self) -> None:
        self._timer.stop()

    def wake(self) -> None:
        """Show the cursor again and start counting the stillness afresh."""
        viewport = self.view.viewport()
        if viewport.cursor().shape() == Qt.CursorShape.BlankCursor:
            viewport.setCursor(Qt.CursorShape.ArrowCursor)
        self._timer.start()

    def _hide_cursor(self) -> None:
        self.view.viewport().setCursor(Qt.CursorShape.BlankCursor)

    def handle(self, event: QEvent) -> bool:
        """Act on one viewport event; True if it was taken (every mouse event is)."""
        kind = event.type()
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            self.wake()
            self._drag_to(event.position().toPoint())
            return True
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick) and isinstance(
            event, QMouseEvent
        ):
            self.wake()
            if event.button() == Qt.MouseButton.LeftButton:
                self._press = self._last = event.position().toPoint()
                self._dragging = False
            return True
        if kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
                if not self._dragging:
                    self._on_click(event.position().toPoint())
                self._press = None
            return True
        if kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            self._on_take_over()
            steps = event.angleDelta().y() / 120
            if steps:
                self.view.zoom_by(WHEEL_FACTOR**steps, event.position())  # type: ignore[attr-defined]
            return True
        # No context menus or drag-and-drop while presenting.
        return kind in (QEvent.Type.ContextMenu, QEvent.Type.DragEnter, QEvent.Type.Drop)

    def _drag_to(self, pos: QPoint) -> None:
        if self._press is None or self._last is None:
            return
        if not self._dragging and (pos - self._press).manhattanLength() < DRAG_THRESHOLD:
            return
        self._dragging = True
        self._on_take_over()
        delta = pos - self._last
        self._last = pos
        h_bar, v_bar = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        h_bar.setValue(h_bar.value() - delta.x())
        v_bar.setValue(v_bar.value() - delta.y())
