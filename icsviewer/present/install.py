"""Wire presenter mode into a main window: View > Present (F5), View > Present Tour, the tour
editor dock.

The window calls `install_presenter(self)` once after building its menus; nothing else in the
window needs to know about presenting. The window must have `document` (with `.chart` and
`.undo_stack`), `scene`, `view` and `menus` (a dict of QMenu by name); a missing "view" menu
is created.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from icsviewer.present.presenter import Presenter
from icsviewer.present.tour_editor_dock import TourEditorDock


def _view_menu(window: QMainWindow) -> QMenu:
    menus: dict[str, QMenu] | None = getattr(window, "menus", None)
    if menus is None:
        menus = {}
        window.menus = menus  # type: ignore[attr-defined]
    menu = menus.get("view")
    if menu is None:
        menu = window.menuBar().addMenu("&View")
        menus["view"] = menu
    return menu


def _fill_tour_menu(menu: QMenu, presenter: Presenter) -> None:
    """List the chart's tours now (they change as the chart is edited or another file opens)."""
    menu.clear()
    tours = presenter.tours()
    chart = presenter.chart
    default = chart.default_tour() if chart is not None else None
    for tour in tours:
        suffix = " (default)" if default is not None and tour.id == default.id else ""
        steps = len(tour.steps)
        action = menu.addAction(f"{tour.name}{suffix} – {steps} step{'s' if steps != 1 else ''}")
        action.setEnabled(steps > 0)
        action.triggered.connect(lambda _checked=False, tid=tour.id: presenter.start(tid))
    if tours:
        menu.addSeparator()
    explore = menu.addAction("Free Exploration (no tour)")
    explore.triggered.connect(lambda _checked=False: presenter.start(explore=True))


def install_presenter(window: QMainWindow, animate: bool = True) -> Presenter:
    """Add presenting to `window` and return its Presenter."""
    presenter = Presenter(window, animate=animate)
    menu = _view_menu(window)
    menu.addSeparator()

    present = QAction("&Present", window)
    present.setObjectName("action_present")
    present.setShortcut(QKeySequence(Qt.Key.Key_F5))
    present.setStatusTip("Full screen, stepping through the default tour (Esc to leave)")
    present.triggered.connect(lambda _checked=False: presenter.start())
    menu.addAction(present)

    tours_menu = menu.addMenu("Present &Tour")
    tours_menu.setObjectName("menu_present_tour")
    tours_menu.aboutToShow.connect(lambda: _fill_tour_menu(tours_menu, presenter))
    _fill_tour_menu(tours_menu, presenter)

    dock = TourEditorDock(window, presenter)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    toggle = dock.toggleViewAction()
    toggle.setText("Tour &Editor")
    # Beside the window's other panels when it lists them in a menu of their own.
    panels = getattr(window, "menus", {}).get("panels")
    (panels if isinstance(panels, QMenu) else menu).addAction(toggle)
    return presenter
