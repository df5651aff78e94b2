"""What the mouse does on the chart scene: hit tests, hover, double-click and right-click.

`InteractiveScene` is the base of `ChartScene` (scene.py): it turns mouse events into the
scene's signals and hover state, and finds the box or group name under a point. What it
needs from the chart scene (selecting, hovering, making items still to be made) it calls as
the hooks below, which `ChartScene` implements.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, QPointF, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
)

from icsviewer.canvas.items.body_item import BodyItem
from icsviewer.canvas.items.frame_item import FrameItem


class InteractiveScene(QGraphicsScene):
    """Mouse handling and hit tests shared by the chart scene."""

    # A body was double-clicked (or Enter pressed on it in the view).
    body_activated = Signal(str)
    # The user asked to collapse or expand a group (double-click on its name or its box).
    group_toggle_requested = Signal(str)
    # Right-click: ("body" | "group" | "chart", id or "", screen position).
    context_requested = Signal(str, str, QPoint)

    # ----- hooks the chart scene implements -----------------------------------------------------
    @property
    def items_ready(self) -> bool:
        """Every item of the current layout exists (a big chart makes them after first paint)."""
        return True

    def ensure_items(self) -> None:
        """Make every item still to be made now."""

    def set_hovered(self, body_id: str | None) -> None:
        """The body under the mouse (None: none)."""

    def select_bodies(self, ids: Iterable[str]) -> None:
        """Select exactly these bodies."""
        raise NotImplementedError

    # ----- hit tests ------------------------------------------------------------------------
    def body_at(self, pos: QPointF) -> str | None:
        """The id of the body whose box is under a scene point, or None."""
        item = self.box_item_at(pos)
        return item.key if item is not None else None

    def box_item_at(self, pos: QPointF) -> BodyItem | None:
        """The visible box under a scene point (every item is made first), or None."""
        self.ensure_items()
        for item in self.items(pos, deviceTransform=QTransform()):
            if isinstance(item, BodyItem) and item.isVisible():
                return item
        return None

    def frame_label_at(self, pos: QPointF) -> str | None:
        """The group whose name strip (or whole collapsed frame) is under a point, or None."""
        self.ensure_items()  # expanded groups' frames may still be to be made (population.py)
        frames = [
            i for i in self.items(pos, deviceTransform=QTransform()) if isinstance(i, FrameItem)
        ]
        for frame in frames:
            if frame.isVisible() and (frame.collapsed or frame.label_strip().contains(pos)):
                return frame.key
        return None

    # ----- mouse --------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        # Hover is only a hint: it waits for the items rather than making them all at once.
        if not event.buttons() and self.items_ready:
            self.set_hovered(self.body_at(event.scenePos()))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.ensure_items()  # the press may select, drag or start a rubber band
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.ensure_items()
        pos = event.scenePos()
        item = self.box_item_at(pos)
        if item is not None:
            self.body_activated.emit(item.key)
            event.accept()
            return
        group_id = self.frame_label_at(pos)
        if group_id is not None:
            self.group_toggle_requested.emit(group_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        self.ensure_items()
        pos = event.scenePos()
        item = self.box_item_at(pos)
        if item is not None:
            if not item.isSelected():
                self.select_bodies([item.key])
            self.context_requested.emit("body", item.key, event.screenPos())
        else:
            group_id = self.frame_label_at(pos)
            kind = "group" if group_id else "chart"
            self.context_requested.emit(kind, group_id or "", event.screenPos())
        event.accept()
