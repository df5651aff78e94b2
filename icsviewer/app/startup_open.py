"""Open the start-up chart from what the prefetch child (`icsviewer.prefetch`) sends.

The command line forks the child before Qt is imported; by the time the window is built the
chart is usually read and often laid out. This module is the window's side of that:

- `PrefetchedLoader` is the window's loader: it hands over the chart the child read (as the
  same `Document` or `OpenFailure` that File > Open would give) instead of reading it again.
- `PrefetchedLayout` is the window's layout function: its first request, if it is for the
  chart the child laid out, waits for the child's layout instead of computing another.
- `StartupOpen` picks up the child's messages without blocking the event loop (a thread of
  `Prefetch` receives them; a timer here collects them), shows progress in the status bar
  while the file is read (with a Cancel button, and Esc), then opens the chart in the window
  and calls `then` (the crash guard and recovery offer, `--present`).

If the child dies, the window reads the file itself; if its layout is missing or for another
chart, the window computes one, as without a prefetch.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut

from icsviewer.app.busy_indicator import BusyIndicator
from icsviewer.app.layout_runner import POLL_MS, LayoutFunction, default_layout_function
from icsviewer.app.opening import OpenFailure, as_document, load_document, unreadable
from icsviewer.editor.document import Document
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.prefetch import Prefetch

if TYPE_CHECKING:
    from icsviewer.app.main_window import MainWindow

# What the child answered about the layout: its key and the layout or a sentence; None when
# there will be no answer (the child died or was stopped).
LayoutAnswer = tuple[str, Layout | str] | None


class PrefetchedLoader:
    """The window's loader: the prefetched result once, for its path; else `load_document`."""

    def __init__(self, fallback: Callable[[Path], Document | OpenFailure] = load_document) -> None:
        self._fallback = fallback
        self._held: tuple[Path, Document | OpenFailure] | None = None

    def hold(self, path: Path, result: Document | OpenFailure) -> None:
        self._held = (path, result)

    def __call__(self, path: Path) -> Document | OpenFailure:
        held, self._held = self._held, None
        if held is not None and held[0] == path:
            return held[1]
        return self._fallback(path)


class PrefetchedLayout:
    """The window's layout function: the child's layout for the first request it fits."""

    def __init__(self, fallback: LayoutFunction = default_layout_function) -> None:
        self._fallback = fallback
        self._answer: Future[LayoutAnswer] = Future()
        self._claimed = False

    def deliver(self, answer: LayoutAnswer) -> None:
        """Called once on the GUI thread with what the child sent (or None)."""
        if not self._answer.done():
            self._answer.set_result(answer)

    def __call__(self, chart: Chart, cancel: threading.Event) -> Layout:
        # The layout runner calls this on its one worker thread, one request at a time.
        if not self._claimed:
            self._claimed = True
            answer = self._wait(cancel)
            if answer is not None and answer[0] == _key(chart):
                if isinstance(answer[1], Layout):
                    return answer[1]
                from icsviewer.layout.client import LayoutError

                raise LayoutError(answer[1])
        return self._fallback(chart, cancel)

    def _wait(self, cancel: threading.Event) -> LayoutAnswer:
        while True:
            if cancel.is_set():
                from icsviewer.layout.client import LayoutCancelledError

                raise LayoutCancelledError("The layout was cancelled.")
            try:
                return self._answer.result(timeout=0.05)
            except FutureTimeout:
                continue


def _key(chart: Chart) -> str:
    from icsviewer.layout.client import choose_engine, layout_key

    return layout_key(chart, choose_engine(chart))


class StartupOpen(QObject):
    """Feeds the prefetch child's messages to the window; see the module docstring."""

    def __init__(
        self,
        window: MainWindow,
        prefetch: Prefetch,
        loader: PrefetchedLoader,
        layouts: PrefetchedLayout,
        then: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.prefetch = prefetch
        self._loader = loader
        self._layouts = layouts
        self._then = then
        # "reading" until the chart arrives (or the child ends), "opening" while the window
        # opens it (its error dialog runs a nested event loop, in which this must not start
        # again), then "done".
        self._state = "reading"
        self.progress = BusyIndicator(
            f"Reading {prefetch.path.name}…",
            "Reading progress",
            "Stop opening this chart (Esc)",
        )
        self.progress.cancel_button.clicked.connect(self.cancel)
        window.statusBar().addWidget(self.progress, 1)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._escape.activated.connect(self.cancel)
        # Polled, not signalled: Qt signals from a foreign thread crashed PySide6 6.12 (see
        # layout_runner); 15 ms is within a frame.
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._collect)
        self._timer.start()
        window.destroyed.connect(prefetch.cancel)
        # The user may open another file (File > Open, a drop) before this one is read: theirs
        # wins, and this one is not opened over it.
        window.document_shown.connect(self._on_document_shown)

    @property
    def reading(self) -> bool:
        """True until the chart has arrived (or the child ended, or the user cancelled)."""
        return self._state == "reading"

    def cancel(self, quietly: bool = False) -> None:
        """Stop reading (the user pressed Cancel or Esc): the window stays empty."""
        if not self.reading:
            return
        self._stop_listening()
        self.prefetch.cancel()
        self._layouts.deliver(None)
        if not quietly:
            self.window.statusBar().showMessage(
                f"Opening {self.prefetch.path.name} was cancelled. Use File > Open.", 10000
            )
        self._finish()
        self._state = "done"
        self._then()

    def _on_document_shown(self, _document: object) -> None:
        if self.reading:
            self.cancel(quietly=True)

    def _collect(self) -> None:
        for message in self.prefetch.receive():
            self._dispatch(message)
        if self.prefetch.finished:
            self._stop_listening()
            self._layouts.deliver(None)  # no-op when the layout came
            if self.reading:  # the child ended without the chart: read it here instead
                self._open(None)

    def _dispatch(self, message: tuple[Any, ...]) -> None:
        kind = message[0]
        path = self.prefetch.path
        if kind == "read":
            self._open(as_document(path, message[1], list(message[2])))
        elif kind == "unreadable":
            self._open(unreadable(path, str(message[1])))
        elif kind in ("layout", "layout_error"):
            self._layouts.deliver((str(message[1]), message[2]))

    def _open(self, result: Document | OpenFailure | None) -> None:
        if not self.reading:
            return
        self._state = "opening"
        if result is not None:
            self._loader.hold(self.prefetch.path, result)
        self._finish()  # the progress goes before the window shows the chart
        try:
            self.window.open_path(self.prefetch.path)
        finally:
            self._state = "done"
        self._then()

    def _finish(self) -> None:
        # Esc is the presenter's and the search bar's again.
        self._escape.setEnabled(False)
        self._escape.deleteLater()
        self.window.statusBar().removeWidget(self.progress)
        self.progress.deleteLater()

    def _stop_listening(self) -> None:
        self._timer.stop()
