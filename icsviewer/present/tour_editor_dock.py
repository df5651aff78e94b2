"""The tour editor: a dock listing the chart's tours and their steps, for editing them.

Every edit is an undoable command on the document's undo stack: step edits use the editor
package's commands (`add_step`, `move_step`, `delete_step`, `EditTourStep`, which merges
typing into one undo step), tour-level edits push `SetTours` with the tuple from
`tour_edits`. The dock never changes a list row itself: it rebuilds from the chart when the
chart says tours changed, so undo, redo and the file always agree with what it shows.

Questions to the user (a name, where to save) go through `TourPrompts`, which tests replace.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from icsviewer.editor.commands import EditTourStep, SetTours, add_step, delete_step, move_step
from icsviewer.model.chart import Chart, Tour
from icsviewer.model.events import ChartEvent
from icsviewer.present import tour_edits
from icsviewer.present.camera import visible_scene_rect
from icsviewer.present.presenter import Presenter

MODES = (("spotlight", "Spotlight (dim the rest)"), ("build", "Build (reveal step by step)"))


class TourPrompts:
    """The dock's questions to the user, as dialogs. Tests swap in an object answering them."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value.strip() if ok and value.strip() else None

    def ask_save_path(self, title: str, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, "PDF files (*.pdf)")
        return Path(path) if path else None

    def error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent, title, message)


def bodies_in_view(scene: Any, view_rect: QRectF) -> list[str]:
    """Bodies whose whole box is on screen (the step a presenter means by 'this view')."""
    return [b for b in scene.body_ids() if view_rect.contains(scene.body_rect(b))]


