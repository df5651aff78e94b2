"""The problems panel: what validation found in the file, one line each; click to go there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from icsviewer.canvas.literal_text import literal_tooltip
from icsviewer.io.problems import Problem

BODY_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QListWidget):
    """Lists problems; emits `body_requested(id)` when one about a body is activated."""

    body_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Problems found in the chart file")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._go)
        self.itemClicked.connect(self._go)

    def set_problems(self, problems: list[Problem]) -> None:
        self.clear()
        style = self.style()
        error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems:
            where = f"line {problem.line}: " if problem.line else ""
            item = QListWidgetItem(f"{where}{problem.message}")
            item.setIcon(error_icon if problem.is_error else warning_icon)
            item.setToolTip(literal_tooltip(str(problem)))
            item.setData(BODY_ROLE, problem.body_id)
            self.addItem(item)
        if not problems:
            item = QListWidgetItem("No problems found.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)

    def problem_count(self) -> int:
        return sum(1 for i in range(self.count()) if self.item(i).data(BODY_ROLE) is not None)

    def _go(self, item: QListWidgetItem) -> None:
        body_id = item.data(BODY_ROLE)
        if isinstance(body_id, str) and body_id:
            self.body_requested.emit(body_id)
