"""Compute layouts off the GUI thread, so the window never freezes while Graphviz works.

`compute_layout` blocks (it runs Graphviz in a child process); here it runs on a QThreadPool
thread and reports back through Qt signals, which Qt delivers on the GUI thread. Each request
gets a number; answers to superseded requests are dropped and their work cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart

LayoutFunction = Callable[[Chart, threading.Event], Layout]


def default_layout_function(chart: Chart, cancel: threading.Event) -> Layout:
    """Graphviz (or the tree engine for big charts) through the layout client."""
    from icsviewer.layout.client import compute_layout

    return compute_layout(chart, timeout=60.0, cancel=cancel)


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(
        self,
        number: int,
        chart: Chart,
        function: LayoutFunction,
        cancel: threading.Event,
        signals: _Signals,
    ) -> None:
        super().__init__()
        self._number = number
        self._chart = chart
        self._function = function
        self._cancel = cancel
        self._signals = signals

    def run(self) -> None:
        try:
            layout = self._function(self._chart, self._cancel)
        except Exception as exc:
            self._signals.failed.emit(self._number, _message(exc))
            return
        self._signals.done.emit(self._number, layout)


def _message(exc: Exception) -> str:
    from icsviewer.layout.client import LayoutError

    if isinstance(exc, LayoutError):
        return str(exc)
    return f"The chart could not be arranged ({type(exc).__name__}: {exc})."


class LayoutRunner(QObject):
    """Runs one layout at a time in the background; the newest request wins."""

    # A layout for the latest request arrived.
    finished = Signal(object)
    # The latest request failed; the text is a sentence for the user.
    failed = Signal(str)
    # Work started (True) or ended (False), for a busy indicator.
    busy_changed = Signal(bool)

    def __init__(
        self, function: LayoutFunction | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._function = function or default_layout_function
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._latest = 0
        self._cancel: threading.Event | None = None

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def request(self, chart: Chart) -> None:
        """Lay out a snapshot of `chart`; earlier unfinished requests are abandoned."""
        if self._cancel is not None:
            self._cancel.set()
        self._latest += 1
        self._cancel = threading.Event()
        # A copy: the user may edit the chart while the worker reads it.
        job = _Job(self._latest, chart.copy(), self._function, self._cancel, self._signals)
        self._pool.start(job)
        self.busy_changed.emit(True)

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None
            self._latest += 1
            self.busy_changed.emit(False)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until background work ends (tests, and closing the window)."""
        return bool(self._pool.waitForDone(msecs))

    def _on_done(self, number: int, layout: object) -> None:
        if number != self._latest or not isinstance(layout, Layout):
            return
        self._cancel = None
        self.busy_changed.emit(False)
        self.finished.emit(layout)

    def _on_failed(self, number: int, message: str) -> None:
        if number != self._latest:
            return
        self._cancel = None
        self.busy_changed.emit(False)
        self.failed.emit(message)
