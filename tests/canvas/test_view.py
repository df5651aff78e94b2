"""Zoom, fit, pan and keyboard walking in the chart view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from pytestqt.qtbot import QtBot

from icsviewer.canvas.scene import ChartScene
from icsviewer.canvas.view import MAX_ZOOM, MIN_ZOOM, ChartView


@pytest.fixture
def view(qtbot: QtBot, scene: ChartScene) -> ChartView:
    widget = ChartView(scene)
    widget.resize(900, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def visible_rect(view: ChartView) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_fit_all_shows_the_whole_chart(view: ChartView, scene: ChartScene) -> None:
    view.zoom_by(5)
    view.fit_all()
    chart_rect = QRectF(0, 0, scene.layout.width, scene.layout.height)
    assert visible_rect(view).adjusted(-1, -1, 1, 1).contains(chart_rect)
    # ...and is not needlessly small: the chart fills one of the two directions.
    shown = visible_rect(view)
    assert chart_rect.width() > 0.8 * shown.width() or chart_rect.height() > 0.8 * shown.height()


def test_reset_zoom_is_100_percent(view: ChartView) -> None:
    view.zoom_by(0.3)
    view.reset_zoom()
    assert view.zoom_level() == pytest.approx(1.0)


def test_zoom_is_clamped(view: ChartView) -> None:
    for _ in range(60):
        view.zoom_by(2)
    assert view.zoom_level() == pytest.approx(MAX_ZOOM)
    for _ in range(60):
        view.zoom_by(0.5)
    assert view.zoom_level() == pytest.approx(MIN_ZOOM)


def test_fit_rect_frames_a_body(view: ChartView, scene: ChartScene) -> None:
    body_id = scene.body_ids()[0]
    rect = scene.body_rect(body_id)
    view.fit_rect(rect, margin=40)
    shown = visible_rect(view)
    assert shown.contains(rect)
    assert shown.center().x() == pytest.approx(rect.center().x(), abs=2)


def test_wheel_zooms_around_the_cursor(view: ChartView) -> None:
    view.reset_zoom()
    anchor = QPointF(200, 150)
    before = view.mapToScene(anchor.toPoint())
    event = QWheelEvent(
        anchor,
        view.viewport().mapToGlobal(anchor),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    view.wheelEvent(event)
    assert view.zoom_level() > 1.0
    after = view.mapToScene(anchor.toPoint())
    assert after.x() == pytest.approx(before.x(), abs=2)
    assert after.y() == pytest.approx(before.y(), abs=2)


def test_arrow_keys_pan(qtbot: QtBot, view: ChartView) -> None:
    view.reset_zoom()
    start = view.horizontalScrollBar().value()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.horizontalScrollBar().value() > start


def test_tab_walks_bodies_in_reading_order(
    qtbot: QtBot, view: ChartView, scene: ChartScene
) -> None:
    order = scene.reading_order()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert scene.selected_body_ids() == [order[0]]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert scene.selected_body_ids() == [order[1]]
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert scene.selected_body_ids() == [order[0]]
    assert view.hasFocus()


def test_enter_activates_the_selected_body(
    qtbot: QtBot, view: ChartView, scene: ChartScene
) -> None:
    body_id = scene.body_ids()[2]
    scene.select_bodies([body_id])
    with qtbot.waitSignal(scene.body_activated, timeout=1000) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [body_id]


def test_accessible_name_follows_the_selection(view: ChartView, scene: ChartScene) -> None:
    body_id = scene.body_ids()[0]
    scene.select_bodies([body_id])
    assert scene.chart.body(body_id).name in view.accessibleName()
    scene.select_bodies([])
    assert view.accessibleName() == "Chart"


def test_double_click_on_a_body_activates_it(
    qtbot: QtBot, view: ChartView, scene: ChartScene
) -> None:
    body_id = scene.body_ids()[0]
    view.fit_rect(scene.body_rect(body_id))
    point = view.mapFromScene(scene.body_rect(body_id).center())
    with qtbot.waitSignal(scene.body_activated, timeout=1000) as signal:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [body_id]


def test_clicking_a_body_selects_it_and_clicking_empty_space_clears(
    qtbot: QtBot, view: ChartView, scene: ChartScene
) -> None:
    body_id = scene.body_ids()[1]
    view.fit_rect(scene.body_rect(body_id), margin=150)
    point = view.mapFromScene(scene.body_rect(body_id).center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert scene.selected_body_ids() == [body_id]
    view.fit_all()
    empty = view.mapFromScene(scene.sceneRect().topLeft()) + QPoint(3, 3)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert scene.selected_body_ids() == []
