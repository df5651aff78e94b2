"""Child process: cold start of the real app to the first painted window showing the chart.

    python bench/first_paint.py CHART.yaml     (QT_QPA_PLATFORM=offscreen, fresh ICSVIEWER_HOME)

Runs exactly what `python -m icsviewer CHART.yaml` runs (`icsviewer.cli.main`), with two
observers attached as the app itself imports their modules (an import hook, so this script
imports nothing of the app or of Qt before `main` runs: the app forks its reading child
before it loads Qt, and importing the window here first would delay that): one notes when the
chart's layout reaches the window (`MainWindow._on_layout`), the other notes when the chart
view has finished painting its viewport (`ChartView.paintEvent` returns). It prints, as
CLOCK_MONOTONIC seconds (system-wide on Linux, so the parent subtracts its own spawn time):

- `first_chart_paint`: the first paint of the view with any arrangement (the quick fallback
  rows if the layout was late, or the layout itself);
- `layout_paint`: the first paint after the layout arrived - the chart as it is meant to look.

and exits at once (no teardown is measured). Nothing in the app is changed or skipped.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import emit

MARKS: dict[str, Any] = {"first_chart_paint": None, "layout_at": None, "layout_paint": None}


def _observe_window(module: ModuleType) -> None:
    original = module.MainWindow._on_layout

    def on_layout(self: Any, layout: Any) -> None:
        if MARKS["layout_at"] is None:
            MARKS["layout_at"] = time.monotonic()
            MARKS["engine"] = layout.engine
            MARKS["boxes"] = len(layout.boxes)
        original(self, layout)

    module.MainWindow._on_layout = on_layout


def _observe_view(module: ModuleType) -> None:
    original = module.ChartView.paintEvent

    def paint_event(self: Any, event: Any) -> None:
        original(self, event)
        now = time.monotonic()
        if self.chart_scene() is None:
            return
        if MARKS["first_chart_paint"] is None:
            MARKS["first_chart_paint"] = now
        if MARKS["layout_at"] is not None:
            MARKS["layout_paint"] = now
            emit(MARKS)
            os._exit(0)  # the measurement is over; skip teardown

    module.ChartView.paintEvent = paint_event


OBSERVERS: dict[str, Callable[[ModuleType], None]] = {
    "icsviewer.app.main_window": _observe_window,
    "icsviewer.canvas.view": _observe_view,
}


class ObserveOnImport(importlib.abc.MetaPathFinder):
    """Finds the observed modules as usual, and attaches an observer once each has run."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        observe = OBSERVERS.get(name)
        if observe is None:
            return None
        sys.meta_path.remove(self)  # find the real spec without finding ourselves again
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_observe(module: ModuleType) -> None:
            exec_module(module)
            observe(module)

        spec.loader.exec_module = exec_and_observe  # type: ignore[method-assign]
        return spec


def main() -> int:
    sys.meta_path.insert(0, ObserveOnImport())
    from icsviewer.cli import main as app_main

    return app_main([sys.argv[1]])


if __name__ == "__main__":
    sys.exit(main())
