"""The presenter view: on the speaker's screen, the current and next step, notes and a timer.

Shown only when a second screen exists. It receives plain summaries of steps (never the scene
or the tour), and asks the presenter to move on through signals, so it stays a display.
Its Presentation menu swaps the screens when the projector turns out to be the other one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from icsviewer.model.chart import Chart
from icsviewer.present.tour_player import StepState, TourPlayer
from icsviewer.style.theme import FONT_FAMILY

if TYPE_CHECKING:
    from icsviewer.present.presenter import Presenter


@dataclass(frozen=True)
class StepSummary:
    """What the presenter view says about one step."""

    counter: str
    caption: str
    notes: str
    body_names: tuple[str, ...]


def other_screen(screen: QScreen | None) -> QScreen | None:
    """A screen other than `screen`, or None when there is only one."""
    for candidate in QGuiApplication.screens():
        if candidate is not screen:
            return candidate
    return None


def step_summary(chart: Chart, state: StepState | None) -> StepSummary | None:
    """What the presenter view says about a step (None for no step)."""
    if state is None:
        return None
    names = tuple(chart.body(b).name for b in sorted(state.focus) if chart.has_body(b))
    return StepSummary(state.counter, state.caption, state.notes, names)


def open_on_other_screen(audience: QScreen | None) -> PresenterView | None:
    """A presenter view shown on a screen other than the audience's, if there is one."""
    if len(QGuiApplication.screens()) < 2:
        return None
    screen = other_screen(audience)
    if screen is None:
        return None
    view = PresenterView()
    view.show_on(screen)
    return view


def open_for(presenter: Presenter) -> PresenterView | None:
    """The presenter view for a show on the presenter's window's screen, its buttons and menu
    wired to the show; None without a second screen."""
    view = open_on_other_screen(presenter.window.screen())
    if view is not None:
        view.next_requested.connect(presenter.next)
        view.prev_requested.connect(presenter.prev)
        view.swap_requested.connect(presenter.swap_screens)
        view.end_requested.connect(presenter.stop)
    return view


def show_step(view: PresenterView, player: TourPlayer, cover: str | None) -> None:
    """Show the player's current and next step (as plain summaries) in `view`."""
    view.update_view(
        step_summary(player.chart, player.current()),
        step_summary(player.chart, player.upcoming()),
        cover,
    )


def swap_screens(window: QWidget, view: PresenterView) -> None:
    """Put the full-screen `window` on the presenter view's screen and the view on the
    window's (for when the projector turns out to be the other screen)."""
    audience, speaker = window.screen(), view.screen()
    if audience is None or speaker is None or audience is speaker:
        return
    window.showNormal()
    window.setGeometry(speaker.availableGeometry().adjusted(40, 40, -40, -40))
    window.showFullScreen()
    view.show_on(audience)


def format_elapsed(ms: int) -> str:
    """'h:mm:ss' for an elapsed time in milliseconds."""
    seconds = max(0, ms) // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _label(point_size: int, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    font = QFont(FONT_FAMILY)
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    return label


