"""A group's frame: a softly filled rounded rectangle behind its members, with the group name.

The name is a separate item (`FrameLabelItem`) stacked above the lines, on a backing of the
frame's own colour: lines pass behind a Place's name instead of through it, so "Halton" or
"Wirral" stays readable on a busy chart. The label sits at the layout's `label_pos` (the left
end of its baseline, inside the frame's top strip).

A collapsed group is laid out as a small frame standing for its members; it then shows its
name and how many bodies it holds, centred, with a heavier dashed edge.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from icsviewer.canvas.fonts import chart_font
from icsviewer.canvas.literal_text import literal_tooltip
from icsviewer.canvas.qt_style import make_pen, qcolor
from icsviewer.layout.text_metrics import text_width

FRAME_LABEL_SIZE = 14.0
FRAME_RADIUS = 6.0
# The strip at the top of a frame that reacts to a double-click (collapse).
LABEL_STRIP_HEIGHT = 18.0
LABEL_PAD = 3.0
# Below this many pixels of text height the name is not drawn (level of detail).
MIN_LABEL_PX = 3.5


# Looked up once: itemChange runs for every change of every frame (Python enums are slow).
_VISIBLE_CHANGED = QGraphicsItem.GraphicsItemChange.ItemVisibleHasChanged
_OPACITY_CHANGED = QGraphicsItem.GraphicsItemChange.ItemOpacityHasChanged


class FrameLabelItem(QGraphicsItem):
    """A group's name on a small backing, drawn above lines and below boxes."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._rect = QRectF()
        self._size = FRAME_LABEL_SIZE
        self._brush = QBrush()
        self._pen = QPen()
        self.setZValue(1.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Not cached: one line of text, and a pixmap per zoom step cost more than drawing it.

    def set_text(self, text: str, baseline_left: QPointF, max_width: float) -> None:
        """Place the name with its baseline starting at `baseline_left`, at most `max_width` wide.

        A name too wide for its frame is drawn smaller rather than cut off.
        """
        self.prepareGeometryChange()
        self._text = text
        size = FRAME_LABEL_SIZE
        width = text_width(text, size, True)
        if width > max_width > 0:
            size = max(FRAME_LABEL_SIZE * max_width / width, 6.0)
            width = text_width(text, size, True)
        self._size = size
        top = baseline_left.y() - size * 0.95
        self._rect = QRectF(
            baseline_left.x() - LABEL_PAD, top - 1.0, width + 2 * LABEL_PAD, size * 1.25 + 2.0
        )
        self.update()

    def set_look(self, fill: str, text: str) -> None:
        self._brush = QBrush(qcolor(fill))
        self._pen = QPen(qcolor(text))
        self.update()

    @property
    def text(self) -> str:
        return self._text

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not self._text:
            return
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod * self._size < MIN_LABEL_PX:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._brush)
        painter.drawRoundedRect(self._rect, 2.0, 2.0)
        device = painter.device()
        dpi = float(device.logicalDpiY()) if device is not None else 96.0
        painter.setFont(chart_font(self._size, True, dpi))
        painter.setPen(self._pen)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self._text)


class FrameItem(QGraphicsItem):
    """One group's frame. `key` is the group id; `label_item` is added to the scene beside it."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.label_item = FrameLabelItem()
        self._rect = QRectF()
        self._label = ""
        self._pen = QPen()
        self._collapsed_pen = QPen()
        self._brush = QBrush()
        self._text_pen = QPen()
        self._collapsed = False
        self._count_text = ""
        self._look_key: tuple[str, str, tuple[float, ...]] = ("#FFFFFF", "#425563", ())
        self.setZValue(0.0)
        # Not cached: a frame is one rounded rectangle, cheap to draw at any zoom, and big. A
        # cached frame cost a pixmap of its on-screen size on every zoom step, megabytes each
        # at 100 %, more than Qt's pixmap cache holds for a view of twenty frames.

    def set_frame(self, rect: QRectF, label: str, label_pos: tuple[float, float]) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(rect)
        self._label = label
        lx, ly = label_pos
        if (lx, ly) == (0.0, 0.0) or not rect.adjusted(-1, -1, 1, 1).contains(QPointF(lx, ly)):
            lx, ly = rect.left() + 8.0, rect.top() + 13.0
        self.label_item.set_text(label, QPointF(lx, ly), rect.right() - lx - LABEL_PAD - 2.0)
        self.update()

    def set_look(self, fill: str, stroke: str, text: str, dash: tuple[float, ...]) -> None:
        self._look_key = (fill, stroke, dash)
        self._pen = make_pen(stroke, 1.0, dash)
        # Collapsed: a heavier, dashed edge says "there is more inside".
        self._collapsed_pen = make_pen(stroke, 1.8, (4.0, 2.0))
        self._brush = QBrush(qcolor(fill))
        self._text_pen = QPen(qcolor(text))
        self.label_item.set_look(fill, text)
        self.update()

    def set_collapsed(self, collapsed: bool, hidden_count: int) -> None:
        """A collapsed group's frame stands for its members: name and count, centred."""
        self._collapsed = collapsed
        noun = "body" if hidden_count == 1 else "bodies"
        self._count_text = f"{hidden_count} {noun}" if collapsed else ""
        self.setZValue(2.0 if collapsed else 0.0)
        self.label_item.setVisible(not collapsed and self.isVisible())
        tip = f"{self._label}: {self._count_text} (double-click to expand)"
        self.setToolTip(literal_tooltip(tip) if collapsed else "")
        self.update()

    @property
    def collapsed(self) -> bool:
        return self._collapsed

    @property
    def label(self) -> str:
        return self._label

    @property
    def look_key(self) -> tuple[str, str, tuple[float, ...]]:
        """(fill, stroke, dash): frames sharing it are drawn alike."""
        return self._look_key

    def frame_rect(self) -> QRectF:
        return QRectF(self._rect)

    def label_strip(self) -> QRectF:
        """The top band of the frame, where the name is (double-click collapses the group)."""
        return QRectF(self._rect.left(), self._rect.top(), self._rect.width(), LABEL_STRIP_HEIGHT)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        # The name follows the frame when build mode hides it or a focus dims it.
        if change == _VISIBLE_CHANGED:
            self.label_item.setVisible(bool(value) and not self._collapsed)
        elif change == _OPACITY_CHANGED:
            self.label_item.setOpacity(self.opacity())
        return super().itemChange(change, value)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1.0, -1.0, 1.0, 1.0)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(self._collapsed_pen if self._collapsed else self._pen)
        painter.setBrush(self._brush)
        painter.drawRoundedRect(self._rect, FRAME_RADIUS, FRAME_RADIUS)
        if not self._collapsed:
            return
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod * FRAME_LABEL_SIZE < MIN_LABEL_PX:
            return
        device = painter.device()
        dpi = float(device.logicalDpiY()) if device is not None else 96.0
        # Name (wrapped, as the layout sized the box for it) above the count, centred: the
        # frame is standing in for a box.
        painter.setFont(chart_font(10.0, True, dpi))
        painter.setPen(self._text_pen)
        count_height = 12.0
        name_rect = self._rect.adjusted(4.0, 3.0, -4.0, -3.0 - count_height)
        count_rect = QRectF(
            self._rect.left(), self._rect.bottom() - 3.0 - count_height,
            self._rect.width(), count_height,
        )  # fmt: skip
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(name_rect, int(flags), self._label)
        painter.setFont(chart_font(8.0, False, dpi))
        painter.drawText(count_rect, int(Qt.AlignmentFlag.AlignCenter), f"+ {self._count_text}")
