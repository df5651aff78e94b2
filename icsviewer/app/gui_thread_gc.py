"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs in whichever thread happens to pass its allocation threshold, and the
window's layout thread allocates the most. A closed document, a replaced scene or an old view
sits in reference cycles (Qt signal connections to bound methods and lambdas), so the
collector is what destroys their Qt objects, and it would do so on the layout thread. Qt
objects must be destroyed in the thread they live in: a file watcher's socket notifier torn
down from another thread stays registered with a closed descriptor, and the GUI thread's event
loop then spins on it for good (seen: 100 % CPU and endless "QSocketNotifier: Invalid socket"
warnings after a second chart was opened). This is the known cure (pyqtgraph's
`GarbageCollector` does the same): automatic collection off, and a timer on the GUI thread
collecting each generation when Python's own thresholds say it is due.

`gc_pause.paused_gc` still brackets big batches; it turns collection back on only if it was
on before, so it leaves this arrangement alone.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

# Often enough that young garbage never piles up; each check costs a few microseconds.
CHECK_MS = 100


class GuiThreadCollector(QObject):
    """Collects garbage on the GUI thread, on a timer, as Python's thresholds call for."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    @staticmethod
    def collect_due() -> int:
        """Collect the oldest generation whose count has passed its threshold; return it or -1."""
        if gc.isenabled():  # a pause that began before this was installed ended
            gc.disable()
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        due = -1
        for generation in range(3):
            if counts[generation] > thresholds[generation]:
                due = generation
        if due >= 0:
            gc.collect(due)
        return due


def collect_on_gui_thread() -> GuiThreadCollector | None:
    """Install the collector once per application (call on the GUI thread); None without one."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return None
    found = app.findChild(GuiThreadCollector)
    return found if found is not None else GuiThreadCollector(app)
