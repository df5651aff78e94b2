"""Editing in the real main window, driven from the keyboard as a user would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from icsviewer.app.main_window import RELAYOUT_DELAY_MS, MainWindow
from icsviewer.app.opening import load_document
from icsviewer.app.prompts import Prompts
from icsviewer.app.settings import open_settings
from icsviewer.editor.document import Document
from icsviewer.editor.ui.edit_actions import Editing, install_editing
from icsviewer.editor.ui.edit_prompts import EditPrompts, UnsavedChoice
from icsviewer.layout.fallback import fallback_layout
from icsviewer.model.chart import Chart
from tests.editor.files import write_chart


class ScriptedPrompts(EditPrompts):
    """Answers editing questions from lists and records errors instead of showing dialogs."""

    def __init__(self) -> None:
        super().__init__(None)
        self.choices: list[int | None] = []
        self.unsaved: list[UnsavedChoice] = []
        self.save_paths: list[Path | None] = []
        self.yes_no: list[bool] = []
        self.errors: list[str] = []

    def choose(self, title: str, label: str, options: list[str], current: int = 0) -> int | None:
        return self.choices.pop(0)

    def ask_unsaved(self, document_name: str) -> UnsavedChoice:
        return self.unsaved.pop(0)

    def ask_save_path(self, suggested: str) -> Path | None:
        return self.save_paths.pop(0)

    def ask_yes_no(self, title: str, text: str) -> bool:
        return self.yes_no.pop(0)

    def error(self, title: str, message: str, details: str = "") -> None:
        self.errors.append(message)


class SilentPrompts(Prompts):
    def error(self, title: str, message: str, details: str = "") -> None:
        raise AssertionError(message)


def quick_layout(chart: Chart, cancel: object) -> object:
    return fallback_layout(chart)


@pytest.fixture
def edited(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Editing, ScriptedPrompts]]:
    window = MainWindow(open_settings(), SilentPrompts(), load_document, quick_layout)  # type: ignore[arg-type]
    prompts = ScriptedPrompts()
    editing = install_editing(window, prompts)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(write_chart(tmp_path))
    qtbot.waitUntil(window.view.isVisible)
    window.activateWindow()
    yield window, editing, prompts
    # Let a pending re-layout finish (its timer would fire into a closed window), then close
    # without being asked about unsaved changes.
    if window.isVisible():
        qtbot.waitUntil(lambda: not window.runner.busy and not any(
            t.isActive() and t.isSingleShot() for t in window.findChildren(QTimer)
        ))
    if window.document is not None:
        window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def _select(qtbot: QtBot, window: MainWindow, body_id: str) -> None:
    scene = window.scene
    assert scene is not None
    # A body added back (undo) gets its box when the new layout arrives.
    qtbot.waitUntil(lambda: scene.body_item(body_id) is not None)
    scene.select_bodies([body_id])
    window.view.setFocus()


def _doc(window: MainWindow) -> Document:
    assert window.document is not None
    return window.document


def test_f2_type_enter_renames_undo_restores_and_ctrl_s_saves(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts]
) -> None:
    window, _, _ = edited
    doc = _doc(window)
    assert doc.path is not None
    _select(qtbot, window, "example_icb")
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    editor = window.view.viewport().findChild(QLineEdit, "inplace_rename")
    assert editor is not None and editor.hasFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "NHS Renamed ICB")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.chart.body("example_icb").name == "NHS Renamed ICB"
    assert window.isWindowModified()

    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "NHS Renamed ICB" in doc.path.read_text(encoding="utf-8")
    assert not window.isWindowModified()

    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.chart.body("example_icb").name == "NHS Example Integrated Care Board"
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    reopened = Document.open(doc.path)
    assert reopened.chart.body("example_icb").name == "NHS Example Integrated Care Board"
    assert not [p for p in reopened.problems if p.is_error]


def test_escape_cancels_the_rename(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts]
) -> None:
    window, _, _ = edited
    doc = _doc(window)
    _select(qtbot, window, "example_icb")
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    editor = window.view.viewport().findChild(QLineEdit, "inplace_rename")
    assert editor is not None
    qtbot.keyClicks(editor, "Typed but not wanted")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert doc.chart.body("example_icb").name == "NHS Example Integrated Care Board"
    assert doc.undo_stack.count() == 0


def test_redo_keys_and_delete_duplicate(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts]
) -> None:
    window, _, _ = edited
    doc = _doc(window)
    _select(qtbot, window, "example_council")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert not doc.chart.has_body("example_council")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.chart.has_body("example_council")
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert not doc.chart.has_body("example_council")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        window.view, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not doc.chart.has_body("example_council")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _select(qtbot, window, "example_council")
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert doc.chart.has_body("example_council_2")


def test_insert_adds_a_connected_body_and_opens_it_for_editing(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts]
) -> None:
    window, editing, prompts = edited
    doc = _doc(window)
    _select(qtbot, window, "example_icb")
    prompts.choices = [list(_kinds()).index("committee"), 1]  # 1: new body <first verb> ICB
    qtbot.keyClick(window.view, Qt.Key.Key_Insert)
    new = doc.chart.bodies[-1]
    assert new.kind == "committee"
    assert [(r.source, r.target) for r in doc.chart.relationships_of(new.id)] == [
        (new.id, "example_icb")
    ]
    assert editing.form is not None and editing.form.body_id == new.id


def test_copy_paste_within_the_chart(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts]
) -> None:
    window, _, _ = edited
    doc = _doc(window)
    _select(qtbot, window, "example_icb")
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert doc.chart.body("example_icb_2").name == "NHS Example Integrated Care Board"


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_it_open(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts]
) -> None:
    window, editing, prompts = edited
    doc = _doc(window)
    editing.delete_selected()  # nothing selected: nothing happens
    _select(qtbot, window, "example_council")
    editing.delete_selected()
    # The chart is re-arranged after the deletion (patched at once, or laid out afresh).
    qtbot.waitUntil(lambda: "example_council" not in window.scene.layout.boxes, timeout=10000)
    _wait_until_arranged(qtbot, window)
    prompts.unsaved = [UnsavedChoice.CANCEL]
    window.close()
    assert window.isVisible() and doc.is_modified
    prompts.unsaved = [UnsavedChoice.SAVE]
    window.close()
    assert not window.isVisible()
    assert doc.path is not None and "example_council" not in doc.path.read_text(encoding="utf-8")


def test_a_failed_save_is_explained(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno
    import os

    window, editing, prompts = edited
    _select(qtbot, window, "example_council")
    editing.delete_selected()

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert not editing.save()
    assert prompts.errors and "not enough space" in prompts.errors[0]
    assert window.isWindowModified()


def _kinds() -> list[str]:
    from icsviewer.model.kinds import BODY_KINDS

    return list(BODY_KINDS)


def test_dragging_a_body_pins_it_in_one_undo_step(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts]
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    window, _, _ = edited
    doc = _doc(window)
    scene = window.scene
    assert scene is not None
    _select(qtbot, window, "example_icb")
    before = scene.body_rect("example_icb")
    start = window.view.mapFromScene(before.center())
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + QPoint(10 * step, 6 * step))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(50, 30))
    pinned = doc.chart.body("example_icb").pinned
    assert pinned is not None
    scale = window.view.transform().m11()
    assert abs(pinned[0] - (before.x() + 50 / scale)) < 2
    assert abs(pinned[1] - (before.y() + 30 / scale)) < 2
    assert doc.undo_stack.count() == 1
    # Undo unpins; the window re-arranges the chart (wait for it before the test ends).
    doc.undo_stack.undo()
    _wait_until_arranged(qtbot, window)
    assert doc.chart.body("example_icb").pinned is None


def test_start_safety_restores_lost_work_into_the_window(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts]
) -> None:
    import json
    import subprocess
    import sys

    from icsviewer.editor.commands import rename_body
    from icsviewer.editor.ui.safety import start_safety

    window, _, prompts = edited
    doc = _doc(window)
    # Work a crashed session left behind: autosaved by a process that no longer exists.
    lost = Document.open(doc.path) if doc.path else None
    assert lost is not None and lost.autosaver is not None
    lost.undo_stack.push(rename_body(lost, "example_icb", "Renamed Before The Crash"))
    assert lost.autosave_now()
    sidecar = lost.autosaver.sidecar_path
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    sidecar.write_text(json.dumps({**meta, "pid": int(dead.stdout)}), encoding="utf-8")
    lost.autosaver.stop()

    prompts.yes_no = [True]
    guard = start_safety(window, prompts)
    try:
        shown = _doc(window)
        assert shown is not doc
        assert shown.chart.body("example_icb").name == "Renamed Before The Crash"
        assert shown.is_modified and window.isWindowModified()
    finally:
        guard.uninstall()


def test_right_click_menu_offers_editing(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts]
) -> None:
    window, _, _ = edited
    texts = [a.text() for a in window.context_menu.build("body", "example_icb").actions()]
    assert "Re&name" in texts and "&Delete" in texts and "&Add Body…" in texts
    assert "Show Details" in texts  # the window's own entries stay
    chart_menu = [a.text() for a in window.context_menu.build("chart", "").actions()]
    assert "&Add Body…" in chart_menu and "&Paste" in chart_menu


def test_another_programs_change_is_offered_for_reload(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts]
) -> None:
    import os

    window, _, prompts = edited
    doc = _doc(window)
    assert doc.path is not None
    other = doc.path.with_name("elsewhere.tmp")
    other.write_text(doc.path.read_text(encoding="utf-8").replace(
        "Example Council", "Council Changed Elsewhere"), encoding="utf-8")
    prompts.yes_no = [True]
    with qtbot.waitSignal(doc.reloaded, timeout=5000):
        os.replace(other, doc.path)
    assert doc.chart.body("example_council").name == "Council Changed Elsewhere"
    assert not prompts.yes_no  # the question was asked


def test_shift_drag_selects_the_bodies_inside_the_band(
    qtbot: QtBot, edited: tuple[MainWindow, Editing, ScriptedPrompts]
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    window, _, _ = edited
    scene = window.scene
    assert scene is not None
    _select(qtbot, window, "nhse")
    everything = scene.bodies_rect(scene.body_ids())
    view, viewport = window.view, window.view.viewport()
    top_left = view.mapFromScene(everything.topLeft()) - QPoint(15, 15)
    bottom_right = view.mapFromScene(everything.bottomRight()) + QPoint(15, 15)
    shift = Qt.KeyboardModifier.ShiftModifier
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, shift, top_left)
    QTest.mouseMove(viewport, (top_left + bottom_right) / 2)
    QTest.mouseMove(viewport, bottom_right)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, shift, bottom_right)
    assert sorted(scene.selected_body_ids()) == sorted(scene.body_ids())
    qtbot.waitUntil(lambda: view.dragMode() == view.DragMode.ScrollHandDrag)


def _wait_until_arranged(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until no re-arrangement is pending or running (a small edit patches the layout
    at once; a big one lays the chart out in the background)."""
    qtbot.wait(RELAYOUT_DELAY_MS + 50)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20000)
