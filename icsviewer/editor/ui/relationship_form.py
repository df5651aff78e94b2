"""The editable details of one relationship: kind, ends, label, notes, legal basis, dates.

Like the body form, each change is an undoable edit and typing in one field merges into one
step; the form follows undo and redo.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from icsviewer.editor.commands import EditRelationship
from icsviewer.editor.ui.body_form import UndoTarget
from icsviewer.editor.ui.record_table import RecordTable
from icsviewer.model.chart import Relationship, SourceRef
from icsviewer.model.events import ChartEvent
from icsviewer.model.kinds import RELATION_KINDS, relation_kind


class RelationshipForm(QWidget):
    """Edit the relationship `show_relationship` was given."""

    problem = Signal(str)

    def __init__(self, doc: UndoTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._rel_id = ""
        self._loading = False
        self.kind = QComboBox()
        for kind in RELATION_KINDS.values():
            self.kind.addItem(kind.display_name, kind.id)
        self.source = QComboBox()
        self.target = QComboBox()
        self.label = QLineEdit()
        self.notes = QLineEdit()
        self.legal_basis = QLineEdit()
        self.valid_from = QLineEdit()
        self.valid_to = QLineEdit()
        for edit in (self.valid_from, self.valid_to):
            edit.setPlaceholderText("YYYY-MM-DD")
        self.sources = RecordTable(SourceRef, [("title", "Title", str), ("url", "Address", str),
                                               ("verified_on", "Checked on", dt.date)], "Sources")
        self.message = QLabel("")
        self.message.setStyleSheet("color: #8A1538")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for text, widget in (
            ("&From", self.source), ("&Kind", self.kind), ("&To", self.target),
            ("&Label on the line", self.label), ("&Notes", self.notes),
            ("Legal &basis", self.legal_basis), ("Held f&rom", self.valid_from),
            ("Held until (last &day)", self.valid_to), ("&Sources", self.sources),
        ):
            form.addRow(text, widget)
            widget.setAccessibleName(text.replace("&", ""))
        column = QVBoxLayout(self)
        column.addWidget(self.message)
        column.addLayout(form)

        self.kind.activated.connect(lambda _i: self._edit(kind=self.kind.currentData()))
        self.source.activated.connect(lambda _i: self._edit(source=self.source.currentData()))
        self.target.activated.connect(lambda _i: self._edit(target=self.target.currentData()))
        self.label.textEdited.connect(lambda t: self._edit(label=t))
        self.notes.textEdited.connect(lambda t: self._edit(notes=t))
        self.legal_basis.textEdited.connect(lambda t: self._edit(legal_basis=t))
        self.valid_from.textEdited.connect(lambda t: self._date_edited("valid_from", t))
        self.valid_to.textEdited.connect(lambda t: self._date_edited("valid_to", t))
        self.sources.edited.connect(self._sources_edited)
        doc.chart.subscribe(self._on_chart_event)
        self.show_relationship("")

    def detach(self) -> None:
        """Stop following the chart (before the form is dropped)."""
        self._doc.chart.unsubscribe(self._on_chart_event)

    @property
    def relationship_id(self) -> str:
        return self._rel_id

    def show_relationship(self, rel_id: str) -> None:
        self._rel_id = rel_id if self._exists(rel_id) else ""
        self.setEnabled(bool(self._rel_id))
        self.refresh()

    def refresh(self) -> None:
        rel = self._rel()
        self._loading = True
        try:
            for combo in (self.source, self.target):
                combo.clear()
                for body in self._doc.chart.bodies:
                    combo.addItem(body.name or body.id, body.id)
            if rel is None:
                return
            if self.kind.findData(rel.kind) < 0:
                self.kind.addItem(relation_kind(rel.kind).display_name, rel.kind)
            self.kind.setCurrentIndex(self.kind.findData(rel.kind))
            self.source.setCurrentIndex(self.source.findData(rel.source))
            self.target.setCurrentIndex(self.target.findData(rel.target))
            for edit, value in ((self.label, rel.label), (self.notes, rel.notes),
                                (self.legal_basis, rel.legal_basis)):
                if edit.text() != value:
                    edit.setText(value)
            for edit, day in ((self.valid_from, rel.valid_from), (self.valid_to, rel.valid_to)):
                if edit.text().strip() != (day.isoformat() if day else ""):
                    edit.setText(day.isoformat() if day else "")
            self.sources.set_records(rel.sources)
        finally:
            self._loading = False

    def _exists(self, rel_id: str) -> bool:
        return any(r.id == rel_id for r in self._doc.chart.relationships)

    def _rel(self) -> Relationship | None:
        if not self._rel_id or not self._exists(self._rel_id):
            return None
        return self._doc.chart.relationship(self._rel_id)

    def _on_chart_event(self, event: ChartEvent) -> None:
        if event.kind in ("reset", "body_added", "body_removed", "body_changed") or (
            self._rel_id in event.ids
        ):
            if self._rel_id and not self._exists(self._rel_id):
                self.show_relationship("")
            else:
                self.refresh()

    def _edit(self, **changes: Any) -> None:
        rel = self._rel()
        if self._loading or rel is None:
            return
        new = replace(rel, **changes)
        if new != rel:
            try:
                self._doc.undo_stack.push(EditRelationship(self._doc, rel, new))
            except ValueError as err:
                self._say(str(err))
                return
        self._say("")

    def _date_edited(self, field: str, text: str) -> None:
        try:
            value = dt.date.fromisoformat(text.strip()) if text.strip() else None
        except ValueError:
            self._say("Dates are written YYYY-MM-DD, for example 2022-07-01.")
            return
        self._edit(**{field: value})

    def _sources_edited(self) -> None:
        try:
            self._edit(sources=self.sources.value())
        except ValueError as err:
            self._say(str(err))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        if text:
            self.problem.emit(text)
