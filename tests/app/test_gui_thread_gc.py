"""Garbage in reference cycles (closed documents, old scenes) is collected on the GUI thread."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from icsviewer.app.gui_thread_gc import GuiThreadCollector, collect_on_gui_thread


class _Node:
    """One object in a reference cycle that notes the thread it was destroyed on."""

    def __init__(self, died_on: list[threading.Thread]) -> None:
        self.died_on = died_on
        self.me = self

    def __del__(self) -> None:
        self.died_on.append(threading.current_thread())


def test_a_cycle_left_while_a_worker_allocates_dies_on_the_gui_thread(qtbot: QtBot) -> None:
    collector = collect_on_gui_thread()
    assert isinstance(collector, GuiThreadCollector)
    assert collect_on_gui_thread() is collector  # one per application
    died_on: list[threading.Thread] = []
    _Node(died_on)  # unreachable at once, but only the cycle collector can free it
    kept: list[list[object]] = []

    def allocate() -> None:
        # Far past the youngest generation's threshold: an automatic collection would run
        # here, on this worker (as on the window's layout thread).
        kept.append([[] for _ in range(20 * gc.get_threshold()[0])])

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert died_on == []
    qtbot.waitUntil(lambda: bool(died_on), timeout=3_000)
    assert died_on == [threading.main_thread()]


def test_nothing_is_collected_before_a_threshold_is_passed(qtbot: QtBot) -> None:
    collect_on_gui_thread()
    gc.collect()
    assert GuiThreadCollector.collect_due() == -1
    kept = [[] for _ in range(2 * gc.get_threshold()[0])]
    assert GuiThreadCollector.collect_due() >= 0
    assert len(kept) > 0
    assert not gc.isenabled()
