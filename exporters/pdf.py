"""The board-pack PDF: chart page(s), a plain-English description, and a directory of bodies.

    export_pdf(chart, layout, theme, path, options) -> PdfResult

Page order: the chart (one page, or tiles with assembly marks when one page would print text
under 7 pt), then "How this system is organised", then the directory in reading order. Every
page has the header, the footer ("Page X of Y") and the protective marking. Boxes link to their
directory entries and entries link back; the outline has the chart, the description, each
directory section and each body. Metadata (title, author, subject, keywords, creator,
language en-GB) is set, and output is byte-for-byte repeatable (reportlab's invariant mode).

The chart pages are drawn by `pdf_chart`; the text pages are laid out in full first
(`pdf_text_pages`, so the page count is known) and drawn at canvas level (`pdf_text_draw`).
Nothing in the chart is ever evaluated or fetched: see `pdf_setup.harden_reportlab` and
`safe_text`.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from exporters.atomic import write_bytes_atomic
from exporters.options import MIN_LEGIBLE_PT, ExportOptions
from exporters.pdf_chart import ChartPainter
from exporters.pdf_directory import body_keys, chart_keys, description_items, directory_items
from exporters.pdf_furniture import (
    Furniture,
    draw_chart_header,
    draw_footer,
    draw_marking,
    draw_page_number,
    draw_tile_marks,
)
from exporters.pdf_legend import draw_legend
from exporters.pdf_links import Links
from exporters.pdf_ops import TextEncoder
from exporters.pdf_plan import MARGIN, MAX_TILES, PagePlan, Tile, plan_pages
from exporters.pdf_setup import colour, font_names, harden_reportlab, italic_font
from exporters.pdf_text_draw import draw_text_page
from exporters.pdf_text_furniture import TextPageFurniture
from exporters.pdf_text_pages import Column, Paginator, TextPage
from exporters.pdf_text_styles import Fonts, make_styles
from exporters.pdf_textflow import Item, Measure, PageBreak
from exporters.safe_text import one_line
from exporters.shapes import LegendLayout, layout_legend
from exporters.wording import footer_facts
from icsviewer.gc_pause import paused_gc
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.style.legend import build_legend
from icsviewer.style.theme import Theme

CREATOR = "ICS Viewer"
LANGUAGE = "en-GB"
# A text column about this wide reads comfortably at 9.5 pt; wide paper gets more columns.
COLUMN_WIDTH = 380.0
COLUMN_GAP = 24.0
TEXT_TOP = 28.0  # room for the running header on text pages


@dataclass(frozen=True)
class PdfResult:
    """What was written, for the CLI's one-line report and the Export dialog."""

    path: Path | None
    pages: int
    paper: str
    orientation: str
    tiled: bool
    columns: int
    rows: int
    smallest_text: float
    # On one overview page because legible tiles would take too many pages (pdf_plan).
    overview: bool = False

    def summary(self) -> str:
        """'Wrote pack.pdf: 12 pages, A3 landscape, chart on one page (smallest text 8.1 pt).'"""
        if self.tiled:
            how = f"chart tiled over {self.columns}×{self.rows} pages"
        elif self.overview:
            how = (
                f"chart on one overview page, as legible tiles would take over {MAX_TILES} "
                "pages: zoom in on screen, or choose larger paper or --fit tile"
            )
        else:
            how = "chart on one page"
        where = self.path.name if self.path else "PDF"
        size = f"smallest text {self.smallest_text:.1f} pt"
        if self.smallest_text < MIN_LEGIBLE_PT - 0.05:
            # Forced onto one page (or too big to tile legibly): say it will be hard to read.
            size += f", under {MIN_LEGIBLE_PT:g} pt: hard to read in print"
        return (
            f"Wrote {where}: {self.pages} pages, {self.paper} {self.orientation}, {how} ({size})."
        )


