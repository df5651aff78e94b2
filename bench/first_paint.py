"""Child process: cold start of the real app to the first painted window showing the chart.

    python bench/first_paint.py CHART.yaml     (QT_QPA_PLATFORM=offscreen, fresh ICSVIEWER_HOME)

Runs exactly what `python -m icsviewer CHART.yaml` runs (`icsviewer.cli.main`), with two
observers attached from outside before the window exists: one notes when the chart's layout
reaches the window (`MainWindow._on_layout`), the other notes when the chart view has finished
painting its viewport (`ChartView.paintEvent` returns). It prints, as CLOCK_MONOTONIC seconds
(system-wide on Linux, so the parent subtracts its own spawn time):

- `first_chart_paint`: the first paint of the view with any arrangement (the quick fallback
  rows if the layout was late, or the layout itself);
- `layout_paint`: the first paint after the layout arrived - the chart as it is meant to look.

and exits at once (no teardown is measured). Nothing in the app is changed or skipped.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import emit


def main() -> int:
    from icsviewer.app.main_window import MainWindow
    from icsviewer.canvas.view import ChartView
    from icsviewer.cli import main as app_main

    marks: dict[str, Any] = {"first_chart_paint": None, "layout_at": None, "layout_paint": None}
    original_on_layout = MainWindow._on_layout
    original_paint = ChartView.paintEvent

    def on_layout(self: MainWindow, layout: Any) -> None:
        if marks["layout_at"] is None:
            marks["layout_at"] = time.monotonic()
            marks["engine"] = layout.engine
            marks["boxes"] = len(layout.boxes)
        original_on_layout(self, layout)

    def paint_event(self: ChartView, event: Any) -> None:
        original_paint(self, event)
        now = time.monotonic()
        if self.chart_scene() is None:
            return
        if marks["first_chart_paint"] is None:
            marks["first_chart_paint"] = now
        if marks["layout_at"] is not None:
            marks["layout_paint"] = now
            emit(marks)
            os._exit(0)  # the measurement is over; skip teardown

    MainWindow._on_layout = on_layout  # type: ignore[method-assign]
    ChartView.paintEvent = paint_event  # type: ignore[method-assign,assignment]
    return app_main([sys.argv[1]])


if __name__ == "__main__":
    sys.exit(main())
