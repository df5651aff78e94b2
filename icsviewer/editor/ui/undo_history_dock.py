"""The undo history panel: every edit by name; clicking one goes back (or forward) to it."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QUndoView, QWidget


class UndoHistoryDock(QDockWidget):
    """A dock showing a document's undo stack (`set_stack` when the document changes)."""

    def __init__(self, stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Undo history", parent)
        self.setObjectName("undo_history_dock")
        self.view = QUndoView()
        self.view.setEmptyLabel("Opened file")
        self.view.setAccessibleName("Undo history")
        self.setWidget(self.view)
        # Shown while no document is open (QUndoView wants a stack).
        self._empty = QUndoStack(self)
        if stack is not None:
            self.set_stack(stack)

    def set_stack(self, stack: QUndoStack | None) -> None:
        self.view.setStack(stack if stack is not None else self._empty)
