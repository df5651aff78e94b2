"""A panel for editing a tour's steps: add the selection, reorder, edit caption and notes, delete.

Every change is an undoable edit of the chart's tours; typing a caption or notes merges into
one step per field. The panel follows undo and redo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from icsviewer.editor import commands as c
from icsviewer.editor.ui.body_form import UndoTarget
from icsviewer.model.chart import TourStep
from icsviewer.model.events import ChartEvent


class TourStepsPanel(QWidget):
    """Steps of one tour of a document's chart; `selection` gives the bodies to add."""

    def __init__(
        self, doc: UndoTarget, selection: Callable[[], list[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._doc = doc
        self._selection = selection
        self._loading = False
        self.tour = QComboBox()
        self.tour.setAccessibleName("Tour")
        self.steps = QListWidget()
        self.steps.setAccessibleName("Steps")
        self.caption = QLineEdit()
        self.notes = QLineEdit()
        add = QPushButton("Add selection as step")
        up = QPushButton("Move up")
        down = QPushButton("Move down")
        delete = QPushButton("Delete step")
        buttons = QHBoxLayout()
        for button in (add, up, down, delete):
            buttons.addWidget(button)
        form = QFormLayout()
        form.addRow("&Caption", self.caption)
        form.addRow("Speaker &notes", self.notes)
        column = QVBoxLayout(self)
        column.addWidget(self.tour)
        column.addWidget(self.steps, 1)
        column.addLayout(buttons)
        column.addLayout(form)

        self.tour.activated.connect(lambda _i: self.refresh())
        self.steps.currentRowChanged.connect(lambda _r: self._show_step())
        add.clicked.connect(self.add_selection)
        up.clicked.connect(lambda: self.move_current(-1))
        down.clicked.connect(lambda: self.move_current(1))
        delete.clicked.connect(self.delete_current)
        self.caption.textEdited.connect(lambda t: self._edit_step(caption=t))
        self.notes.textEdited.connect(lambda t: self._edit_step(notes=t))
        doc.chart.subscribe(self._on_chart_event)
        self.refresh()

    def detach(self) -> None:
        self._doc.chart.unsubscribe(self._on_chart_event)

    @property
    def tour_id(self) -> str:
        return str(self.tour.currentData() or "")

    def refresh(self) -> None:
        """Show the chart's tours and the chosen tour's steps as they are now."""
        chart = self._doc.chart
        self._loading = True
        try:
            chosen, row = self.tour_id, self.steps.currentRow()
            self.tour.clear()
            for tour in chart.tours:
                self.tour.addItem(tour.name or tour.id, tour.id)
            self.tour.setCurrentIndex(max(0, self.tour.findData(chosen)))
            self.steps.clear()
            if self.tour_id:
                for n, step in enumerate(chart.tour(self.tour_id).steps, start=1):
                    names = ", ".join(
                        chart.body(b).name for b in step.bodies if chart.has_body(b)
                    )
                    self.steps.addItem(f"{n}. {step.caption or names or '(empty)'}")
            self.steps.setCurrentRow(min(row, self.steps.count() - 1))
        finally:
            self._loading = False
        self._show_step()

    def _show_step(self) -> None:
        step = self._current_step()
        self._loading = True
        try:
            for edit, text in ((self.caption, step.caption if step else ""),
                               (self.notes, step.notes if step else "")):
                if edit.text() != text:
                    edit.setText(text)
                edit.setEnabled(step is not None)
        finally:
            self._loading = False

    def _current_step(self) -> TourStep | None:
        row = self.steps.currentRow()
        if not self.tour_id or row < 0:
            return None
        steps = self._doc.chart.tour(self.tour_id).steps
        return steps[row] if row < len(steps) else None

    def add_selection(self) -> None:
        ids = self._selection()
        if self.tour_id and ids:
            self._doc.undo_stack.push(c.add_step(self._doc, self.tour_id, ids))
            self.steps.setCurrentRow(self.steps.count() - 1)

    def move_current(self, offset: int) -> None:
        row = self.steps.currentRow()
        target = row + offset
        if self.tour_id and row >= 0 and 0 <= target < self.steps.count():
            self._doc.undo_stack.push(c.move_step(self._doc, self.tour_id, row, target))
            self.steps.setCurrentRow(target)

    def delete_current(self) -> None:
        row = self.steps.currentRow()
        if self.tour_id and row >= 0:
            self._doc.undo_stack.push(c.delete_step(self._doc, self.tour_id, row))

    def _edit_step(self, **changes: Any) -> None:
        step = self._current_step()
        if self._loading or step is None:
            return
        row = self.steps.currentRow()
        self._doc.undo_stack.push(
            c.EditTourStep(self._doc, self.tour_id, row, replace(step, **changes))
        )

    def _on_chart_event(self, event: ChartEvent) -> None:
        if event.kind in ("tours_changed", "reset", "body_changed", "body_removed", "body_added"):
            self.refresh()


class TourStepsDock(QDockWidget):
    """The tour steps panel in a dock; `set_document` when another document is shown."""

    def __init__(self, selection: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__("Tour steps", parent)
        self.setObjectName("tour_steps_dock")
        self._selection = selection
        self.panel: TourStepsPanel | None = None

    def set_document(self, doc: UndoTarget | None) -> None:
        if self.panel is not None:
            self.panel.detach()
            self.panel.deleteLater()
            self.panel = None
        if doc is not None:
            self.panel = TourStepsPanel(doc, self._selection)
            self.setWidget(self.panel)
