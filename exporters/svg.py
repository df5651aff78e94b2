"""SVG for designers: standalone SVG 1.1, real <text>, CSS classes per kind, no active content.

The sheet is the title block, the chart at 1:1 (points) and the legend underneath. Units are
points in the viewBox and millimetres on the root, so a design tool opens it at print size.

Each body is ``<g id="body-<id>" class="body kind-<kind>">`` with ``<title>``/``<desc>``; every
element also carries its colours as presentation attributes, so tools that ignore ``<style>``
still draw it right, while a designer's CSS rule (which beats presentation attributes) restyles
a whole kind at once. Only features librsvg, Inkscape and browsers all support are used: no
CSS variables, no ``context-stroke``, no ``foreignObject``, markers drawn with fixed colours.

Safety: every piece of user text goes through ``exporters.safe_text``; nothing else the file
says reaches the output except validated ``#RRGGBB`` colours and https/mailto links. The whole
document is one list of strings joined once (2,500 bodies in well under a second).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exporters.atomic import write_bytes_atomic
from exporters.options import ExportOptions
from exporters.safe_text import one_line, safe_id, xml_attr, xml_text
from exporters.shapes import (
    LEGEND_FONT,
    LEGEND_SWATCH_H,
    LEGEND_SWATCH_W,
    LEGEND_TITLE,
    LEGEND_TITLE_FONT,
    LegendLayout,
    layout_legend,
)
from exporters.svg_chart import write_chart
from exporters.svg_markup import Writer, dash, n, text_element
from exporters.svg_style import css_block, marker_defs
from exporters.wording import footer_facts
from icsviewer.layout.geometry import Layout
from icsviewer.layout.text_metrics import text_width
from icsviewer.model.chart import Chart
from icsviewer.model.kinds import relation_kind
from icsviewer.style.legend import build_legend
from icsviewer.style.theme import FONT_STACK, Theme

MARGIN = 18.0
TITLE_SIZE = 16.0
SUBTITLE_SIZE = 10.0
META_SIZE = 8.0
GAP = 14.0
MM_PER_PT = 25.4 / 72.0
# Longest chart description put in the root <desc>.
MAX_DESC = 2000


@dataclass(frozen=True)
class Sheet:
    """Where the parts of the SVG sheet go (points, y down)."""

    width: float
    height: float
    chart_x: float
    chart_y: float
    legend_x: float
    legend_y: float
    footer_y: float
    legend: LegendLayout
    header_lines: tuple[tuple[str, float, bool], ...]  # (text, size, bold)


def plan_sheet(chart: Chart, layout: Layout, theme: Theme, options: ExportOptions) -> Sheet:
    """Size the title block, chart and legend; the sheet is as wide as the widest."""
    title = one_line(options.title or chart.meta.title)
    header: list[tuple[str, float, bool]] = [(title, TITLE_SIZE, True)]
    if one_line(chart.meta.subtitle):
        header.append((one_line(chart.meta.subtitle), SUBTITLE_SIZE, False))
    if one_line(chart.meta.organisation):
        header.append((one_line(chart.meta.organisation), META_SIZE + 1, False))
    header_h = sum(size * 1.35 for _, size, _ in header)
    marking = one_line(options.marking or chart.meta.marking)
    top = MARGIN + (META_SIZE * 2 if marking else 0.0)
    content_w = max(
        layout.width,
        max((text_width(t, s, b) for t, s, b in header), default=0.0),
        360.0,
    )
    legend = layout_legend(build_legend(chart, theme), content_w)
    chart_y = top + header_h + GAP
    legend_y = chart_y + layout.height + GAP
    footer_y = legend_y + legend.height + GAP + META_SIZE
    height = footer_y + (META_SIZE * 2 if marking else 0.0) + MARGIN
    width = content_w + 2 * MARGIN
    return Sheet(
        width,
        height,
        MARGIN + (content_w - layout.width) / 2,
        chart_y,
        MARGIN,
        legend_y,
        footer_y,
        legend,
        tuple(header),
    )


def render_svg(
    chart: Chart,
    layout: Layout,
    theme: Theme,
    options: ExportOptions | None = None,
    font_stack: str = FONT_STACK,
) -> str:
    """The whole SVG document as a string.

    `font_stack` is the CSS font-family list; the PNG exporter names the bundled font first,
    because QtSvg takes the first family literally and has no Arial to map to it.
    """
    options = options or ExportOptions()
    sheet = plan_sheet(chart, layout, theme, options)
    out: list[str] = []
    w = out.append
    title = one_line(options.title or chart.meta.title)
    w('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n')
    w(
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'version="1.1" width="{n(sheet.width * MM_PER_PT)}mm" '
        f'height="{n(sheet.height * MM_PER_PT)}mm" '
        f'viewBox="0 0 {n(sheet.width)} {n(sheet.height)}" role="img" '
        f'aria-labelledby="chart-title chart-desc">\n'
    )
    w(f'<title id="chart-title">{xml_text(title)}</title>\n')
    w(f'<desc id="chart-desc">{xml_text(_chart_desc(chart))}</desc>\n')
    w(css_block(chart, theme, font_stack))
    w(marker_defs(chart, theme))
    w(f'<g font-family="{xml_attr(font_stack)}">\n')
    if not options.transparent:
        w(
            f'<rect class="background" x="0" y="0" width="{n(sheet.width)}" '
            f'height="{n(sheet.height)}" fill="{theme.background}"/>\n'
        )
    _header(w, chart, sheet, options)
    w(f'<g id="chart" transform="translate({n(sheet.chart_x)},{n(sheet.chart_y)})">\n')
    write_chart(w, chart, layout, theme)
    w("</g>\n")
    _legend(w, sheet, theme)
    _footer(w, chart, sheet, options)
    w("</g>\n</svg>\n")
    return "".join(out)


def export_svg(
    chart: Chart,
    layout: Layout,
    theme: Theme,
    path: str | Path,
    options: ExportOptions | None = None,
) -> Path:
    """Write the SVG file atomically; returns the path written."""
    text = render_svg(chart, layout, theme, options)
    return write_bytes_atomic(Path(path), text.encode("utf-8"))


# ----- parts ---------------------------------------------------------------------------------
def _chart_desc(chart: Chart) -> str:
    text = one_line(chart.meta.description) or (
        f"Organisation chart with {len(chart.bodies)} bodies and "
        f"{len(chart.relationships)} relationships."
    )
    return text[:MAX_DESC]


def _header(w: Writer, chart: Chart, sheet: Sheet, options: ExportOptions) -> None:
    marking = one_line(options.marking or chart.meta.marking)
    y = MARGIN
    if marking:
        w(
            text_element(
                sheet.width / 2,
                y + META_SIZE,
                marking,
                META_SIZE + 1,
                "#000000",
                bold=True,
                anchor="middle",
                cls="marking",
            )
        )
        y += META_SIZE * 2
    w('<g id="title-block">\n')
    for text, size, bold in sheet.header_lines:
        y += size * 1.1
        w(
            text_element(
                MARGIN, y, text, size, "#003087" if bold else "#231F20", bold=bold, cls="heading"
            )
        )
        y += size * 0.25
    w("</g>\n")


def _footer(w: Writer, chart: Chart, sheet: Sheet, options: ExportOptions) -> None:
    facts = footer_facts(chart.meta, options.source_name)
    if facts:
        w(
            text_element(
                MARGIN, sheet.footer_y, " · ".join(facts), META_SIZE, "#425563", cls="footer"
            )
        )
    marking = one_line(options.marking or chart.meta.marking)
    if marking:
        w(
            text_element(
                sheet.width / 2,
                sheet.footer_y + META_SIZE * 2,
                marking,
                META_SIZE + 1,
                "#000000",
                bold=True,
                anchor="middle",
                cls="marking",
            )
        )


def _legend(w: Writer, sheet: Sheet, theme: Theme) -> None:
    legend = sheet.legend
    if not legend.items:
        return
    w(f'<g id="legend" transform="translate({n(sheet.legend_x)},{n(sheet.legend_y)})">\n')
    w(text_element(0, legend.title_baseline, LEGEND_TITLE, LEGEND_TITLE_FONT, "#231F20", bold=True))
    for item in legend.items:
        kind = safe_id(item.kind)
        if item.is_body:
            style = theme.body_style(item.kind)
            w(
                f'<rect class="legend-swatch kind-{kind}" x="{n(item.x)}" y="{n(item.y)}" '
                f'width="{n(LEGEND_SWATCH_W)}" height="{n(LEGEND_SWATCH_H)}" rx="2" ry="2" '
                f'fill="{style.fill}" stroke="{style.stroke}" '
                f'stroke-width="{n(min(style.stroke_width, 1.5))}"'
                f"{dash(style.dash)}/>\n"
            )
        else:
            rstyle = theme.relation_style(item.kind)
            mid = item.y + LEGEND_SWATCH_H / 2
            arrow = rstyle.arrow and relation_kind(item.kind).directed
            end = item.x + LEGEND_SWATCH_W
            marker = f' marker-end="url(#arrow-{kind})"' if arrow else ""
            w(
                f'<path class="relation rel-{kind}" d="M{n(item.x)},{n(mid)} L{n(end)},{n(mid)}" '
                f'fill="none" stroke="{rstyle.colour}" stroke-width="{n(rstyle.width)}"'
                f"{dash(rstyle.dash)}{marker}/>\n"
            )
        w(text_element(item.text_x, item.text_baseline, item.label, LEGEND_FONT, "#231F20"))
    w("</g>\n")
