"""The window as a user meets it: open, search, select, zoom, theme, recent files, problems."""

from __future__ import annotations

import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from icsviewer.app.main_window import MainWindow
from icsviewer.app.settings import open_settings
from icsviewer.io.problems import Problem
from icsviewer.layout.fallback import fallback_layout
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from tests.app.conftest import FakeFiles, RecordingPrompts, open_and_wait, quick_layout


def test_opening_a_file_shows_its_chart_fitted(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    assert window.scene is not None
    assert len(window.scene.body_ids()) == 60
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    layout = window.scene.layout
    assert visible.adjusted(-2, -2, 2, 2).contains(QRectF(0, 0, layout.width, layout.height))
    assert "small.yaml" in window.windowTitle()


def test_an_unreadable_file_gives_a_dialog_and_keeps_the_chart(
    qtbot: QtBot, window: MainWindow, prompts: RecordingPrompts, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    shown = window.document
    assert not window.open_path(tmp_path / "broken.yaml")
    assert prompts.errors and "broken.yaml" in prompts.errors[-1][1]
    assert window.document is shown
    assert window.window_actions["open"].isEnabled()


def test_search_flow_selects_steps_and_hands_focus_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    assert window.scene is not None
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.search_bar
    assert bar.isVisible()
    qtbot.waitUntil(lambda: bar.edit.hasFocus())
    qtbot.keyClicks(bar.edit, "health and wellbeing")
    matches = bar.matches
    assert len(matches) > 2
    assert window.scene.selected_body_ids() == [matches[0]]
    assert bar.count_label.text() == f"1 of {len(matches)}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert window.scene.selected_body_ids() == [matches[1]]
    assert bar.count_label.text() == f"2 of {len(matches)}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.scene.selected_body_ids() == [matches[0]]
    # The match is brought into view.
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(window.scene.body_rect(matches[0]))
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    qtbot.waitUntil(lambda: window.view.hasFocus())
    assert window.scene.selected_body_ids() == [matches[0]]
    # Enter now acts on the match at once: its details are shown.
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.docks["details"].isVisible()
    assert window.scene.chart.body(matches[0]).name in window.details.toPlainText()


def test_a_search_with_no_match_says_so(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    window.open_search()
    qtbot.keyClicks(window.search_bar.edit, "zzzz no such body")
    assert window.search_bar.count_label.text() == "No matches"


def test_selecting_a_body_shows_details_and_related_links_jump(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    scene = window.scene
    assert scene is not None
    chart = scene.chart
    body = next(b for b in chart.bodies if chart.relationships_of(b.id))
    scene.select_bodies([body.id])
    text = window.details.toPlainText()
    assert body.name in text
    other = chart.neighbours(body.id)[0]
    assert chart.body(other).name in text
    from PySide6.QtCore import QUrl

    window.details.anchorClicked.emit(QUrl(f"body:{other}"))
    assert scene.selected_body_ids() == [other]
    assert chart.body(other).name in window.details.toPlainText()


def test_zoom_actions(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    window.window_actions["actual_size"].trigger()
    assert window.view.zoom_level() == 1.0
    window.window_actions["zoom_in"].trigger()
    assert window.view.zoom_level() > 1.0
    window.window_actions["zoom_out"].trigger()
    window.window_actions["zoom_out"].trigger()
    assert window.view.zoom_level() < 1.0
    assert window.zoom_label.text().endswith("%")
    shortcuts = {k.toString() for k in window.window_actions["fit"].shortcuts()}
    assert "Ctrl+0" in shortcuts
    assert "Ctrl+1" in {k.toString() for k in window.window_actions["actual_size"].shortcuts()}
    assert window.window_actions["reload"].shortcut().toString() == "Ctrl+R"


def test_theme_switch_recolours_without_moving_and_is_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    scene = window.scene
    assert scene is not None
    body_id = scene.body_ids()[0]
    rect = scene.body_rect(body_id)
    with qtbot.assertNotEmitted(window.runner.busy_changed):
        window.window_actions["theme_greyscale"].trigger()
    assert scene.theme.name == "greyscale"
    assert scene.body_rect(body_id) == rect
    fill = scene.body_item(body_id).look.fill  # type: ignore[union-attr]
    red, green, blue = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    assert red == green == blue
    again = MainWindow(open_settings(), RecordingPrompts(), FakeFiles(), quick_layout)
    qtbot.addWidget(again)
    assert again.theme.name == "greyscale"


def test_recent_files_remember_what_was_opened(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    open_and_wait(qtbot, window, tmp_path / "other.yaml")
    assert [p.name for p in window.recent.paths()] == ["other.yaml", "small.yaml"]
    menu = window.menus["recent"]
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert any("other.yaml" in t for t in texts)
    # Choosing one opens it.
    small = next(a for a in menu.actions() if "small.yaml" in a.text())
    with qtbot.waitSignal(window.runner.finished, timeout=20000):
        small.trigger()
    assert window.document is not None and window.document.path == tmp_path / "small.yaml"


def test_problems_panel_lists_problems_and_selects_the_body(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    doc = window.document
    assert doc is not None and window.scene is not None
    body_id = window.scene.body_ids()[4]
    doc.problems = [Problem("small.yaml", 12, 3, "error", "unknown kind 'trust'", body_id=body_id)]
    window.show_document(doc)
    qtbot.waitSignal(window.runner.finished, timeout=20000)
    assert window.docks["problems"].isVisible()
    assert window.problems.problem_count() == 1
    item = window.problems.item(0)
    assert "unknown kind" in item.text()
    window.problems.itemClicked.emit(item)
    assert window.scene.selected_body_ids() == [body_id]


def test_a_layout_failure_is_reported_and_the_chart_stays(
    qtbot: QtBot, prompts: RecordingPrompts, files: FakeFiles, tmp_path: Path
) -> None:
    from icsviewer.layout.client import LayoutError

    def failing(chart: object, cancel: object) -> object:
        raise LayoutError("Graphviz stopped unexpectedly.")

    win = MainWindow(open_settings(), prompts, files, failing)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.runner.failed, timeout=20000):
        win.open_path(tmp_path / "small.yaml")
    assert prompts.errors and "Graphviz stopped" in prompts.errors[-1][1]
    assert win.view.isVisible()
    assert win.scene is not None and win.scene.layout.engine == "fallback"
    assert "Layout failed" in win.statusBar().currentMessage()


def test_collapsing_a_group_is_undoable(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    doc, scene = window.document, window.scene
    assert doc is not None and scene is not None
    group = doc.chart.groups[0]
    member = group.members[0]
    with qtbot.waitSignal(window.runner.finished, timeout=20000):
        window.toggle_group(group.id)
    assert member not in scene.body_ids()
    assert scene.collapsed_frame_of(member) is not None
    with qtbot.waitSignal(window.runner.finished, timeout=20000):
        window.window_actions["undo"].trigger()
    assert member in scene.body_ids()


def test_settings_go_to_a_test_file_not_the_users_settings() -> None:
    from icsviewer import appdirs

    settings = open_settings()
    assert Path(settings.fileName()).parent == appdirs.app_home()


def test_every_menu_action_has_text_and_core_ones_have_shortcuts(window: MainWindow) -> None:
    for name in ("open", "reload", "quit", "find", "zoom_in", "zoom_out", "fit", "actual_size"):
        assert not window.window_actions[name].shortcut().isEmpty(), name
    assert set(window.menus) >= {"file", "edit", "view", "go", "help"}
    QApplication.processEvents()


def test_opening_does_not_load_graphviz_in_the_window_process(
    qtbot: QtBot, prompts: RecordingPrompts, files: FakeFiles, tmp_path: Path
) -> None:
    win = MainWindow(open_settings(), prompts, files)  # the real layout client
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.runner.finished, timeout=60000):
        win.open_path(tmp_path / "small.yaml")
    assert win.scene is not None and win.scene.layout.engine != "fallback"
    assert "pygraphviz" not in sys.modules


def test_the_chart_has_keyboard_focus_after_opening(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.activateWindow()
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    qtbot.waitUntil(lambda: window.view.hasFocus())
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.scene is not None and len(window.scene.selected_body_ids()) == 1


def test_window_size_and_panels_are_remembered(
    qtbot: QtBot, prompts: RecordingPrompts, files: FakeFiles
) -> None:
    first = MainWindow(open_settings(), prompts, files, quick_layout)  # type: ignore[arg-type]
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.docks["legend"].hide()
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()
    second = MainWindow(open_settings(), prompts, files, quick_layout)  # type: ignore[arg-type]
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 500)
    assert not second.docks["legend"].isVisible()


def test_reload_reads_the_file_again(
    qtbot: QtBot, window: MainWindow, files: FakeFiles, tmp_path: Path
) -> None:
    path = tmp_path / "small.yaml"
    open_and_wait(qtbot, window, path)
    from icsviewer.model.generator import generate_chart

    files.charts[path] = generate_chart(40, seed=11)
    with qtbot.waitSignal(window.runner.finished, timeout=20000):
        window.window_actions["reload"].trigger()
    assert window.scene is not None and len(window.scene.body_ids()) == 40


def test_a_big_chart_is_drawn_once_in_its_own_layout_not_the_quick_rows_first(
    qtbot: QtBot,
    prompts: RecordingPrompts,
    files: FakeFiles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Above the tree threshold the real layout is quick: the window waits for it.
    monkeypatch.setenv("ICSVIEWER_TREE_THRESHOLD", "10")
    release = threading.Event()

    def tree_layout(chart: Chart, cancel: object) -> Layout:
        release.wait(10)
        return replace(fallback_layout(chart), engine="tree")

    win = MainWindow(open_settings(), prompts, files, tree_layout)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(tmp_path / "small.yaml")
    qtbot.wait(100)
    assert win.scene is not None and win.scene.body_ids() == []
    assert win.placeholder.isVisible() and not win.view.isVisible()
    with qtbot.waitSignal(win.runner.finished, timeout=20000):
        release.set()
    assert win.view.isVisible()
    assert win.scene.layout.engine == "tree" and len(win.scene.body_ids()) == 60
    win.runner.wait()


def test_a_big_chart_whose_layout_fails_is_shown_in_quick_rows(
    qtbot: QtBot,
    prompts: RecordingPrompts,
    files: FakeFiles,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from icsviewer.layout.client import LayoutError

    monkeypatch.setenv("ICSVIEWER_TREE_THRESHOLD", "10")

    def failing(chart: object, cancel: object) -> object:
        raise LayoutError("The tree layout stopped unexpectedly.")

    win = MainWindow(open_settings(), prompts, files, failing)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.runner.failed, timeout=20000):
        win.open_path(tmp_path / "small.yaml")
    assert prompts.errors and "stopped unexpectedly" in prompts.errors[-1][1]
    assert win.view.isVisible()
    assert win.scene is not None and win.scene.layout.engine == "fallback"
    assert len(win.scene.body_ids()) == 60
