"""After a small structural edit the rest of the chart stays where the user saw it (issue 4:
"pinned bodies stay where the user put them and the others move as little as possible")."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from icsviewer.app.main_window import MainWindow
from icsviewer.editor.commands.body_commands import DeleteBodies
from icsviewer.model.chart import Body, Relationship
from tests.app.conftest import open_and_wait


def _boxes(window: MainWindow) -> dict[str, tuple[float, float]]:
    assert window.scene is not None
    return {k: (b.x, b.y) for k, b in window.scene.layout.boxes.items()}


def test_adding_a_connected_body_moves_no_other_box(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    assert window.document is not None
    chart = window.document.chart
    before = _boxes(window)
    anchor = chart.bodies[0].id
    chart.add_body(Body("new_body", "A new partnership", "vcse"))
    chart.add_relationship(Relationship("new_rel", "new_body", anchor, "partners_with"))
    qtbot.waitUntil(lambda: "new_body" in _boxes(window), timeout=5000)
    after = _boxes(window)
    assert {k: after[k] for k in before} == before
    assert not window.runner.busy, "a small edit should not start a full layout"


def test_deleting_a_body_moves_no_other_box(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    assert window.document is not None
    doc = window.document
    before = _boxes(window)
    victim = doc.chart.bodies[-1].id
    doc.undo_stack.push(DeleteBodies(doc, [victim]))
    qtbot.waitUntil(lambda: victim not in _boxes(window), timeout=5000)
    after = _boxes(window)
    assert after == {k: v for k, v in before.items() if k != victim}
