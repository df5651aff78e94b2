"""Esc gives the window back exactly as it was; free exploration without a tour."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTransform

from icsviewer.present.install import install_presenter

from .conftest import StandInWindow, make_chart

K = Qt.Key


def _state(window):  # type: ignore[no-untyped-def]
    view, scene = window.view, window.scene
    return {
        "geometry": window.geometry(),
        "full_screen": window.isFullScreen(),
        "menu": window.menuBar().isVisible(),
        "status": window.statusBar().isVisible(),
        "docks": {d.objectName(): d.isVisible() for d in window.findChildren(type(window.details))},
        "dock_width": window.details.width(),
        "transform": QTransform(view.transform()),
        "scroll": (view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
        "scroll_policy": (view.horizontalScrollBarPolicy(), view.verticalScrollBarPolicy()),
        "selection": sorted(scene.selected_body_ids()),
        "opacity": {b: scene.body_item(b).opacity() for b in scene.body_ids()},
        "visible": {b: scene.body_item(b).isVisible() for b in scene.body_ids()},
    }


def test_escape_restores_geometry_docks_zoom_scroll_and_selection(window, presenter, qtbot) -> None:
    window.view.zoom_by(1.7)
    window.view.horizontalScrollBar().setValue(window.view.horizontalScrollBar().maximum() // 3)
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum() // 2)
    window.scene.select_bodies(["lpool_hwb"])
    before = _state(window)
    assert before["scroll"] != (0, 0)

    qtbot.keyClick(window.view, K.Key_F5)
    assert window.isFullScreen() and window.scene.selected_body_ids() == []
    for key in (K.Key_Right, K.Key_Right, K.Key_B):
        qtbot.keyClick(window.view, key)
    qtbot.keyClick(window.view, K.Key_Escape)  # clears the black screen
    qtbot.keyClick(window.view, K.Key_Escape)  # leaves
    qtbot.waitUntil(lambda: not presenter.active)

    after = _state(window)
    for key, value in before.items():
        assert after[key] == value, key
    assert window.view.viewport().cursor().shape() != Qt.CursorShape.BlankCursor


def test_escape_restores_a_hidden_dock_as_hidden(window, presenter, qtbot) -> None:
    window.details.hide()
    presenter.start()
    presenter.stop()
    assert not window.details.isVisible()
    assert window.menuBar().isVisible()


def test_restores_a_maximised_window(window, presenter, qtbot) -> None:
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    presenter.start()
    presenter.stop()
    assert window.isMaximized() and not window.isFullScreen()


def _click_scene(qtbot, window, point: QPointF) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(point)
    )


def test_free_exploration_spotlights_clicked_bodies(qtbot) -> None:
    window = StandInWindow(make_chart(tours=()))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    presenter = install_presenter(window, animate=False)
    qtbot.keyClick(window.view, K.Key_F5)
    assert presenter.active and presenter.player.exploring
    scene = window.scene

    _click_scene(qtbot, window, scene.body_rect("lpool_hwb").center())
    bright = {b for b in scene.body_ids() if scene.body_item(b).opacity() == 1.0}
    assert bright == {"lpool_hwb", "lpool_council"}
    assert presenter.caption.caption == "Liverpool Health and Wellbeing Board"
    assert scene.selected_body_ids() == []  # a click presents, it does not select or edit

    background = scene.body_rect("nhse").topLeft() - QPointF(150, 0)
    assert scene.body_at(background) is None
    _click_scene(qtbot, window, background)
    assert all(scene.body_item(b).opacity() == 1.0 for b in scene.body_ids())

    # Keys that step a tour do nothing harmful without one; Esc still leaves.
    qtbot.keyClick(window.view, K.Key_Right)
    assert presenter.active
    qtbot.keyClick(window.view, K.Key_Escape)
    assert not presenter.active


def test_wheel_zooms_while_exploring(qtbot) -> None:
    window = StandInWindow(make_chart(tours=()))
    qtbot.addWidget(window)
    window.show()
    presenter = install_presenter(window, animate=False)
    presenter.start()
    before = window.view.zoom_level()
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    viewport = window.view.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)
    assert window.view.zoom_level() > before
    presenter.stop()


def test_opening_another_chart_mid_show_ends_it_and_restores_the_window(
    window, presenter, qtbot
) -> None:
    from icsviewer.canvas.scene import ChartScene
    from icsviewer.style.theme import get_theme

    from .conftest import make_layout

    presenter.start()
    chart = make_chart(tours=())
    window.scene = ChartScene(chart, make_layout(chart), get_theme("nhs"))
    window.view.setScene(window.scene)
    qtbot.keyClick(window.view, K.Key_Right)
    qtbot.waitUntil(lambda: not presenter.active)
    assert not window.isFullScreen()
    assert window.details.isVisible() and window.menuBar().isVisible()
