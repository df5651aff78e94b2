"""SVG for designers: standalone SVG 1.1 with real <text>, CSS classes per kind, and no active content.

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

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from exporters.atomic import write_bytes_atomic
from exporters.options import ExportOptions
from exporters.safe_text import one_line, safe_id, safe_url, xml_attr, xml_text
from exporters.shapes import (
    LEGEND_FONT,
    LEGEND_SWATCH_H,
    LEGEND_SWATCH_W,
    LEGEND_TITLE,
    LEGEND_TITLE_FONT,
    EdgeShape,
    LegendLayout,
    edge_shape,
    label_baselines,
    layout_legend,
)
from exporters.svg_style import css_block, marker_defs
from exporters.wording import body_name, footer_facts, kind_name
from icsviewer.layout.geometry import Layout
from icsviewer.layout.text_metrics import text_width
from icsviewer.model.chart import Chart
from icsviewer.model.kinds import relation_kind
from icsviewer.style.legend import build_legend
from icsviewer.style.theme import FONT_STACK, Theme, resolve_body_style

MARGIN = 18.0
TITLE_SIZE = 16.0
SUBTITLE_SIZE = 10.0
META_SIZE = 8.0
FRAME_LABEL_SIZE = 10.0
EDGE_LABEL_SIZE = 8.0
GAP = 14.0
MM_PER_PT = 25.4 / 72.0
# Longest description put in a <desc>; the PDF directory has the full text.
MAX_DESC = 2000


def n(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (small, stable output)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


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
        width, height, MARGIN + (content_w - layout.width) / 2, chart_y,
        MARGIN, legend_y, footer_y, legend, tuple(header),
    )


def render_svg(
    chart: Chart, layout: Layout, theme: Theme, options: ExportOptions | None = None
) -> str:
    """The whole SVG document as a string."""
    options = options or ExportOptions()
    sheet = plan_sheet(chart, layout, theme, options)
    out: list[str] = []
    w = out.append
    title = one_line(options.title or chart.meta.title)
    w('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n')
    w(
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'version="1.1" width="{n(sheet.width * MM_PER_PT)}mm" height="{n(sheet.height * MM_PER_PT)}mm" '
        f'viewBox="0 0 {n(sheet.width)} {n(sheet.height)}" role="img" '
        f'aria-labelledby="chart-title chart-desc">\n'
    )
    w(f'<title id="chart-title">{xml_text(title)}</title>\n')
    w(f'<desc id="chart-desc">{xml_text(_chart_desc(chart))}</desc>\n')
    w(css_block(chart, theme))
    w(marker_defs(chart, theme))
    w(f'<g font-family="{xml_attr(FONT_STACK)}">\n')
    if not options.transparent:
        w(f'<rect class="background" x="0" y="0" width="{n(sheet.width)}" '
          f'height="{n(sheet.height)}" fill="{theme.background}"/>\n')
    _header(w, chart, sheet, options)
    w(f'<g id="chart" transform="translate({n(sheet.chart_x)},{n(sheet.chart_y)})">\n')
    _frames(w, chart, layout, theme)
    labels = _edges(w, chart, layout, theme)
    _bodies(w, chart, layout, theme)
    if labels:
        # Relationship labels go over the boxes, as in the PDF and the window.
        w('<g id="relationship-labels">\n')
        w("".join(labels))
        w("</g>\n")
    w("</g>\n")
    _legend(w, sheet, theme)
    _footer(w, chart, sheet, options)
    w("</g>\n</svg>\n")
    return "".join(out)


def export_svg(
    chart: Chart, layout: Layout, theme: Theme, path: str | Path, options: ExportOptions | None = None
) -> Path:
    """Write the SVG file atomically; returns the path written."""
    text = render_svg(chart, layout, theme, options)
    return write_bytes_atomic(Path(path), text.encode("utf-8"))


# ----- parts ---------------------------------------------------------------------------------
Writer = Callable[[str], None]


class _Ids:
    """Unique, XML-safe ids: hostile files may have ids that collide once made safe."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def make(self, prefix: str, raw: str) -> str:
        base = f"{prefix}-{safe_id(raw)}"
        candidate, k = base, 2
        while candidate in self._taken:
            candidate, k = f"{base}-{k}", k + 1
        self._taken.add(candidate)
        return candidate


def _chart_desc(chart: Chart) -> str:
    text = one_line(chart.meta.description) or (
        f"Organisation chart with {len(chart.bodies)} bodies and "
        f"{len(chart.relationships)} relationships."
    )
    return text[:MAX_DESC]


