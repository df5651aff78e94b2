"""Page furniture for every PDF page: header, footer, protective marking, "Page X of Y".

"Page X of Y" is drawn with each page: the text pages are laid out before anything is drawn,
so the page count is known.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from exporters.pdf_plan import MARGIN, OVERLAP, PagePlan, Rect, Tile
from exporters.pdf_setup import MUTED, RULE, TEXT, fit_text

MARKING_SIZE = 10.0
FOOTER_SIZE = 8.0
CROP_MARK = 14.0
CROP_GAP = 4.0


@dataclass(frozen=True)
class Furniture:
    """What the header and footer say (all plain, already `one_line`d text)."""

    title: str
    subtitle: str
    organisation: str
    footer: str
    marking: str
    fonts: tuple[str, str]
    # Title and rule colour: NHS Dark Blue in the NHS theme, near-black in the print themes.
    accent: Color


def draw_marking(canv: Canvas, f: Furniture, width: float, height: float) -> None:
    """The protective marking centred at the top and the bottom of the page."""
    if not f.marking:
        return
    canv.setFillColor(TEXT)
    canv.setFont(f.fonts[1], MARKING_SIZE)
    text = fit_text(f.marking, f.fonts[1], MARKING_SIZE, width - 2 * MARGIN)
    canv.drawCentredString(width / 2, height - MARGIN / 2 - MARKING_SIZE / 2, text)
    canv.drawCentredString(width / 2, MARGIN / 2 - MARKING_SIZE / 3, text)


def draw_chart_header(
    canv: Canvas, f: Furniture, width: float, height: float, tile_label: str = ""
) -> None:
    """Title, subtitle and organisation over the chart, with a rule under them."""
    regular, bold = f.fonts
    top = height - MARGIN
    right = width - MARGIN
    side = tile_label or f.organisation
    side_font = bold if tile_label else regular
    widest = max(
        canv.stringWidth(side, side_font, 10) if side else 0.0,
        canv.stringWidth(f.organisation, regular, 9) if tile_label else 0.0,
    )
    side_w = min(widest, (width - 2 * MARGIN) * 0.4)
    title_w = width - 2 * MARGIN - side_w - 16
    canv.setFillColor(f.accent)
    canv.setFont(bold, 16)
    canv.drawString(MARGIN, top - 18, fit_text(f.title, bold, 16, title_w))
    if f.subtitle:
        canv.setFillColor(TEXT)
        canv.setFont(regular, 10)
        canv.drawString(MARGIN, top - 33, fit_text(f.subtitle, regular, 10, title_w))
    if side:
        canv.setFillColor(f.accent if tile_label else MUTED)
        canv.setFont(side_font, 10)
        canv.drawRightString(right, top - 18, fit_text(side, side_font, 10, side_w))
    if tile_label and f.organisation:
        canv.setFillColor(MUTED)
        canv.setFont(regular, 9)
        canv.drawRightString(right, top - 33, fit_text(f.organisation, regular, 9, side_w))
    canv.setStrokeColor(f.accent)
    canv.setLineWidth(1)
    canv.line(MARGIN, top - 42, right, top - 42)


def draw_text_header(canv: Canvas, f: Furniture, width: float, height: float) -> None:
    """A quiet running header on the text pages: title left, organisation right."""
    regular, bold = f.fonts
    top = height - MARGIN
    canv.setFillColor(f.accent)
    canv.setFont(bold, 9)
    canv.drawString(MARGIN, top - 10, fit_text(f.title, bold, 9, (width - 2 * MARGIN) * 0.6))
    if f.organisation:
        canv.setFillColor(MUTED)
        canv.setFont(regular, 9)
        canv.drawRightString(
            width - MARGIN,
            top - 10,
            fit_text(f.organisation, regular, 9, (width - 2 * MARGIN) * 0.35),
        )
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(MARGIN, top - 16, width - MARGIN, top - 16)


def draw_footer(canv: Canvas, f: Furniture, width: float) -> None:
    """Version, as-at date and source file on the left; the page number goes on the right."""
    y = MARGIN + 8
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(MARGIN, y + 12, width - MARGIN, y + 12)
    if f.footer:
        canv.setFillColor(MUTED)
        canv.setFont(f.fonts[0], FOOTER_SIZE)
        canv.drawString(MARGIN, y, fit_text(f.footer, f.fonts[0], FOOTER_SIZE, width * 0.7))


def draw_tile_marks(canv: Canvas, plan: PagePlan, tile: Tile, font: str) -> None:
    """Crop marks at the chart area's corners, overlap guides, and where the neighbours are."""
    a: Rect = plan.chart_area
    canv.saveState()
    canv.setStrokeColor(TEXT)
    canv.setLineWidth(0.4)
    for x, dx in ((a.x, -1), (a.right, 1)):
        for y, dy in ((a.y, -1), (a.top, 1)):
            canv.line(x + dx * CROP_GAP, y, x + dx * (CROP_GAP + CROP_MARK), y)
            canv.line(x, y + dy * CROP_GAP, x, y + dy * (CROP_GAP + CROP_MARK))
    canv.setStrokeColor(RULE)
    canv.setDash([2, 2])
    if tile.column > 0:
        canv.line(a.x + OVERLAP, a.y, a.x + OVERLAP, a.top)
    if tile.row > 0:
        canv.line(a.x, a.top - OVERLAP, a.right, a.top - OVERLAP)
    canv.setDash([])
    canv.setFillColor(MUTED)
    canv.setFont(font, 7)
    right = Tile(tile.column + 1, tile.row, 0, 0).name if tile.column + 1 < plan.columns else ""
    below = Tile(tile.column, tile.row + 1, 0, 0).name if tile.row + 1 < plan.rows else ""
    if right:
        canv.drawRightString(a.right, a.y - 9, f"Continues right on tile {right}")
    if below:
        canv.drawString(a.x, a.y - 9, f"Continues below on tile {below}")
    canv.restoreState()


def draw_page_number(canv: Canvas, f: Furniture, width: float, number: int, total: int) -> None:
    """'Page X of Y' at the bottom right, level with the footer."""
    canv.setFillColor(MUTED)
    canv.setFont(f.fonts[0], FOOTER_SIZE)
    canv.drawRightString(width - MARGIN, MARGIN + 8, f"Page {number} of {total}")
