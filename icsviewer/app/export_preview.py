"""The Export dialog's live preview: the PDF's chart pages, or the SVG/PNG sheet, in miniature.

For a PDF the pages are painted by `print_support.paint_page` from the exporter's own page plan,
so the preview shows exactly the chart pages the PDF will have (tiles laid out as they are
assembled). To keep it quick on a big chart, the chart is rendered once as an image at the
preview's size and each page shows its part of it. For SVG and PNG the whole sheet is drawn.

`describe_pages` and `describe_sheet` are the sentences shown under the preview; `FIT_TEXT` and
`FIT_TIP` name and explain the fit choices in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from exporters.options import MAX_PNG_PIXELS, MAX_PNG_SIDE, MIN_LEGIBLE_PT, ExportOptions
from exporters.pdf_plan import MAX_TILES
from exporters.svg import MM_PER_PT
from icsviewer.app.print_support import ChartPages, paint_page

FIT_TEXT = {
    "auto": "One page if legible, else tiles or an overview",
    "one-page": "Always one page",
    "tile": "Tiles at full size",
}
FIT_TIP = (
    f"One page when its text prints at {MIN_LEGIBLE_PT:g} pt or more, else tiles to trim and "
    f"join; a chart too big to tile legibly on {MAX_TILES} pages goes on one overview page "
    "(zoom in on screen), and the directory lists every body. Always one page: however small "
    f"the text. Tiles at full size: text as on screen, on up to {MAX_TILES} pages."
)

PADDING = 18.0  # around the pages, in widget pixels
GAP = 10.0  # between pages
# The chart image behind the page thumbnails is at most this many pixels on its longer side.
MAX_CHART_IMAGE = 4096
BACKDROP = QColor("#5F6B73")  # a neutral grey desk the white pages lie on


@dataclass
class SheetPreview:
    """The SVG/PNG sheet: one renderer for the whole document, and its size in points."""

    renderer: QSvgRenderer
    width: float
    height: float
    transparent: bool


def describe_pages(pages: ChartPages, options: ExportOptions) -> str:
    """What the PDF's chart pages will be, in a sentence or two, for under the preview."""
    plan = pages.plan
    paper = f"{options.paper} {plan.orientation}"
    if plan.tiled:
        count = len(plan.tiles)
        text = f"Tiled over {count} {paper} pages ({plan.columns}×{plan.rows})"
        if options.fit == "tile":
            text += f", as chosen: smallest text {plan.smallest_text:.1f} pt."
        else:
            text += (
                f": on one page the text would be {pages.one_page_text:.1f} pt, under the "
                f"{MIN_LEGIBLE_PT:g} pt a printed page needs."
            )
    elif plan.overview:
        # Chosen by "auto", not by the user: say why, and where the legible text is.
        text = (
            f"Too big to tile legibly on {MAX_TILES} pages: the whole chart on one {paper} "
            f"overview page (smallest text {plan.smallest_text:.1f} pt; zoom in on screen)."
        )
        if options.directory:
            return text + " The description follows, then a directory that lists every body."
    elif plan.smallest_text < MIN_LEGIBLE_PT - 0.05:
        text = (
            f"On one {paper} page, as chosen: the smallest text is {plan.smallest_text:.1f} pt, "
            "hard to read when printed. Choose Tile for legible text."
        )
    else:
        text = f"Fits on one {paper} page; smallest text {plan.smallest_text:.1f} pt."
    if options.directory:
        return text + " The description and the directory of bodies follow."
    return text + " The plain-English description follows."


def describe_sheet(sheet: SheetPreview, options: ExportOptions, fmt: str) -> str:
    """The SVG's printed size, or the PNG's pixels, for under the preview."""
    if fmt == "png":
        scale = options.png_scale
        width, height = round(sheet.width * scale), round(sheet.height * scale)
        background = "transparent" if options.transparent else "white"
        text = f"{width} × {height} pixels at {scale * 72:g} dpi, {background} background."
        if max(width, height) > MAX_PNG_SIDE or width * height > MAX_PNG_PIXELS:
            text += " Too large to make: choose a smaller size, or export SVG or PDF."
        return text
    width_mm, height_mm = sheet.width * MM_PER_PT, sheet.height * MM_PER_PT
    return (
        f"One sheet, {width_mm:.0f} × {height_mm:.0f} mm at full size: chart, title and key, "
        "with text as real text for design tools."
    )


