"""Where the chart goes on paper: fit it to one page, or tile it when text would be too small.

Pure arithmetic, no drawing, so it is tested directly and the Export dialog can show "this will
print on 6 A4 pages" before anything is built. Units are points, y up as in PDF.

The rule (issue 5): fit the chart to one page unless that would make the smallest label text
smaller than 7 pt; then tile it over several pages at a legible scale, with an overlap so the
pages can be trimmed and joined. A chart so big that legible tiles would take more than
MAX_TILES pages (a national chart of thousands of bodies) goes on one overview page instead:
shrinking the tiles until they fit in MAX_TILES pages gave dozens of pages of 4 pt text, neither
legible in print nor a view of the whole; one vector page can be zoomed on screen, and the
directory that follows lists every body legibly. `fit` forces either (`tile` still gives up to
MAX_TILES pages). `orientation="auto"` picks the orientation that gives the larger chart on one
page, or the fewer tiles.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from exporters.options import MIN_LEGIBLE_PT, ExportOptions
from icsviewer.layout.geometry import Layout

MARGIN = 36.0  # half an inch all round: inside every office printer's unprintable border
HEADER_H = 52.0  # marking line, title, subtitle
FOOTER_H = 30.0  # footer line and marking
LEGEND_GAP = 20.0  # room for the tiles' "continues on" notes
SIDE_GAP = 30.0  # a legend beside the chart clears the tiles' crop marks (18 pt long)
OVERLAP = 10 * 72 / 25.4  # 10 mm of each tile repeated on its neighbour, for gluing
# Most pages a tiled chart may take; beyond this it is shrunk (below 7 pt if it must).
MAX_TILES = 64
# A small chart is enlarged at most this much, so a five-box chart does not print in 30 pt text.
MAX_UPSCALE = 1.5


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in PDF page space (x, y = bottom-left)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass(frozen=True)
class Tile:
    """One chart page: which part of the chart (chart coords, y down) it shows, and where."""

    column: int
    row: int
    # Top-left of the part of the chart shown, in chart coordinates.
    chart_x: float
    chart_y: float

    @property
    def name(self) -> str:
        """'B2': column letter, row number (as on a road map)."""
        return f"{column_letter(self.column)}{self.row + 1}"


@dataclass(frozen=True)
class PagePlan:
    """The chart pages: paper size, where the chart and legend go, the scale and the tiles."""

    page_width: float
    page_height: float
    orientation: str
    chart_area: Rect
    legend_area: Rect
    scale: float
    tiles: tuple[Tile, ...]
    columns: int
    rows: int
    smallest_text: float
    # One page because legible tiles would take more than MAX_TILES pages (fit "auto").
    overview: bool = False

    @property
    def tiled(self) -> bool:
        return len(self.tiles) > 1

    def tile_label(self, tile: Tile) -> str:
        """'Tile B2 of 3×2' (columns × rows)."""
        return f"Tile {tile.name} of {self.columns}×{self.rows}"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (spreadsheet style)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def smallest_font(layout: Layout) -> float:
    """The smallest label size the layout uses (10 pt if there are no boxes)."""
    return min((b.font_size for b in layout.boxes.values() if b.font_size > 0), default=10.0)


LegendSize = Callable[[float], tuple[float, float]]
# A legend beside the chart is one column of about this width.
SIDE_LEGEND_WIDTH = 200.0


def plan_pages(layout: Layout, options: ExportOptions, legend_size: LegendSize) -> PagePlan:
    """The plan for the chart pages; for orientation 'auto', the better of the two.

    `legend_size(max_width)` is the legend's (width, height) when it may be that wide (it
    wraps into more columns on wider paper).
    """
    if options.orientation != "auto":
        return _plan(layout, options, options.orientation, legend_size)
    land = _plan(layout, options, "landscape", legend_size)
    port = _plan(layout, options, "portrait", legend_size)
    if land.overview != port.overview:
        return port if land.overview else land  # legible tiles beat an overview
    if land.tiled != port.tiled:
        return port if land.tiled else land
    if land.tiled:
        return port if len(port.tiles) < len(land.tiles) else land
    return port if port.scale > land.scale * 1.02 else land


def _areas(page_w: float, page_h: float, legend_size: LegendSize) -> list[tuple[Rect, Rect]]:
    """Candidate (chart area, legend area) pairs: legend along the bottom, or down the right."""
    content_w = page_w - 2 * MARGIN
    top = page_h - MARGIN - HEADER_H
    bottom = MARGIN + FOOTER_H
    _, lh = legend_size(content_w)
    if lh <= 0:
        return [
            (Rect(MARGIN, bottom, content_w, max(top - bottom, 72.0)), Rect(MARGIN, bottom, 0, 0))
        ]
    band = lh + LEGEND_GAP
    candidates = [
        (
            Rect(MARGIN, bottom + band, content_w, max(top - bottom - band, 72.0)),
            Rect(MARGIN, bottom, content_w, lh),
        )
    ]
    sw, sh = legend_size(SIDE_LEGEND_WIDTH)
    if sh <= top - bottom - LEGEND_GAP and sw < content_w / 2:
        # Beside the chart: the legend's top lines up with the chart area's top.
        chart = Rect(
            MARGIN, bottom + LEGEND_GAP, content_w - sw - SIDE_GAP, top - bottom - LEGEND_GAP
        )
        candidates.append((chart, Rect(chart.right + SIDE_GAP, chart.top - sh, sw, sh)))
    return candidates


def _plan(
    layout: Layout, options: ExportOptions, orientation: str, legend_size: LegendSize
) -> PagePlan:
    page_w, page_h = options.page_size(orientation)
    chart_w, chart_h = max(layout.width, 1.0), max(layout.height, 1.0)

    def fit(pair: tuple[Rect, Rect]) -> float:
        return min(pair[0].width / chart_w, pair[0].height / chart_h, MAX_UPSCALE)

    # Wherever the legend lets the chart print larger.
    area, legend_area = max(_areas(page_w, page_h, legend_size), key=fit)
    font = smallest_font(layout)
    fit_scale = fit((area, legend_area))
    legible = fit_scale * font >= MIN_LEGIBLE_PT
    tile = Tile(
        0, 0, (chart_w - area.width / fit_scale) / 2, (chart_h - area.height / fit_scale) / 2
    )
    one_page = PagePlan(
        page_w, page_h, orientation, area, legend_area, fit_scale, (tile,), 1, 1, font * fit_scale
    )
    if options.fit == "one-page" or (options.fit == "auto" and legible):
        return one_page
    tiled = _tile(
        layout, area, legend_area, page_w, page_h, orientation, font, options.fit == "tile"
    )
    if options.fit == "auto" and tiled.smallest_text < MIN_LEGIBLE_PT - 0.05:
        # Not legible within MAX_TILES pages either: the whole chart on one overview page.
        return replace(one_page, overview=True)
    return tiled


def _tile(
    layout: Layout,
    area: Rect,
    legend_area: Rect,
    page_w: float,
    page_h: float,
    orientation: str,
    font: float,
    forced: bool,
) -> PagePlan:
    chart_w, chart_h = max(layout.width, 1.0), max(layout.height, 1.0)
    # Tiled at the scale that puts the smallest text at 7 pt (forced tiling: actual size), then
    # enlarged as far as the same number of pages allows, so no page is left half empty.
    scale = 1.0 if forced else MIN_LEGIBLE_PT / font
    step_w, step_h = area.width - OVERLAP, area.height - OVERLAP

    def grid(at: float) -> tuple[int, int]:
        return (
            max(1, math.ceil((chart_w * at - OVERLAP) / step_w)),
            max(1, math.ceil((chart_h * at - OVERLAP) / step_h)),
        )

    columns, rows = grid(scale)
    if columns * rows > MAX_TILES:
        # A chart this big (or a file with far-flung pinned boxes) would make thousands of
        # pages: shrink it until it fits in MAX_TILES pages; the report gives the text size.
        low, high = 1e-6, scale
        for _ in range(60):
            mid = (low + high) / 2
            c, r = grid(mid)
            low, high = (mid, high) if c * r <= MAX_TILES else (low, mid)
        scale = low
        columns, rows = grid(scale)
    scale = min(
        (columns * step_w + OVERLAP) / chart_w,
        (rows * step_h + OVERLAP) / chart_h,
        max(scale, 1.0),  # never larger than actual size unless 7 pt needs it
    )
    covered_w = (columns * step_w + OVERLAP) / scale
    covered_h = (rows * step_h + OVERLAP) / scale
    x0 = (chart_w - covered_w) / 2
    y0 = (chart_h - covered_h) / 2
    tiles = tuple(
        Tile(c, r, x0 + c * step_w / scale, y0 + r * step_h / scale)
        for r in range(rows)
        for c in range(columns)
    )
    return PagePlan(
        page_w, page_h, orientation, area, legend_area, scale, tiles, columns, rows, font * scale
    )
