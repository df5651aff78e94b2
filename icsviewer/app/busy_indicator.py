"""A busy bar with a Cancel button, for the status bar while a long step runs.

Used while the start-up chart is read (`startup_open`) and while the chart is arranged
(`layout_progress`): both are steps with no measurable progress, so the bar is indeterminate,
and both can be abandoned without losing anything.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class BusyIndicator(QWidget):
    """"`text` [busy bar] [Cancel]"; connect `cancel_button.clicked` to the step's cancel."""

    def __init__(self, text: str, what: str, tooltip: str) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(text)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: the step has no measurable parts
        self.bar.setMaximumWidth(160)
        self.bar.setAccessibleName(what)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip(tooltip)
        # Never the keyboard focus: shown before the chart, the button would take the window's
        # first focus, and when it goes Qt passes focus on as if by Tab, which selects the
        # chart's first body. Esc cancels reading from the keyboard.
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
