"""A body's box: a rounded rectangle with its wrapped label, drawn from a resolved style.

Geometry and looks are set from outside (`set_box`, `set_look`); `paint` only draws what was
prepared. When the box is too small on screen to read, the label is skipped (level of detail),
which keeps a 2,500-body chart fluid when zoomed out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from icsviewer.canvas.fonts import chart_font
from icsviewer.canvas.items.label_glyphs import PlacedRun, centred_runs, draw_runs
from icsviewer.canvas.qt_style import make_brush, make_pen, with_alpha

# Below this many device pixels of text height a label is unreadable: draw faint bars instead.
MIN_READABLE_TEXT_PX = 3.5
LINE_SPACING = 1.2
SELECTION_WIDTH = 3.0
# A far-out bar standing for a label line is this tall for the label's size.
LABEL_BAR_HEIGHT = 0.6


@dataclass(frozen=True)
class BoxLook:
    """Everything about how a box is drawn, in plain values (from a theme's BodyStyle)."""

    fill: str
    text: str
    stroke: str
    stroke_width: float = 1.0
    dash: tuple[float, ...] = ()
    corner_radius: float = 4.0
    bold: bool = False
    highlight: str = "#FFB81C"


@dataclass(frozen=True)
class _Pens:
    """The pens and brushes of one look, made once and shared by every box with that look."""

    box: QPen
    fill: QBrush
    text: QPen
    ring: QPen
    bar: QBrush


@lru_cache(maxsize=256)
def _pens_for(look: BoxLook) -> _Pens:
    return _Pens(
        make_pen(look.stroke, look.stroke_width, look.dash),
        make_brush(look.fill),
        make_pen(look.text, 1.0),
        make_pen(look.highlight, SELECTION_WIDTH),
        QBrush(with_alpha(look.text, 0.35)),
    )


DEFAULT_LOOK = BoxLook("#FFFFFF", "#000000", "#425563")
# Looked up once: Python enum members cost a microsecond each, and there are thousands of boxes.
_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable


class BodyItem(QGraphicsItem):
    """One box on the chart. `key` is the body id."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self._rect = QRectF()
        self._outer = QRectF()
        self._lines: tuple[str, ...] = ()
        self._font_size = 10.0
        # The far-out bars standing for the label, made on first use after each set_box.
        self._bars: list[QRectF] | None = None
        # The label shaped for painting (see label_glyphs), with the device DPI it was shaped
        # for; made on the first readable paint after each change of text, size or look.
        self._runs: tuple[float, list[PlacedRun]] | None = None
        self._look = DEFAULT_LOOK
        self._pens = _pens_for(DEFAULT_LOOK)
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)
        # Not cached in a pixmap: the label is prepared glyph runs, so drawing the box is
        # about as cheap as copying a cached pixmap, and every zoom step would make each box
        # a new one (a pan moves the view's pixels anyway and redraws only the strip it
        # uncovers).
        self.setZValue(2.0)

    # ----- setters: all geometry and pens are prepared here, not in paint() -------------------
    def set_box(self, rect: QRectF, lines: tuple[str, ...], font_size: float) -> None:
        """Place the box (scene coordinates) with its already wrapped label lines."""
        # A new item, not yet in a scene, has no geometry filed anywhere to change.
        placed = self.scene() is not None
        if placed:
            if (rect, lines, font_size) == (self.scene_rect(), self._lines, self._font_size):
                return  # a re-layout that left this box alone: no geometry change to file
            self.prepareGeometryChange()
        self.setPos(rect.topLeft())
        self._rect = QRectF(0.0, 0.0, rect.width(), rect.height())
        self._lines = lines
        self._font_size = font_size
        self._bars = None
        self._runs = None
        self._update_outer()
        if placed:
            self.update()

    def set_look(self, look: BoxLook) -> None:
        if look == self._look:
            return  # restyling after a re-layout or an unrelated edit: nothing to redo
        self._look = look
        self._runs = None  # bold or not
        # Shared, cached pens and brushes: a big chart uses a few dozen distinct looks.
        self._pens = _pens_for(look)
        placed = self.scene() is not None
        if placed:
            self.prepareGeometryChange()
        self._update_outer()
        if placed:
            self.update()

    def _update_outer(self) -> None:
        margin = max(self._look.stroke_width, SELECTION_WIDTH) + 2.0
        self._outer = self._rect.adjusted(-margin, -margin, margin, margin)

    # ----- reading -------------------------------------------------------------------------
    @property
    def lines(self) -> tuple[str, ...]:
        return self._lines

    @property
    def look(self) -> BoxLook:
        return self._look

    @property
    def font_size(self) -> float:
        return self._font_size

    def scene_bars(self) -> list[QRectF]:
        """The far-out bars standing for the label, in scene coordinates."""
        pos = self.pos()
        return self._text_bars(pos.x(), pos.y())

    def scene_rect(self) -> QRectF:
        """The box in scene coordinates, without the selection ring."""
        return self._rect.translated(self.pos())

    def overview_entry(self) -> tuple[BoxLook, QRectF, list[QRectF], float]:
        """(look, box, label bars, label size) in scene coordinates, for the far-out picture."""
        pos = self.pos()
        x, y = pos.x(), pos.y()
        rect = QRectF(x, y, self._rect.width(), self._rect.height())
        return self._look, rect, self._text_bars(x, y), self._font_size

    # ----- QGraphicsItem -------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._outer

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        radius = self._look.corner_radius
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(self._pens.box)
        painter.setBrush(self._pens.fill)
        painter.drawRoundedRect(self._rect, radius, radius)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(self._pens.ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            gap = SELECTION_WIDTH / 2 + self._look.stroke_width / 2 + 0.5
            outer = self._rect.adjusted(-gap, -gap, gap, gap)
            painter.drawRoundedRect(outer, radius + gap, radius + gap)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod * self._font_size < MIN_READABLE_TEXT_PX:
            self._paint_text_bars(painter)
            return
        device = painter.device()
        dpi = float(device.logicalDpiY()) if device is not None else 96.0
        if self._runs is None or self._runs[0] != dpi:
            font = chart_font(self._font_size, self._look.bold, dpi)
            rect = self._rect
            runs = centred_runs(
                self._lines, font, rect.width(), rect.height(), self._font_size * LINE_SPACING
            )
            self._runs = (dpi, runs)
        painter.setPen(self._pens.text)
        draw_runs(painter, self._runs[1])

    def _paint_text_bars(self, painter: QPainter) -> None:
        """Faint bars where the text would be, so a far-out view still reads as a chart."""
        if self._bars is None:
            # Far out every box paints this on each frame: work the bars out once.
            self._bars = self._text_bars()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._pens.bar)
        painter.drawRects(self._bars)

    def _text_bars(self, x: float = 0.0, y: float = 0.0) -> list[QRectF]:
        """Where the label's lines are, as bars, with the box's top-left corner at (x, y)."""
        rect = self._rect
        return label_bars(x, y, rect.width(), rect.height(), self._lines, self._font_size)


def label_bars(
    x: float, y: float, width_of_box: float, height: float, lines: tuple[str, ...], size: float
) -> list[QRectF]:
    """The faint bars standing for a box's label lines far out (box top-left at (x, y)).

    One function for items and for the layout-only entries of boxes not made yet (see
    population.py), so both draw the same far-out picture.
    """
    line_height = size * LINE_SPACING
    top = y + (height - line_height * len(lines)) / 2
    centre_x = x + width_of_box / 2
    bars = []
    for index, line in enumerate(lines):
        width = min(width_of_box - 8.0, len(line) * size * 0.5)
        centre_y = top + (index + 0.5) * line_height
        height = size * LABEL_BAR_HEIGHT
        bars.append(QRectF(centre_x - width / 2, centre_y - height / 2, width, height))
    return bars
