"""Progress and Cancel while the chart is being arranged, in the window's status bar.

Arranging runs in the background (`LayoutRunner`), so the window never freezes; but a big
chart for Graphviz can take seconds, and the user should see that something is happening and
be able to stop it. After `SHOW_AFTER_MS` of work a busy bar with a Cancel button appears
(a quick layout shows nothing, so nothing flickers); Cancel drops the running layout and the
chart keeps the arrangement it has (the quick one, if the real one never arrived).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from icsviewer.app.busy_indicator import BusyIndicator

if TYPE_CHECKING:
    from icsviewer.app.main_window import MainWindow

# Long enough that a layout from the cache or a quick Graphviz run shows no indicator.
SHOW_AFTER_MS = 600
CANCELLED_MESSAGE = (
    "Arranging was cancelled: the chart keeps its current arrangement "
    "(Edit > Re-layout tries again)."
)


class LayoutProgress(QObject):
    """Shows the busy indicator while `window.runner` works for long; Cancel stops it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.indicator: BusyIndicator | None = None
        self._delay = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._delay.timeout.connect(self._show)
        window.runner.busy_changed.connect(self._on_busy)

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self._delay.start()
        else:
            self._delay.stop()
            self._hide()

    def _show(self) -> None:
        if self.indicator is not None or not self.window.runner.busy:
            return
        self.indicator = BusyIndicator(
            "Arranging the chart…", "Arranging progress", "Stop arranging; keep what is shown"
        )
        self.indicator.cancel_button.clicked.connect(self.cancel)
        # Permanent, left of the zoom level: passing messages (a selected body's name) hide
        # ordinary status-bar widgets, and this one must stay in view while it matters.
        self.window.statusBar().insertPermanentWidget(0, self.indicator)

    def _hide(self) -> None:
        if self.indicator is not None:
            self.window.statusBar().removeWidget(self.indicator)
            self.indicator.deleteLater()
            self.indicator = None

    def cancel(self) -> None:
        """Stop arranging; the window shows the chart as it is arranged now."""
        if not self.window.runner.busy:
            return
        self.window.runner.cancel()  # ends busy: the indicator goes
        self.window.keep_current_arrangement()
        self.window.statusBar().showMessage(CANCELLED_MESSAGE, 15000)
