"""Shared set-up for window tests: a window whose dialogs are recorded, not shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from icsviewer.app.main_window import MainWindow
from icsviewer.app.opening import OpenFailure
from icsviewer.app.prompts import Prompts
from icsviewer.app.settings import open_settings
from icsviewer.editor.document import Document
from icsviewer.layout.fallback import fallback_layout
from icsviewer.model.chart import Chart
from icsviewer.model.generator import generate_chart


class RecordingPrompts(Prompts):
    """Answers questions from a script and records every message instead of showing it."""

    def __init__(self) -> None:
        super().__init__(None)
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.open_answers: list[Path | None] = []

    def ask_open_path(self, start_dir: str = "") -> Path | None:
        return self.open_answers.pop(0) if self.open_answers else None

    def error(self, title: str, message: str, details: str = "") -> None:
        self.errors.append((title, message))

    def info(self, title: str, message: str) -> None:
        self.infos.append((title, message))


class FakeFiles:
    """A loader that serves charts by path, and fails for paths it does not know."""

    def __init__(self) -> None:
        self.charts: dict[Path, Chart] = {}

    def __call__(self, path: Path) -> Document | OpenFailure:
        if path in self.charts:
            return Document(self.charts[path].copy(), path)
        return OpenFailure(path, f"“{path.name}” could not be read: not a chart file")


def quick_layout(chart: Chart, cancel: object) -> object:
    """The instant fallback arrangement, so tests do not start Graphviz."""
    return fallback_layout(chart)


@pytest.fixture
def files(tmp_path: Path) -> FakeFiles:
    fake = FakeFiles()
    fake.charts[tmp_path / "small.yaml"] = generate_chart(60, seed=5)
    fake.charts[tmp_path / "other.yaml"] = generate_chart(30, seed=9)
    return fake


@pytest.fixture
def prompts() -> RecordingPrompts:
    return RecordingPrompts()


@pytest.fixture
def window(qtbot: QtBot, prompts: RecordingPrompts, files: FakeFiles) -> Iterator[MainWindow]:
    win = MainWindow(open_settings(), prompts, files, quick_layout)  # type: ignore[arg-type]
    win.resize(1200, 800)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.runner.cancel()
    win.runner.wait()


def open_and_wait(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    """Open a file and wait until its layout has arrived and the chart is on screen."""
    with qtbot.waitSignal(window.runner.finished, timeout=20000):
        assert window.open_path(path)
    qtbot.waitUntil(lambda: window.view.isVisible(), timeout=5000)
