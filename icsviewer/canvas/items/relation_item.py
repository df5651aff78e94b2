"""A relationship's line: a QPainterPath through the layout's Bezier points, with an arrowhead.

The path, arrowhead and label position are built in `set_route` when the layout changes;
`draw` only strokes and fills what is ready, and of a long line only the pieces in the
exposed part of the view (see line_pieces).

In a scene with a line layer (`line_layer.LineLayer`, the chart scene's) the layer draws the
line with all the others in one paint, and the item only draws itself while it is emphasised
(thicker, on top of the rest): a view at 100 % crosses hundreds of lines, and a Python
`paint` call for each cost more than stroking them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from icsviewer.canvas.fonts import chart_font
from icsviewer.canvas.items.line_pieces import Pieces, cut, span_path, visible_runs
from icsviewer.canvas.items.line_strokes import WHOLE, RunCache, stroke
from icsviewer.canvas.qt_style import make_brush, make_pen, qcolor
from icsviewer.layout.text_metrics import text_width

Point = tuple[float, float]

ARROW_LENGTH = 8.0
ARROW_HALF_WIDTH_RATIO = 0.38
LABEL_FONT_SIZE = 8.0
# Smallest on-screen size (pixels) at which line labels are drawn when not in focus.
MIN_LABEL_PX = 9.0
# A soft white backing keeps a label readable where it crosses other lines.
LABEL_BACKGROUND = QColor(255, 255, 255, 215)
# Emphasised lines (the focus of a hover, selection or presenter step) are this much thicker.
EMPHASIS_FACTOR = 1.9


# Looked up once (Python enum members are slow and there are thousands of lines).
_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_PEN = Qt.PenStyle.NoPen


def bezier_path(points: Sequence[Point]) -> QPainterPath:
    """A path through Graphviz-style points (p0, c1, c2, p1, ...); a polyline if not 3k+1."""
    if not points:
        return QPainterPath()
    path = QPainterPath(QPointF(*points[0]))
    if len(points) >= 4 and (len(points) - 1) % 3 == 0:
        for i in range(1, len(points), 3):
            # The plain-number overload: no QPointF objects for thousands of lines.
            path.cubicTo(*points[i], *points[i + 1], *points[i + 2])
    else:
        for point in points[1:]:
            path.lineTo(*point)
    return path


def arrowhead(base: Point, tip: Point, length: float, half_width: float) -> QPolygonF:
    """A filled triangle pointing from `base` towards `tip`, its point at `tip`."""
    dx, dy = tip[0] - base[0], tip[1] - base[1]
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    back = (tip[0] - ux * length, tip[1] - uy * length)
    return QPolygonF(
        [
            QPointF(*tip),
            QPointF(back[0] - uy * half_width, back[1] + ux * half_width),
            QPointF(back[0] + uy * half_width, back[1] - ux * half_width),
        ]
    )


class RelationItem(QGraphicsItem):
    """One relationship drawn between two boxes. `key` is the relationship id."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.source = ""
        self.target = ""
        self._path = QPainterPath()
        self._points: tuple[Point, ...] = ()
        # A long line's pieces, made when first needed ([]: short, drawn whole).
        self._pieces: Pieces | None = None
        self._short = False  # cut found the line short enough to draw whole
        # The whole line or runs of its pieces as drawn lately (see line_strokes).
        self._runs = RunCache()
        # The arrowhead as (base, tip, length, half width), its polygon made on first paint.
        self._arrow_spec: tuple[Point, Point, float, float] | None = None
        self._arrow: QPolygonF | None = None
        self._label = ""
        self._label_pos: QPointF | None = None
        self._label_rect = QRectF()
        self._colour = "#425563"
        self._width = 1.0
        self._dash: tuple[float, ...] = ()
        self._directed = True
        self._emphasised = False
        self._pen = QPen()
        self._bounds = QRectF()
        # What the route was built from, so a re-layout that leaves the line alone costs nothing.
        self._route: tuple[object, ...] | None = None
        self._styled = False
        self.setZValue(1.0)
        # paint needs the exposed part of the view to draw only the pieces there.
        self.setFlags(_FLAGS)

    def set_route(
        self,
        source: str,
        target: str,
        points: Sequence[Point],
        arrow_tip: Point | None,
        label: str = "",
        label_pos: Point | None = None,
    ) -> None:
        """Build the line from the layout: Bezier points and, if directed, the arrowhead."""
        route = (source, target, tuple(points), arrow_tip, label, label_pos)
        if route == self._route:
            return
        self._route = route
        placed = self.scene() is not None  # a new item is not filed anywhere yet
        before = self._bounds
        if placed:
            self.prepareGeometryChange()
        self.source, self.target = source, target
        self._path = bezier_path(points)
        self._points = tuple(points)
        self._pieces = None  # cut on first paint: most lines are never drawn close up
        self._short = False
        self._runs.clear()
        self._arrow, self._arrow_spec = None, None
        if arrow_tip and points:
            # Graphviz convention: the curve stops short and the arrowhead spans the gap.
            base = points[-1]
            length = math.dist(base, arrow_tip)
            if length > 0.5:
                self._arrow_spec = (base, arrow_tip, length, length * ARROW_HALF_WIDTH_RATIO)
        elif len(points) >= 2 and points[-2] != points[-1]:
            self._arrow_spec = (
                points[-2],
                points[-1],
                ARROW_LENGTH,
                ARROW_LENGTH * ARROW_HALF_WIDTH_RATIO,
            )
        self._label = label
        self._label_pos = QPointF(*label_pos) if label and label_pos else None
        self._label_rect = QRectF()
        if self._label_pos is not None:
            # Width from the same metrics the layout uses, so the backing fits the text.
            width = text_width(label, LABEL_FONT_SIZE) + 4.0
            self._label_rect = QRectF(
                self._label_pos.x() - width / 2, self._label_pos.y() - 6.0, width, 12.0
            )
        self._update_bounds()
        if placed:
            self._repaint(before)

    def set_look(self, colour: str, width: float, dash: tuple[float, ...], directed: bool) -> None:
        look = (colour, width, dash, directed)
        if self._styled and look == (self._colour, self._width, self._dash, self._directed):
            return  # unchanged: restyling after a re-layout or an unrelated edit
        self._styled = True
        self._colour, self._width, self._dash, self._directed = colour, width, dash, directed
        self._update_pen()

    def set_emphasised(self, emphasised: bool) -> None:
        """Thicker line while its bodies are the focus (drawn by the item itself, on top)."""
        if emphasised != self._emphasised:
            self._emphasised = emphasised
            if emphasised:
                self.setFlag(_NO_CONTENTS, False)
            elif self._layered():
                self.setFlag(_NO_CONTENTS, True)
            self._update_pen()

    def _layered(self) -> bool:
        """Whether a line layer in the scene draws this line while it is not emphasised."""
        return getattr(self.scene(), "line_layer", None) is not None

    @property
    def colour(self) -> str:
        return self._colour

    @property
    def label(self) -> str:
        return self._label

    @property
    def emphasised(self) -> bool:
        return self._emphasised

    def _update_pen(self) -> None:
        placed = self.scene() is not None
        before = self._bounds
        if placed:
            self.prepareGeometryChange()
        width = self._width * (EMPHASIS_FACTOR if self._emphasised else 1.0)
        self._pen = make_pen(self._colour, width, self._dash)
        self._runs.clear()
        if self._route is not None:  # else set_route works the bounds out
            self._update_bounds()
        if placed:
            self._repaint(before)

    def _repaint(self, before: QRectF) -> None:
        """Have the line drawn again where it was and where it is now."""
        if self.flags() & _NO_CONTENTS:
            # Qt ignores updates of an item with no contents: the layer drawing it redraws.
            layer = getattr(self.scene(), "line_layer", None)
            if layer is not None:
                layer.refresh(before.united(self._bounds))
        else:
            self.update()

    def _update_bounds(self) -> None:
        margin = self._pen.widthF() + ARROW_LENGTH
        bounds = self._path.boundingRect()
        if self._arrow_spec is not None:
            # The arrowhead lies within its length of its tip.
            _base, (x, y), length, _half = self._arrow_spec
            bounds = bounds.united(QRectF(x - length, y - length, 2 * length, 2 * length))
        if self._label_pos is not None:
            bounds = bounds.united(self._label_rect)
        self._bounds = bounds.adjusted(-margin, -margin, margin, margin)

    def path(self) -> QPainterPath:
        return QPainterPath(self._path)

    def _paint_pieces(self, painter: QPainter, pieces: Pieces, exposed: QRectF, lod: float) -> None:
        """Stroke only the runs of pieces that meet the exposed area, dashes kept in step."""
        runs = self._runs
        for first, last in visible_runs(pieces, exposed, self._pen.widthF() + 1.0):
            run = runs.run(
                (first, last),
                lambda: span_path(pieces, first, last),  # noqa: B023 - called at once
                lambda: self._span_pen(pieces, first),  # noqa: B023
            )
            stroke(painter, run, lod)

    def _span_pen(self, pieces: Pieces, first: int) -> QPen:
        """The pen for a run starting at piece `first`: its dashes in step with the line's."""
        width = self._pen.widthF()
        start = pieces.starts[first]
        if start <= 0 or width <= 0 or self._pen.style() == Qt.PenStyle.SolidLine:
            return self._pen
        pen = QPen(self._pen)  # the cached pen is shared: change a copy
        pen.setDashOffset(start / width)
        return pen

    # ----- QGraphicsItem -------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not self._emphasised and self._layered():
            # The scene's line layer draws it (and has, in this very paint: it lies below);
            # from now on the view need not ask.
            self.setFlag(_NO_CONTENTS, True)
            return
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(_ANTIALIASING, True)
        self.draw(painter, option.exposedRect, lod)

    def draw(self, painter: QPainter, exposed: QRectF, lod: float) -> None:
        """Stroke the line (the parts of it in `exposed`), its arrowhead and its label.

        `lod` is the view's scale; the painter is antialiased by the caller.
        """
        if self._pieces is None and not self._short:
            self._pieces = cut(self._points)
            self._short = self._pieces is None
        if self._pieces is None:
            stroke(painter, self._runs.run(WHOLE, self.path, lambda: self._pen), lod)
        else:
            self._paint_pieces(painter, self._pieces, exposed, lod)
        if self._directed and self._arrow_spec is not None:
            if self._arrow is None:
                self._arrow = arrowhead(*self._arrow_spec)
            if self._arrow.boundingRect().intersects(exposed):
                painter.setPen(_NO_PEN)
                painter.setBrush(make_brush(self._colour))
                painter.drawPolygon(self._arrow)
        if self._label_pos is None:
            return
        # Line labels are secondary: drawn once they are comfortably readable, or while the
        # line is in focus. Tiny labels over a fitted chart are only clutter.
        if lod * LABEL_FONT_SIZE < (4.0 if self._emphasised else MIN_LABEL_PX):
            return
        device = painter.device()
        dpi = float(device.logicalDpiY()) if device is not None else 96.0
        painter.setFont(chart_font(LABEL_FONT_SIZE, False, dpi))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LABEL_BACKGROUND)
        painter.drawRoundedRect(self._label_rect, 2.0, 2.0)
        painter.setPen(QPen(qcolor(self._colour)))
        painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self._label)
