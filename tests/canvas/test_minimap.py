"""The overview steers the main view and outlines what it shows."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from icsviewer.canvas.minimap import Minimap
from icsviewer.canvas.scene import ChartScene
from icsviewer.canvas.view import ChartView


def test_clicking_the_overview_moves_the_view_there(qtbot: QtBot, scene: ChartScene) -> None:
    view = ChartView(scene)
    view.resize(500, 400)
    qtbot.addWidget(view)
    view.show()
    view.reset_zoom()
    overview = Minimap(view)
    overview.resize(200, 200)
    qtbot.addWidget(overview)
    overview.show()
    qtbot.waitExposed(overview)
    qtbot.waitUntil(lambda: not overview.grab().isNull())
    # Click near the bottom-right of the overview: the view follows to that corner.
    target = QPoint(overview.width() - 20, overview.height() - 20)
    before = view.mapToScene(view.viewport().rect().center())
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=target)
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() > before.x() or after.y() > before.y()
    assert overview.visible_area().contains(after)
