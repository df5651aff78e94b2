"""The line layer draws the plain lines; emphasised lines draw themselves on top of it."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene, QGraphicsView
from pytestqt.qtbot import QtBot

from icsviewer.canvas.items.line_layer import LineLayer
from icsviewer.canvas.items.relation_item import RelationItem
from icsviewer.canvas.scene import ChartScene

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
# A level line across the middle of the view, and the same line moved down.
LEVEL = ((20.0, 100.0), (120.0, 100.0), (280.0, 100.0), (380.0, 100.0))
LOWER = tuple((x, y + 80.0) for x, y in LEVEL)


class LayeredScene(QGraphicsScene):
    """A bare scene with a line layer, as the chart scene has."""

    def __init__(self) -> None:
        super().__init__(0.0, 0.0, 400.0, 300.0)
        self.line_layer = LineLayer()
        self.line_layer.set_bounds(self.sceneRect())
        self.addItem(self.line_layer)
        self.setBackgroundBrush(QColor("#FFFFFF"))


def _view(qtbot: QtBot, scene: QGraphicsScene) -> QGraphicsView:
    view = QGraphicsView(scene)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFrameShape(QGraphicsView.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.resize(400, 300)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.centerOn(QPointF(200.0, 150.0))
    return view


def _shown(view: QGraphicsView) -> QImage:
    QApplication.processEvents()
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _ink_in_column(image: QImage, x: int, top: int, bottom: int) -> list[int]:
    """Rows between top and bottom where column x is darker than the background."""
    return [y for y in range(top, bottom) if QColor(image.pixel(x, y)).lightness() < 235]


def _line(scene: QGraphicsScene, points: tuple[tuple[float, float], ...]) -> RelationItem:
    item = RelationItem("r")
    item.set_look("#003087", 1.0, (), directed=False)
    item.set_route("a", "b", points, None)
    scene.addItem(item)
    return item


def _at(view: QGraphicsView, x: float, y: float) -> tuple[int, int]:
    point = view.mapFromScene(QPointF(x, y))
    return point.x(), point.y()


def test_a_plain_line_is_drawn_by_the_layer_and_stops_painting_itself(qtbot: QtBot) -> None:
    scene = LayeredScene()
    item = _line(scene, LEVEL)
    view = _view(qtbot, scene)
    image = _shown(view)
    x, y = _at(view, 200.0, 100.0)
    assert _ink_in_column(image, x, y - 5, y + 5), "the line shows"
    # From its first paint on, the view no longer asks the item to paint: the layer does.
    assert item.flags() & NO_CONTENTS
    assert _ink_in_column(_shown(view), x, y - 5, y + 5)


def test_an_emphasised_line_draws_itself_thicker_and_hands_back_after(qtbot: QtBot) -> None:
    scene = LayeredScene()
    item = _line(scene, LEVEL)
    view = _view(qtbot, scene)
    x, y = _at(view, 200.0, 100.0)
    plain = _darkness(_shown(view), x, y - 8, y + 8)
    item.set_emphasised(True)
    assert not item.flags() & NO_CONTENTS
    assert _darkness(_shown(view), x, y - 8, y + 8) > 1.5 * plain
    item.set_emphasised(False)
    assert item.flags() & NO_CONTENTS
    assert _darkness(_shown(view), x, y - 8, y + 8) == plain


def _darkness(image: QImage, x: int, top: int, bottom: int) -> int:
    """How much ink column x has between top and bottom (0: all background)."""
    return sum(255 - QColor(image.pixel(x, y)).lightness() for y in range(top, bottom))


def test_a_line_moved_by_a_new_route_is_drawn_in_its_new_place_only(qtbot: QtBot) -> None:
    scene = LayeredScene()
    item = _line(scene, LEVEL)
    view = _view(qtbot, scene)
    x, old_y = _at(view, 200.0, 100.0)
    _, new_y = _at(view, 200.0, 180.0)
    _shown(view)  # painted once: the layer has it
    assert item.flags() & NO_CONTENTS
    item.set_route("a", "b", LOWER, None)
    image = _shown(view)
    assert _ink_in_column(image, x, new_y - 5, new_y + 5)
    assert not _ink_in_column(image, x, old_y - 5, old_y + 5)


def test_hidden_lines_are_left_out_and_dimmed_ones_drawn_lighter(qtbot: QtBot) -> None:
    scene = LayeredScene()
    item = _line(scene, LEVEL)
    view = _view(qtbot, scene)
    x, y = _at(view, 200.0, 100.0)
    full = min(QColor(_shown(view).pixel(x, row)).lightness() for row in range(y - 3, y + 4))
    item.setOpacity(0.3)
    scene.line_layer.refresh()
    dimmed = min(QColor(_shown(view).pixel(x, row)).lightness() for row in range(y - 3, y + 4))
    assert full < dimmed < 235
    item.setVisible(False)
    scene.line_layer.refresh()
    assert not _ink_in_column(_shown(view), x, y - 5, y + 5)


def test_the_layer_is_never_under_the_mouse(qtbot: QtBot) -> None:
    scene = LayeredScene()
    _line(scene, LEVEL)
    under = scene.items(QPointF(200.0, 250.0))
    assert scene.line_layer not in under
    assert not scene.line_layer.acceptedMouseButtons()


def test_a_chart_scene_draws_its_lines_through_its_layer(qtbot: QtBot, scene: ChartScene) -> None:
    view = QGraphicsView(scene)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(500, 400)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    lines = [i for i in scene.items() if isinstance(i, RelationItem)]
    # A line's midpoint away from any box, so what shows there is the line.
    for line in lines:
        middle = line.path().pointAtPercent(0.5)
        if scene.body_at(middle) is None and line.path().length() > 60:
            break
    view.centerOn(middle)
    image = _shown(view)
    point = view.mapFromScene(middle)
    ink = [
        QColor(image.pixel(point.x() + dx, point.y() + dy)).lightness()
        for dx in range(-2, 3)
        for dy in range(-2, 3)
    ]
    assert min(ink) < 200
    assert line.flags() & NO_CONTENTS
    assert math.isclose(scene.line_layer.boundingRect().width(), scene.sceneRect().width())