class PresenterView(QMainWindow):
    """The speaker's window: now, next, notes (large) and elapsed time."""

    next_requested = Signal()
    prev_requested = Signal()
    swap_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Presenter view")
        self.now_counter = _label(28, bold=True, wrap=False)
        self.now_caption = _label(22, bold=True)
        self.now_bodies = _label(16)
        self.notes = _label(26)
        self.next_caption = _label(16, bold=True)
        self.next_bodies = _label(13)
        self.status = _label(16, bold=True, wrap=False)
        self.timer_label = _label(28, bold=True, wrap=False)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        notes_scroll = QScrollArea()
        notes_scroll.setWidgetResizable(True)
        notes_scroll.setWidget(self.notes)

        buttons = QHBoxLayout()
        for text, slot in (
            ("◀ Previous", self.prev_requested.emit),
            ("Next ▶", self.next_requested.emit),
            ("Restart timer", self.restart_timer),
        ):
            button = QPushButton(text)
            # Buttons must not take the keyboard: arrows and Space belong to the show.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            buttons.addWidget(button)

        top = QHBoxLayout()
        top.addWidget(self.now_counter)
        top.addWidget(self.status, 1)
        now = QVBoxLayout()
        now.addLayout(top)
        now.addWidget(self.now_caption)
        now.addWidget(self.now_bodies)
        now.addWidget(notes_scroll, 1)
        upcoming = QVBoxLayout()
        upcoming.addWidget(self.timer_label)
        upcoming.addSpacing(16)
        upcoming.addWidget(self._heading("Next"))
        upcoming.addWidget(self.next_caption)
        upcoming.addWidget(self.next_bodies)
        upcoming.addStretch(1)
        upcoming.addLayout(buttons)
        grid = QHBoxLayout()
        grid.setContentsMargins(24, 16, 24, 16)
        grid.setSpacing(32)
        grid.addLayout(now, 3)
        grid.addLayout(upcoming, 2)
        central = QWidget()
        central.setLayout(grid)
        self.setCentralWidget(central)
        self._build_menu()

        self._clock = QElapsedTimer()
        self._clock.start()
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._update_timer)
        self._tick.start()
        self._update_timer()

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = _label(14, bold=True, wrap=False)
        label.setText(text.upper())
        label.setStyleSheet("color: #425563;")
        return label

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&Presentation")
        for text, keys, signal in (
            ("&Previous step", "Left", self.prev_requested),
            ("&Next step", "Right", self.next_requested),
            ("&Swap screens", "Ctrl+Shift+S", self.swap_requested),
            ("&End presentation", "Esc", self.end_requested),
        ):
            action = QAction(text, self)
            # Shown for reference; the presenter's own key handling does the work, so the
            # shortcut is not registered twice.
            action.setShortcut(QKeySequence(keys) if text.startswith("&Swap") else QKeySequence())
            action.setToolTip(keys)
            action.triggered.connect(signal.emit)
            menu.addAction(action)
            if text.startswith("&Swap"):
                self.swap_action = action

    # ----- content ----------
    def update_view(
        self, current: StepSummary | None, upcoming: StepSummary | None, cover: str | None
    ) -> None:
        """Show the current and next step and whether the audience's screen is covered."""
        if current is None:
            self.now_counter.setText("Free exploration")
            self.now_caption.setText("")
            self.now_bodies.setText("")
            self.notes.setText("")
        else:
            self.now_counter.setText(current.counter)
            self.now_caption.setText(current.caption or "(no caption)")
            self.now_bodies.setText(", ".join(current.body_names))
            self.notes.setText(current.notes or "(no speaker notes)")
        if upcoming is None:
            self.next_caption.setText("End of the tour" if current is not None else "")
            self.next_bodies.setText("")
        else:
            self.next_caption.setText(f"{upcoming.counter}  {upcoming.caption}".strip())
            self.next_bodies.setText(", ".join(upcoming.body_names))
        self.status.setText({"black": "Screen black", "white": "Screen white"}.get(cover or "", ""))

    # ----- timer ----------
    def restart_timer(self) -> None:
        self._clock.restart()
        self._update_timer()

    def elapsed_text(self) -> str:
        return self.timer_label.text()

    def _update_timer(self) -> None:
        self.timer_label.setText(format_elapsed(self._clock.elapsed()))

    # ----- placement ----------
    def show_on(self, screen: QScreen) -> None:
        """Show maximised on `screen`."""
        if self.isVisible():
            self.showNormal()
        self.setGeometry(screen.availableGeometry().adjusted(20, 40, -20, -20))
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        self.showMaximized()

    def closeEvent(self, event: object) -> None:
        self._tick.stop()
        super().closeEvent(event)  # type: ignore[arg-type]
