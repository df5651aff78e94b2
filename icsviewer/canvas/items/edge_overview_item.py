"""All relationship lines as one item, drawn instead of the single lines when zoomed far out.

Far out, a 2,500-body chart has over 3,000 lines, each a Python `paint` call stroking its own
curve: a few hundred milliseconds a frame. This item strokes them as one path per colour in
a single call, with one-pixel lines, and only below `LOW_DETAIL` zoom; above it the single
lines draw themselves (with dashes, arrowheads and emphasis) and this item draws nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from icsviewer.canvas.qt_style import qcolor

# Below this zoom (pixels per point) the overview draws the lines and single lines do not.
LOW_DETAIL = 0.3


class EdgeOverviewItem(QGraphicsItem):
    """Every visible line in one go, for far-out views."""

    def __init__(self) -> None:
        super().__init__()
        self._layers: list[tuple[QPen, QPainterPath]] = []
        self._bounds = QRectF()
        self.setZValue(1.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_paths(self, paths: Iterable[tuple[str, QPainterPath]]) -> None:
        """(colour, path) for each visible line; lines of one colour are merged."""
        self.prepareGeometryChange()
        merged: dict[str, QPainterPath] = {}
        for colour, path in paths:
            merged.setdefault(colour, QPainterPath()).addPath(path)
        self._layers = [(QPen(qcolor(colour), 0), path) for colour, path in merged.items()]
        bounds = QRectF()
        for _pen, path in self._layers:
            bounds = bounds.united(path.boundingRect())
        self._bounds = bounds.adjusted(-2.0, -2.0, 2.0, 2.0)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod >= LOW_DETAIL:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, path in self._layers:
            painter.setPen(pen)
            painter.drawPath(path)