@dataclass(frozen=True)
class _ChartPages:
    """What every chart page draws with, worked out once per export."""

    painter: ChartPainter
    plan: PagePlan
    furniture: Furniture
    legend: LegendLayout
    theme: Theme
    # Per tile, (destination name, body id) of the boxes whose "View on chart" lands there.
    anchors: dict[Tile, list[tuple[str, str]]]
    linked: bool

    def draw(self, canv: Canvas, tile: Tile, encoder: TextEncoder, links: Links) -> None:
        """One chart page: header, the tile of the chart, legend, tile marks, outline entries."""
        plan, furniture = self.plan, self.furniture
        label = plan.tile_label(tile) if plan.tiled else ""
        draw_footer(canv, furniture, plan.page_width)
        draw_marking(canv, furniture, plan.page_width, plan.page_height)
        draw_chart_header(canv, furniture, plan.page_width, plan.page_height, label)
        self.painter.draw(canv, tile, encoder, links)
        draw_legend(canv, self.legend, plan.legend_area, self.theme, furniture.fonts)
        if plan.tiled:
            draw_tile_marks(canv, plan, tile, furniture.fonts[0])
        key = f"tile-{tile.name}"
        canv.bookmarkPage(key)
        if tile == plan.tiles[0]:
            canv.bookmarkPage("chart")
            links.outline.add("Chart", "chart", 0)
            canv.showOutline()
        if plan.tiled:
            links.outline.add(plan.tile_label(tile), key, 1)
        if self.linked:
            for name, body_id in self.anchors.get(tile, []):
                box = self.painter.layout.boxes[body_id]
                left, top = self.painter.box_top(box, tile)
                links.place(name, max(left - 24, 0), top + 24)


def _owners(layout: Layout, plan: PagePlan) -> dict[str, Tile]:
    """The tile each box's centre falls on first (its "View on chart" destination)."""
    view_w = plan.chart_area.width / plan.scale
    view_h = plan.chart_area.height / plan.scale
    owners: dict[str, Tile] = {}
    for box in layout.boxes.values():
        cx, cy = box.center
        for tile in plan.tiles:
            if (
                tile.chart_x <= cx <= tile.chart_x + view_w
                and tile.chart_y <= cy <= tile.chart_y + view_h
            ):
                owners[box.body_id] = tile
                break
        else:
            owners[box.body_id] = plan.tiles[0]
    return owners


def _anchors(chart: Chart, owners: dict[str, Tile]) -> dict[Tile, list[tuple[str, str]]]:
    """Per tile, the (destination, body id) of each box it owns, worked out once per export."""
    keys = chart_keys(chart)
    out: dict[Tile, list[tuple[str, str]]] = {}
    for body_id, owner in owners.items():
        if body_id in keys:
            out.setdefault(owner, []).append((keys[body_id], body_id))
    return out


def _legend_size(legend: LegendLayout) -> tuple[float, float]:
    return legend.width, legend.height


def _furniture(
    chart: Chart, options: ExportOptions, fonts: tuple[str, str], theme: Theme
) -> Furniture:
    meta = chart.meta
    return Furniture(
        title=one_line(options.title or meta.title)[:300] or "Untitled chart",
        subtitle=one_line(meta.subtitle)[:300],
        organisation=one_line(meta.organisation)[:300],
        footer=" · ".join(one_line(f)[:200] for f in footer_facts(meta, options.source_name)),
        marking=one_line(options.marking or meta.marking)[:100],
        fonts=fonts,
        # The colour the theme gives system-level group names: on-brand, and grey in print.
        accent=colour(theme.frame_style("system").text),
    )


def _canvas(buffer: BytesIO, chart: Chart, page: tuple[float, float], f: Furniture) -> Canvas:
    """A canvas with the document's metadata; output is byte-for-byte repeatable."""
    # Start in the bundled font, or reportlab lists a non-embedded Helvetica.
    canv = Canvas(
        buffer,
        pagesize=page,
        invariant=1,
        pageCompression=1,
        initialFontName=f.fonts[0],
        lang=LANGUAGE,
    )
    canv.setTitle(f.title)
    canv.setAuthor(one_line(", ".join(chart.meta.authors))[:300] or f.organisation)
    canv.setSubject(f.subtitle or "Integrated care system structure")
    canv.setKeywords(
        ", ".join(
            k for k in ("NHS", "integrated care system", "organisation chart", f.organisation) if k
        )
    )
    canv.setCreator(CREATOR)
    return canv


