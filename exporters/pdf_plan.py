"""Where the chart goes on paper: fit it to one page, or tile it when text would be too small.

Pure arithmetic, no drawing, so it is tested directly and the Export dialog can show "this will
print on 6 A4 pages" before anything is built. Units are points, y up as in PDF.

The rule (issue 5): fit the chart to one page unless that would make the smallest label text
smaller than 7 pt; then tile it over several pages at a legible scale, with an overlap so the
pages can be trimmed and joined. `fit` forces either. `orientation="auto"` picks the orientation
that gives the larger chart on one page, or the fewer tiles.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from exporters.options import MIN_LEGIBLE_PT, ExportOptions
from icsviewer.layout.geometry import Layout

MARGIN = 36.0  # half an inch all round: inside every office printer's unprintable border
HEADER_H = 52.0  # marking line, title, subtitle
FOOTER_H = 30.0  # footer line and marking
LEGEND_GAP = 20.0  # room for the tiles' "continues on" notes
OVERLAP = 10 * 72 / 25.4  # 10 mm of each tile repeated on its neighbour, for gluing
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


def plan_pages(
    layout: Layout, options: ExportOptions, legend_height: Callable[[float], float]
) -> PagePlan:
    """The plan for the chart pages; for orientation 'auto', the better of the two.

    `legend_height(width)` is how tall the legend is when given that width (it wraps into
    more columns on wider paper).
    """
    if options.orientation != "auto":
        return _plan(layout, options, options.orientation, legend_height)
    land = _plan(layout, options, "landscape", legend_height)
    port = _plan(layout, options, "portrait", legend_height)
    if land.tiled != port.tiled:
        return port if land.tiled else land
    if land.tiled:
        return port if len(port.tiles) < len(land.tiles) else land
    return port if port.scale > land.scale * 1.02 else land


def _plan(
    layout: Layout, options: ExportOptions, orientation: str,
    legend_height_for: Callable[[float], float],
) -> PagePlan:
    page_w, page_h = options.page_size(orientation)
    legend_height = legend_height_for(page_w - 2 * MARGIN)
    legend_h = legend_height + LEGEND_GAP if legend_height > 0 else 0.0
    area = Rect(
        MARGIN,
        MARGIN + FOOTER_H + legend_h,
        page_w - 2 * MARGIN,
        max(page_h - 2 * MARGIN - HEADER_H - FOOTER_H - legend_h, 72.0),
    )
    legend_area = Rect(MARGIN, MARGIN + FOOTER_H, page_w - 2 * MARGIN, legend_height)
    chart_w, chart_h = max(layout.width, 1.0), max(layout.height, 1.0)
    font = smallest_font(layout)
    fit_scale = min(area.width / chart_w, area.height / chart_h, MAX_UPSCALE)
    legible = fit_scale * font >= MIN_LEGIBLE_PT
    if options.fit == "one-page" or (options.fit == "auto" and legible):
        tile = Tile(0, 0, (chart_w - area.width / fit_scale) / 2, (chart_h - area.height / fit_scale) / 2)
        return PagePlan(page_w, page_h, orientation, area, legend_area, fit_scale, (tile,), 1, 1,
                        font * fit_scale)
    return _tile(layout, area, legend_area, page_w, page_h, orientation, font, options.fit == "tile")


def _tile(layout: Layout, area: Rect, legend_area: Rect, page_w: float, page_h: float,
          orientation: str, font: float, forced: bool) -> PagePlan:
    chart_w, chart_h = max(layout.width, 1.0), max(layout.height, 1.0)
    # Tiled at the scale that puts the smallest text at 7 pt (forced tiling: actual size), then
    # enlarged as far as the same number of pages allows, so no page is left half empty.
    scale = 1.0 if forced else MIN_LEGIBLE_PT / font
    step_w, step_h = area.width - OVERLAP, area.height - OVERLAP
    columns = max(1, math.ceil((chart_w * scale - OVERLAP) / step_w))
    rows = max(1, math.ceil((chart_h * scale - OVERLAP) / step_h))
    scale = min(
        (columns * step_w + OVERLAP) / chart_w,
        (rows * step_h + OVERLAP) / chart_h,
        MAX_UPSCALE,
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
    return PagePlan(page_w, page_h, orientation, area, legend_area, scale, tiles, columns, rows,
                    font * scale)
