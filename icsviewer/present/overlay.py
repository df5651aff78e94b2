"""What the presenter draws over the chart: the caption strip with the step counter, and the
black or white screen.

Both are child widgets of the view (not of its viewport, whose children scroll with the
chart) and let mouse clicks through to the viewport, so a click still advances the show.
Sizes follow the screen height, so the caption reads from the back of a room on any display.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from icsviewer.style.theme import FONT_FAMILY

# NHS Dark Blue, mostly opaque, so white text stays readable over any part of the chart.
STRIP_COLOUR = "rgba(0, 48, 135, 225)"
# Caption text height as a share of the screen height: ~38 px on a 1080-line projector.
CAPTION_SHARE = 1 / 28
COUNTER_SHARE = 1 / 45


def _pixel_font(height_px: int, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(12, height_px))
    font.setBold(bold)
    return font


class CaptionOverlay(QWidget):
    """The caption across the bottom and, at its right, an unobtrusive 'n / m' counter."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presenterCaption")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(
            f"#presenterCaption {{ background: {STRIP_COLOUR}; border-radius: 8px; }}"
            "QLabel { color: white; background: transparent; }"
        )
        self.caption_label = QLabel(self)
        self.caption_label.setWordWrap(True)
        self.caption_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counter_label = QLabel(self)
        self.counter_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self._row = QHBoxLayout(self)
        self._row.addWidget(self.caption_label, 1)
        self._row.addWidget(self.counter_label, 0, Qt.AlignmentFlag.AlignBottom)
        self.hide()

    @property
    def caption(self) -> str:
        return self.caption_label.text()

    @property
    def counter(self) -> str:
        return self.counter_label.text()

    def show_text(self, caption: str, counter: str) -> None:
        """Show a caption and counter (either may be empty); hide when both are."""
        self.caption_label.setText(caption)
        self.caption_label.setVisible(bool(caption))
        self.counter_label.setText(counter)
        self.counter_label.setVisible(bool(counter))
        self.setVisible(bool(caption or counter))
        self.place()

    def place(self) -> None:
        """Fit the strip to the bottom of the parent: full width with a caption, a corner pill
        with only a counter (so the counter alone never hides much of the chart)."""
        parent = self.parentWidget()
        if parent is None:
            return
        area = parent.rect()
        screen_h = self.screen().size().height() if self.screen() else area.height()
        pad = max(8, screen_h // 90)
        self.caption_label.setFont(_pixel_font(int(screen_h * CAPTION_SHARE), bold=True))
        self.counter_label.setFont(_pixel_font(int(screen_h * COUNTER_SHARE)))
        self._row.setContentsMargins(2 * pad, pad, 2 * pad, pad)
        self._row.setSpacing(3 * pad)
        if self.caption_label.text():
            width = area.width() - 4 * pad
            height = self._row.heightForWidth(width)
            if height <= 0:
                height = self.sizeHint().height()
            self.setGeometry(2 * pad, area.height() - height - 2 * pad, width, height)
        else:
            hint = self.sizeHint()
            self.setGeometry(
                area.width() - hint.width() - 2 * pad,
                area.height() - hint.height() - 2 * pad,
                hint.width(),
                hint.height(),
            )

    def reserved_height(self) -> int:
        """Screen height the caption covers at the bottom (0 without a caption)."""
        parent = self.parentWidget()
        if parent is None or not self.isVisibleTo(parent) or not self.caption_label.text():
            return 0
        return parent.height() - self.geometry().top()


class ScreenCover(QWidget):
    """A plain black or white screen over the chart (PowerPoint's B and W)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # Painted by hand: a palette fill is overridden by the view's own background here.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.colour: str | None = None
        self.hide()

    def cover(self, colour: str | None) -> None:
        """Cover with 'black' or 'white'; None uncovers."""
        self.colour = colour
        if colour is None:
            self.hide()
            return
        self.place()
        self.show()
        self.raise_()
        self.update()

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.colour or "black"))
        painter.end()
