"""File > Print: the PDF's chart pages (painted by `print_support`) sent to a printer.

Kept apart from the painting so the Export preview, which paints the same pages, does not
load Qt's printing support.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QPointF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from exporters.options import ExportOptions
from icsviewer.app.print_support import ChartPages, paint_page

# Our paper names as Qt page sizes, so the print dialog opens on the paper the user chose.
QT_PAPER = {
    "A4": QPageSize.PageSizeId.A4,
    "A3": QPageSize.PageSizeId.A3,
    "A2": QPageSize.PageSizeId.A2,
    "A1": QPageSize.PageSizeId.A1,
    "A0": QPageSize.PageSizeId.A0,
    "Letter": QPageSize.PageSizeId.Letter,
    "Legal": QPageSize.PageSizeId.Legal,
}


def make_printer(pages: ChartPages, options: ExportOptions) -> QPrinter:
    """A QPrinter preset to the chosen paper and the plan's orientation, no margins of its own.

    The pages carry their own half-inch margin (inside any office printer's unprintable edge),
    so the printer paints on the full sheet.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    portrait = pages.plan.orientation == "portrait"
    layout = QPageLayout(
        QPageSize(QT_PAPER.get(options.paper, QPageSize.PageSizeId.A4)),
        QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape,
        QMarginsF(0, 0, 0, 0),
    )
    printer.setPageLayout(layout)
    printer.setFullPage(True)
    printer.setDocName(pages.title)
    return printer


def print_pages(printer: QPrinter, pages: ChartPages) -> int:
    """Print every chart page, each scaled to fit the printer's sheet; returns pages printed.

    If the user picked other paper in the print dialog, the planned page is scaled to fit it
    (centred) rather than re-planned, so it still matches the preview. Raises OSError if the
    printer cannot be started.
    """
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        sheet = printer.pageLayout().fullRectPoints()
        plan = pages.plan
        # Device pixels per point, then the planned page fitted inside the printer's sheet.
        dpp = printer.resolution() / 72.0
        fit = min(sheet.width() / plan.page_width, sheet.height() / plan.page_height)
        offset = QPointF(
            (sheet.width() - plan.page_width * fit) / 2,
            (sheet.height() - plan.page_height * fit) / 2,
        )
        for index in range(pages.count):
            if index:
                printer.newPage()
            painter.save()
            painter.scale(dpp, dpp)
            painter.translate(offset)
            painter.scale(fit, fit)
            paint_page(painter, pages, index, page_total=pages.count)
            painter.restore()
    finally:
        painter.end()
    return pages.count
