"""The editable details of one body: every field, each change an undoable edit.

Text fields push an `EditBody` per keystroke; consecutive keystrokes in one field merge into a
single undo step. The form follows the chart: after undo, redo or an edit elsewhere it shows
the body as the chart now has it (without disturbing the field being typed in).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from icsviewer.editor.commands import EditBody
from icsviewer.editor.commands.base import HasChart
from icsviewer.editor.ui.record_table import RecordTable
from icsviewer.model.chart import Body, Link, Member, SourceRef
from icsviewer.model.events import ChartEvent
from icsviewer.model.kinds import BODY_KINDS, body_kind

STYLE_KEYS = ("fill", "text", "stroke")


class UndoTarget(HasChart, Protocol):
    """The document as the forms need it: a chart and an undo stack."""

    undo_stack: Any


def _line(value: str) -> QLineEdit:
    edit = QLineEdit(value)
    edit.setClearButtonEnabled(True)
    return edit


class BodyForm(QWidget):
    """Edit the body `show_body` was given. `problem` reports input that cannot be used."""

    problem = Signal(str)

    def __init__(self, doc: UndoTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._body_id = ""
        self._loading = False
        self.name = _line("")
        self.short_name = _line("")
        self.kind = QComboBox()
        for kind in BODY_KINDS.values():
            self.kind.addItem(kind.display_name, kind.id)
        self.aliases = QPlainTextEdit()
        self.aliases.setPlaceholderText("One other name per line")
        self.description = QPlainTextEdit()
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("What is not verified, and why")
        self.valid_from = _line("")
        self.valid_to = _line("")
        for edit in (self.valid_from, self.valid_to):
            edit.setPlaceholderText("YYYY-MM-DD")
        self.members = RecordTable(Member, [("role", "Role", str), ("holder", "Holder", str),
                                            ("nominated_by", "Nominated by", str),
                                            ("notes", "Notes", str)], "Members")
        self.links = RecordTable(Link, [("url", "Address", str), ("label", "Label", str)], "Links")
        self.sources = RecordTable(SourceRef, [("title", "Title", str), ("url", "Address", str),
                                               ("verified_on", "Checked on", dt.date)], "Sources")
        self.style_fields = {key: _line("") for key in STYLE_KEYS}
        for key, edit in self.style_fields.items():
            edit.setPlaceholderText(f"{key} colour, e.g. #005EB8 (empty: the theme's)")
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8A1538")

        form = QFormLayout()
        # Labels above fields: the form lives in a narrow side panel.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for label, widget in (
            ("&Name", self.name), ("&Short name", self.short_name), ("&Kind", self.kind),
            ("&Aliases", self.aliases), ("&Description", self.description),
            ("&Members", self.members), ("&Links", self.links),
            ("Existed &from", self.valid_from), ("Existed &to (last day)", self.valid_to),
            ("S&ources", self.sources), ("N&otes", self.notes),
            *((f"Style: {key}", edit) for key, edit in self.style_fields.items()),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", ""))
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        column = QVBoxLayout(self)
        column.addWidget(self.message)
        column.addWidget(scroll)

        self.name.textEdited.connect(lambda t: self._edit(name=t))
        self.short_name.textEdited.connect(lambda t: self._edit(short_name=t))
        self.kind.activated.connect(lambda _i: self._edit(kind=self.kind.currentData()))
        self.aliases.textChanged.connect(self._aliases_edited)
        self.description.textChanged.connect(
            lambda: self._edit(description=self.description.toPlainText())
        )
        self.notes.textChanged.connect(lambda: self._edit(notes=self.notes.toPlainText()))
        self.valid_from.textEdited.connect(lambda t: self._date_edited("valid_from", t))
        self.valid_to.textEdited.connect(lambda t: self._date_edited("valid_to", t))
        for table, field in ((self.members, "members"), (self.links, "links"),
                             (self.sources, "sources")):
            table.edited.connect(lambda t=table, f=field: self._table_edited(f, t))
        for edit in self.style_fields.values():
            edit.textEdited.connect(self._style_edited)
        doc.chart.subscribe(self._on_chart_event)
        self.show_body("")

    def detach(self) -> None:
        """Stop following the chart (before the form is dropped for another document)."""
        self._doc.chart.unsubscribe(self._on_chart_event)

    # ----- showing ----------------------------------------------------------------------------
    @property
    def body_id(self) -> str:
        return self._body_id

    def show_body(self, body_id: str) -> None:
        """Edit this body ('' or an unknown id: nothing to edit)."""
        self._body_id = body_id if self._doc.chart.has_body(body_id) else ""
        self.setEnabled(bool(self._body_id))
        self.refresh()

    def refresh(self) -> None:
        """Show the body as the chart has it now; fields already saying so are left alone."""
        body = self._body()
        self._loading = True
        try:
            b = body or Body("", "", "")
            _set_line(self.name, b.name)
            _set_line(self.short_name, b.short_name)
            if b.kind and self.kind.findData(b.kind) < 0:
                self.kind.addItem(body_kind(b.kind).display_name, b.kind)  # keep unknown kinds
            self.kind.setCurrentIndex(max(0, self.kind.findData(b.kind)))
            if _aliases_in(self.aliases.toPlainText()) != b.aliases:
                self.aliases.setPlainText("\n".join(b.aliases))
            _set_text(self.description, b.description)
            _set_text(self.notes, b.notes)
            for edit, day in ((self.valid_from, b.valid_from), (self.valid_to, b.valid_to)):
                if not _shows_date(edit.text(), day):
                    edit.setText(day.isoformat() if day else "")
            self.members.set_records(b.members)
            self.links.set_records(b.links)
            self.sources.set_records(b.sources)
            for key, edit in self.style_fields.items():
                if edit.text().strip() != b.style.get(key, ""):
                    edit.setText(b.style.get(key, ""))
        finally:
            self._loading = False

    def _body(self) -> Body | None:
        chart = self._doc.chart
        if self._body_id and chart.has_body(self._body_id):
            return chart.body(self._body_id)
        return None

    def _on_chart_event(self, event: ChartEvent) -> None:
        if event.kind == "reset" or self._body_id in event.ids:
            if self._body_id and not self._doc.chart.has_body(self._body_id):
                self.show_body("")  # deleted (or undone into existence never)
            else:
                self.refresh()

    # ----- editing ----------------------------------------------------------------------------
    def _edit(self, **changes: Any) -> None:
        body = self._body()
        if self._loading or body is None:
            return
        new = replace(body, **changes)
        if new != body:
            self._doc.undo_stack.push(EditBody(self._doc, body, new))
        self._say("")

    def _aliases_edited(self) -> None:
        self._edit(aliases=_aliases_in(self.aliases.toPlainText()))

    def _date_edited(self, field: str, text: str) -> None:
        if self._loading:
            return
        try:
            value = _date_in(text)
        except ValueError:
            self._say("Dates are written YYYY-MM-DD, for example 2022-07-01.")
            return
        self._edit(**{field: value})

    def _table_edited(self, field: str, table: RecordTable) -> None:
        try:
            self._edit(**{field: table.value()})
        except ValueError as err:
            self._say(str(err))

    def _style_edited(self, _text: str) -> None:
        body = self._body()
        if body is None:
            return
        style = {k: v for k, v in body.style.items() if k not in STYLE_KEYS}
        for key, edit in self.style_fields.items():
            if edit.text().strip():
                style[key] = edit.text().strip()
        self._edit(style=style)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self.problem.emit(text)


def _aliases_in(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _date_in(text: str) -> dt.date | None:
    """The date typed (YYYY-MM-DD), None for empty; ValueError for anything else."""
    return dt.date.fromisoformat(text.strip()) if text.strip() else None


def _shows_date(text: str, day: dt.date | None) -> bool:
    try:
        return _date_in(text) == day
    except ValueError:
        return False  # half-typed text that was never applied: show the real date


def _set_line(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)


def _set_text(edit: QPlainTextEdit, text: str) -> None:
    if edit.toPlainText() != text:
        edit.setPlainText(text)
