"""Shift+drag on the chart selects every body inside the rectangle (rubber-band selection).

A plain drag still pans the chart (the view's hand-drag mode); holding Shift when pressing
switches that one drag to a rubber band, and the view goes back to panning on release.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsView

from icsviewer.canvas.scene import ChartScene


class RubberBandSelect(QObject):
    """Switches a view to rubber-band dragging for Shift+drags."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self._view = view
        self._previous: QGraphicsView.DragMode | None = None
        view.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:
            if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
                self._switch(event)
        except Exception:  # an exception escaping a filter crashes PySide6; report it instead
            sys.excepthook(*sys.exc_info())
        return False

    def _on_body(self, event: QMouseEvent) -> bool:
        scene = self._view.scene()
        if not isinstance(scene, ChartScene):
            return self._view.itemAt(event.position().toPoint()) is not None
        return scene.body_at(self._view.mapToScene(event.position().toPoint())) is not None

    def _switch(self, event: QMouseEvent) -> None:
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            and not self._on_body(event)
        ):
            self._previous = self._view.dragMode()
            self._view.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        elif event.type() == QEvent.Type.MouseButtonRelease and self._previous is not None:
            # After the view has finished the band (this filter runs first, so defer).
            previous, self._previous = self._previous, None
            QTimer.singleShot(0, lambda: self._view.setDragMode(previous))
