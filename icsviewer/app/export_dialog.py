"""File > Export...: the options on the left, a live preview of the pages on the right.

The dialog only gathers choices (`ExportChoice`); `export_actions` writes the file. The format
follows the file name's extension and the other way round. Paper, orientation, fit, the
directory switch and the PNG scale and background are remembered in settings (`remembered_options`
reads them back, so File > Print uses the same page options); the title and marking overrides
belong to one chart and are not carried over to the next.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exporters.options import DEFAULT_PNG_SCALE, FIT_MODES, ORIENTATIONS, PAPER_SIZES, ExportOptions
from icsviewer.app import export_preview
from icsviewer.app.export_preview import PreviewWidget, SheetPreview, describe_pages, describe_sheet
from icsviewer.app.print_support import build_chart_pages, sheet_renderer
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.style.theme import THEMES, get_theme

FORMATS = {"pdf": "PDF: board pack", "svg": "SVG: for design tools", "png": "PNG: for slides"}
FILTERS = {"pdf": "PDF files (*.pdf)", "svg": "SVG files (*.svg)", "png": "PNG images (*.png)"}
ORIENTATION_TEXT = {"landscape": "Landscape", "portrait": "Portrait", "auto": "Best fit"}
PREVIEW_DELAY_MS = 250  # options settle (typing a title) before the preview is redrawn

KEY_FORMAT = "export/format"
KEY_PAPER = "export/paper"
KEY_ORIENTATION = "export/orientation"
KEY_FIT = "export/fit"
KEY_DIRECTORY = "export/directory"
KEY_SCALE = "export/scale"
KEY_TRANSPARENT = "export/transparent"
KEY_FOLDER = "export/folder"


@dataclass(frozen=True)
class ExportChoice:
    """What the user asked for: a file, its format, the options and the theme."""

    path: Path
    fmt: str
    options: ExportOptions
    theme: str


def _text(settings: QSettings, key: str, allowed: tuple[str, ...] | list[str], default: str) -> str:
    value = settings.value(key, default)
    return value if isinstance(value, str) and value in allowed else default


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):  # ini files give "true"/"false"
        return value.lower() == "true"
    return bool(value)


def _scale(settings: QSettings) -> float:
    try:
        value = float(settings.value(KEY_SCALE, DEFAULT_PNG_SCALE))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_PNG_SCALE
    return value if 0.25 <= value <= 16 else DEFAULT_PNG_SCALE


def remembered_options(settings: QSettings, source_name: str = "") -> ExportOptions:
    """The export options last chosen (defaults the first time; bad stored values ignored)."""
    return ExportOptions(
        paper=_text(settings, KEY_PAPER, list(PAPER_SIZES), "A4"),
        orientation=_text(settings, KEY_ORIENTATION, ORIENTATIONS, "landscape"),
        fit=_text(settings, KEY_FIT, FIT_MODES, "auto"),
        directory=_flag(settings, KEY_DIRECTORY, True),
        source_name=source_name,
        scale=_scale(settings),
        transparent=_flag(settings, KEY_TRANSPARENT, False),
    )


def remember(settings: QSettings, choice: ExportChoice) -> None:
    """Keep the choices for next time (the theme follows the window, so it is not kept)."""
    o = choice.options
    settings.setValue(KEY_FORMAT, choice.fmt)
    settings.setValue(KEY_PAPER, o.paper)
    settings.setValue(KEY_ORIENTATION, o.orientation)
    settings.setValue(KEY_FIT, o.fit)
    settings.setValue(KEY_DIRECTORY, o.directory)
    settings.setValue(KEY_SCALE, o.scale)
    settings.setValue(KEY_TRANSPARENT, o.transparent)
    settings.setValue(KEY_FOLDER, str(choice.path.parent))


def _combo(items: dict[str, str], name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for key, text in items.items():
        combo.addItem(text, key)
    return combo


def _label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose mnemonic (Alt+letter) goes to `buddy` (rows that hold a layout)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _select(combo: QComboBox, key: str) -> None:
    index = combo.findData(key)
    if index >= 0:
        combo.setCurrentIndex(index)


class ExportDialog(QDialog):
    """The Export dialog. `choice()` is the result once accepted."""

    def __init__(
        self,
        chart: Chart,
        layout: Layout,
        theme: str,
        settings: QSettings,
        source: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle("Export Chart")
        self._chart, self._layout, self._settings = chart, layout, settings
        self._source_name = source.name if source is not None else ""
        saved = remembered_options(settings, self._source_name)

        self.format_combo = _combo(FORMATS, "format")
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setAccessibleName("File name")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.paper_combo = _combo({p: p for p in PAPER_SIZES}, "paper")
        self.orientation_combo = _combo(ORIENTATION_TEXT, "orientation")
        self.fit_combo = _combo(export_preview.FIT_TEXT, "fit")
        self.fit_combo.setToolTip(export_preview.FIT_TIP)
        self.directory_check = QCheckBox("Directory of bodies after the chart")
        self.theme_combo = _combo({t.name: t.display_name for t in THEMES.values()}, "theme")
        meta = chart.meta
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(meta.title or "The chart's title")
        self.marking_edit = QLineEdit()
        self.marking_edit.setPlaceholderText(meta.marking or "None (for example OFFICIAL)")
        self.scale_spin = QDoubleSpinBox()
        self.scale_spin.setRange(0.25, 16.0)
        self.scale_spin.setSingleStep(0.5)
        self.scale_spin.setDecimals(2)
        self.scale_spin.setSuffix(" ×")
        self.dpi_spin = QSpinBox()
        self.dpi_spin.setRange(18, 1152)
        self.dpi_spin.setSingleStep(12)
        self.dpi_spin.setSuffix(" dpi")
        self.transparent_check = QCheckBox("Transparent background")

        file_box = QGroupBox("File")
        form = QFormLayout(file_box)
        form.addRow(_label("&Save to:", self.path_edit), path_row)
        form.addRow("&Format:", self.format_combo)
        self.page_box = QGroupBox("Pages (PDF and printing)")
        form = QFormLayout(self.page_box)
        form.addRow("&Paper:", self.paper_combo)
        form.addRow("&Orientation:", self.orientation_combo)
        form.addRow("F&it:", self.fit_combo)
        form.addRow("", self.directory_check)
        content_box = QGroupBox("Content")
        form = QFormLayout(content_box)
        form.addRow("&Theme:", self.theme_combo)
        form.addRow("T&itle:", self.title_edit)
        form.addRow("&Marking:", self.marking_edit)
        self.image_box = QGroupBox("Image (PNG)")
        form = QFormLayout(self.image_box)
        size_row = QHBoxLayout()
        size_row.setContentsMargins(0, 0, 0, 0)
        size_row.addWidget(self.scale_spin)
        size_row.addWidget(self.dpi_spin)
        form.addRow(_label("Si&ze:", self.scale_spin), size_row)
        form.addRow("", self.transparent_check)
        left = QVBoxLayout()
        for box in (file_box, self.page_box, content_box, self.image_box):
            left.addWidget(box)
        left.addStretch(1)

        self.preview = PreviewWidget()
        self.note = QLabel()
        self.note.setObjectName("preview_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(400)
        columns.addWidget(left_widget)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(self.buttons)
        self.resize(1120, 700)

        # Fill in the remembered choices before connecting, so each change redraws only once.
        _select(self.format_combo, _text(settings, KEY_FORMAT, list(FORMATS), "pdf"))
        _select(self.paper_combo, saved.paper)
        _select(self.orientation_combo, saved.orientation)
        _select(self.fit_combo, saved.fit)
        _select(self.theme_combo, theme)
        self.directory_check.setChecked(saved.directory)
        self.scale_spin.setValue(saved.scale)
        self.dpi_spin.setValue(round(saved.scale * 72))
        self.transparent_check.setChecked(saved.transparent)
        self.path_edit.setText(str(self._default_path(source)))

        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        for combo in (self.paper_combo, self.orientation_combo, self.fit_combo, self.theme_combo):
            combo.currentIndexChanged.connect(self._timer.start)
        for edit in (self.title_edit, self.marking_edit):
            edit.textChanged.connect(self._timer.start)
        for check in (self.directory_check, self.transparent_check):
            check.toggled.connect(self._timer.start)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.path_edit.textEdited.connect(self._path_edited)
        self.scale_spin.valueChanged.connect(self._scale_changed)
        self.dpi_spin.valueChanged.connect(self._dpi_changed)
        self._update_sections()
        self.refresh_preview()

    # ----- reading the choices -----------------------------------------------------------------
    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def options(self) -> ExportOptions:
        return ExportOptions(
            paper=str(self.paper_combo.currentData()),
            orientation=str(self.orientation_combo.currentData()),
            fit=str(self.fit_combo.currentData()),
            title=self.title_edit.text().strip(),
            marking=self.marking_edit.text().strip(),
            directory=self.directory_check.isChecked(),
            source_name=self._source_name,
            scale=round(self.scale_spin.value(), 4),
            transparent=self.transparent_check.isChecked(),
        )

    def choice(self) -> ExportChoice:
        path = Path(self.path_edit.text().strip()).expanduser()
        if path.suffix.lower() != f".{self.fmt}":
            path = path.with_name(f"{path.name}.{self.fmt}")
        return ExportChoice(path, self.fmt, self.options(), str(self.theme_combo.currentData()))

    # ----- accepting ----------------------------------------------------------------------------
    def accept(self) -> None:
        text = self.path_edit.text().strip()
        if not text or not Path(text).name:
            self.path_edit.setFocus()
            self.note.setText("Type a file name to export to, or choose one with Browse.")
            return
        path = self.choice().path
        if not path.parent.is_dir():
            self.note.setText(f"The folder {path.parent} does not exist.")
            return
        if path.exists() and not self.confirm_overwrite(path):
            return
        remember(self._settings, self.choice())
        super().accept()

    def confirm_overwrite(self, path: Path) -> bool:
        """Ask before replacing a file (tests replace this)."""
        answer = QMessageBox.question(
            self,
            "Replace file?",
            f"{path.name} already exists in {path.parent}. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # ----- keeping the parts in step ------------------------------------------------------------
    def _default_path(self, source: Path | None) -> Path:
        folder = self._settings.value(KEY_FOLDER, "")
        stem = source.stem if source is not None else "chart"
        if isinstance(folder, str) and folder and Path(folder).is_dir():
            base = Path(folder)
        elif source is not None and os.access(source.parent, os.W_OK):
            base = source.parent
        else:
            base = Path.home()
        return base / f"{stem}.{self.fmt}"

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Export chart to",
            self.path_edit.text(),
            ";;".join(FILTERS.values()),
            FILTERS[self.fmt],
        )
        if name:
            self.path_edit.setText(name)
            self._path_edited(name)

    def _path_edited(self, text: str) -> None:
        suffix = Path(text.strip()).suffix.lower().lstrip(".")
        if suffix in FORMATS and suffix != self.fmt:
            _select(self.format_combo, suffix)

    def _format_changed(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower().lstrip(".") in FORMATS:
                path = path.with_suffix(f".{self.fmt}")
            self.path_edit.setText(str(path))
        self._update_sections()
        self._timer.start()

    def _update_sections(self) -> None:
        self.page_box.setEnabled(self.fmt == "pdf")
        self.image_box.setEnabled(self.fmt == "png")

    def _scale_changed(self, value: float) -> None:
        self.dpi_spin.blockSignals(True)
        self.dpi_spin.setValue(round(value * 72))
        self.dpi_spin.blockSignals(False)
        self._timer.start()

    def _dpi_changed(self, value: int) -> None:
        self.scale_spin.blockSignals(True)
        self.scale_spin.setValue(value / 72)
        self.scale_spin.blockSignals(False)
        self._timer.start()

    # ----- preview ------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Redraw the preview and its note for the current choices (now, not debounced)."""
        self._timer.stop()
        options = self.options()
        theme = get_theme(str(self.theme_combo.currentData()))
        try:
            if self.fmt == "pdf":
                pages = build_chart_pages(self._chart, self._layout, theme, options)
                self.preview.show_pages(pages)
                self.note.setText(describe_pages(pages, options))
            else:
                renderer, width, height = sheet_renderer(self._chart, self._layout, theme, options)
                sheet = SheetPreview(
                    renderer, width, height, options.transparent and self.fmt == "png"
                )
                self.preview.show_sheet(sheet)
                self.note.setText(describe_sheet(sheet, options, self.fmt))
        except (ValueError, MemoryError) as exc:
            self.preview.show_message(f"No preview: {exc}")
            self.note.setText("")
