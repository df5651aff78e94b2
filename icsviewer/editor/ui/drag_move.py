"""Drag bodies to move them: the boxes follow the mouse, and one undo step pins them on release.

Dragging is a preview: items move on screen only; nothing touches the chart until the mouse
is released, when a single `MoveBodies` pins every dragged body at its box's new top-left
corner (layout coordinates: points, y down). The layout then honours the pins; the lines
catch up when it arrives.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from icsviewer.canvas.scene import ChartScene
from icsviewer.editor.commands import MoveBodies
from icsviewer.editor.ui.body_form import UndoTarget


class DragMove(QObject):
    """Watches a chart view's viewport for drags that start on a body."""

    def __init__(
        self,
        view: QGraphicsView,
        scene_of: Callable[[], ChartScene | None],
        doc_of: Callable[[], UndoTarget | None],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._scene_of = scene_of
        self._doc_of = doc_of
        self._press: QPointF | None = None
        self._start: dict[str, QPointF] = {}
        self._moving = False
        view.viewport().installEventFilter(self)

    @property
    def dragging(self) -> bool:
        return self._moving

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        try:
            if isinstance(event, QMouseEvent):
                self._mouse(event)
        except Exception:  # an exception escaping a filter crashes PySide6; report it instead
            sys.excepthook(*sys.exc_info())
        return False  # the view and scene still see every event (selection, hover)

    def _mouse(self, event: QMouseEvent) -> None:
        scene = self._scene_of()
        if scene is None:
            return
        at = self._view.mapToScene(event.position().toPoint())
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._begin(scene, at)
        elif kind == QEvent.Type.MouseMove and self._press is not None:
            if not self._moving:
                distance = (event.position() - self._view.mapFromScene(self._press).toPointF())
                if distance.manhattanLength() < QApplication.startDragDistance():
                    return
                self._moving = True
            self._preview(scene, at - self._press)
        elif kind == QEvent.Type.MouseButtonRelease and self._press is not None:
            if self._moving:
                self._finish(scene, at - self._press)
            self._press, self._start, self._moving = None, {}, False

    def _begin(self, scene: ChartScene, at: QPointF) -> None:
        body_id = scene.body_at(at)
        if body_id is None:
            return
        selected = scene.selected_body_ids()
        ids = selected if body_id in selected else [body_id]
        self._start = {}
        for i in ids:
            item = scene.body_item(i)
            if item is not None:
                self._start[i] = item.pos()
        self._press = at if self._start else None

    def _preview(self, scene: ChartScene, delta: QPointF) -> None:
        for body_id, start in self._start.items():
            item = scene.body_item(body_id)
            if item is not None:
                item.setPos(start + delta)

    def _finish(self, scene: ChartScene, delta: QPointF) -> None:
        doc = self._doc_of()
        if doc is None or delta.isNull():
            return
        moves: dict[str, tuple[tuple[float, float] | None, tuple[float, float] | None]] = {}
        for body_id, start in self._start.items():
            if not doc.chart.has_body(body_id):
                continue
            new = start + delta
            # The layout clamps pins to the chart's top-left; pin what it will show.
            moves[body_id] = (doc.chart.body(body_id).pinned, (max(0.0, new.x()),
                                                               max(0.0, new.y())))
        if moves:
            doc.undo_stack.push(MoveBodies(doc, moves))
