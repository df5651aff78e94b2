"""Every question and message the window puts to the user goes through `Prompts`.

Tests replace it (or its methods) so they never block on a modal dialog; the real one uses
standard Qt dialogs parented to the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

CHART_FILE_FILTER = "Chart files (*.yaml *.yml);;All files (*)"


class Prompts:
    """Dialogs for the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_open_path(self, start_dir: str = "") -> Path | None:
        """The chart file the user picked, or None if they cancelled."""
        name, _ = QFileDialog.getOpenFileName(
            self.parent, "Open chart", start_dir, CHART_FILE_FILTER
        )
        return Path(name) if name else None

    def error(self, title: str, message: str, details: str = "") -> None:
        """Tell the user something went wrong, in words (details are optional extra text)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self.parent
        )
        # The message may quote the file: show it as written, never as markup.
        box.setTextFormat(Qt.TextFormat.PlainText)
        if details:
            box.setDetailedText(details)
        box.exec()

    def info(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)
