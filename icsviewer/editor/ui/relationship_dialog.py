"""Change or delete one relationship of the selected body, from the keyboard or a menu.

The canvas does not select lines, so relationships are reached through their body: pick one of
the body's relationships, then edit it in the relationship form (each change one undo step) or
delete it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from icsviewer.editor.commands import DeleteRelationships
from icsviewer.editor.ui.body_form import UndoTarget
from icsviewer.editor.ui.relationship_form import RelationshipForm
from icsviewer.model.chart import Chart, Relationship
from icsviewer.model.kinds import relation_kind


def describe(chart: Chart, rel: Relationship) -> str:
    """A relationship in words: "Wirral HWB is accountable to NHS Cheshire and Merseyside"."""
    def name(body_id: str) -> str:
        return chart.body(body_id).name if chart.has_body(body_id) else body_id

    return f"{name(rel.source)} {relation_kind(rel.kind).verb} {name(rel.target)}"


class RelationshipDialog(QDialog):
    """Edit one relationship; Delete removes it (undoable) and closes the dialog."""

    def __init__(self, doc: UndoTarget, rel_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Relationship")
        self._doc = doc
        self._rel_id = rel_id
        self.form = RelationshipForm(doc)
        self.form.show_relationship(rel_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        delete = QPushButton("&Delete relationship")
        buttons.addButton(delete, QDialogButtonBox.ButtonRole.DestructiveRole)
        delete.clicked.connect(self.delete)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.form)
        column.addWidget(buttons)
        self.finished.connect(lambda _r: self.form.detach())

    def delete(self) -> None:
        if any(r.id == self._rel_id for r in self._doc.chart.relationships):
            self._doc.undo_stack.push(DeleteRelationships(self._doc, [self._rel_id]))
        self.accept()
