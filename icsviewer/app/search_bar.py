"""The search bar: find bodies by name, short name, alias or description as you type.

Enter goes to the next match, Shift+Enter to the previous one, and "n of m" says where you
are. Esc closes the bar and hands keyboard focus back to the chart with the match still
selected, as in common editors, so Enter (details) or F2 (rename) act on it at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from icsviewer.model.chart import Chart


class SearchBar(QWidget):
    """A find bar above the chart. It only finds; the window selects and centres."""

    # Go to this body (select and centre it).
    match_chosen = Signal(str)
    # The bar closed: give focus back to the chart.
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: Chart | None = None
        self._matches: list[str] = []
        self._index = -1
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find a body by name, short name, alias or description")
        self.edit.setAccessibleName("Find")
        self.edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(90)
        self.count_label.setAccessibleName("Matches")
        previous = QToolButton(self)
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+Enter)")
        previous.setAccessibleName("Previous match")
        following = QToolButton(self)
        following.setText("▼")
        following.setToolTip("Next match (Enter)")
        following.setAccessibleName("Next match")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close find bar")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(QLabel("Find:", self))
        row.addWidget(self.edit, 1)
        row.addWidget(self.count_label)
        row.addWidget(previous)
        row.addWidget(following)
        row.addWidget(close)
        self.edit.textChanged.connect(self._search)
        self.edit.installEventFilter(self)
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)
        self.hide()

    def set_chart(self, chart: Chart | None) -> None:
        self._chart = chart
        if self.isVisible():
            self._search(self.edit.text())

    def open_bar(self) -> None:
        """Show the bar with the text selected, ready to type over."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    @property
    def matches(self) -> list[str]:
        return list(self._matches)

    @property
    def current_index(self) -> int:
        return self._index

    def _search(self, text: str) -> None:
        self._matches = [b.id for b in self._chart.search(text)] if self._chart else []
        self._index = 0 if self._matches else -1
        self._show_count(text)
        if self._matches:
            self.match_chosen.emit(self._matches[0])

    def step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) match, wrapping round."""
        if not self._matches:
            return
        self._index = (self._index + step) % len(self._matches)
        self._show_count(self.edit.text())
        self.match_chosen.emit(self._matches[self._index])

    def _show_count(self, text: str) -> None:
        if not text.strip():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText("No matches")
        else:
            self.count_label.setText(f"{self._index + 1} of {len(self._matches)}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.step(-1 if shift else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
