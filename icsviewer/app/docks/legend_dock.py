"""The legend panel: a swatch per body kind and a line sample per relationship kind in use.

Drawn from `icsviewer.style.legend.build_legend`, the same list every exporter draws.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from icsviewer.canvas.items.relation_item import arrowhead
from icsviewer.canvas.qt_style import make_pen, qcolor
from icsviewer.model.chart import Chart
from icsviewer.style.legend import build_legend
from icsviewer.style.theme import BodyStyle, RelationStyle, Theme

SWATCH = QSize(44, 22)


def body_swatch(style: BodyStyle, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(int(SWATCH.width() * ratio), int(SWATCH.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(make_pen(style.stroke, style.stroke_width, style.dash))
    painter.setBrush(qcolor(style.fill))
    painter.drawRoundedRect(QRectF(3, 3, SWATCH.width() - 6, SWATCH.height() - 6), 3, 3)
    painter.end()
    return pixmap


def relation_swatch(style: RelationStyle, directed: bool, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(int(SWATCH.width() * ratio), int(SWATCH.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    y = SWATCH.height() / 2
    end = SWATCH.width() - (11 if directed else 3)
    painter.setPen(make_pen(style.colour, max(style.width, 1.2), style.dash))
    painter.drawLine(QPointF(3, y), QPointF(end, y))
    if directed:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor(style.colour))
        painter.drawPolygon(arrowhead((end, y), (SWATCH.width() - 3, y), 8, 3.5))
    painter.end()
    return pixmap


class LegendPanel(QListWidget):
    """What the shapes and lines on the chart mean, for the current chart and theme."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(SWATCH)
        self.setAccessibleName("Legend")
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)

    def show_legend(self, chart: Chart, theme: Theme) -> None:
        from icsviewer.model.kinds import relation_kind

        self.clear()
        legend = build_legend(chart, theme)
        ratio = self.devicePixelRatioF()
        self._heading("Bodies")
        for entry in legend.bodies:
            item = QListWidgetItem(QIcon(body_swatch(entry.style, ratio)), entry.label)
            item.setToolTip(entry.description)
            self.addItem(item)
        self._heading("Relationships")
        for rel in legend.relations:
            directed = rel.style.arrow and relation_kind(rel.kind).directed
            item = QListWidgetItem(QIcon(relation_swatch(rel.style, directed, ratio)), rel.label)
            item.setToolTip(rel.description)
            self.addItem(item)

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setForeground(self.palette().windowText())
        self.addItem(item)

    def labels(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
