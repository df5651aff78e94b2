"""Add editing to the main window with one call: `install_editing(window)`.

Adds the Edit menu's editing actions and File > Save / Save As, an Edit panel (the body form)
and an Undo history panel, double-click rename, and the Save / Discard / Cancel question when
the window closes or opens another file with unsaved changes. It uses only the window's public
attributes (`document`, `scene`, `view`, `menus`, `window_actions`, `statusBar()`); where the
window has no hook yet (a "document shown" signal, a check before opening another file) it
wraps the window's `show_document` and `open_path` on this instance.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QDockWidget, QMenu

from icsviewer.editor.document import Document
from icsviewer.editor.ui.body_form import BodyForm
from icsviewer.editor.ui.chart_properties_dialog import ChartPropertiesDialog
from icsviewer.editor.ui.drag_move import DragMove
from icsviewer.editor.ui.edit_prompts import EditPrompts
from icsviewer.editor.ui.editing import EditingController
from icsviewer.editor.ui.relationship_dialog import RelationshipDialog, describe
from icsviewer.editor.ui.rubber_band import RubberBandSelect
from icsviewer.editor.ui.tour_steps_dock import TourStepsDock
from icsviewer.editor.ui.undo_history_dock import UndoHistoryDock

StandardKey = QKeySequence.StandardKey
CHART_SCOPED = {"cut", "copy", "paste", "delete", "duplicate", "rename", "add_body", "connect"}


class Editing(EditingController):
    """The controller plus everything it put into the window (actions, panels, hooks)."""

    def __init__(self, window: Any, prompts: EditPrompts | None = None) -> None:
        super().__init__(window, prompts)
        self.actions: dict[str, QAction] = {}
        self.form: BodyForm | None = None
        self.form_dock = QDockWidget("Edit", window)
        self.form_dock.setObjectName("edit_body_dock")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.form_dock)
        details = getattr(window, "docks", {}).get("details")
        if details is not None:
            # A tab beside the read-only details: the form needs the panel's full height.
            window.tabifyDockWidget(details, self.form_dock)
            details.raise_()
        self.undo_dock = UndoHistoryDock(parent=window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.undo_dock)
        self.undo_dock.hide()
        self.tour_dock = TourStepsDock(self.selected, window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.tour_dock)
        self.tour_dock.hide()
        self._connected_doc: Document | None = None
        self.drag: DragMove | None = None
        self.rubber_band: RubberBandSelect | None = None

    # ----- following the window's document -----------------------------------------------------
    def document_shown(self, doc: Document | None) -> None:
        """Point the panels and the undo actions at the document now on show."""
        if self.form is not None:
            self.form.detach()
            self.form.deleteLater()
            self.form = None
        if self._connected_doc is not None:
            old = self._connected_doc
            with contextlib.suppress(RuntimeError, TypeError):
                old.changed_on_disk.disconnect(self.on_changed_on_disk)
                old.removed_from_disk.disconnect(self._removed_from_disk)
                old.undo_stack.indexChanged.disconnect(self._update_undo_actions)
                old.undo_stack.cleanChanged.disconnect(self._update_undo_actions)
        self._connected_doc = doc
        self.undo_dock.set_stack(doc.undo_stack if doc is not None else None)
        self.tour_dock.set_document(doc)
        if doc is None:
            return
        self.form = BodyForm(doc)
        self.form_dock.setWidget(self.form)
        doc.changed_on_disk.connect(self.on_changed_on_disk)
        doc.removed_from_disk.connect(self._removed_from_disk)
        doc.undo_stack.indexChanged.connect(self._update_undo_actions)
        doc.undo_stack.cleanChanged.connect(self._update_undo_actions)
        self._update_undo_actions()
        scene = getattr(self.window, "scene", None)
        if scene is not None:
            scene.selectionChanged.connect(self._selection_changed)

    def _update_undo_actions(self, *_args: object) -> None:
        """Undo/Redo say what they would undo, and are greyed out when there is nothing."""
        doc = self._connected_doc
        if doc is None or doc is not self.doc:
            return
        try:
            stack = doc.undo_stack
            states = {"undo": (stack.canUndo(), stack.undoText()),
                      "redo": (stack.canRedo(), stack.redoText())}
        except RuntimeError:
            return  # the document is being destroyed
        for name, (enabled, text) in states.items():
            action = self.window.window_actions.get(name)
            if action is not None:
                action.setEnabled(enabled)
                action.setText(f"&{name.capitalize()} {text}".rstrip())

    def _removed_from_disk(self, path: object) -> None:
        name = path.name if hasattr(path, "name") else str(path)
        self.window.statusBar().showMessage(
            f"“{name}” was deleted or moved by another program. Save (Ctrl+S) to write it again.",
            0,
        )

    def _selection_changed(self) -> None:
        if self.form is not None:
            ids = self.selected()
            self.form.show_body(ids[0] if ids else "")

    def edit_selected_in_form(self, body_id: str) -> None:
        if self.form is not None:
            self.form.show_body(body_id)
            self.form_dock.show()
            self.form_dock.raise_()
            self.form.name.setFocus()
            self.form.name.selectAll()

    def add_body(self) -> str | None:
        new_id = super().add_body()
        if new_id is not None:
            self.edit_selected_in_form(new_id)
            self._reveal_when_drawn(new_id)
        return new_id

    def _reveal_when_drawn(self, body_id: str, tries: int = 50) -> None:
        """Select and centre a new body once the re-layout has drawn its box."""
        scene = getattr(self.window, "scene", None)
        if scene is None or tries <= 0:
            return
        if scene.body_item(body_id) is None:
            QTimer.singleShot(100, lambda: self._reveal_when_drawn(body_id, tries - 1))
            return
        scene.select_bodies([body_id])
        self.window.view.centre_on_body(body_id)

    def edit_relationship(self) -> None:
        """Pick one of the selected body's relationships and edit or delete it."""
        doc, ids = self.doc, self.selected()
        if doc is None or not ids:
            self._status("Select a body first: its relationships are listed to choose from.")
            return
        rels = doc.chart.relationships_of(ids[0])
        if not rels:
            self._status("That body has no relationships. Use Connect to add one.")
            return
        pick = self.prompts.choose("Relationships", "Relationship:",
                                   [describe(doc.chart, r) for r in rels])
        if pick is not None:
            RelationshipDialog(doc, rels[pick].id, self.window).exec()

    def properties(self) -> None:
        doc = self.doc
        if doc is not None:
            ChartPropertiesDialog(doc, self.window).exec()

    # ----- window events ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An exception escaping an event filter crashes PySide6 (6.12) while it reports it:
        # hand it to the crash guard's hook instead and let the event go on.
        try:
            return self._filter(watched, event)
        except Exception:
            sys.excepthook(*sys.exc_info())
            return False

    def _filter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            if not self.confirm_discard():
                event.ignore()
                return True
            doc = self.doc
            if doc is not None:
                doc.close()  # clean close: its recovery file goes
            return False
        if (
            event.type() == QEvent.Type.MouseButtonDblClick
            and isinstance(event, QMouseEvent)
            and getattr(self.window, "scene", None) is not None
        ):
            scene = self.window.scene
            body_id = scene.body_at(self.window.view.mapToScene(event.position().toPoint()))
            if body_id is not None:
                self.start_rename(body_id)
        return False


