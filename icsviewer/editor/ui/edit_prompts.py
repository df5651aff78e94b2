"""The questions editing asks the user, behind one replaceable object (tests answer them).

Separate from the window's `Prompts` so editing can be added without changing it; both use
standard Qt dialogs parented to the window.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

CHART_FILE_FILTER = "Chart files (*.yaml *.yml);;All files (*)"


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class EditPrompts:
    """Dialogs for editing, saving and recovery."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def ask_save_path(self, suggested: str) -> Path | None:
        """Where to save (None if cancelled); a name without an extension gets `.yaml`."""
        name, _ = QFileDialog.getSaveFileName(self.parent, "Save chart as", suggested,
                                              CHART_FILE_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() in (".yaml", ".yml") else path.with_suffix(".yaml")

    def ask_unsaved(self, document_name: str) -> UnsavedChoice:
        """Save, Discard or Cancel for a document with unsaved changes."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Unsaved changes",
            f"“{document_name}” has changes that are not saved.",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self.parent,
        )
        box.setInformativeText("Save them before closing?")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return UnsavedChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL

    def ask_yes_no(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, title: str, label: str, options: list[str], current: int = 0) -> int | None:
        """The index of the option picked from a list, or None if cancelled."""
        if not options:
            return None
        text, ok = QInputDialog.getItem(self.parent, title, label, options, current, False)
        return options.index(text) if ok and text in options else None

    def error(self, title: str, message: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                          self.parent)
        if details:
            box.setDetailedText(details)
        box.exec()
