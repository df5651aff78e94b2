"""The chart's properties (title, version, as-at date, protective marking, ...) in a dialog.

OK applies every change as one undoable edit; Cancel changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from icsviewer.editor.commands import EditChartMeta
from icsviewer.editor.ui.body_form import UndoTarget
from icsviewer.model.chart import ChartMeta

MARKING_HINT = "e.g. OFFICIAL or OFFICIAL-SENSITIVE (empty: none)"


class ChartPropertiesDialog(QDialog):
    """Edit the chart's metadata; `accept()` pushes one EditChartMeta."""

    def __init__(self, doc: UndoTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Chart properties")
        self._doc = doc
        meta = doc.chart.meta
        self.title = QLineEdit(meta.title)
        self.subtitle = QLineEdit(meta.subtitle)
        self.organisation = QLineEdit(meta.organisation)
        self.version = QLineEdit(meta.version)
        self.as_at = QLineEdit(meta.as_at.isoformat() if meta.as_at else "")
        self.as_at.setPlaceholderText("YYYY-MM-DD: the day the chart describes")
        self.marking = QLineEdit(meta.marking)
        self.marking.setPlaceholderText(MARKING_HINT)
        self.authors = QPlainTextEdit("\n".join(meta.authors))
        self.authors.setPlaceholderText("One author per line")
        self.description = QPlainTextEdit(meta.description)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #8A1538")
        form = QFormLayout()
        for text, widget in (
            ("&Title", self.title), ("&Subtitle", self.subtitle),
            ("&Organisation", self.organisation), ("&Version", self.version),
            ("&As at", self.as_at), ("Protective &marking", self.marking),
            ("A&uthors", self.authors), ("&Description", self.description),
        ):
            form.addRow(text, widget)
            widget.setAccessibleName(text.replace("&", ""))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(buttons)

    def edited_meta(self) -> ChartMeta:
        """The metadata as the dialog shows it; ValueError for a date that is not YYYY-MM-DD."""
        text = self.as_at.text().strip()
        try:
            as_at = dt.date.fromisoformat(text) if text else None
        except ValueError as err:
            raise ValueError("Write the as-at date as YYYY-MM-DD, e.g. 2025-11-01.") from err
        authors = tuple(a.strip() for a in self.authors.toPlainText().splitlines() if a.strip())
        return replace(
            self._doc.chart.meta,
            title=self.title.text(), subtitle=self.subtitle.text(),
            organisation=self.organisation.text(), version=self.version.text(),
            as_at=as_at, marking=self.marking.text().strip(), authors=authors,
            description=self.description.toPlainText(),
        )

    def accept(self) -> None:
        try:
            new = self.edited_meta()
        except ValueError as err:
            self.message.setText(str(err))
            self.as_at.setFocus()
            return
        old = self._doc.chart.meta
        if new != old:
            self._doc.undo_stack.push(EditChartMeta(self._doc, old, new, mergeable=False))
        super().accept()
