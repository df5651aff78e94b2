"""The open document: one chart, its file, its undo stack and whether it has unsaved changes.

Passed to the window, canvas and presenter (no module-level singletons). Every edit is a
QUndoCommand pushed on `undo_stack`; `modified` follows the stack's clean state.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from icsviewer.io.problems import Problem
from icsviewer.model.chart import Chart


class Document(QObject):
    """A chart being viewed or edited."""

    # Emitted with True/False when the unsaved-changes state flips.
    modified_changed = Signal(bool)
    # Emitted after the file name changes (Save As, open).
    path_changed = Signal(object)

    def __init__(
        self,
        chart: Chart,
        path: Path | None = None,
        problems: list[Problem] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.chart = chart
        self.path = path
        self.problems: list[Problem] = list(problems or [])
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda clean: self.modified_changed.emit(not clean))

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"