def _add(
    editing: Editing, name: str, text: str, slot: Callable[[], object],
    keys: list[str | StandardKey] | None = None, tip: str = "",
) -> QAction:
    action = QAction(text, editing.window)
    sequences: list[QKeySequence] = []
    for key in keys or []:
        if isinstance(key, StandardKey):
            sequences.extend(QKeySequence.keyBindings(key))
        else:
            sequences.append(QKeySequence(key))
    action.setShortcuts(sequences)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    editing.actions[name] = action
    if name in CHART_SCOPED:
        # Only while the chart has focus: Delete, Ctrl+C or Insert typed in a panel's field
        # must edit that field, not the chart.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        editing.window.view.addAction(action)
    else:
        editing.window.addAction(action)  # shortcuts work while the menu is closed
    return action


def install_editing(window: Any, prompts: EditPrompts | None = None) -> Editing:
    """Make the window an editor. Call once, after the window has built its menus."""
    editing = Editing(window, prompts)
    e = editing
    _add(e, "cut", "Cu&t", e.cut, [StandardKey.Cut])
    _add(e, "copy", "&Copy", e.copy, [StandardKey.Copy])
    _add(e, "paste", "&Paste", e.paste, [StandardKey.Paste])
    _add(e, "delete", "&Delete", e.delete_selected, ["Del"],
         "Delete the selected bodies and their relationships")
    _add(e, "duplicate", "D&uplicate", e.duplicate_selected, ["Ctrl+D"])
    _add(e, "rename", "Re&name", e.start_rename, ["F2"], "Rename the selected body in place")
    _add(e, "add_body", "&Add Body…", e.add_body, ["Ins"], "Add a body of a chosen kind")
    _add(e, "connect", "C&onnect…", e.connect_selected, ["Ctrl+L"],
         "Connect the two selected bodies with a relationship")
    _add(e, "edit_relationship", "Edit &Relationship…", e.edit_relationship, ["Ctrl+Shift+R"],
         "Change or delete one of the selected body's relationships")
    _add(e, "add_to_group", "Add to &Group…", lambda: e.change_group(True))
    _add(e, "remove_from_group", "Remove from Gro&up…", lambda: e.change_group(False))
    _add(e, "add_tour_step", "Add Selection as &Tour Step", e.add_tour_step)
    _add(e, "relayout", "Re-&layout", e.relayout, ["Ctrl+Shift+L"], "Arrange the chart again")
    _add(e, "unpin", "Un&pin", e.unpin, [], "Let the layout place the selected bodies again")
    _add(e, "properties", "Chart P&roperties…", e.properties, [],
         "Title, version, as-at date and protective marking")
    _add(e, "save", "&Save", e.save, [StandardKey.Save])
    _add(e, "save_as", "Save &As…", e.save_as, ["Ctrl+Shift+S"])

    menus: dict[str, QMenu] = window.menus
    edit = menus["edit"]
    edit.addSeparator()
    for name in ("cut", "copy", "paste", "delete", "duplicate", None, "rename", "add_body",
                 "connect", "edit_relationship", "add_to_group", "remove_from_group",
                 "add_tour_step", None, "relayout", "unpin", None, "properties"):
        if name is None:
            edit.addSeparator()
        else:
            edit.addAction(e.actions[name])
    file_menu = menus["file"]
    before = window.window_actions.get("quit_separator")
    for name in ("save", "save_as"):
        if before is not None:
            file_menu.insertAction(before, e.actions[name])
        else:
            file_menu.addAction(e.actions[name])
    panels = menus.get("panels")
    if panels is not None:
        panels.addAction(e.form_dock.toggleViewAction())
        panels.addAction(e.undo_dock.toggleViewAction())
        panels.addAction(e.tour_dock.toggleViewAction())

    redo = window.window_actions.get("redo")
    if redo is not None:
        # Ctrl+Shift+Z and Ctrl+Y both redo, on every platform.
        keys = [k.toString() for k in redo.shortcuts()] + ["Ctrl+Shift+Z", "Ctrl+Y"]
        redo.setShortcuts([QKeySequence(k) for k in dict.fromkeys(keys)])

    window.installEventFilter(e)
    window.view.viewport().installEventFilter(e)
    e.drag = DragMove(window.view, lambda: window.scene, lambda: window.document)
    e.rubber_band = RubberBandSelect(window.view)
    _hook_window(window, e)
    e.document_shown(getattr(window, "document", None))
    return e


def _hook_window(window: Any, editing: Editing) -> None:
    """Follow the shown document, ask before another file replaces unsaved work, and put the
    editing entries at the top of the chart's right-click menu."""
    window.document_shown.connect(editing.document_shown)
    window.open_guards.append(editing.confirm_discard)

    def add_editing_entries(menu: QMenu, kind: str, key: str) -> None:
        names = (["rename", "duplicate", "delete", "connect", "unpin", None, "add_body"]
                 if kind == "body" else ["add_body", "paste"])
        first = menu.actions()[0] if menu.actions() else None
        for name in names:
            if name is None:
                separator = QAction(menu)
                separator.setSeparator(True)
                menu.insertAction(first, separator)  # type: ignore[arg-type]
            else:
                menu.insertAction(first, editing.actions[name])  # type: ignore[arg-type]
        if first is not None:
            menu.insertSeparator(first)

    window.context_menu.extenders.append(add_editing_entries)

