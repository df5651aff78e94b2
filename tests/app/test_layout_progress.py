"""While the chart is arranged for long, the status bar says so and offers Cancel.

A Graphviz layout of a big single-system chart can take seconds; the window must never look
frozen and the user must be able to stop it and keep what is on screen.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from icsviewer.app.layout_progress import CANCELLED_MESSAGE, SHOW_AFTER_MS
from icsviewer.app.layout_runner import SWITCH_INTERVAL_S
from icsviewer.app.main_window import MainWindow
from icsviewer.app.settings import open_settings
from icsviewer.layout.fallback import fallback_layout
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from tests.app.conftest import FakeFiles, RecordingPrompts


class HeldLayout:
    """A layout function that waits until the test lets it go (or the window cancels)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()

    def __call__(self, chart: Chart, cancel: threading.Event) -> Layout:
        self.started.set()
        while not self.release.wait(0.01):
            if cancel.is_set():
                break
        return fallback_layout(chart)


@pytest.fixture
def held() -> Iterator[HeldLayout]:
    layout = HeldLayout()
    yield layout
    layout.release.set()


@pytest.fixture
def slow_window(
    qtbot: QtBot, prompts: RecordingPrompts, files: FakeFiles, held: HeldLayout
) -> Iterator[MainWindow]:
    win = MainWindow(open_settings(), prompts, files, held)
    win.resize(1200, 800)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    held.release.set()
    win.runner.cancel()
    win.runner.wait()


def test_a_long_layout_shows_progress_and_cancel_keeps_the_chart_on_screen(
    qtbot: QtBot, slow_window: MainWindow, tmp_path: Path, held: HeldLayout
) -> None:
    assert slow_window.open_path(tmp_path / "small.yaml")
    progress = slow_window.layout_progress
    qtbot.waitUntil(lambda: progress.indicator is not None, timeout=SHOW_AFTER_MS + 3000)
    indicator = progress.indicator
    assert indicator is not None and indicator.isVisible()
    assert "Arranging" in indicator.label.text()

    indicator.cancel_button.click()

    assert not slow_window.runner.busy
    assert progress.indicator is None
    assert not slow_window.view.isHidden()  # the quick arrangement, not an empty window
    scene = slow_window.scene
    assert scene is not None and len(scene.layout.boxes) == 60
    assert slow_window.statusBar().currentMessage() == CANCELLED_MESSAGE
    # The abandoned layout finishing later changes nothing.
    held.release.set()
    slow_window.runner.wait()
    qtbot.wait(50)
    assert slow_window.statusBar().currentMessage() == CANCELLED_MESSAGE


def test_cancelling_a_big_chart_that_had_nothing_arranged_yet_shows_the_simple_rows(
    qtbot: QtBot, slow_window: MainWindow, files: FakeFiles, tmp_path: Path
) -> None:
    from icsviewer.model.generator import generate_chart

    big = tmp_path / "national.yaml"
    files.charts[big] = generate_chart(1200, seed=2)  # the tree engine's size: no quick rows
    assert slow_window.open_path(big)
    scene = slow_window.scene
    assert scene is not None and not scene.layout.boxes
    qtbot.waitUntil(lambda: slow_window.layout_progress.indicator is not None, timeout=4000)
    slow_window.layout_progress.cancel()
    assert len(scene.layout.boxes) == 1200
    assert not slow_window.view.isHidden()


def test_a_quick_layout_shows_no_progress(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    seen: list[bool] = []
    window.runner.busy_changed.connect(seen.append)
    assert window.open_path(tmp_path / "small.yaml")
    qtbot.waitUntil(lambda: seen == [True, False], timeout=3000)
    qtbot.wait(SHOW_AFTER_MS + 100)
    assert window.layout_progress.indicator is None


def test_the_layout_thread_hands_the_interpreter_back_every_millisecond(
    window: MainWindow,
) -> None:
    # The GUI thread's events wait for the layout thread's turn to end: Python's default
    # 5 ms turns made a structural edit's stall at 10,000 bodies swing up to ~95 ms.
    assert window.runner is not None
    assert sys.getswitchinterval() <= SWITCH_INTERVAL_S