def _text_pages(items: list[Item], page: tuple[float, float]) -> list[TextPage]:
    """The description and directory laid out in columns, page by page."""
    return Paginator(_text_columns(page), Measure()).add(items)


def build_pdf(
    chart: Chart, layout: Layout, theme: Theme, options: ExportOptions | None = None
) -> tuple[bytes, PdfResult]:
    """The PDF as bytes, with what was built (no file is written)."""
    # A national pack makes hundreds of thousands of short-lived objects (lines, fragments,
    # operator strings, reportlab's PDF objects), and each batch of them let the cyclic
    # collector walk the whole heap: about a quarter of the export at 2,500 bodies, with
    # nothing to collect. Reference counting still frees them as usual.
    with paused_gc():
        return _build_pdf(chart, layout, theme, options or ExportOptions())


def _build_pdf(
    chart: Chart, layout: Layout, theme: Theme, options: ExportOptions
) -> tuple[bytes, PdfResult]:
    harden_reportlab()
    fonts = font_names()
    legend = build_legend(chart, theme)
    plan = plan_pages(layout, options, lambda width: _legend_size(layout_legend(legend, width)))
    furniture = _furniture(chart, options, fonts, theme)
    linked = options.directory
    owners = _owners(layout, plan)
    chart_pages = _ChartPages(
        ChartPainter(chart, layout, theme, fonts, plan, body_keys(chart) if linked else None),
        plan,
        furniture,
        layout_legend(legend, plan.legend_area.width),
        theme,
        _anchors(chart, owners),
        linked,
    )
    text_fonts = Fonts(fonts[0], fonts[1], italic_font(fonts[0]))
    styles = make_styles(text_fonts, furniture.accent)
    items = description_items(chart, styles)
    if options.directory:
        items.append(PageBreak())
        items += directory_items(chart, styles, text_fonts, set(owners))
    page = (plan.page_width, plan.page_height)
    text_pages = _text_pages(items, page)
    total = len(plan.tiles) + len(text_pages)

    buffer = BytesIO()
    canv = _canvas(buffer, chart, page, furniture)
    encoder, links = TextEncoder(canv), Links(canv)
    number = 0
    for tile in plan.tiles:
        number += 1
        chart_pages.draw(canv, tile, encoder, links)
        draw_page_number(canv, furniture, plan.page_width, number, total)
        canv.showPage()
    text_furniture = TextPageFurniture(canv, furniture, page, encoder)
    for text_page in text_pages:
        number += 1
        text_furniture.draw(canv)
        draw_text_page(canv, text_page, encoder, links)
        text_furniture.draw_number(canv, number, total)
        canv.showPage()
    canv.save()
    result = PdfResult(
        None,
        total,
        options.paper,
        plan.orientation,
        plan.tiled,
        plan.columns,
        plan.rows,
        plan.smallest_text,
        plan.overview,
    )
    return buffer.getvalue(), result


def _text_columns(page: tuple[float, float]) -> list[Column]:
    width, height = page
    usable = width - 2 * MARGIN
    columns = max(1, round((usable + COLUMN_GAP) / (COLUMN_WIDTH + COLUMN_GAP)))
    col_w = (usable - (columns - 1) * COLUMN_GAP) / columns
    bottom = MARGIN + 26  # above the footer rule
    top = height - MARGIN - TEXT_TOP
    return [Column(MARGIN + i * (col_w + COLUMN_GAP), col_w, top, bottom) for i in range(columns)]


def export_pdf(
    chart: Chart,
    layout: Layout,
    theme: Theme,
    path: str | Path,
    options: ExportOptions | None = None,
) -> PdfResult:
    """Build the PDF and write it atomically to `path`."""
    data, result = build_pdf(chart, layout, theme, options)
    written = write_bytes_atomic(Path(path), data)
    return PdfResult(
        written,
        result.pages,
        result.paper,
        result.orientation,
        result.tiled,
        result.columns,
        result.rows,
        result.smallest_text,
        result.overview,
    )
