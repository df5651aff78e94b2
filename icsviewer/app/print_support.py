"""The PDF's chart pages painted with QPainter: for File > Print (`printing`) and the preview.

The board-pack PDF is built by reportlab (`exporters.pdf`), which Qt cannot draw. The printer
and the preview need the same pages, so this module paints them again from the same inputs:
the exporter's page plan (`exporters.pdf_plan.plan_pages`, the same legend measure the PDF
uses), the same header, footer, marking and tile marks at the same positions, and the chart
itself drawn by rendering our own SVG (`exporters.svg.render_svg`) through QSvgRenderer, cut
to each page's tile. So what is previewed or printed shows exactly the chart pages the PDF has.

Coordinates: one unit is one point, origin at the page's top-left, y down (the plan's
rectangles are PDF-style, y up, and are turned over here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer

from exporters.options import ExportOptions
from exporters.pdf_furniture import CROP_GAP, CROP_MARK, FOOTER_SIZE, MARKING_SIZE
from exporters.pdf_plan import MARGIN, OVERLAP, PagePlan, Rect, Tile, plan_pages
from exporters.pdf_setup import MUTED, RULE, TEXT
from exporters.png import PNG_FONT_STACK
from exporters.safe_text import one_line
from exporters.shapes import (
    LEGEND_FONT,
    LEGEND_SWATCH_H,
    LEGEND_SWATCH_W,
    LEGEND_TITLE,
    LEGEND_TITLE_FONT,
    LegendLayout,
    arrowhead,
    layout_legend,
)
from exporters.svg import Sheet, plan_sheet, render_svg
from exporters.wording import footer_facts
from icsviewer.canvas.fonts import chart_font
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.model.kinds import relation_kind
from icsviewer.style.legend import build_legend
from icsviewer.style.theme import Theme

# Draws the part `source` of the chart (chart coordinates) into `target` (page points).
ChartDrawer = Callable[[QPainter, QRectF, QRectF], None]


def qcolour(value: object) -> QColor:
    """A reportlab Color or a '#RRGGBB' string as a QColor."""
    if isinstance(value, str):
        return QColor(value)
    red, green, blue = (float(getattr(value, c)) for c in ("red", "green", "blue"))
    return QColor.fromRgbF(red, green, blue)


@dataclass
class ChartPages:
    """Everything needed to paint the chart pages of one export: plan, texts, chart drawing."""

    plan: PagePlan
    legend: LegendLayout
    theme: Theme
    title: str
    subtitle: str
    organisation: str
    footer: str
    marking: str
    sheet: Sheet
    renderer: QSvgRenderer
    # The chart's own extent (chart coordinates): a tile shows nothing of the sheet beyond it.
    chart_bounds: QRectF
    # The smallest text if the chart were fitted to one page (for "would be 5.2 pt").
    one_page_text: float

    @property
    def count(self) -> int:
        return len(self.plan.tiles)

    def chart_source(self, tile: Tile) -> QRectF:
        """The part of the chart (chart coordinates) that `tile` shows."""
        area = self.plan.chart_area
        return QRectF(
            tile.chart_x, tile.chart_y, area.width / self.plan.scale, area.height / self.plan.scale
        )

    def draw_vector(self, painter: QPainter, target: QRectF, source: QRectF) -> None:
        """The chart part as vectors: our SVG, its viewBox moved onto the tile (for print)."""
        self.renderer.setViewBox(source.translated(self.sheet.chart_x, self.sheet.chart_y))
        self.renderer.render(painter, target)


def build_chart_pages(
    chart: Chart, layout: Layout, theme: Theme, options: ExportOptions
) -> ChartPages:
    """Plan the chart pages exactly as `exporters.pdf.build_pdf` does and prepare to paint them.

    Raises ValueError if the chart's SVG cannot be rendered.
    """
    legend = build_legend(chart, theme)

    def legend_size(width: float) -> tuple[float, float]:
        measured = layout_legend(legend, width)
        return measured.width, measured.height

    plan = plan_pages(layout, options, legend_size)
    one_page = plan_pages(layout, replace(options, fit="one-page"), legend_size)
    # QtSvg takes one font family literally: name the bundled font, as the PNG exporter does.
    svg = render_svg(chart, layout, theme, options, PNG_FONT_STACK)
    # QtSvg clips an arrowhead to its marker box by *replacing* the painter's clip, so on a
    # tile the arrowheads would escape the chart area; visible overflow keeps our clip.
    svg = svg.replace("<marker ", '<marker overflow="visible" ')
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("the chart could not be drawn (its SVG did not render)")
    meta = chart.meta
    return ChartPages(
        plan=plan,
        legend=layout_legend(legend, plan.legend_area.width),
        theme=theme,
        title=one_line(options.title or meta.title)[:300] or "Untitled chart",
        subtitle=one_line(meta.subtitle)[:300],
        organisation=one_line(meta.organisation)[:300],
        footer=" · ".join(one_line(f)[:200] for f in footer_facts(meta, options.source_name)),
        marking=one_line(options.marking or meta.marking)[:100],
        sheet=plan_sheet(chart, layout, theme, options),
        renderer=renderer,
        # A little slack for strokes on the edge; the sheet's title block is further away.
        chart_bounds=QRectF(0, 0, layout.width, layout.height).adjusted(-6, -6, 6, 6),
        one_page_text=one_page.smallest_text,
    )


def sheet_renderer(
    chart: Chart, layout: Layout, theme: Theme, options: ExportOptions
) -> tuple[QSvgRenderer, float, float]:
    """The whole SVG/PNG sheet as a renderer, with its width and height in points."""
    sheet = plan_sheet(chart, layout, theme, options)
    svg = render_svg(chart, layout, theme, options, PNG_FONT_STACK)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("the chart could not be drawn (its SVG did not render)")
    return renderer, sheet.width, sheet.height


# ----- painting one page ----------------------------------------------------------------------
def _down(rect: Rect, page_height: float) -> QRectF:
    """A plan rectangle (PDF space, y up) in page points with y down."""
    return QRectF(rect.x, page_height - rect.top, rect.width, rect.height)


class _Pen:
    """Text in the bundled font at sizes in points, whatever the device's resolution."""

    def __init__(self, painter: QPainter) -> None:
        self.painter = painter
        device = painter.device()
        self.dpi = float(device.logicalDpiY()) if device is not None else 72.0

    def metrics(self, size: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
        font = chart_font(size, bold, self.dpi)
        return font, QFontMetricsF(font, self.painter.device())

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return self.metrics(size, bold)[1].horizontalAdvance(text) if text else 0.0

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        size: float,
        colour: QColor,
        *,
        bold: bool = False,
        fit: float | None = None,
        align: str = "left",
    ) -> None:
        """One line at a baseline, cut with an ellipsis to `fit` wide (as fit_text does)."""
        if not text:
            return
        font, metrics = self.metrics(size, bold)
        if fit is not None:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, fit)
        width = metrics.horizontalAdvance(text)
        left = {"left": x, "right": x - width, "centre": x - width / 2}[align]
        self.painter.setFont(font)
        self.painter.setPen(colour)
        self.painter.drawText(QPointF(left, baseline), text)