class TourEditorDock(QDockWidget):
    """Lists tours and steps; adds the selection as a step, reorders, edits captions and notes."""

    def __init__(self, window: QMainWindow, presenter: Presenter) -> None:
        super().__init__("Tour Editor", window)
        self.setObjectName("dock_tour_editor")
        self.window_ = window
        self.presenter = presenter
        self.prompts: Any = TourPrompts(self)
        self._chart: Chart | None = None
        self._build()
        # The window may open another file (a new document and chart) at any time; while the
        # dock is visible, check cheaply that it follows the current one.
        self._follow = QTimer(self)
        self._follow.setInterval(500)
        self._follow.timeout.connect(self._follow_document)
        self.visibilityChanged.connect(self._on_visibility)

    # ----- building the widgets ----------
    def _button(self, text: str, tip: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        self.tour_combo = QComboBox()
        self.tour_combo.setAccessibleName("Tour")
        self.tour_combo.currentIndexChanged.connect(lambda _i: self._fill_steps())
        self.mode_combo = QComboBox()
        for mode, text in MODES:
            self.mode_combo.addItem(text, mode)
        self.mode_combo.currentIndexChanged.connect(self._mode_chosen)
        self.default_box = QCheckBox("Start this tour with F5")
        self.default_box.toggled.connect(self._default_toggled)
        self.steps = QListWidget()
        self.steps.setAccessibleName("Steps")
        self.steps.currentRowChanged.connect(lambda _r: self._fill_step_fields())
        self.caption_edit = QLineEdit()
        self.caption_edit.setPlaceholderText("Caption shown on screen")
        self.caption_edit.textEdited.connect(lambda text: self._edit_step(caption=text))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText("Speaker notes (presenter view and handout)")
        self.notes_edit.textChanged.connect(self._notes_changed)

        tour_row = QHBoxLayout()
        tour_row.addWidget(self.tour_combo, 1)
        tour_row.addWidget(self._button("New…", "Add a new tour", self.new_tour))
        tour_row.addWidget(self._button("Rename…", "Rename this tour", self.rename_tour))
        tour_row.addWidget(self._button("Delete", "Delete this tour", self.delete_tour))
        step_row = QHBoxLayout()
        step_row.addWidget(
            self._button(
                "Add step",
                "Add the selected bodies (or, with none selected, the bodies in view) "
                "as a step after the current one",
                self.add_step_from_selection,
            )
        )
        step_row.addWidget(
            self._button(
                "Use selection",
                "Make the current step show the selected bodies",
                self.set_step_bodies_from_selection,
            )
        )
        step_row.addWidget(
            self._button("Up", "Move the step earlier", lambda: self.move_step_by(-1))
        )
        step_row.addWidget(
            self._button("Down", "Move the step later", lambda: self.move_step_by(1))
        )
        step_row.addWidget(self._button("Delete", "Delete the step", self.delete_step))
        run_row = QHBoxLayout()
        run_row.addWidget(
            self._button(
                "Present from here",
                "Present this tour from the current step",
                self.present_from_here,
            )
        )
        run_row.addWidget(
            self._button(
                "Handout PDF…",
                "Export this tour as a PDF handout, one page per step",
                self.export_handout,
            )
        )
        tour_form = QFormLayout()
        tour_form.addRow("Mode", self.mode_combo)
        tour_form.addRow("", self.default_box)
        step_form = QFormLayout()
        step_form.addRow("Caption", self.caption_edit)
        step_form.addRow("Notes", self.notes_edit)
        # The list comes first: pick a step, then edit it below.
        self.steps.setWordWrap(True)
        self.notes_edit.setMinimumHeight(60)

        column = QVBoxLayout()
        column.addLayout(tour_row)
        column.addLayout(tour_form)
        column.addWidget(self.steps, 2)
        column.addLayout(step_row)
        column.addLayout(step_form, 1)
        column.addLayout(run_row)
        body = QWidget()
        body.setLayout(column)
        self.setWidget(body)

    # ----- following the document ----------
    @property
    def document(self) -> Any:
        """The window's document (None before a file is open)."""
        return getattr(self.window_, "document", None)

    def _current_chart(self) -> Chart | None:
        doc = self.document
        return doc.chart if doc is not None else None

    def _tours(self) -> tuple[Tour, ...]:
        chart = self._current_chart()
        return chart.tours if chart is not None else ()

    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self._follow_document()
            self._follow.start()
        else:
            self._follow.stop()

    def _follow_document(self) -> None:
        chart = self._current_chart()
        if chart is self._chart:
            return
        if self._chart is not None:
            self._chart.unsubscribe(self._on_chart_event)
        self._chart = chart
        if chart is not None:
            chart.subscribe(self._on_chart_event)
        self.refresh()

    def _on_chart_event(self, event: ChartEvent) -> None:
        if event.kind in ("tours_changed", "reset", "body_removed", "body_added"):
            self.refresh()

    # ----- showing the chart's tours ------------------------------------------------------------
    def current_tour(self) -> Tour | None:
        tour_id = self.tour_combo.currentData()
        return next((t for t in self._tours() if t.id == tour_id), None)

    def current_step(self) -> int:
        return self.steps.currentRow()

    def refresh(self) -> None:
        """Rebuild lists from the chart, keeping the tour and step the user was on."""
        tours = self._tours()
        keep = self.tour_combo.currentData()
        with QSignalBlocker(self.tour_combo):
            self.tour_combo.clear()
            for tour in tours:
                self.tour_combo.addItem(tour.name or tour.id, tour.id)
            index = self.tour_combo.findData(keep)
            self.tour_combo.setCurrentIndex(index if index >= 0 else (0 if tours else -1))
        self._fill_steps()

    def _fill_steps(self) -> None:
        tour = self.current_tour()
        row = self.steps.currentRow()
        with QSignalBlocker(self.steps):
            self.steps.clear()
            for n, step in enumerate(tour.steps if tour else (), start=1):
                count = len(step.bodies)
                text = step.caption or "(no caption)"
                self.steps.addItem(f"{n}. {text}  [{count} bod{'y' if count == 1 else 'ies'}]")
            if self.steps.count():
                self.steps.setCurrentRow(max(0, min(row, self.steps.count() - 1)))
        with QSignalBlocker(self.mode_combo), QSignalBlocker(self.default_box):
            self.mode_combo.setCurrentIndex(
                max(0, self.mode_combo.findData(tour.mode if tour else "spotlight"))
            )
            self.default_box.setChecked(bool(tour and tour.default))
        for widget in (self.mode_combo, self.default_box):
            widget.setEnabled(tour is not None)
        self._fill_step_fields()

    def _fill_step_fields(self) -> None:
        tour, row = self.current_tour(), self.current_step()
        step = tour.steps[row] if tour and 0 <= row < len(tour.steps) else None
        # Leave a field alone when it already says the same (it is the one being typed in):
        # rewriting it would move the cursor to the end on every keystroke.
        caption = step.caption if step else ""
        if self.caption_edit.text() != caption:
            self.caption_edit.setText(caption)
        notes = step.notes if step else ""
        if self.notes_edit.toPlainText() != notes:
            with QSignalBlocker(self.notes_edit):
                self.notes_edit.setPlainText(notes)
        self.caption_edit.setEnabled(step is not None)
        self.notes_edit.setEnabled(step is not None)

    # ----- edits ----------
    def _push(self, command: Any) -> None:
        if self.document is not None:
            self.document.undo_stack.push(command)

    def _selection_or_view(self) -> list[str]:
        scene = self.window_.scene  # type: ignore[attr-defined]
        chosen = list(scene.selected_body_ids())
        return chosen or bodies_in_view(scene, visible_scene_rect(self.window_.view))  # type: ignore[attr-defined]

    def new_tour(self) -> None:
        if self.document is None:
            return
        name = self.prompts.ask_text("New tour", "Name of the tour:", "New tour")
        if not name:
            return
        tours, tour = tour_edits.with_new_tour(self._tours(), name)
        self._push(SetTours(self.document, tours, f"New tour “{name}”"))
        self.tour_combo.setCurrentIndex(self.tour_combo.findData(tour.id))

    def rename_tour(self) -> None:
        tour = self.current_tour()
        if tour is None:
            return
        name = self.prompts.ask_text("Rename tour", "Name of the tour:", tour.name)
        if name and name != tour.name:
            tours = tour_edits.renamed(self._tours(), tour.id, name)
            self._push(SetTours(self.document, tours, "Rename tour"))

    def delete_tour(self) -> None:
        tour = self.current_tour()
        if tour is not None:
            tours = tour_edits.without_tour(self._tours(), tour.id)
            self._push(SetTours(self.document, tours, f"Delete tour “{tour.name}”"))

    def _mode_chosen(self, _index: int) -> None:
        tour, mode = self.current_tour(), self.mode_combo.currentData()
        if tour is not None and mode != tour.mode:
            tours = tour_edits.with_mode(self._tours(), tour.id, mode)
            self._push(SetTours(self.document, tours, "Change tour mode"))

    def _default_toggled(self, checked: bool) -> None:
        tour = self.current_tour()
        if tour is None or not checked or tour.default:
            # A default is replaced by choosing another, never left without one.
            self._fill_steps()
            return
        tours = tour_edits.with_default(self._tours(), tour.id)
        self._push(SetTours(self.document, tours, "Make tour the default"))

    def add_step_from_selection(self) -> None:
        tour = self.current_tour()
        if tour is None:
            self.prompts.error("Add step", "Make a tour first (New…), then add steps to it.")
            return
        bodies = self._selection_or_view()
        if not bodies:
            self.prompts.error("Add step", "Select the bodies this step should show first.")
            return
        index = self.current_step() + 1 if self.current_step() >= 0 else len(tour.steps)
        self._push(add_step(self.document, tour.id, bodies, index))
        self.steps.setCurrentRow(index)

    def set_step_bodies_from_selection(self) -> None:
        tour, row = self.current_tour(), self.current_step()
        bodies = self._selection_or_view()
        if tour is None or not 0 <= row < len(tour.steps) or not bodies:
            return
        new = replace(tour.steps[row], bodies=tuple(bodies))
        self._push(EditTourStep(self.document, tour.id, row, new))

    def move_step_by(self, offset: int) -> None:
        tour, row = self.current_tour(), self.current_step()
        if tour is None or not 0 <= row < len(tour.steps):
            return
        target = row + offset
        if 0 <= target < len(tour.steps):
            self._push(move_step(self.document, tour.id, row, target))
            self.steps.setCurrentRow(target)

    def delete_step(self) -> None:
        tour, row = self.current_tour(), self.current_step()
        if tour is not None and 0 <= row < len(tour.steps):
            self._push(delete_step(self.document, tour.id, row))

    def _edit_step(self, caption: str | None = None, notes: str | None = None) -> None:
        tour, row = self.current_tour(), self.current_step()
        if tour is None or not 0 <= row < len(tour.steps):
            return
        step = tour.steps[row]
        new = replace(
            step,
            caption=step.caption if caption is None else caption,
            notes=step.notes if notes is None else notes,
        )
        if new != step:
            self._push(EditTourStep(self.document, tour.id, row, new))

    def _notes_changed(self) -> None:
        self._edit_step(notes=self.notes_edit.toPlainText())

    # ----- presenting and handouts ----------
    def present_from_here(self) -> None:
        tour = self.current_tour()
        if tour is not None:
            self.presenter.start(tour.id, step=max(0, self.current_step()) + 1)

    def export_handout(self) -> None:
        tour = self.current_tour()
        if tour is None or not tour.steps:
            self.prompts.error("Handout", "Choose a tour with at least one step first.")
            return
        path = self.prompts.ask_save_path("Export tour handout", f"{tour.id}.pdf")
        if path is None:
            return
        from icsviewer.present.handout import export_handout

        message = export_handout(self.window_, tour, path)
        if message:
            self.prompts.error("Handout", message)
