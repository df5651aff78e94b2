"""Rename a body where it is drawn: a line edit over its box (F2 or double-click).

Enter (or moving focus away) commits the new name as one undo step; Esc cancels. An empty
name is refused (the box would vanish); an unchanged one pushes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit

from icsviewer.editor.commands import rename_body
from icsviewer.editor.ui.body_form import UndoTarget

MIN_WIDTH = 180


class InplaceRename(QObject):
    """One rename in progress; `finished(committed)` fires once, then the editor goes away."""

    finished = Signal(bool)

    def __init__(self, view: QGraphicsView, doc: UndoTarget, body_id: str, rect: QRect) -> None:
        super().__init__(view)
        self._view = view
        self._doc = doc
        self._body_id = body_id
        self._done = False
        original = doc.chart.body(body_id).name
        self.editor = QLineEdit(original, view.viewport())
        self.editor.setObjectName("inplace_rename")
        self.editor.setAccessibleName(f"New name for {original}")
        height = self.editor.sizeHint().height()
        width = max(rect.width(), MIN_WIDTH)
        self.editor.setGeometry(
            rect.center().x() - width // 2, rect.center().y() - height // 2, width, height
        )
        self.editor.selectAll()
        self.editor.installEventFilter(self)
        self.editor.returnPressed.connect(self.commit)
        self.editor.show()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def body_id(self) -> str:
        return self._body_id

    def commit(self) -> None:
        if self._done:
            return
        name = self.editor.text().strip()
        chart = self._doc.chart
        committed = False
        if name and chart.has_body(self._body_id) and name != chart.body(self._body_id).name:
            self._doc.undo_stack.push(rename_body(self._doc, self._body_id, name))
            committed = True
        self._finish(committed)

    def cancel(self) -> None:
        if not self._done:
            self._finish(False)

    def _finish(self, committed: bool) -> None:
        self._done = True
        self.editor.removeEventFilter(self)
        self.editor.hide()
        self.editor.deleteLater()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.finished.emit(committed)
        self.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape:
                    self.cancel()
                    return True
            elif event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
                # Plain keys (Esc, Delete, Insert, letters) belong to the editor while typing;
                # Ctrl combinations go on to the line edit's own and the window's shortcuts.
                chords = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                          | Qt.KeyboardModifier.MetaModifier)
                if not event.modifiers() & chords:
                    event.accept()
                    return True
            elif event.type() == QEvent.Type.FocusOut:
                self.commit()
        return False


def start_rename(view: QGraphicsView, doc: UndoTarget, body_id: str, rect: QRect) -> InplaceRename:
    """Open the in-place editor over `rect` (the body's box in view coordinates)."""
    return InplaceRename(view, doc, body_id, rect)
