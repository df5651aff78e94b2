"""An editable table for a tuple of small records (members, links, sources).

Each column edits one field as text; `value()` builds the records back, keeping each row's
fields the table does not show (`extra`) by row position, so editing a member's holder does not
drop keys the file had.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _parse(kind: type, text: str) -> Any:
    """The field value for a cell's text; ValueError for a date that is not YYYY-MM-DD."""
    if kind is dt.date:
        return dt.date.fromisoformat(text.strip()) if text.strip() else None
    return text


class RecordTable(QWidget):
    """Rows of one record type; `edited` fires when the user changes, adds or removes a row."""

    edited = Signal()

    def __init__(
        self,
        record_type: type,
        columns: Sequence[tuple[str, str, type]],  # (field, heading, str | dt.date)
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._type = record_type
        self._columns = list(columns)
        self._records: list[Any] = []
        self._loading = False
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([heading for _, heading, _ in columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(title)
        self.table.itemChanged.connect(self._on_item_changed)
        add = QPushButton(f"Add {title.lower().rstrip('s')}")
        remove = QPushButton("Remove selected")
        add.clicked.connect(self._add_row)
        remove.clicked.connect(self._remove_rows)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addLayout(buttons)

    def set_records(self, records: Sequence[Any]) -> None:
        """Show these records (no `edited` signal)."""
        try:
            shown: tuple[Any, ...] | None = self.value()
        except ValueError:
            shown = None
        if shown == tuple(records):
            self._records = list(records)
            return  # the table already says this: keep the user's cursor and selection
        self._loading = True
        try:
            self._records = list(records)
            self.table.setRowCount(len(records))
            for row, record in enumerate(records):
                for col, (name, _, _) in enumerate(self._columns):
                    self.table.setItem(row, col, QTableWidgetItem(_text(getattr(record, name))))
        finally:
            self._loading = False

    def value(self) -> tuple[Any, ...]:
        """The records as the table now shows them; ValueError if a cell is not valid."""
        out = []
        for row in range(self.table.rowCount()):
            base = self._records[row] if row < len(self._records) else None
            fields: dict[str, Any] = {}
            for col, (name, heading, kind) in enumerate(self._columns):
                item = self.table.item(row, col)
                try:
                    fields[name] = _parse(kind, item.text() if item else "")
                except ValueError as err:
                    raise ValueError(f"{heading} in row {row + 1}: use YYYY-MM-DD") from err
            if base is not None:
                out.append(dataclasses.replace(base, **fields))
            else:
                out.append(self._type(**fields))
        return tuple(out)

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self.edited.emit()

    def _add_row(self) -> None:
        self._loading = True
        try:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col in range(len(self._columns)):
                self.table.setItem(row, col, QTableWidgetItem(""))
        finally:
            self._loading = False
        self.table.setCurrentCell(row, 0)
        self.edited.emit()

    def _remove_rows(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        if not rows:
            return
        self._loading = True
        try:
            for row in rows:
                self.table.removeRow(row)
                if row < len(self._records):
                    del self._records[row]
        finally:
            self._loading = False
        self.edited.emit()
