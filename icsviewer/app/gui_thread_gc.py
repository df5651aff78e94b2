"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs in whichever thread happens to pass its allocation threshold, and the
window's layout thread allocates the most. A closed document, a replaced scene or an old view
sits in reference cycles (Qt signal connections to bound methods and lambdas), so the
collector is what destroys their Qt objects, and it would do so on the layout thread. Qt
objects must be destroyed in the thread they live in: a file watcher's socket notifier torn
down from another thread stays registered with a closed descriptor, and the GUI thread's event
loop then spins on it for good (seen in the benchmark, which opens one chart after another:
100 % CPU and endless "QSocketNotifier: Invalid socket" warnings). This is the known cure
(pyqtgraph's `GarbageCollector` does the same): automatic collection off, and a timer on the
GUI thread collecting each generation when Python's own thresholds say it is due. A full
collection walks the whole heap (50 ms and more with a national chart open), so, like Python's
own collector (which waits until the oldest generation has grown by a quarter), this one
spaces them out: at least `FULL_EVERY_S` apart, and never more than a twentieth of the time.

The window's layout runner installs it when it makes its worker thread. `gc_pause.paused_gc`
still brackets big batches; it turns collection back on only if it was
on before, so it leaves this arrangement alone.
"""

from __future__ import annotations

import gc
from time import monotonic

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

# Often enough that young garbage never piles up; each check costs a few microseconds.
CHECK_MS = 100
# Full collections at least this far apart (seconds), and at least 20 times their own length.
FULL_EVERY_S = 10.0
FULL_SHARE = 20.0


class GuiThreadCollector(QObject):
    """Collects garbage on the GUI thread, on a timer, as Python's thresholds call for."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self._next_full = monotonic() + FULL_EVERY_S
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation that is due; return it, or -1 when none was."""
        if gc.isenabled():  # a pause that began before this was installed ended
            gc.disable()
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        due = -1
        for generation in range(3):
            if counts[generation] > thresholds[generation]:
                due = generation
        if due == 2 and monotonic() < self._next_full:
            due = 1  # a full collection is not due yet: the younger ones meanwhile
        if due < 0:
            return due
        start = monotonic()
        gc.collect(due)
        if due == 2:
            took = monotonic() - start
            self._next_full = start + max(FULL_EVERY_S, FULL_SHARE * took)
        return due


def collect_on_gui_thread() -> GuiThreadCollector | None:
    """Install the collector once per application (call on the GUI thread); None without one."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return None
    found = app.findChild(GuiThreadCollector)
    return found if found is not None else GuiThreadCollector(app)
