"""The main window: the chart in the middle, details, legend, overview and problems around it.

It owns the open Document, the ChartScene built from it and the LayoutRunner that arranges it
in the background. A chart Graphviz arranges first appears in the instant fallback arrangement
(or, if Graphviz answers quickly, straight in its proper one), and is swapped to the Graphviz
layout when that arrives. A big chart (the tree engine's) is not: its real layout takes a
fraction of what building a fallback scene for thousands of bodies would, so the window waits
for it and builds the scene once. A layout failure is reported and the fallback is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from icsviewer.app import group_collapse, help_dialogs
from icsviewer.app import settings as keys
from icsviewer.app.actions import build_menus
from icsviewer.app.docks.details_dock import DetailsPanel
from icsviewer.app.docks.legend_dock import LegendPanel
from icsviewer.app.docks.problems_dock import ProblemsPanel
from icsviewer.app.layout_progress import LayoutProgress
from icsviewer.app.layout_runner import LayoutFunction, LayoutRunner, patch_or_relayout
from icsviewer.app.opening import Loader, OpenFailure, dropped_chart, load_document
from icsviewer.app.prompts import Prompts
from icsviewer.app.search_bar import SearchBar
from icsviewer.app.settings import (
    RecentFiles,
    fill_recent_menu,
    restore_window_state,
    save_window_state,
    saved_theme,
)
from icsviewer.app.view_context import ViewContextMenu
from icsviewer.app.window_parts import build_docks, chart_column
from icsviewer.canvas.minimap import Minimap
from icsviewer.canvas.scene import ChartScene
from icsviewer.canvas.view import ChartView
from icsviewer.editor.document import Document
from icsviewer.layout.client import choose_engine
from icsviewer.layout.fallback import fallback_layout
from icsviewer.layout.geometry import Layout
from icsviewer.style.theme import THEMES, Theme, get_theme

# Wait this long for Graphviz before showing the quick arrangement, so a fast layout (or a
# cached one) appears directly without a visible jump.
FALLBACK_DELAY_MS = 2500
RELAYOUT_DELAY_MS = 150
ARRANGED_MESSAGES = {
    "dot": "Chart arranged.",
    "tree": "Large chart arranged as a tree.",
    "fallback": "Chart shown in a simple arrangement.",
}


class MainWindow(QMainWindow):
    """The ICS Viewer window. Tests pass their own settings, prompts, loader and layout.

    Features installed on top (editing, presenting, exporting) follow `document_shown` and may
    add to `open_guards`: each is asked before another file replaces the open one (the editor
    asks Save / Discard / Cancel there).
    """

    # Emitted with the Document after it is shown (a new file, a reload, restored work).
    document_shown = Signal(object)

    def __init__(
        self,
        settings: QSettings,
        prompts: Prompts | None = None,
        loader: Loader = load_document,
        layout_function: LayoutFunction | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.recent = RecentFiles(settings)
        self.prompts = prompts or Prompts(self)
        self._loader = loader
        self.document: Document | None = None
        self.scene: ChartScene | None = None
        self.open_guards: list[Callable[[], bool]] = []
        # Features installed on top (editing, presenter, exporting, crash guard), kept alive
        # as long as the window.
        self.features: dict[str, object] = {}
        self.theme: Theme = get_theme(saved_theme(settings))
        self.setWindowTitle("ICS Viewer")
        self.setAcceptDrops(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )

        self.view = ChartView()
        self.view.setObjectName("chart_view")
        self.search_bar = SearchBar()
        self.placeholder = QLabel("Arranging the chart…")
        self.setCentralWidget(chart_column(self.search_bar, self.placeholder, self.view))

        self.details = DetailsPanel()
        self.legend = LegendPanel()
        self.problems = ProblemsPanel()
        self.minimap = Minimap(self.view)
        self.docks = build_docks(self, self.details, self.legend, self.minimap, self.problems)

        self.menus: dict[str, QMenu]
        self.window_actions: dict[str, QAction]
        self.menus, self.window_actions = build_menus(self)
        for dock in self.docks.values():
            self.menus["panels"].addAction(dock.toggleViewAction())
        self.menus["recent"].aboutToShow.connect(self._fill_recent_menu)
        self.window_actions[f"theme_{self.theme.name}"].setChecked(True)
        self.context_menu = ViewContextMenu(self)

        self.zoom_label = QLabel("")
        self.zoom_label.setAccessibleName("Zoom level")
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))

        self.runner = LayoutRunner(layout_function, self)
        self.runner.finished.connect(self._on_layout)
        self.runner.failed.connect(self._on_layout_failed)
        self.layout_progress = LayoutProgress(self)
        self._fallback_timer = QTimer(self, singleShot=True, interval=FALLBACK_DELAY_MS)
        self._fallback_timer.timeout.connect(self._show_view)
        self._relayout_timer = QTimer(self, singleShot=True, interval=RELAYOUT_DELAY_MS)
        self._relayout_timer.timeout.connect(self._relayout_now)
        self._fit_on_layout = False
        self._patching = False  # the running layout job patches the last one (an edit's)

        self.search_bar.match_chosen.connect(self.go_to_body)
        self.search_bar.closed.connect(self._return_focus_to_chart)
        self.details.body_requested.connect(self.go_to_body)
        self.problems.body_requested.connect(self.go_to_body)
        restore_window_state(self, settings)

    # ----- opening ------------------------------------------------------------------------------
    def choose_and_open(self) -> None:
        start = str(self.document.path.parent) if self.document and self.document.path else ""
        path = self.prompts.ask_open_path(start)
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open a chart file; on failure say why and keep the current chart. True if opened."""
        if not all(guard() for guard in self.open_guards):
            return False
        result = self._loader(Path(path))
        if isinstance(result, OpenFailure):
            self.prompts.error("Cannot open chart", result.message, result.details())
            self.statusBar().showMessage(result.message, 10000)
            return False
        self.show_document(result)
        if result.path is not None:
            self.recent.add(result.path)
        return True

    def reload(self) -> None:
        if self.document is not None and self.document.path is not None:
            self.open_path(self.document.path)

    def show_document(self, document: Document) -> None:
        """Show a document: quick arrangement now, Graphviz's when it arrives."""
        if self.scene is not None:
            self.scene.detach()
        old_scene, old_document = self.scene, self.document
        # The window owns the document on the C++ side, so Qt deletes it on the GUI thread.
        # Left to Python's cycle collector it could be destroyed on the layout thread.
        document.setParent(self)
        self.document = document
        chart = document.chart
        # A big chart's tree layout arrives in a fraction of a second: build its scene once,
        # from that layout, rather than first from the fallback rows and then again.
        quick_layout = choose_engine(chart) == "tree"
        # (A big chart's scene starts empty while its quick real layout is computed.)
        empty = Layout({}, {}, {}, 0.0, 0.0, engine="fallback")
        first = empty if quick_layout else fallback_layout(chart)
        self.scene = ChartScene(chart, first, self.theme, self)
        self.scene.relayout_requested.connect(self._relayout_timer.start)
        self.scene.selectionChanged.connect(self._on_selection)
        self.scene.body_activated.connect(self._on_activated)
        self.scene.group_toggle_requested.connect(self.toggle_group)
        self.scene.context_requested.connect(self.context_menu.popup_for)
        self.scene.chart_changed.connect(self._on_chart_changed)
        self.view.set_chart_scene(self.scene)
        self.minimap.sync_scene()
        if old_scene is not None:
            old_scene.deleteLater()
        if old_document is not None and old_document is not document:
            old_document.modified_changed.disconnect(self.setWindowModified)
            old_document.path_changed.disconnect(self._update_title)
            # The user has agreed to leave it (open_guards): forget its recovery file.
            old_document.close()
            old_document.deleteLater()
        self.search_bar.set_chart(chart)
        self.details.show_body(chart, "")
        self.legend.show_legend(chart, self.theme)
        self.problems.set_problems(document.problems)
        self.docks["problems"].setVisible(bool(document.problems))
        document.modified_changed.connect(self.setWindowModified)
        document.path_changed.connect(self._update_title)
        self._update_title()
        self.view.hide()
        self.placeholder.show()
        self._fit_on_layout = True
        if not quick_layout:
            self._fallback_timer.start()
        self.runner.request(chart)
        n = len(document.problems)
        if n:
            self.statusBar().showMessage(
                f"Opened with {n} problem{'s' if n > 1 else ''}: see the Problems panel.", 10000
            )
        self.document_shown.emit(document)

    def _update_title(self) -> None:
        doc = self.document
        if doc is None:
            self.setWindowTitle("ICS Viewer")
            return
        self.setWindowTitle(f"{doc.chart.meta.title} — {doc.display_name}[*] — ICS Viewer")
        self.setWindowModified(doc.is_modified)

    # ----- layout -------------------------------------------------------------------------------
    def _show_view(self) -> None:
        """Show the chart (called when the layout arrives or the wait for it runs out)."""
        self._fallback_timer.stop()
        if self.view.isHidden():
            self.placeholder.hide()
            self.view.show()
            # Let the layout give the view its size now, so the fit uses the real viewport.
            column = self.centralWidget().layout()  # type: ignore[union-attr]
            if column is not None:
                column.activate()
            self.view.fit_all()
            # Keys go to the chart first (Tab walks bodies, Ctrl+F finds), not to a panel.
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_layout(self, layout: Layout) -> None:
        patch, self._patching = self._patching, False
        if self.scene is None:
            return
        self.scene.set_layout(layout)
        refit = self._fit_on_layout and not self.view.isHidden()
        self._fit_on_layout = False
        self._show_view()
        if refit:
            self.view.fit_all()
        self.minimap.sync_scene()
        if not patch:  # an edit's patch is no news
            message = ARRANGED_MESSAGES.get(layout.engine, "Chart arranged.")
            self.statusBar().showMessage(message, 5000)

    def keep_current_arrangement(self) -> None:
        """No layout is coming (it failed or was cancelled): show the chart as arranged now."""
        self._patching = False
        if self.scene is not None and not self.scene.layout.boxes and self.document is not None:
            # A big chart waited for its layout with nothing drawn: show the simple rows.
            self.scene.set_layout(fallback_layout(self.document.chart))
            self.minimap.sync_scene()
        self._show_view()

    def _on_layout_failed(self, message: str) -> None:
        self.keep_current_arrangement()
        self.statusBar().showMessage("Layout failed; showing a simple arrangement.", 15000)
        self.prompts.error(
            "Could not arrange the chart",
            f"{message}\n\nThe chart is shown in a simple arrangement instead.",
        )

    def _relayout_now(self) -> None:
        """After a structural edit: patch the current layout when the edit is small, so the
        rest of the chart stays where the user saw it; else lay the whole chart out again in
        the background. While the first full layout is still running, let it finish."""
        if self.document is None:
            return
        chart = self.document.chart
        current = self.scene.layout if self.scene is not None else None
        if current is not None and current.boxes and not self.runner.busy:
            # Worked out in the background like a full layout: on a national chart a patch
            # takes tens of ms, which on the GUI thread held up input.
            self._patching = True
            self.runner.request(chart, partial(patch_or_relayout, current, self.runner.function))
            return
        self._patching = False
        self.runner.request(chart)

    # ----- selection, details, navigation -------------------------------------------------------
    def go_to_body(self, body_id: str) -> None:
        """Select a body and bring it to the middle of the view."""
        if self.scene is None or not self.scene.chart.has_body(body_id):
            return
        self.scene.select_bodies([body_id])
        self.view.centre_on_body(body_id)

    def _on_selection(self) -> None:
        if self.scene is None:
            return
        selected = self.scene.selected_body_ids()
        body_id = selected[0] if selected else ""
        self.details.show_body(self.scene.chart, body_id)
        if body_id:
            body = self.scene.chart.body(body_id)
            self.statusBar().showMessage(body.name)

    def _on_activated(self, body_id: str) -> None:
        self.docks["details"].show()
        self.docks["details"].raise_()

    def show_selected_details(self) -> None:
        if self.scene is not None and self.scene.selected_body_ids():
            self._on_activated(self.scene.selected_body_ids()[0])

    def clear_selection(self) -> None:
        if self.scene is not None:
            self.scene.select_bodies([])

    def _on_chart_changed(self) -> None:
        if self.document is None:
            return
        self.details.refresh()
        self.legend.show_legend(self.document.chart, self.theme)
        self._update_title()

    def open_search(self) -> None:
        self.search_bar.open_bar()

    def _return_focus_to_chart(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ----- groups ---------------------------------------------------------------------------------
    def toggle_group(self, group_id: str) -> None:
        if self.document is not None:
            group_collapse.toggle(self.document, group_id)

    def set_all_collapsed(self, collapsed: bool) -> None:
        if self.document is not None:
            ids = [g.id for g in self.document.chart.groups]
            group_collapse.set_collapsed(self.document, ids, collapsed)

    def undo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.undo()

    def redo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.redo()

    # ----- theme ----------------------------------------------------------------------------------
    def set_theme(self, name: str, remember: bool = True) -> None:
        """Redraw in another theme; positions stay (no re-layout).

        `remember=False` for a one-off choice (`--theme` on the command line).
        """
        if name not in THEMES:
            return
        self.theme = get_theme(name)
        self.window_actions[f"theme_{name}"].setChecked(True)
        if remember:
            self.settings.setValue(keys.KEY_THEME, name)
        if self.scene is not None and self.document is not None:
            self.scene.set_theme(self.theme)
            self.legend.show_legend(self.document.chart, self.theme)

    # ----- recent files, drag and drop, help ------------------------------------------------------
    def _fill_recent_menu(self) -> None:
        fill_recent_menu(self.menus["recent"], self.recent, self.open_path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_chart(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_chart(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    def show_shortcuts(self) -> None:
        help_dialogs.show_shortcuts(self.prompts, self.window_actions)

    def show_about(self) -> None:
        help_dialogs.show_about(self.prompts)

    def closeEvent(self, event: QCloseEvent) -> None:
        save_window_state(self, self.settings)
        self._relayout_timer.stop()
        self._fallback_timer.stop()
        self.runner.shutdown()
        # Stop following the chart and the view before Qt starts deleting children, so no
        # Python slot runs against a half-destroyed scene or view.
        if self.scene is not None:
            self.scene.detach()
        self.minimap.detach()
        super().closeEvent(event)