def paint_page(
    painter: QPainter,
    pages: ChartPages,
    index: int,
    draw_chart: ChartDrawer | None = None,
    page_total: int | None = None,
) -> None:
    """Paint chart page `index` (0-based) in page points; `draw_chart` defaults to vectors.

    `page_total`: print "Page X of Y" in the footer as the PDF does (None leaves it out).
    """
    plan, tile = pages.plan, pages.plan.tiles[index]
    width, height = plan.page_width, plan.page_height
    right = width - MARGIN
    accent = qcolour(pages.theme.frame_style("system").text)
    text, muted, rule = qcolour(TEXT), qcolour(MUTED), qcolour(RULE)
    pen = _Pen(painter)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, width, height), Qt.GlobalColor.white)

    # Header: as exporters.pdf_furniture.draw_chart_header.
    label = plan.tile_label(tile) if plan.tiled else ""
    side = label or pages.organisation
    widest = max(pen.width(side, 10, bool(label)), pen.width(pages.organisation, 9) if label else 0)
    side_w = min(widest, (width - 2 * MARGIN) * 0.4)
    title_w = width - 2 * MARGIN - side_w - 16
    pen.text(MARGIN, MARGIN + 18, pages.title, 16, accent, bold=True, fit=title_w)
    pen.text(MARGIN, MARGIN + 33, pages.subtitle, 10, text, fit=title_w)
    side_colour = accent if label else muted
    pen.text(right, MARGIN + 18, side, 10, side_colour, bold=bool(label), fit=side_w, align="right")
    if label:
        pen.text(right, MARGIN + 33, pages.organisation, 9, muted, fit=side_w, align="right")
    painter.setPen(QPen(accent, 1))
    painter.drawLine(QPointF(MARGIN, MARGIN + 42), QPointF(right, MARGIN + 42))

    # The chart, cut to this page's tile and to the chart itself (not the SVG's title block).
    target = _down(plan.chart_area, height)
    source = pages.chart_source(tile)
    bounds, scale = pages.chart_bounds, plan.scale
    drawn = QRectF(
        target.x() + (bounds.x() - source.x()) * scale,
        target.y() + (bounds.y() - source.y()) * scale,
        bounds.width() * scale,
        bounds.height() * scale,
    )
    painter.save()
    painter.setClipRect(target.intersected(drawn))
    (draw_chart or pages.draw_vector)(painter, target, source)
    painter.restore()

    _paint_legend(painter, pen, pages, _down(pages.plan.legend_area, height).topLeft())
    if plan.tiled:
        _paint_tile_marks(painter, pen, plan, tile, target)

    # Footer and marking: as draw_footer, the numbered canvas and draw_marking.
    painter.setPen(QPen(rule, 0.5))
    painter.drawLine(QPointF(MARGIN, height - MARGIN - 20), QPointF(right, height - MARGIN - 20))
    pen.text(MARGIN, height - MARGIN - 8, pages.footer, FOOTER_SIZE, muted, fit=width * 0.7)
    if page_total is not None:
        number = f"Page {index + 1} of {page_total}"
        pen.text(right, height - MARGIN - 8, number, FOOTER_SIZE, muted, align="right")
    if pages.marking:
        for baseline in (MARGIN / 2 + MARKING_SIZE / 2, height - MARGIN / 2 + MARKING_SIZE / 3):
            pen.text(width / 2, baseline, pages.marking, MARKING_SIZE, text, bold=True,
                     fit=width - 2 * MARGIN, align="centre")  # fmt: skip
    painter.restore()


