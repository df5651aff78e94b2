"""File > Export, File > Print and Edit > Copy Chart as Image, driven as a user would.

No modal dialog blocks: the Export dialog opens window-modal without blocking, the print dialog
is replaced by a function that sends the printer to a PDF file, and error messages are recorded
by the window's prompts.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from exporters.options import ExportOptions
from exporters.pdf import build_pdf
from exporters.pdf_plan import MAX_TILES
from exporters.svg import plan_sheet
from icsviewer.app.export_actions import Exporting, install_exporting
from icsviewer.app.export_dialog import ExportDialog, remembered_options
from icsviewer.app.export_preview import describe_pages
from icsviewer.app.main_window import MainWindow
from icsviewer.app.print_support import build_chart_pages
from icsviewer.style.theme import get_theme
from tests.app.conftest import RecordingPrompts, open_and_wait


@pytest.fixture
def exporting(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> Exporting:
    installed = install_exporting(window)
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    return installed


def open_dialog(qtbot: QtBot, exporting: Exporting) -> ExportDialog:
    dialog = exporting.open_dialog()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    # Replacing an existing file is agreed to without the question box.
    dialog.confirm_overwrite = lambda path: True  # type: ignore[method-assign]
    return dialog


def choose(dialog: ExportDialog, combo_name: str, key: str) -> None:
    combo = getattr(dialog, f"{combo_name}_combo")
    index = combo.findData(key)
    assert index >= 0, key
    combo.setCurrentIndex(index)


def export_and_wait(qtbot: QtBot, exporting: Exporting, dialog: ExportDialog) -> tuple[str, bool]:
    with qtbot.waitSignal(exporting.export_finished, timeout=60000) as blocker:
        dialog.buttons.accepted.emit()
    text, ok = blocker.args
    return text, ok


def chart_pages_in_pdf(data: bytes, tiled: bool) -> int:
    """Chart pages of a built PDF: the pages headed 'Tile Xn of', or the one chart page."""
    if not tiled:
        return 1
    reader = PdfReader(io.BytesIO(data))
    return sum(1 for page in reader.pages if "Tile " in (page.extract_text() or "")[:400])


# ----- the preview ------------------------------------------------------------------------------
@pytest.mark.parametrize("paper", ["A4", "A3"])
@pytest.mark.parametrize("fit", ["auto", "one-page", "tile"])
def test_preview_shows_the_chart_pages_the_pdf_has(
    qtbot: QtBot, window: MainWindow, exporting: Exporting, paper: str, fit: str
) -> None:
    dialog = open_dialog(qtbot, exporting)
    choose(dialog, "paper", paper)
    choose(dialog, "fit", fit)
    dialog.refresh_preview()

    assert window.document is not None and window.scene is not None
    options = ExportOptions(paper=paper, fit=fit, directory=False)
    data, result = build_pdf(window.document.chart, window.scene.layout, window.theme, options)
    assert dialog.preview.page_count == result.columns * result.rows
    assert dialog.preview.page_count == chart_pages_in_pdf(data, result.tiled)
    assert (f"Tiled over {dialog.preview.page_count}" in dialog.note.text()) == result.tiled


def test_preview_follows_the_options_after_a_pause(qtbot: QtBot, exporting: Exporting) -> None:
    dialog = open_dialog(qtbot, exporting)
    choose(dialog, "fit", "one-page")
    qtbot.waitUntil(lambda: dialog.preview.page_count == 1, timeout=5000)
    assert "one" in dialog.note.text()
    choose(dialog, "fit", "tile")
    qtbot.waitUntil(lambda: dialog.preview.page_count > 1, timeout=5000)
    assert "Tiled over" in dialog.note.text()
    choose(dialog, "format", "png")
    qtbot.waitUntil(lambda: dialog.preview.page_count == 1, timeout=5000)
    assert "pixels" in dialog.note.text()


def test_format_follows_the_file_name_and_the_other_way(
    qtbot: QtBot, exporting: Exporting, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, exporting)
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "slide.png"))
    assert dialog.fmt == "png"
    assert dialog.image_box.isEnabled() and not dialog.page_box.isEnabled()
    choose(dialog, "format", "svg")
    assert dialog.path_edit.text().endswith("slide.svg")


# ----- exporting --------------------------------------------------------------------------------
def test_export_writes_a_pdf_on_the_chosen_paper(
    qtbot: QtBot, window: MainWindow, exporting: Exporting, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, exporting)
    dialog.path_edit.setText(str(tmp_path / "pack.pdf"))
    choose(dialog, "paper", "A3")
    choose(dialog, "orientation", "portrait")
    dialog.marking_edit.setText("OFFICIAL-SENSITIVE")
    text, ok = export_and_wait(qtbot, exporting, dialog)

    assert ok, text
    reader = PdfReader(tmp_path / "pack.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 1191)  # A3 portrait
    assert "OFFICIAL-SENSITIVE" in (reader.pages[0].extract_text() or "")
    assert "Wrote pack.pdf" in window.statusBar().currentMessage()
    assert exporting.actions["export"].isEnabled()


def test_export_writes_svg_and_png(
    qtbot: QtBot, window: MainWindow, exporting: Exporting, tmp_path: Path
) -> None:
    assert window.document is not None
    name = window.document.chart.bodies[0].name

    dialog = open_dialog(qtbot, exporting)
    dialog.path_edit.setText(str(tmp_path / "chart.svg"))
    dialog._path_edited(dialog.path_edit.text())
    ok = export_and_wait(qtbot, exporting, dialog)[1]
    assert ok
    root = ET.parse(tmp_path / "chart.svg").getroot()
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert name.split()[0] in texts

    dialog = open_dialog(qtbot, exporting)
    dialog.path_edit.setText(str(tmp_path / "chart.png"))
    choose(dialog, "format", "png")
    dialog.scale_spin.setValue(1.0)
    ok = export_and_wait(qtbot, exporting, dialog)[1]
    assert ok
    image = QImage(str(tmp_path / "chart.png"))
    assert window.scene is not None
    sheet = plan_sheet(window.document.chart, window.scene.layout, window.theme, ExportOptions())
    assert (image.width(), image.height()) == (round(sheet.width), round(sheet.height))


def test_a_failed_export_is_explained(
    qtbot: QtBot, exporting: Exporting, prompts: RecordingPrompts, tmp_path: Path
) -> None:
    (tmp_path / "taken.pdf").mkdir()  # a folder where the file should go
    dialog = open_dialog(qtbot, exporting)
    dialog.path_edit.setText(str(tmp_path / "taken.pdf"))
    _, ok = export_and_wait(qtbot, exporting, dialog)
    assert not ok
    assert prompts.errors and prompts.errors[-1][0] == "Export failed"
    assert "taken.pdf" in prompts.errors[-1][1]
    assert "Traceback" not in prompts.errors[-1][1]


def test_options_are_remembered_for_next_time(
    qtbot: QtBot, window: MainWindow, exporting: Exporting, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, exporting)
    dialog.path_edit.setText(str(tmp_path / "pack.pdf"))
    choose(dialog, "paper", "A3")
    choose(dialog, "orientation", "portrait")
    choose(dialog, "fit", "tile")
    dialog.directory_check.setChecked(False)
    dialog.title_edit.setText("Only for this chart")
    assert export_and_wait(qtbot, exporting, dialog)[1]

    again = open_dialog(qtbot, exporting)
    assert again.paper_combo.currentData() == "A3"
    assert again.orientation_combo.currentData() == "portrait"
    assert again.fit_combo.currentData() == "tile"
    assert not again.directory_check.isChecked()
    assert again.title_edit.text() == ""
    assert Path(again.path_edit.text()).parent == tmp_path
    printed = remembered_options(window.settings)
    assert (printed.paper, printed.orientation, printed.fit) == ("A3", "portrait", "tile")


def test_commands_wait_for_a_chart(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    exporting = install_exporting(window)
    assert not exporting.actions["export"].isEnabled()
    assert not exporting.actions["print"].isEnabled()
    assert not exporting.actions["copy_image"].isEnabled()
    assert exporting.open_dialog() is None
    open_and_wait(qtbot, window, tmp_path / "small.yaml")
    assert all(a.isEnabled() for a in exporting.actions.values())
    file_texts = [a.text() for a in window.menus["file"].actions()]
    assert file_texts.index("&Print…") < file_texts.index("&Quit")


# ----- print ------------------------------------------------------------------------------------
def test_print_sends_every_chart_page(
    qtbot: QtBot, window: MainWindow, exporting: Exporting, tmp_path: Path
) -> None:
    window.settings.setValue("export/fit", "tile")
    out = tmp_path / "printed.pdf"

    def to_pdf(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    exporting.ask_printer = to_pdf
    printed = exporting.print_chart()

    assert window.document is not None and window.scene is not None
    _, result = build_pdf(
        window.document.chart,
        window.scene.layout,
        window.theme,
        ExportOptions(fit="tile", directory=False),
    )
    assert printed == result.columns * result.rows > 1
    reader = PdfReader(out)
    assert len(reader.pages) == printed
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape, as the export options say
    assert "Printed" in window.statusBar().currentMessage()


def test_cancelled_print_prints_nothing(exporting: Exporting) -> None:
    exporting.ask_printer = lambda printer: False
    assert exporting.print_chart() == 0


# ----- copy as image ----------------------------------------------------------------------------
def test_copy_chart_as_image_offers_png_and_svg(window: MainWindow, exporting: Exporting) -> None:
    assert exporting.copy_image()
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasImage()
    assert window.document is not None and window.scene is not None
    sheet = plan_sheet(
        window.document.chart, window.scene.layout, get_theme(window.theme.name), ExportOptions()
    )
    image = QImage.fromData(bytes(data.data("image/png").data()), "PNG")  # type: ignore[call-overload]
    assert (image.width(), image.height()) == (round(sheet.width * 2), round(sheet.height * 2))
    root = ET.fromstring(bytes(data.data("image/svg+xml").data()))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Copied the chart" in window.statusBar().currentMessage()


def test_an_automatic_overview_page_is_explained(window: MainWindow, exporting: Exporting) -> None:
    """A chart too big to tile legibly goes on one overview page by itself ("auto"): the note
    says why and where the legible text is, rather than blaming a choice the user never made."""
    assert window.document is not None and window.scene is not None
    options = ExportOptions()
    pages = build_chart_pages(window.document.chart, window.scene.layout, window.theme, options)
    # The plan a national chart gets (pdf_plan's own tests make one from a real layout).
    plan = replace(
        pages.plan, tiles=pages.plan.tiles[:1], columns=1, rows=1, overview=True, smallest_text=2
    )
    overview = replace(pages, plan=plan)

    note = describe_pages(overview, options)
    assert f"Too big to tile legibly on {MAX_TILES} pages" in note
    assert "overview page" in note and "lists every body" in note
    assert "as chosen" not in note and "Choose Tile" not in note
    without = describe_pages(overview, replace(options, directory=False))
    assert "lists every body" not in without and "description follows" in without


def test_fit_choice_tells_of_the_overview_page(qtbot: QtBot, exporting: Exporting) -> None:
    dialog = open_dialog(qtbot, exporting)
    index = dialog.fit_combo.findData("auto")
    assert "overview" in dialog.fit_combo.itemText(index)
    assert "overview page" in dialog.fit_combo.toolTip()
    assert f"{MAX_TILES} pages" in dialog.fit_combo.toolTip()
