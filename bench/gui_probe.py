"""Child process: the in-app figures for one chart, each repeated in this one process.

    python bench/gui_probe.py CHART.yaml REPEATS      (offscreen Qt, fresh ICSVIEWER_HOME)

Prints one JSON object of lists (one value per repeat):
- `read_s`: `load_document` - read, parse, validate and the domain checks, as File > Open does;
- `layout_s`: `compute_layout(chart, cache=None)` - our layout, cold (no layout cache), the
  engine the app picks; for Graphviz charts this includes the worker process start;
- `scene_first_s`: building a `ChartScene` from the chart and that layout, ready for its
  first paint (a big chart makes its items afterwards, in the event loop);
- `scene_s`: the same until every item is made (`ensure_items`, in one go);
- `frame_fit_ms` / `frame_100_ms`: one pan/zoom frame - a wheel-notch zoom (or a pan) followed
  by a synchronous repaint of a 1600x1000 viewport - with the whole chart in view, and at 100 %
  (the view copies tiles it made in the pause between frames: see canvas/tiled_view.py);
- `frame_100_direct_ms`: the same frames at 100 % with tiles switched off, every item drawn
  (what a frame costs when no tiles are ready: zooming faster than they are made);
- `label_edit_ms`: `Chart.replace_body` with a new name on a body in view, until the viewport
  has repainted with the new label;
- `stall_ms` (once, in a MainWindow): the longest event-loop stall, seen by a 5 ms heartbeat
  timer, from an add-body through the Chart API until the re-layout it triggers has been shown.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import finish
from gui_timing import (
    CountingView,
    measure_frames,
    measure_label_edit,
    measure_structural_stall,
)

VIEWPORT = (1600, 1000)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from icsviewer.app.opening import OpenFailure, load_document
    from icsviewer.canvas.fonts import load_bundled_fonts
    from icsviewer.canvas.scene import ChartScene
    from icsviewer.layout.client import compute_layout
    from icsviewer.style.theme import get_theme

    path, repeats = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    load_bundled_fonts()
    theme = get_theme("nhs")
    out: dict[str, Any] = {k: [] for k in (
        "read_s", "layout_s", "scene_first_s", "scene_s", "frame_fit_ms", "frame_100_ms",
        "frame_100_direct_ms",
        "label_edit_ms",
    )}
    document: Any = None
    for _ in range(repeats):
        start = time.perf_counter()
        document = load_document(path)
        out["read_s"].append(time.perf_counter() - start)
        if isinstance(document, OpenFailure):
            raise SystemExit(f"cannot open {path}: {document.message}")
    chart = document.chart
    layout: Any = None
    for _ in range(repeats):
        start = time.perf_counter()
        layout = compute_layout(chart, cache=None)
        out["layout_s"].append(time.perf_counter() - start)
    out["engine"] = layout.engine
    out["boxes"] = len(layout.boxes)
    scene: Any = None
    for _ in range(repeats):
        if scene is not None:
            scene.detach()
        start = time.perf_counter()
        scene = ChartScene(chart, layout, theme)
        # Ready for its first paint: a big chart makes its items after it, in the event loop.
        out["scene_first_s"].append(time.perf_counter() - start)
        scene.ensure_items()  # every item made, in one go: the whole build's cost
        out["scene_s"].append(time.perf_counter() - start)
    view = CountingView(scene)
    view.resize(*VIEWPORT)
    view.show()
    app.processEvents()
    view.fit_all()
    out["frame_fit_ms"] = measure_frames(app, view, frames=max(5, repeats * 2))
    out["zoom_fit"] = view.zoom_level()
    view.reset_zoom()
    out["frame_100_ms"] = measure_frames(app, view, frames=max(5, repeats * 2))
    view.tiles.enabled = False
    out["frame_100_direct_ms"] = measure_frames(app, view, frames=max(5, repeats * 2))
    view.tiles.enabled = True
    for index in range(repeats):
        out["label_edit_ms"].append(measure_label_edit(app, view, chart, index))
    scene.detach()
    view.hide()
    # A fresh copy for the window, so the edits above do not count as unsaved changes there.
    fresh = load_document(path)
    out["stall_ms"], out["stall_relayout_s"] = measure_structural_stall(app, fresh)
    finish(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