def _dash(dash: tuple[float, ...], scale: float = 1.0) -> str:
    if not dash:
        return ""
    return f' stroke-dasharray="{",".join(n(d * scale) for d in dash)}"'


def _text(x: float, y: float, text: str, size: float, fill: str, *, bold: bool = False,
          anchor: str = "start", cls: str = "") -> str:
    weight = ' font-weight="bold"' if bold else ""
    klass = f' class="{cls}"' if cls else ""
    return (
        f'<text{klass} x="{n(x)}" y="{n(y)}" font-size="{n(size)}"{weight} '
        f'text-anchor="{anchor}" fill="{fill}">{xml_text(text)}</text>\n'
    )


def _header(w: Writer, chart: Chart, sheet: Sheet, options: ExportOptions) -> None:
    marking = one_line(options.marking or chart.meta.marking)
    y = MARGIN
    if marking:
        w(_text(sheet.width / 2, y + META_SIZE, marking, META_SIZE + 1, "#000000",
                bold=True, anchor="middle", cls="marking"))
        y += META_SIZE * 2
    w('<g id="title-block">\n')
    for text, size, bold in sheet.header_lines:
        y += size * 1.1
        w(_text(MARGIN, y, text, size, "#003087" if bold else "#231F20", bold=bold, cls="heading"))
        y += size * 0.25
    w("</g>\n")


def _footer(w: Writer, chart: Chart, sheet: Sheet, options: ExportOptions) -> None:
    facts = footer_facts(chart.meta, options.source_name)
    if facts:
        w(_text(MARGIN, sheet.footer_y, " · ".join(facts), META_SIZE, "#425563", cls="footer"))
    marking = one_line(options.marking or chart.meta.marking)
    if marking:
        w(_text(sheet.width / 2, sheet.footer_y + META_SIZE * 2, marking, META_SIZE + 1,
                "#000000", bold=True, anchor="middle", cls="marking"))


def _frames(w: Writer, chart: Chart, layout: Layout, theme: Theme) -> None:
    ids = _Ids()
    kinds = {g.id: g.kind for g in chart.groups}
    w('<g id="groups">\n')
    for frame in layout.frames.values():
        kind = kinds.get(frame.group_id, "other")
        style = theme.frame_style(kind)
        w(f'<g id="{ids.make("group", frame.group_id)}" class="frame frame-{safe_id(kind)}">\n')
        w(f'<rect x="{n(frame.x)}" y="{n(frame.y)}" width="{n(frame.width)}" '
          f'height="{n(frame.height)}" rx="6" ry="6" fill="{style.fill}" stroke="{style.stroke}" '
          f'stroke-width="1"{_dash(style.dash)}/>\n')
        lx, ly = frame.label_pos
        if (lx, ly) == (0.0, 0.0):
            lx, ly = frame.x + 8, frame.y + 12
        w(_text(lx, ly, one_line(frame.label), FRAME_LABEL_SIZE, style.text, bold=True))
        w("</g>\n")
    w("</g>\n")


def edge_path_d(shape: EdgeShape) -> str:
    """The SVG path data: tail tip, start, cubics, head tip (markers sit on the tips)."""
    parts = []
    if shape.tail is not None:
        parts.append(f"M{n(shape.tail[1][0])},{n(shape.tail[1][1])} L{n(shape.start[0])},{n(shape.start[1])}")
    else:
        parts.append(f"M{n(shape.start[0])},{n(shape.start[1])}")
    for c1, c2, end in shape.cubics:
        parts.append(f"C{n(c1[0])},{n(c1[1])} {n(c2[0])},{n(c2[1])} {n(end[0])},{n(end[1])}")
    last = shape.cubics[-1][2] if shape.cubics else shape.start
    if shape.head is not None and shape.head[1] != last:
        # The marker sits on the tip; a zero-length last segment would leave it unoriented.
        parts.append(f"L{n(shape.head[1][0])},{n(shape.head[1][1])}")
    return " ".join(parts)


