"""Child process: peak memory of opening a chart - read, layout, scene, one painted view.

    python bench/memory_probe.py CHART.yaml      (offscreen Qt, fresh ICSVIEWER_HOME)

Does what opening a file in the app does - `load_document`, `compute_layout` (cold), a
`ChartScene` and a shown 1600x1000 `ChartView` painted once at fit-all - then prints the
resident-set high-water mark of this process (`VmHWM`, see `common.peak_rss_mb`) in MB. The
Graphviz worker's own memory (a separate, short-lived process for small charts) is not in it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import finish, peak_rss_mb


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from icsviewer.app.opening import OpenFailure, load_document
    from icsviewer.canvas.fonts import load_bundled_fonts
    from icsviewer.canvas.scene import ChartScene
    from icsviewer.canvas.view import ChartView
    from icsviewer.layout.client import compute_layout
    from icsviewer.style.theme import get_theme

    app = QApplication(sys.argv[:1])
    load_bundled_fonts()
    document = load_document(Path(sys.argv[1]))
    if isinstance(document, OpenFailure):
        raise SystemExit(document.message)
    layout = compute_layout(document.chart, cache=None)
    scene = ChartScene(document.chart, layout, get_theme("nhs"))
    view = ChartView(scene)
    view.resize(1600, 1000)
    view.show()
    app.processEvents()
    view.fit_all()
    view.viewport().repaint()
    finish({"peak_rss_mb": peak_rss_mb()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