class PreviewWidget(QWidget):
    """Draws the pages (or the sheet) scaled to fit; `page_count` is what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_preview")
        self.setAccessibleName("Export preview")
        self.setMinimumSize(QSize(360, 300))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._pages: ChartPages | None = None
        self._sheet: SheetPreview | None = None
        self._message = ""
        self._images: list[tuple[QRectF, QImage]] = []
        self._cached_for = QSize()

    # ----- what to show ---------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        """Pages shown: the chart pages of a PDF, 1 for a sheet, 0 for a message."""
        if self._pages is not None:
            return self._pages.count
        return 1 if self._sheet is not None else 0

    def show_pages(self, pages: ChartPages) -> None:
        self._pages, self._sheet, self._message = pages, None, ""
        self._invalidate()

    def show_sheet(self, sheet: SheetPreview) -> None:
        self._pages, self._sheet, self._message = None, sheet, ""
        self._invalidate()

    def show_message(self, message: str) -> None:
        self._pages, self._sheet, self._message = None, None, message
        self._invalidate()

    def _invalidate(self) -> None:
        self._images = []
        self._cached_for = QSize()
        self.update()

    # ----- drawing ----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._invalidate()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)
        if self._cached_for != self.size():
            self._images = self._render()
            self._cached_for = self.size()
        for rect, image in self._images:
            # A soft shadow under each page, as a page lying on a desk.
            painter.fillRect(rect.translated(2, 3), QColor(0, 0, 0, 70))
            painter.drawImage(rect, image)
        if self._message:
            painter.setPen(QColor("white"))
            painter.drawText(
                self.rect().adjusted(24, 24, -24, -24),
                int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                self._message,
            )
        painter.end()

    def _render(self) -> list[tuple[QRectF, QImage]]:
        if self._pages is not None:
            return self._render_pages(self._pages)
        if self._sheet is not None:
            return [self._render_sheet(self._sheet)]
        return []

    def _fit(self, width: float, height: float) -> tuple[float, QPointF]:
        """Scale (pixels per point) and top-left that centre a width×height block."""
        room = QSizeF(self.width() - 2 * PADDING, self.height() - 2 * PADDING)
        zoom = max(min(room.width() / width, room.height() / height), 0.01)
        left = (self.width() - width * zoom) / 2
        top = (self.height() - height * zoom) / 2
        return zoom, QPointF(left, top)

    def _image(self, width: float, height: float) -> QImage:
        ratio = self.devicePixelRatioF()
        image = QImage(
            max(1, round(width * ratio)),
            max(1, round(height * ratio)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(ratio)
        return image

    def _render_pages(self, pages: ChartPages) -> list[tuple[QRectF, QImage]]:
        plan = pages.plan
        # Pages in their assembly grid; gaps are in widget pixels, so fit the rest.
        gap_w, gap_h = GAP * (plan.columns - 1), GAP * (plan.rows - 1)
        room_w = max(self.width() - 2 * PADDING - gap_w, 10.0)
        room_h = max(self.height() - 2 * PADDING - gap_h, 10.0)
        zoom = max(
            min(room_w / (plan.columns * plan.page_width), room_h / (plan.rows * plan.page_height)),
            0.01,
        )
        page_w, page_h = plan.page_width * zoom, plan.page_height * zoom
        left = (self.width() - (page_w * plan.columns + gap_w)) / 2
        top = (self.height() - (page_h * plan.rows + gap_h)) / 2
        drawer = _ChartImage(pages, zoom * self.devicePixelRatioF())
        out = []
        for index, tile in enumerate(plan.tiles):
            image = self._image(page_w, page_h)
            painter = QPainter(image)
            painter.scale(zoom, zoom)
            paint_page(painter, pages, index, drawer.draw)
            painter.end()
            x = left + tile.column * (page_w + GAP)
            y = top + tile.row * (page_h + GAP)
            out.append((QRectF(x, y, page_w, page_h), image))
        return out

    def _render_sheet(self, sheet: SheetPreview) -> tuple[QRectF, QImage]:
        zoom, origin = self._fit(sheet.width, sheet.height)
        width, height = sheet.width * zoom, sheet.height * zoom
        image = self._image(width, height)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        if sheet.transparent:
            _checkerboard(painter, QRectF(0, 0, width, height))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        sheet.renderer.render(painter, QRectF(0, 0, width, height))
        painter.setPen(QPen(QColor("#AEB7BD"), 0))
        painter.drawRect(QRectF(0, 0, width - 1, height - 1))
        painter.end()
        return QRectF(origin.x(), origin.y(), width, height), image


class _ChartImage:
    """The whole chart rendered once at the preview's scale; pages draw their part of it."""

    def __init__(self, pages: ChartPages, pixels_per_page_point: float) -> None:
        bounds = pages.chart_bounds
        # Chart units to image pixels: the page scale times the preview zoom, capped.
        self.scale = pages.plan.scale * pixels_per_page_point
        longest = max(bounds.width(), bounds.height()) * self.scale
        if longest > MAX_CHART_IMAGE:
            self.scale *= MAX_CHART_IMAGE / longest
        self.bounds = bounds
        self.image = QImage(
            max(1, round(bounds.width() * self.scale)),
            max(1, round(bounds.height() * self.scale)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        self.image.fill(Qt.GlobalColor.white)
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        target = QRectF(0, 0, self.image.width(), self.image.height())
        pages.draw_vector(painter, target, bounds)
        painter.end()

    def draw(self, painter: QPainter, target: QRectF, source: QRectF) -> None:
        """Draw chart part `source` (chart coordinates) into `target` from the image."""
        pixels = QRectF(
            (source.x() - self.bounds.x()) * self.scale,
            (source.y() - self.bounds.y()) * self.scale,
            source.width() * self.scale,
            source.height() * self.scale,
        )
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image, pixels)


def _checkerboard(painter: QPainter, rect: QRectF, cell: float = 8.0) -> None:
    """The usual light checks that say "transparent" behind a PNG."""
    painter.fillRect(rect, QColor("#FFFFFF"))
    brush = QBrush(QColor("#E4E7EA"))
    y = rect.top()
    row = 0
    while y < rect.bottom():
        x = rect.left() + (cell if row % 2 else 0.0)
        while x < rect.right():
            painter.fillRect(QRectF(x, y, cell, cell).intersected(rect), brush)
            x += 2 * cell
        y += cell
        row += 1
