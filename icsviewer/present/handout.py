"""Export a tour as a PDF handout from the window: the presenter's steps, the exporter's pages.

The presenter's rules (`tour_player`) decide what each step focuses and reveals; the exporter
(`exporters.tour_handout`, which may not import the presenter) draws what it is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exporters.tour_handout import HandoutStep, write_tour_handout
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart, Tour
from icsviewer.present.tour_player import step_states
from icsviewer.style.theme import DEFAULT_THEME, Theme, get_theme


def handout_steps(chart: Chart, tour: Tour, layout: Layout) -> list[HandoutStep]:
    """The tour's steps as the presenter shows them, limited to bodies the layout places."""
    return [
        HandoutStep(s.caption, s.notes, s.focus, s.revealed)
        for s in step_states(chart, tour, known=layout.boxes)
    ]


def export_tour_handout(chart: Chart, layout: Layout, theme: Theme, tour: Tour, path: Path) -> Path:
    """Write the handout for `tour` to `path` (OSError if it cannot be written)."""
    steps = handout_steps(chart, tour, layout)
    return write_tour_handout(path, chart, layout, theme, tour.name or tour.id, steps)


def export_handout(window: Any, tour: Tour, path: Path) -> str | None:
    """Export from a window's current chart, layout and theme; a message for the user on
    failure, None on success."""
    scene = window.scene
    layout = getattr(scene, "layout", None)
    if not isinstance(layout, Layout):
        return "The chart has not been laid out yet; try again in a moment."
    theme = getattr(scene, "theme", None)
    if not isinstance(theme, Theme):
        theme = get_theme(DEFAULT_THEME)
    try:
        export_tour_handout(window.document.chart, layout, theme, tour, path)
    except OSError as exc:
        return f"Could not write {path}: {exc.strerror or exc}"
    return None
