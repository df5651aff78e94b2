"""A group's frame: a softly filled rounded rectangle behind its members, with the group name.

The label sits at the layout's `label_pos` (its baseline's left end, inside the frame's top).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from icsviewer.canvas.fonts import chart_font
from icsviewer.canvas.qt_style import make_pen, qcolor

FRAME_LABEL_SIZE = 10.0
FRAME_RADIUS = 6.0
# The strip at the top of a frame that reacts to a double-click (collapse) and shows a hint.
LABEL_STRIP_HEIGHT = 18.0


class FrameItem(QGraphicsItem):
    """One group's frame. `key` is the group id."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self._rect = QRectF()
        self._label = ""
        self._label_pos = QPointF()
        self._pen = QPen()
        self._collapsed_pen = QPen()
        self._brush = QBrush()
        self._text_pen = QPen()
        self._collapsed = False
        self._count_text = ""
        self.setZValue(0.0)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_frame(self, rect: QRectF, label: str, label_pos: tuple[float, float]) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(rect)
        self._label = label
        lx, ly = label_pos
        if (lx, ly) == (0.0, 0.0) or not rect.adjusted(-1, -1, 1, 1).contains(QPointF(lx, ly)):
            lx, ly = rect.left() + 8.0, rect.top() + 13.0
        self._label_pos = QPointF(lx, ly)
        self.update()

    def set_look(self, fill: str, stroke: str, text: str, dash: tuple[float, ...]) -> None:
        self._pen = make_pen(stroke, 1.0, dash)
        # Collapsed: a heavier, dashed edge says "there is more inside".
        self._collapsed_pen = make_pen(stroke, 1.8, (4.0, 2.0))
        self._brush = QBrush(qcolor(fill))
        self._text_pen = QPen(qcolor(text))
        self.update()

    def set_collapsed(self, collapsed: bool, hidden_count: int) -> None:
        """A collapsed group's frame stands for its members: name and count, centred."""
        self._collapsed = collapsed
        noun = "body" if hidden_count == 1 else "bodies"
        self._count_text = f"{hidden_count} {noun} (double-click to expand)" if collapsed else ""
        self.setZValue(2.0 if collapsed else 0.0)
        self.setToolTip(f"{self._label}: {self._count_text}" if collapsed else "")
        self.update()

    @property
    def collapsed(self) -> bool:
        return self._collapsed

    @property
    def label(self) -> str:
        return self._label

    def frame_rect(self) -> QRectF:
        return QRectF(self._rect)

    def label_strip(self) -> QRectF:
        """The top band of the frame, where the name is (double-click collapses the group)."""
        return QRectF(self._rect.left(), self._rect.top(), self._rect.width(), LABEL_STRIP_HEIGHT)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1.0, -1.0, 1.0, 1.0)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(self._collapsed_pen if self._collapsed else self._pen)
        painter.setBrush(self._brush)
        painter.drawRoundedRect(self._rect, FRAME_RADIUS, FRAME_RADIUS)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod * FRAME_LABEL_SIZE < 3.5 or not self._label:
            return
        device = painter.device()
        dpi = float(device.logicalDpiY()) if device is not None else 96.0
        painter.setFont(chart_font(FRAME_LABEL_SIZE, True, dpi))
        painter.setPen(self._text_pen)
        if self._collapsed:
            # Name on top, count below, centred: the frame is standing in for a box.
            half = self._rect.height() / 2
            top = QRectF(self._rect.left(), self._rect.top(), self._rect.width(), half)
            painter.drawText(
                top, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), self._label
            )
            painter.setFont(chart_font(FRAME_LABEL_SIZE * 0.8, False, dpi))
            bottom = QRectF(self._rect.left(), self._rect.top() + half, self._rect.width(), half)
            painter.drawText(
                bottom,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                "+ " + self._count_text.split(" (")[0],
            )
            return
        width = self._rect.right() - self._label_pos.x() - 4.0
        text_rect = QRectF(
            self._label_pos.x(),
            self._label_pos.y() - FRAME_LABEL_SIZE,
            max(width, 10.0),
            FRAME_LABEL_SIZE * 1.3,
        )
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), self._label
        )
