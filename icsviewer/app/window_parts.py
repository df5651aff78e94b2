"""The parts of the main window around the chart view: its column, and the panels.

The column holds the search bar over the chart view, with the "Arranging the chart…" label in
the view's place while a big chart's first layout is computed. The panels are placed the way
a first-time user needs them: details on top at the right, the legend below it sharing its
place with the overview (which matters only once the chart is zoomed beyond the window), and
problems along the bottom, hidden until a file has some.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


def chart_column(search_bar: QWidget, placeholder: QLabel, view: QWidget) -> QWidget:
    """The central widget: the search bar over the view (or, hidden until needed, the
    placeholder that stands in for it)."""
    placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
    placeholder.hide()
    central = QWidget()
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(search_bar)
    column.addWidget(placeholder, 1)
    column.addWidget(view, 1)
    return central


def build_docks(
    window: QMainWindow, details: QWidget, legend: QWidget, overview: QWidget, problems: QWidget
) -> dict[str, QDockWidget]:
    """Dock the four panels on `window`; returns them by name."""
    docks = {
        "details": _dock(window, "Details", "details_dock", details, RIGHT),
        "legend": _dock(window, "Legend", "legend_dock", legend, RIGHT),
        "overview": _dock(window, "Overview", "overview_dock", overview, RIGHT),
        "problems": _dock(window, "Problems", "problems_dock", problems, BOTTOM),
    }
    window.splitDockWidget(docks["details"], docks["legend"], Qt.Orientation.Vertical)
    window.tabifyDockWidget(docks["legend"], docks["overview"])
    docks["legend"].raise_()
    docks["problems"].hide()
    return docks


def _dock(
    window: QMainWindow, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea
) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)  # saveState() finds docks by object name
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock
