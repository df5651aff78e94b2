"""The window with the real reader: the bundled chart, a broken file, a dropped file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from icsviewer import paths
from icsviewer.app.launch import initial_path
from icsviewer.app.main_window import MainWindow
from icsviewer.app.opening import OpenFailure, load_document
from icsviewer.app.settings import open_settings
from tests.app.conftest import RecordingPrompts, quick_layout

PLACES = ("Cheshire East", "Cheshire West", "Halton", "Knowsley", "Liverpool", "Sefton",
          "St Helens", "Warrington", "Wirral")  # fmt: skip


@pytest.fixture
def real_window(qtbot: QtBot, prompts: RecordingPrompts) -> MainWindow:
    win = MainWindow(open_settings(), prompts, load_document, quick_layout)  # type: ignore[arg-type]
    win.resize(1200, 800)
    qtbot.addWidget(win)
    win.show()
    return win


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.runner.finished, timeout=20000):
        assert window.open_path(path)


def test_no_path_means_the_bundled_chart() -> None:
    assert initial_path(None) == paths.FLAGSHIP_CHART
    assert initial_path("x.yaml") == Path("x.yaml")


def test_the_bundled_chart_opens_with_its_nine_places(
    qtbot: QtBot, real_window: MainWindow
) -> None:
    _open(qtbot, real_window, paths.FLAGSHIP_CHART)
    scene = real_window.scene
    assert scene is not None
    labels = {frame.label for frame in scene.layout.frames.values()}
    assert set(PLACES) <= labels
    assert not [p for p in real_window.document.problems if p.is_error]  # type: ignore[union-attr]


def test_a_file_that_is_not_a_chart_gives_a_clear_dialog(
    qtbot: QtBot, real_window: MainWindow, prompts: RecordingPrompts, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(b"\x00\xff not: [yaml")
    assert isinstance(load_document(broken), OpenFailure)
    assert not real_window.open_path(broken)
    _title, message = prompts.errors[-1]
    assert "broken.yaml" in message
    assert "Traceback" not in message
    assert real_window.window_actions["open"].isEnabled()


def test_a_missing_file_gives_a_clear_dialog(
    real_window: MainWindow, prompts: RecordingPrompts, tmp_path: Path
) -> None:
    assert not real_window.open_path(tmp_path / "nowhere.yaml")
    assert "nowhere.yaml" in prompts.errors[-1][1]


def test_dropping_a_chart_file_opens_it(qtbot: QtBot, real_window: MainWindow) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(paths.FLAGSHIP_CHART))])
    event = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(real_window.runner.finished, timeout=20000):
        real_window.dropEvent(event)
    assert real_window.document is not None
    assert real_window.document.path == paths.FLAGSHIP_CHART
