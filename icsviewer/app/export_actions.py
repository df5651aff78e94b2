"""File > Export..., File > Print... and Edit > Copy Chart as Image, installed on the window.

    exporting = install_exporting(window)

The chart and its current Layout are read from the window when the command is given (the
scene keeps the last layout computed), and the theme defaults to the window's. A PDF or SVG is
written on a worker thread from a copy of the chart, so a big board pack never freezes the
window; the exporters already write atomically. Success is reported in the status bar, failure
in a plain sentence through the window's `prompts` (never a traceback). The three actions are
disabled while no chart is open, and Export while an export is running.

Installing the actions imports none of the exporters, the Export dialog or Qt's printing
module (about 0.13 s at every start): each command imports what it needs when it is given.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.style.theme import get_theme

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from icsviewer.app.export_dialog import ExportChoice, ExportDialog
    from icsviewer.app.main_window import MainWindow

MESSAGE_MS = 10000


def describe_failure(exc: BaseException, path: Path | None = None) -> str:
    """One plain sentence for an export that failed."""
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        return f"Could not write {path.name}: {reason}." if path else f"{reason}."
    if isinstance(exc, MemoryError):
        return "There is not enough memory to export this chart."
    if isinstance(exc, ValueError):
        text = str(exc)
        return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
    return f"The export failed unexpectedly ({type(exc).__name__}: {exc})."


def write_export(chart: Chart, layout: Layout, choice: ExportChoice) -> str:
    """Write one export file; returns the one-line report. Raises OSError or ValueError."""
    theme = get_theme(choice.theme)
    if choice.fmt == "pdf":
        from exporters.pdf import export_pdf

        return export_pdf(chart, layout, theme, choice.path, choice.options).summary()
    if choice.fmt == "svg":
        from exporters.svg import export_svg

        written = export_svg(chart, layout, theme, choice.path, choice.options)
        return f"Wrote {written.name}: SVG, {len(chart.bodies)} bodies."
    from exporters.png import export_png

    return export_png(chart, layout, theme, choice.path, choice.options).summary()


class Exporting(QObject):
    """The export, print and copy commands of one window."""

    # Emitted (on the GUI thread) when an export has finished: (report or error, succeeded).
    export_finished = Signal(str, bool)
    _worker_done = Signal(str, bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ExportDialog | None = None
        self.running = False
        # Tests replace this: shows the print dialog; True to print.
        self.ask_printer: Callable[[QPrinter], bool] = self._ask_printer
        print_keys: list[QKeySequence.StandardKey | str] = [QKeySequence.StandardKey.Print]
        self.actions = {
            "export": self._action(
                "&Export…",
                self.open_dialog,
                ["Ctrl+E"],
                "Export the chart as a PDF board pack, an SVG or a PNG",
            ),
            "print": self._action(
                "&Print…", self.print_chart, [*print_keys, "Ctrl+P"], "Print the chart pages"
            ),
            "copy_image": self._action(
                "Copy Chart as &Image",
                self.copy_image,
                ["Ctrl+Shift+C"],
                "Copy the chart to paste into PowerPoint or Word",
            ),
        }
        self._worker_done.connect(self._on_worker_done, Qt.ConnectionType.QueuedConnection)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: list[QKeySequence.StandardKey | str],
        tip: str,
    ) -> QAction:
        action = QAction(text, self.window)
        sequences: list[QKeySequence] = []
        for key in keys:
            if isinstance(key, QKeySequence.StandardKey):
                sequences.extend(QKeySequence.keyBindings(key))
            else:
                sequences.append(QKeySequence(key))
        unique = dict.fromkeys(s.toString() for s in sequences if not s.isEmpty())
        action.setShortcuts([QKeySequence(s) for s in unique])
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # ----- state ------------------------------------------------------------------------------
    def current(self) -> tuple[Chart, Layout] | None:
        """The open chart and the layout on screen, or None if no chart is open."""
        window = self.window
        if window.document is None or window.scene is None:
            return None
        return window.document.chart, window.scene.layout

    def update_enabled(self, *_args: object) -> None:
        has_chart = self.current() is not None
        self.actions["export"].setEnabled(has_chart and not self.running)
        self.actions["print"].setEnabled(has_chart)
        self.actions["copy_image"].setEnabled(has_chart)

    def document_shown(self, *_args: object) -> None:
        """Another chart is open: an Export dialog still showing the last one is closed."""
        if self.dialog is not None:
            self.dialog.reject()
        self.update_enabled()

    def _source(self) -> Path | None:
        document = self.window.document
        return document.path if document is not None else None

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def _fail(self, title: str, message: str) -> None:
        self.window.statusBar().showMessage(message, MESSAGE_MS)
        self.window.prompts.error(title, message)

    # ----- export -----------------------------------------------------------------------------
    def open_dialog(self) -> ExportDialog | None:
        """Show the Export dialog (window-modal, not blocking); it exports when accepted."""
        current = self.current()
        if current is None or self.running:
            return None
        from icsviewer.app.export_dialog import ExportDialog

        chart, layout = current
        dialog = ExportDialog(
            chart, layout, self.window.theme.name, self.window.settings, self._source(), self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.export(dialog.choice()))
        dialog.destroyed.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self) -> None:
        self.dialog = None

    def export(self, choice: ExportChoice) -> None:
        """Write the file the dialog asked for (PDF and SVG on a worker thread)."""
        current = self.current()
        if current is None:
            return
        chart, layout = current
        self.running = True
        self.update_enabled()
        self.window.statusBar().showMessage(f"Exporting {choice.path.name}…")
        if choice.fmt == "png":
            # Qt images and fonts are set up on the GUI thread; a PNG is quick to make.
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._on_worker_done(*self._run(chart, layout, choice))
            finally:
                QApplication.restoreOverrideCursor()
            return
        # The worker gets its own copy, so edits made meanwhile cannot change it mid-write.
        snapshot = chart.copy()
        threading.Thread(
            target=self._work, args=(snapshot, layout, choice), name="icsviewer-export", daemon=True
        ).start()

    def _work(self, chart: Chart, layout: Layout, choice: ExportChoice) -> None:
        """On the worker thread: write, then hand the outcome to the GUI thread."""
        outcome = self._run(chart, layout, choice)
        # If the window closed meanwhile there is no one to tell; the file is written anyway.
        with contextlib.suppress(RuntimeError):
            self._worker_done.emit(*outcome)

    @staticmethod
    def _run(chart: Chart, layout: Layout, choice: ExportChoice) -> tuple[str, bool]:
        try:
            return write_export(chart, layout, choice), True
        except Exception as exc:  # every failure becomes a sentence for the user
            return describe_failure(exc, choice.path), False

    def _on_worker_done(self, text: str, ok: bool) -> None:
        self.running = False
        self.update_enabled()
        if ok:
            self._status(text)
        else:
            self._fail("Export failed", text)
        self.export_finished.emit(text, ok)

    # ----- print ------------------------------------------------------------------------------
    def print_chart(self) -> int:
        """Print the chart pages with the remembered page options; returns pages printed."""
        current = self.current()
        if current is None:
            return 0
        from icsviewer.app.export_dialog import remembered_options
        from icsviewer.app.print_support import build_chart_pages
        from icsviewer.app.printing import make_printer, print_pages

        chart, layout = current
        source = self._source()
        options = remembered_options(self.window.settings, source.name if source else "")
        try:
            pages = build_chart_pages(chart, layout, self.window.theme, options)
            printer = make_printer(pages, options)
            if not self.ask_printer(printer):
                return 0
            count = print_pages(printer, pages)
        except Exception as exc:
            self._fail("Print failed", describe_failure(exc))
            return 0
        where = printer.outputFileName()
        plural = "s" if count != 1 else ""
        self._status(
            f"Printed {count} page{plural} to {Path(where).name}."
            if where
            else f"Sent {count} page{plural} to {printer.printerName() or 'the printer'}."
        )
        return count

    def _ask_printer(self, printer: QPrinter) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog
        from PySide6.QtWidgets import QDialog

        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("Print Chart")
        return bool(dialog.exec() == QDialog.DialogCode.Accepted)

    # ----- copy -------------------------------------------------------------------------------
    def copy_image(self) -> bool:
        """Put the chart on the clipboard as an image (PNG, bitmap and SVG)."""
        current = self.current()
        if current is None:
            return False
        from exporters.options import ExportOptions
        from icsviewer.app.copy_image import copy_chart_image

        chart, layout = current
        source = self._source()
        options = ExportOptions(source_name=source.name if source else "")
        try:
            image = copy_chart_image(chart, layout, self.window.theme, options)
        except Exception as exc:
            self._fail("Copy failed", describe_failure(exc))
            return False
        self._status(
            f"Copied the chart as an image ({image.width()} × {image.height()} pixels): "
            "paste it into a slide or document."
        )
        return True


def install_exporting(window: MainWindow) -> Exporting:
    """Add Export and Print to File (before Quit) and Copy Chart as Image to Edit."""
    exporting = Exporting(window)
    file_menu = window.menus["file"]
    before = window.window_actions.get("quit_separator")
    entries = [exporting.actions["export"], exporting.actions["print"]]
    if before is not None:
        file_menu.insertSeparator(before)
        for action in entries:
            file_menu.insertAction(before, action)
    else:
        file_menu.addSeparator()
        file_menu.addActions(entries)
    edit_menu = window.menus["edit"]
    edit_menu.addSeparator()
    edit_menu.addAction(exporting.actions["copy_image"])
    window.window_actions.update(exporting.actions)

    window.document_shown.connect(exporting.document_shown)
    window.runner.finished.connect(exporting.update_enabled)
    window.runner.failed.connect(exporting.update_enabled)
    for menu in (file_menu, edit_menu):
        menu.aboutToShow.connect(exporting.update_enabled)
    exporting.update_enabled()
    return exporting
