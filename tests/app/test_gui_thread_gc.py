"""Garbage in reference cycles (closed documents, old scenes) is collected on the GUI thread."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from icsviewer.app import gui_thread_gc
from icsviewer.app.gui_thread_gc import FULL_EVERY_S, GuiThreadCollector, collect_on_gui_thread


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
    collector = collect_on_gui_thread()
    assert collector is not None
    gc.collect()
    assert collector.collect_due() == -1
    kept: list[list[object]] = [[] for _ in range(2 * gc.get_threshold()[0])]
    assert collector.collect_due() >= 0
    assert len(kept) > 0
    assert not gc.isenabled()


def _make_a_full_collection_due() -> None:
    for _ in range(gc.get_threshold()[2] + 1):
        gc.collect(1)  # each counts towards the oldest generation's threshold


def test_full_collections_are_spaced_out(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(gui_thread_gc, "monotonic", lambda: clock[0])
    owner = QObject()
    collector = GuiThreadCollector(owner)
    _make_a_full_collection_due()
    assert collector.collect_due() == 1  # just installed: the younger generations only
    clock[0] += FULL_EVERY_S + 1
    _make_a_full_collection_due()
    assert collector.collect_due() == 2
    _make_a_full_collection_due()
    assert collector.collect_due() == 1  # the last full one was just now
    clock[0] += FULL_EVERY_S + 1
    _make_a_full_collection_due()
    assert collector.collect_due() == 2