def _edges(w: Writer, chart: Chart, layout: Layout, theme: Theme) -> list[str]:
    """Write the lines; return their labels' <text> elements, to draw after the boxes."""
    ids = _Ids()
    rels = {r.id: r for r in chart.relationships}
    labels: list[str] = []
    w('<g id="relationships" fill="none">\n')
    for edge in layout.edges.values():
        rel = rels.get(edge.rel_id)
        kind = rel.kind if rel else "other"
        style = theme.relation_style(kind)
        shape = edge_shape(edge, style.arrow and relation_kind(kind).directed)
        if shape is None:
            continue
        marker = safe_id(kind)
        head = f' marker-end="url(#arrow-{marker})"' if shape.head else ""
        tail = f' marker-start="url(#arrow-start-{marker})"' if shape.tail else ""
        verb = relation_kind(kind).verb
        w(f'<path id="{ids.make("rel", edge.rel_id)}" class="relation rel-{marker}" '
          f'd="{edge_path_d(shape)}" stroke="{style.colour}" stroke-width="{n(style.width)}"'
          f'{_dash(style.dash)}{head}{tail}>'
          f'<title>{xml_text(_edge_title(chart, edge.source, verb, edge.target))}</title></path>\n')
        if rel is not None and one_line(rel.label) and edge.label_pos is not None:
            x, y = edge.label_pos
            labels.append(
                f'<text class="relation-label" x="{n(x)}" y="{n(y + EDGE_LABEL_SIZE * 0.36)}" '
                f'font-size="{n(EDGE_LABEL_SIZE)}" text-anchor="middle" fill="{style.colour}" '
                f'stroke="#FFFFFF" stroke-width="3" stroke-linejoin="round" paint-order="stroke">'
                f"{xml_text(one_line(rel.label))}</text>\n"
            )
    w("</g>\n")
    return labels


def _edge_title(chart: Chart, source: str, verb: str, target: str) -> str:
    return one_line(f"{body_name(chart, source)} {verb} {body_name(chart, target)}")


def _bodies(w: Writer, chart: Chart, layout: Layout, theme: Theme) -> None:
    ids = _Ids()
    w('<g id="bodies">\n')
    for box in layout.boxes.values():
        if not chart.has_body(box.body_id):
            continue
        body = chart.body(box.body_id)
        style = resolve_body_style(theme, body)
        kind = safe_id(body.kind)
        w(f'<g id="{ids.make("body", body.id)}" class="body kind-{kind}">\n')
        w(f"<title>{xml_text(one_line(body.name) or body.id)}</title>\n")
        desc = one_line(f"{kind_name(body.kind)}. {body.description}".strip())[:MAX_DESC]
        w(f"<desc>{xml_text(desc)}</desc>\n")
        url = next((u for u in (safe_url(link.url) for link in body.links) if u), None)
        if url:
            w(f'<a xlink:href="{xml_attr(url)}">\n')
        w(f'<rect x="{n(box.x)}" y="{n(box.y)}" width="{n(box.width)}" height="{n(box.height)}" '
          f'rx="{n(style.corner_radius)}" ry="{n(style.corner_radius)}" fill="{style.fill}" '
          f'stroke="{style.stroke}" stroke-width="{n(style.stroke_width)}"{_dash(style.dash)}/>\n')
        for x, y, line in label_baselines(box):
            w(_text(x, y, line, box.font_size, style.text, bold=style.bold, anchor="middle"))
        if url:
            w("</a>\n")
        w("</g>\n")
    w("</g>\n")


def _legend(w: Writer, sheet: Sheet, theme: Theme) -> None:
    legend = sheet.legend
    if not legend.items:
        return
    w(f'<g id="legend" transform="translate({n(sheet.legend_x)},{n(sheet.legend_y)})">\n')
    w(_text(0, legend.title_baseline, LEGEND_TITLE, LEGEND_TITLE_FONT, "#231F20", bold=True))
    for item in legend.items:
        kind = safe_id(item.kind)
        if item.is_body:
            style = theme.body_style(item.kind)
            w(f'<rect class="legend-swatch kind-{kind}" x="{n(item.x)}" y="{n(item.y)}" '
              f'width="{n(LEGEND_SWATCH_W)}" height="{n(LEGEND_SWATCH_H)}" rx="2" ry="2" '
              f'fill="{style.fill}" stroke="{style.stroke}" stroke-width="{n(min(style.stroke_width, 1.5))}"'
              f"{_dash(style.dash)}/>\n")
        else:
            rstyle = theme.relation_style(item.kind)
            mid = item.y + LEGEND_SWATCH_H / 2
            arrow = rstyle.arrow and relation_kind(item.kind).directed
            end = item.x + LEGEND_SWATCH_W
            marker = f' marker-end="url(#arrow-{kind})"' if arrow else ""
            w(f'<path class="relation rel-{kind}" d="M{n(item.x)},{n(mid)} L{n(end)},{n(mid)}" '
              f'fill="none" stroke="{rstyle.colour}" stroke-width="{n(rstyle.width)}"'
              f"{_dash(rstyle.dash)}{marker}/>\n")
        w(_text(item.text_x, item.text_baseline, item.label, LEGEND_FONT, "#231F20"))
    w("</g>\n")
