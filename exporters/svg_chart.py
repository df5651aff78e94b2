"""The chart part of the SVG: group frames, relationship lines, labels and body boxes.

Drawn in the same order as the PDF (frames, lines, group names, line labels, boxes), from the
same shared geometry (`exporters.shapes`), so both look alike.
"""

from __future__ import annotations

from exporters.safe_text import one_line, safe_id, safe_url, xml_attr, xml_text
from exporters.shapes import (
    BASELINE_DROP,
    FRAME_LABEL_SIZE,
    EdgeShape,
    edge_shape,
    frame_label_pos,
    label_baselines,
    place_edge_labels,
)
from exporters.svg_markup import Ids, Writer, dash, n, text_element
from exporters.wording import body_name, kind_name
from icsviewer.layout.geometry import Layout
from icsviewer.layout.text_metrics import text_width
from icsviewer.model.chart import Chart
from icsviewer.model.kinds import relation_kind
from icsviewer.style.theme import Theme, resolve_body_style

EDGE_LABEL_SIZE = 8.0
# Longest description put in a <desc>; the PDF directory has the full text.
MAX_DESC = 2000


def write_chart(w: Writer, chart: Chart, layout: Layout, theme: Theme) -> None:
    """Everything inside the chart's <g>, at 1:1 in chart coordinates."""
    _frames(w, chart, layout, theme)
    _edges(w, chart, layout, theme)
    _frame_labels(w, chart, layout, theme)
    _edge_labels(w, chart, layout, theme)
    _bodies(w, chart, layout, theme)


def _frames(w: Writer, chart: Chart, layout: Layout, theme: Theme) -> None:
    ids = Ids()
    kinds = {g.id: g.kind for g in chart.groups}
    w('<g id="groups">\n')
    for frame in layout.frames.values():
        kind = kinds.get(frame.group_id, "other")
        style = theme.frame_style(kind)
        w(
            f'<g id="{ids.make("group", frame.group_id)}" class="frame frame-{safe_id(kind)}">'
            f"<title>{xml_text(one_line(frame.label))}</title>\n"
        )
        w(
            f'<rect x="{n(frame.x)}" y="{n(frame.y)}" width="{n(frame.width)}" '
            f'height="{n(frame.height)}" rx="6" ry="6" fill="{style.fill}" stroke="{style.stroke}" '
            f'stroke-width="1"{dash(style.dash)}/>\n'
        )
        w("</g>\n")
    w("</g>\n")


def _frame_labels(w: Writer, chart: Chart, layout: Layout, theme: Theme) -> None:
    """Group names over the lines, each on a patch of its frame's colour."""
    kinds = {g.id: g.kind for g in chart.groups}
    w('<g id="group-labels">\n')
    for frame in layout.frames.values():
        kind = kinds.get(frame.group_id, "other")
        style = theme.frame_style(kind)
        label = one_line(frame.label)
        x, y = frame_label_pos(frame)
        width = text_width(label, FRAME_LABEL_SIZE, True)
        w(
            f'<g class="frame-label frame-label-{safe_id(kind)}">'
            f'<rect x="{n(x - 1.5)}" y="{n(y - FRAME_LABEL_SIZE * 0.85)}" width="{n(width + 3)}" '
            f'height="{n(FRAME_LABEL_SIZE * 1.15)}" fill="{style.fill}"/>'
        )
        w(text_element(x, y, label, FRAME_LABEL_SIZE, style.text, bold=True).rstrip("\n"))
        w("</g>\n")
    w("</g>\n")


def edge_path_d(shape: EdgeShape) -> str:
    """The SVG path data: tail tip, start, cubics, head tip (markers sit on the tips)."""
    parts = []
    if shape.tail is not None:
        tip = shape.tail[1]
        parts.append(f"M{n(tip[0])},{n(tip[1])} L{n(shape.start[0])},{n(shape.start[1])}")
    else:
        parts.append(f"M{n(shape.start[0])},{n(shape.start[1])}")
    for c1, c2, end in shape.cubics:
        parts.append(f"C{n(c1[0])},{n(c1[1])} {n(c2[0])},{n(c2[1])} {n(end[0])},{n(end[1])}")
    last = shape.cubics[-1][2] if shape.cubics else shape.start
    if shape.head is not None and shape.head[1] != last:
        # The marker sits on the tip; a zero-length last segment would leave it unoriented.
        parts.append(f"L{n(shape.head[1][0])},{n(shape.head[1][1])}")
    return " ".join(parts)


def _edges(w: Writer, chart: Chart, layout: Layout, theme: Theme) -> None:
    ids = Ids()
    rels = {r.id: r for r in chart.relationships}
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
        title = one_line(
            f"{body_name(chart, edge.source)} {relation_kind(kind).verb} "
            f"{body_name(chart, edge.target)}"
        )
        w(
            f'<path id="{ids.make("rel", edge.rel_id)}" class="relation rel-{marker}" '
            f'd="{edge_path_d(shape)}" stroke="{style.colour}" stroke-width="{n(style.width)}"'
            f"{dash(style.dash)}{head}{tail}><title>{xml_text(title)}</title></path>\n"
        )
    w("</g>\n")


def _edge_labels(w: Writer, chart: Chart, layout: Layout, theme: Theme) -> None:
    labels = place_edge_labels(chart, layout, EDGE_LABEL_SIZE)
    if not labels:
        return
    kinds = {r.id: r.kind for r in chart.relationships}
    w('<g id="relationship-labels">\n')
    size = EDGE_LABEL_SIZE
    for label in labels:
        colour = theme.relation_style(kinds[label.rel_id]).colour
        w(
            f'<g class="relation-label"><rect x="{n(label.x - label.width / 2 - 1.5)}" '
            f'y="{n(label.y - size * 0.55)}" width="{n(label.width + 3)}" height="{n(size * 1.1)}" '
            f'fill="#FFFFFF"/>'
        )
        w(
            text_element(
                label.x, label.y + BASELINE_DROP * size, label.text, size, colour, anchor="middle"
            ).rstrip("\n")
        )
        w("</g>\n")
    w("</g>\n")


def _bodies(w: Writer, chart: Chart, layout: Layout, theme: Theme) -> None:
    ids = Ids()
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
        w(
            f'<rect x="{n(box.x)}" y="{n(box.y)}" width="{n(box.width)}" height="{n(box.height)}" '
            f'rx="{n(style.corner_radius)}" ry="{n(style.corner_radius)}" fill="{style.fill}" '
            f'stroke="{style.stroke}" stroke-width="{n(style.stroke_width)}"{dash(style.dash)}/>\n'
        )
        for x, y, line in label_baselines(box):
            w(text_element(x, y, line, box.font_size, style.text, bold=style.bold, anchor="middle"))
        if url:
            w("</a>\n")
        w("</g>\n")
    w("</g>\n")