def _dashed(colour: str, width: float, dash: tuple[float, ...] | None) -> QPen:
    pen = QPen(QColor(colour), width)
    if dash:
        # Qt dash lengths are in pen widths; the theme's are in points.
        pen.setDashPattern([d / max(width, 0.1) for d in dash])
    return pen


def _paint_legend(painter: QPainter, pen: _Pen, pages: ChartPages, origin: QPointF) -> None:
    """The legend at its own size, top-left at `origin` (as exporters.pdf_chart.draw_legend)."""
    legend, theme = pages.legend, pages.theme
    if not legend.items:
        return
    left, top = origin.x(), origin.y()
    text = qcolour(TEXT)
    pen.text(left, top + legend.title_baseline, LEGEND_TITLE, LEGEND_TITLE_FONT, text, bold=True)
    for item in legend.items:
        x0, y0 = left + item.x, top + item.y
        if item.is_body:
            style = theme.body_style(item.kind)
            painter.setPen(_dashed(style.stroke, min(style.stroke_width, 1.5), style.dash))
            painter.setBrush(QColor(style.fill))
            painter.drawRoundedRect(QRectF(x0, y0, LEGEND_SWATCH_W, LEGEND_SWATCH_H), 2, 2)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            rstyle = theme.relation_style(item.kind)
            mid = y0 + LEGEND_SWATCH_H / 2
            painter.setPen(_dashed(rstyle.colour, rstyle.width, rstyle.dash))
            painter.drawLine(QPointF(x0, mid), QPointF(x0 + LEGEND_SWATCH_W, mid))
            if rstyle.arrow and relation_kind(item.kind).directed:
                tip = (x0 + LEGEND_SWATCH_W, mid)
                a, b, c = arrowhead((tip[0] - 10.0, mid), tip)
                path = QPainterPath(QPointF(*a))
                path.lineTo(QPointF(*b))
                path.lineTo(QPointF(*c))
                path.closeSubpath()
                painter.fillPath(path, QColor(rstyle.colour))
        pen.text(left + item.text_x, top + item.text_baseline, item.label, LEGEND_FONT, text)


def _paint_tile_marks(
    painter: QPainter, pen: _Pen, plan: PagePlan, tile: Tile, area: QRectF
) -> None:
    """Crop marks, overlap guides and "Continues right on tile B1" (as draw_tile_marks)."""
    painter.setPen(QPen(qcolour(TEXT), 0.4))
    near, far = CROP_GAP, CROP_GAP + CROP_MARK
    for x, dx in ((area.left(), -1), (area.right(), 1)):
        for y, dy in ((area.bottom(), 1), (area.top(), -1)):
            painter.drawLine(QPointF(x + dx * near, y), QPointF(x + dx * far, y))
            painter.drawLine(QPointF(x, y + dy * near), QPointF(x, y + dy * far))
    painter.setPen(QPen(qcolour(RULE), 0.4, Qt.PenStyle.DashLine))
    if tile.column > 0:
        x = area.left() + OVERLAP
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
    if tile.row > 0:
        y = area.top() + OVERLAP
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
    muted, below = qcolour(MUTED), area.bottom() + 9
    if tile.column + 1 < plan.columns:
        name = Tile(tile.column + 1, tile.row, 0, 0).name
        pen.text(area.right(), below, f"Continues right on tile {name}", 7, muted, align="right")
    if tile.row + 1 < plan.rows:
        name = Tile(tile.column, tile.row + 1, 0, 0).name
        pen.text(area.left(), below, f"Continues below on tile {name}", 7, muted)
