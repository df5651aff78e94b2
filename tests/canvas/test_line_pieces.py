"""A long line drawn piece by piece looks exactly like the whole line, dashes included."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView
from pytestqt.qtbot import QtBot

from icsviewer.canvas.items.line_pieces import cut
from icsviewer.canvas.items.relation_item import RelationItem, bezier_path

# A long S-curve (one cubic) and a long polyline, both far longer than a view.
CURVE = ((0.0, 0.0), (3000.0, -900.0), (1500.0, 2400.0), (5200.0, 1300.0))
POLYLINE = ((0.0, 50.0), (2500.0, 400.0), (2600.0, 2200.0), (5000.0, 2300.0))


def test_a_short_line_is_drawn_whole() -> None:
    assert cut(((0.0, 0.0), (50.0, 0.0), (100.0, 20.0), (150.0, 20.0))) is None


@pytest.mark.parametrize("points", [CURVE, POLYLINE])
def test_pieces_follow_the_line_end_to_end(points: tuple[tuple[float, float], ...]) -> None:
    pieces = cut(points)
    assert pieces is not None and len(pieces.cubics) > 5
    assert pieces.cubics[0][0] == points[0] and pieces.cubics[-1][-1] == points[-1]
    for before, after in itertools.pairwise(pieces.cubics):
        assert math.dist(before[-1], after[0]) < 1e-9
    assert all(b > a for a, b in itertools.pairwise(pieces.starts))
    whole = bezier_path(points)
    samples = [_xy(whole.pointAtPercent(i / 1000)) for i in range(1001)]
    # Every piece's midpoint lies on the original line (samples are under 8 points apart).
    for p0, c1, c2, p1 in pieces.cubics:
        mid = QPointF(
            (p0[0] + 3 * c1[0] + 3 * c2[0] + p1[0]) / 8, (p0[1] + 3 * c1[1] + 3 * c2[1] + p1[1]) / 8
        )
        assert min(math.dist(_xy(mid), sample) for sample in samples) < 5.0


def _xy(point: QPointF) -> tuple[float, float]:
    return (point.x(), point.y())


@pytest.mark.parametrize("dash", [(), (6.0, 3.0)])
def test_a_view_showing_part_of_a_long_line_draws_what_the_whole_line_would(
    qtbot: QtBot, dash: tuple[float, ...]
) -> None:
    scene = QGraphicsScene()
    item = RelationItem("r")
    item.set_look("#005EB8", 1.5, dash, directed=True)
    item.set_route("a", "b", CURVE, None)
    scene.addItem(item)
    scene.setBackgroundBrush(QColor("#FFFFFF"))
    view = QGraphicsView(scene)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFrameShape(QGraphicsView.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(view.horizontalScrollBarPolicy().ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(view.verticalScrollBarPolicy().ScrollBarAlwaysOff)
    view.resize(300, 200)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.centerOn(QPointF(2337.5, 725.0))  # the middle of the curve (t = 0.5), at 100 %
    shown = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    # The whole path stroked with the same pen, solid, on the same part of the scene.
    expected = QImage(shown.size(), QImage.Format.Format_RGB32)
    expected.fill(QColor("#FFFFFF"))
    painter = QPainter(expected)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(view.viewportTransform())
    painter.setPen(QPen(QColor("#005EB8"), 1.5))
    painter.drawPath(bezier_path(CURVE))
    painter.end()
    drawn = _inked(shown)
    line = _inked(expected)
    assert len(line) > 80  # the line does cross this part of the view
    # Drawn where the whole line is, and all along it (dashed: two thirds of it, 6 on, 3 off).
    near_line = {(x + dx, y + dy) for x, y in line for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    assert drawn <= near_line
    share = len(drawn & line) / len(line)
    # Thin lines are drawn as flattened segments (see line_strokes), whose antialiasing
    # differs from the path stroker's by a pixel here and there; a missing piece would leave
    # half the view's stretch of line out.
    assert share > 0.95 if not dash else 0.5 < share < 0.85


def _inked(image: QImage) -> set[tuple[int, int]]:
    return {
        (x, y)
        for x in range(image.width())
        for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < 200
    }
