"""The chart pages' legend ("Key"): a swatch and a name for each kind of body and line used.

Drawn at its own size (not scaled with the chart), in the place `pdf_plan` keeps for it, with
the geometry `shapes.layout_legend` shares with the SVG and PNG.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from exporters.pdf_plan import Rect
from exporters.pdf_setup import TEXT, colour
from exporters.shapes import (
    LEGEND_FONT,
    LEGEND_SWATCH_H,
    LEGEND_SWATCH_W,
    LEGEND_TITLE,
    LEGEND_TITLE_FONT,
    LegendLayout,
    arrowhead,
)
from icsviewer.model.kinds import relation_kind
from icsviewer.style.theme import Theme


def draw_legend(
    canv: Canvas, legend: LegendLayout, area: Rect, theme: Theme, fonts: tuple[str, str]
) -> None:
    """The legend at its own size (it is not scaled with the chart), top-left of `area`."""
    if not legend.items:
        return
    regular, bold = fonts
    left, top = area.x, area.top

    def y(v: float) -> float:
        return top - v

    canv.setFillColor(TEXT)
    canv.setFont(bold, LEGEND_TITLE_FONT)
    canv.drawString(left, y(legend.title_baseline), LEGEND_TITLE)
    for item in legend.items:
        x0 = left + item.x
        if item.is_body:
            style = theme.body_style(item.kind)
            canv.setFillColor(colour(style.fill))
            canv.setStrokeColor(colour(style.stroke))
            canv.setLineWidth(min(style.stroke_width, 1.5))
            canv.setDash(list(style.dash) if style.dash else [])
            canv.roundRect(
                x0,
                y(item.y + LEGEND_SWATCH_H),
                LEGEND_SWATCH_W,
                LEGEND_SWATCH_H,
                2,
                stroke=1,
                fill=1,
            )
            canv.setDash([])
        else:
            rstyle = theme.relation_style(item.kind)
            mid = y(item.y + LEGEND_SWATCH_H / 2)
            c = colour(rstyle.colour)
            canv.setStrokeColor(c)
            canv.setFillColor(c)
            canv.setLineWidth(rstyle.width)
            canv.setDash(list(rstyle.dash) if rstyle.dash else [])
            canv.line(x0, mid, x0 + LEGEND_SWATCH_W, mid)
            canv.setDash([])
            if rstyle.arrow and relation_kind(item.kind).directed:
                tip = (x0 + LEGEND_SWATCH_W, mid)
                base = (tip[0] - 10.0, mid)
                a, b, cc = arrowhead(base, tip)
                path = canv.beginPath()
                path.moveTo(*a)
                path.lineTo(*b)
                path.lineTo(*cc)
                path.close()
                canv.drawPath(path, stroke=0, fill=1)
        canv.setFillColor(TEXT)
        canv.setFont(regular, LEGEND_FONT)
        canv.drawString(left + item.text_x, y(item.text_baseline), item.label)
