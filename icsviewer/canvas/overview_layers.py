"""The batched layers of the far-out picture: rounded rectangles of one look, drawn at once.

`overview.ChartOverview` groups the chart's frames and boxes by look; each group is one of
these, drawn in one call (a path of rounded rectangles when the corners show, plain
rectangles when they would be under a pixel), with a box layer's faint bars standing for
its labels.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen

from icsviewer.canvas.items.body_item import BoxLook
from icsviewer.canvas.qt_style import make_brush, make_pen, with_alpha


class RectLayer:
    """Rounded rectangles of one look (boxes or frames), drawn in one call."""

    def __init__(self, pen: QPen, brush: QBrush, radius: float) -> None:
        self.pen = pen
        self.brush = brush
        self.radius = radius
        self.rects: list[QRectF] = []
        self._rounded: QPainterPath | None = None

    def paint(self, painter: QPainter, lod: float) -> None:
        painter.setPen(self.pen)
        painter.setBrush(self.brush)
        if lod * self.radius >= 1.0:
            painter.drawPath(self.rounded())
        else:  # corners under a pixel: plain rectangles draw ten times faster
            painter.drawRects(self.rects)

    def rounded(self) -> QPainterPath:
        """The rectangles with their rounded corners (only drawn when the corners show)."""
        if self._rounded is None:
            self._rounded = QPainterPath()
            for rect in self.rects:
                self._rounded.addRoundedRect(rect, self.radius, self.radius)
        return self._rounded


class BoxLayer(RectLayer):
    """Boxes of one look, and the bars standing for their labels."""

    def __init__(self, look: BoxLook) -> None:
        pen = make_pen(look.stroke, look.stroke_width, look.dash)
        super().__init__(pen, make_brush(look.fill), look.corner_radius)
        self.bar_brush = QBrush(with_alpha(look.text, 0.35))
        self.bars: list[QRectF] = []
