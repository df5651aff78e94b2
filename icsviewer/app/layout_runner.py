"""Compute layouts off the GUI thread, so the window never freezes while Graphviz works.

`compute_layout` blocks (it runs Graphviz in a child process); here it runs on a plain Python
worker thread, and the GUI thread polls the result with a QTimer. The worker thread never
touches Qt at all: emitting Qt signals from a foreign thread crashed intermittently under
PySide6 6.12 (a freed socket notifier in the event dispatcher), and a 15 ms poll (only while a
layout is running) costs nothing and shows a finished layout within a frame or so.
Each request gets a number; answers to superseded requests are dropped and their work cancelled.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

from PySide6.QtCore import QObject, QTimer, Signal

from icsviewer.app.gui_thread_gc import collect_on_gui_thread
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart

LayoutFunction = Callable[[Chart, threading.Event], Layout]
POLL_MS = 15
# How often (seconds) a running thread hands the interpreter over to another that waits.
# Python's default is 5 ms: while the worker thread lays out or patches, every event the GUI
# thread handles in Python waited up to that long for its turn, and a burst of them added up
# (a structural edit's longest stall at 10,000 bodies: 56-93 ms over six runs; 51-61 ms at
# 1 ms). The worker loses little: it is handed the interpreter back as often.
SWITCH_INTERVAL_S = 0.001


def default_layout_function(chart: Chart, cancel: threading.Event) -> Layout:
    """Graphviz (or the tree engine for big charts) through the layout client.

    The cancel event is checked before starting (a queued, superseded request ends at once)
    but not handed to `compute_layout`: with it, the client feeds the worker's stdin in 0.1 s
    slices, and when the child starts slowly the rest of the request is never written, so the
    worker waits for input forever (reported to the layout owner). A running Graphviz is
    therefore left to finish and its answer dropped.
    """
    from icsviewer.layout.client import LayoutCancelledError, compute_layout

    if cancel.is_set():
        raise LayoutCancelledError("The layout was cancelled.")
    return compute_layout(chart, timeout=60.0)


def patch_or_relayout(
    current: Layout, full: LayoutFunction, chart: Chart, cancel: threading.Event
) -> Layout:
    """The layout job after an edit: `current` patched to show `chart`, so nothing else moves;
    or, for an edit too big to patch, the chart laid out again with `full`."""
    from icsviewer.layout.incremental import update_layout

    patched = update_layout(current, chart)
    return patched if patched is not None else full(chart, cancel)


def _message(exc: BaseException) -> str:
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
        # A Python thread beside the GUI thread: hand the interpreter over often, and let
        # only the GUI thread collect garbage (Qt objects in cycles die where they live).
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        collect_on_gui_thread()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="layout")
        self._future: Future[Layout] | None = None
        # The most recent job, finished or not, abandoned or not (for `wait`).
        self._last: Future[Layout] | None = None
        self._cancel: threading.Event | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def busy(self) -> bool:
        return self._future is not None

    @property
    def function(self) -> LayoutFunction:
        """What lays a chart out when a request names no other function."""
        return self._function

    def request(self, chart: Chart, function: LayoutFunction | None = None) -> None:
        """Lay out a snapshot of `chart` (with `function`, else the runner's own); an earlier
        unfinished request is abandoned."""
        was_busy = self.busy
        if self._cancel is not None:
            self._cancel.set()
        self._cancel = threading.Event()
        # A copy: the user may edit the chart while the worker reads it.
        job = function or self._function
        self._future = self._pool.submit(job, chart.copy(), self._cancel)
        self._last = self._future
        self._timer.start()
        if not was_busy:
            self.busy_changed.emit(True)

    def cancel(self) -> None:
        """Abandon the current request (its answer, if any, is ignored)."""
        if self._cancel is not None:
            self._cancel.set()
        self._cancel = None
        if self._future is not None:
            self._future = None
            self._timer.stop()
            self.busy_changed.emit(False)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until background work ends (tests, and closing the window)."""
        last = self._last
        if last is None:
            return True
        _done, pending = wait([last], timeout=msecs / 1000)
        return not pending

    def shutdown(self) -> None:
        """Cancel and let the worker thread end (the window is closing)."""
        self.cancel()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _poll(self) -> None:
        future = self._future
        if future is None:
            self._timer.stop()
            return
        if not future.done():
            return
        self._future = None
        self._cancel = None
        self._timer.stop()
        self.busy_changed.emit(False)
        error = future.exception()
        if error is not None:
            self.failed.emit(_message(error))
            return
        layout = future.result()
        if isinstance(layout, Layout):
            self.finished.emit(layout)
        else:
            self.failed.emit("The layout engine gave no usable answer.")
