"""How the GUI figures are timed: repaint frames, a label edit, a structural edit's stall.

Used by `gui_probe.py` (in a child process with offscreen Qt). A frame is timed around the
change and a synchronous `viewport().repaint()`, which on every platform paints the whole
viewport before it returns; `CountingView` counts finished paints so a measurement that did
not paint is reported as missing (None) instead of as a suspiciously fast frame.
"""

from __future__ import annotations

import dataclasses
import itertools
import time
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

from icsviewer.canvas.view import WHEEL_STEP, ChartView
from icsviewer.model.chart import Body, Chart

HEARTBEAT_MS = 5
PAINT_WAIT_S = 5.0


class CountingView(ChartView):
    """The app's chart view, counting the paints of its viewport that have finished."""

    paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.paints += 1


def _settle(app: QApplication) -> None:
    """Let pending updates and posted events run, so they do not land in the next timing."""
    for _ in range(3):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def measure_frames(app: QApplication, view: CountingView, frames: int) -> list[float | None]:
    """Milliseconds per frame: zoom in/out a wheel notch or pan, then repaint all of it."""
    times: list[float | None] = []
    _settle(app)
    for index in range(frames):
        before = view.paints
        start = time.perf_counter()
        if index % 3 == 2:  # a pan: scroll a quarter of the viewport sideways and back
            bar = view.horizontalScrollBar()
            step = view.viewport().width() // 4
            bar.setValue(bar.value() + (step if index % 2 else -step))
        else:  # a wheel notch in, then out again, about the centre
            view.zoom_by(WHEEL_STEP if index % 2 == 0 else 1 / WHEEL_STEP)
        view.viewport().repaint()
        elapsed = (time.perf_counter() - start) * 1000.0
        times.append(elapsed if view.paints > before else None)
        _settle(app)
    return times


def _body_in_view(view: CountingView) -> str | None:
    """A body drawn in the visible part of the view (the one nearest its centre)."""
    scene = view.chart_scene()
    if scene is None:
        return None
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    centre = visible.center()
    best: tuple[float, str] | None = None
    for body_id in scene.body_ids():
        rect = scene.body_rect(body_id)
        if visible.contains(rect):
            d = (rect.center() - centre).manhattanLength()
            if best is None or d < best[0]:
                best = (d, body_id)
    return best[1] if best else None


def measure_label_edit(
    app: QApplication, view: CountingView, chart: Chart, index: int
) -> float | None:
    """Milliseconds from `replace_body` with a new name to the repainted viewport."""
    scene = view.chart_scene()
    body_id = _body_in_view(view)
    if scene is None or body_id is None:
        return None
    _settle(app)
    body = chart.body(body_id)
    # A short new name, so it fits the box whatever the old one was (no re-wrap to the short
    # name, no need for a bigger box): the case the 50 ms target is about.
    new_name = f"Renamed body {index}"
    before = view.paints
    start = time.perf_counter()
    chart.replace_body(dataclasses.replace(body, name=new_name))
    deadline = start + PAINT_WAIT_S
    while view.paints == before and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    elapsed = (time.perf_counter() - start) * 1000.0
    item = scene.body_item(body_id)
    shown = item is not None and new_name in " ".join(item.lines)
    return elapsed if view.paints > before and shown else None


def _wait_until(app: QApplication, done: Any, timeout_s: float) -> bool:
    deadline = time.perf_counter() + timeout_s
    while not done() and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    return bool(done())


def measure_structural_stall(
    app: QApplication, document: Any, timeout_s: float = 180.0
) -> tuple[float | None, float | None]:
    """The longest event-loop stall (ms) around an add-body and the re-layout it triggers.

    The window opens the document and waits for its first real layout. Then a 5 ms heartbeat
    starts; after 100 ms a new body joins the chart through `Chart.add_body` (inside the event
    loop, so its own cost counts); the loop runs until the window has applied the new layout
    and 300 ms more. Returns (longest gap between heartbeats, seconds until the new layout).
    """
    from icsviewer.app.main_window import MainWindow
    from icsviewer.app.settings import open_settings

    window = MainWindow(open_settings())
    window.resize(1600, 1000)
    window.show()
    window.show_document(document)
    arrived: list[float] = []
    window.runner.finished.connect(lambda _layout: arrived.append(time.perf_counter()))
    if not _wait_until(app, lambda: bool(arrived), timeout_s):
        return None, None
    _settle(app)
    new_ids: list[str] = []
    placed: list[float] = []

    def new_body_placed() -> None:
        # The window either patches its layout on the GUI thread (a small edit: the runner
        # never runs) or re-lays out in the background; either way the new body reaches the
        # scene's layout, which is what the user sees.
        scene = window.scene
        if not placed and new_ids and scene is not None and new_ids[0] in scene.layout.boxes:
            placed.append(time.perf_counter())

    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heartbeat.timeout.connect(lambda: new_body_placed())
    edited: list[float] = []

    def add_body() -> None:
        chart = document.chart
        new_id = chart.new_body_id("benchmark_new_body")
        new_ids.append(new_id)
        edited.append(time.perf_counter())
        chart.add_body(Body(id=new_id, name="A newly added partnership board", kind="committee"))

    loop = QEventLoop()
    heartbeat.start()
    QTimer.singleShot(100, add_body)
    deadline = time.perf_counter() + timeout_s

    def check() -> None:
        new_body_placed()
        settled = bool(placed) and time.perf_counter() - placed[0] > 0.3
        if settled or time.perf_counter() > deadline:
            loop.quit()

    watcher = QTimer()
    watcher.setInterval(20)
    watcher.timeout.connect(check)
    watcher.start()
    loop.exec()
    heartbeat.stop()
    watcher.stop()
    window.runner.shutdown()
    if not edited or not placed:
        return None, None
    gaps = [b - a for a, b in itertools.pairwise(ticks) if b >= edited[0] - 0.05]
    relayout = placed[0] - edited[0]
    return (max(gaps) * 1000.0 if gaps else None), relayout
