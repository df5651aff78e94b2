"""Draw the chart (frames, lines, boxes, labels) on a reportlab canvas (the legend: pdf_legend).

Vector throughout, with real text in the embedded font, so the PDF stays sharp at any zoom and
its text can be searched and copied. Coordinates are converted from the Layout's chart space
(points, y down) to the page by `_Map`; nothing uses a flipped canvas transform, so text is
upright and extracts in reading order.

Each box becomes a link to its directory entry when `body_keys` is given. The shapes and
labels are written as PDF operators by `pdf_ops.Ops` (reportlab's canvas path calls cost
seconds on a national chart).
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from exporters.pdf_links import Links
from exporters.pdf_ops import Ops, TextEncoder
from exporters.pdf_plan import PagePlan, Rect, Tile
from exporters.safe_text import one_line
from exporters.shapes import (
    BASELINE_DROP,
    FRAME_LABEL_SIZE,
    EdgeLabel,
    EdgeShape,
    arrowhead,
    edge_shape,
    frame_label_pos,
    label_baselines,
    place_edge_labels,
)
from exporters.tile_index import Box, TileBuckets
from icsviewer.layout.geometry import BoxLayout, FrameLayout, Layout, Point
from icsviewer.model.chart import Body, Chart
from icsviewer.model.kinds import relation_kind
from icsviewer.style.theme import (
    BodyStyle,
    FrameStyle,
    RelationStyle,
    Theme,
    resolve_body_style,
)

EDGE_LABEL_SIZE = 8.0
# Relationship labels never print smaller than this, however far the chart is shrunk.
EDGE_LABEL_MIN = 7.0


class _Map:
    """Chart coordinates (y down) -> page coordinates (y up) for one tile.

    The area's edges are read once here: these run for every point of a national chart."""

    __slots__ = ("_bottom", "_cx", "_cy", "_left", "_right", "_top", "area", "scale", "tile")

    def __init__(self, area: Rect, tile: Tile, scale: float) -> None:
        self.area, self.tile, self.scale = area, tile, scale
        self._left, self._right, self._bottom, self._top = area.x, area.right, area.y, area.top
        self._cx, self._cy = tile.chart_x, tile.chart_y

    def x(self, x: float) -> float:
        return self._left + (x - self._cx) * self.scale

    def y(self, y: float) -> float:
        return self._top - (y - self._cy) * self.scale

    def p(self, point: Point) -> tuple[float, float]:
        return (self.x(point[0]), self.y(point[1]))

    def visible(self, x: float, y: float, w: float, h: float) -> bool:
        """Whether a chart-space rectangle overlaps this tile at all."""
        left, cx, s = self._left, self._cx, self.scale
        if left + (x + w - cx) * s < left or left + (x - cx) * s > self._right:
            return False
        top, cy = self._top, self._cy
        return top - (y - cy) * s >= self._bottom and top - (y + h - cy) * s <= top


class ChartPainter:
    """Draws one tile of the chart; `draw` clips to the tile's area."""

    def __init__(
        self,
        chart: Chart,
        layout: Layout,
        theme: Theme,
        fonts: tuple[str, str],
        plan: PagePlan,
        body_keys: dict[str, str] | None,
    ) -> None:
        self.chart = chart
        self.layout = layout
        self.theme = theme
        self.regular, self.bold = fonts
        self.plan = plan
        self.body_keys = body_keys or {}
        self._items: _TileItems | None = None

    def _tile_items(self) -> _TileItems:
        """Everything drawn, with its style, filed by tile: worked out once per export."""
        if self._items is None:
            self._items = _TileItems(self)
        return self._items

    def draw(
        self,
        canv: Canvas,
        tile: Tile,
        encoder: TextEncoder | None = None,
        links: Links | None = None,
    ) -> None:
        """The tile's part of the chart, clipped to the chart area, then the box links.

        `encoder` and `links` are shared by every page of one document (made if not given).
        """
        m = _Map(self.plan.chart_area, tile, self.plan.scale)
        canv.saveState()
        clip = canv.beginPath()
        a = self.plan.chart_area
        clip.rect(a.x, a.y, a.width, a.height)
        canv.clipPath(clip, stroke=0, fill=0)
        items = self._tile_items()
        frames = items.frames.on(tile)
        ops = Ops(canv, encoder or TextEncoder(canv))
        self._frames(ops, m, frames)
        self._edges(ops, m, items.edges.on(tile))
        self._frame_labels(ops, m, frames)
        self._edge_labels(ops, m, items.edge_labels.on(tile), items.label_size)
        self._boxes(ops, m, items.boxes.on(tile))
        ops.flush()
        canv.restoreState()
        self._links(links or Links(canv), m, items.links.on(tile))

    # ----- parts ------------------------------------------------------------------------------
    def _frames(self, ops: Ops, m: _Map, frames: list[_Frame]) -> None:
        s = m.scale
        for frame, style in frames:
            if not m.visible(frame.x, frame.y, frame.width, frame.height):
                continue
            ops.fill(style.fill)
            ops.stroke(style.stroke)
            ops.line_width(1.0 * s)
            ops.dash([d * s for d in style.dash] if style.dash else [])
            ops.round_rect(
                m.x(frame.x),
                m.y(frame.y + frame.height),
                frame.width * s,
                frame.height * s,
                6 * s,
                stroke=True,
                fill=True,
            )
        ops.dash([])

    def _frame_labels(self, ops: Ops, m: _Map, frames: list[_Frame]) -> None:
        """Group names over the lines, on a patch of the frame's colour so lines do not cut them."""
        size = FRAME_LABEL_SIZE * m.scale
        for frame, style in frames:
            if not m.visible(frame.x, frame.y, frame.width, frame.height):
                continue
            label = one_line(frame.label)
            x, y = m.p(frame_label_pos(frame))
            width = stringWidth(label, self.bold, size)
            ops.fill(style.fill)
            ops.rect(x - 1.5, y - size * 0.3, width + 3, size * 1.15, stroke=False, fill=True)
            ops.fill(style.text)
            ops.text(self.bold, size, x, y, label)

    def _edge_labels(
        self, ops: Ops, m: _Map, labels: list[tuple[EdgeLabel, str]], size: float
    ) -> None:
        for label, kind in labels:
            if not m.visible(label.x - label.width / 2, label.y - size, label.width, 2 * size):
                continue
            x, y = m.p((label.x, label.y))
            half = (label.width / 2 + 1.5) * m.scale
            ops.fill("#FFFFFF")
            ops.rect(
                x - half,
                y - size * 0.55 * m.scale,
                2 * half,
                size * 1.1 * m.scale,
                stroke=False,
                fill=True,
            )
            ops.fill(self.theme.relation_style(kind).colour)
            ops.text(
                self.regular,
                size * m.scale,
                x,
                y - BASELINE_DROP * size * m.scale,
                label.text,
                centred=True,
            )

    def _edges(self, ops: Ops, m: _Map, edges: list[_Edge]) -> None:
        s = m.scale
        # _Map's arithmetic inlined: tens of thousands of points on a national chart.
        dx, dy = m.area.x - m.tile.chart_x * s, m.area.top + m.tile.chart_y * s

        def pt(point: Point) -> str:
            return f"{dx + point[0] * s:.2f} {dy - point[1] * s:.2f}"

        for style, shape, (x0, y0, x1, y1) in edges:
            if not m.visible(x0, y0, x1 - x0, y1 - y0):
                continue
            ops.stroke(style.colour)
            ops.fill(style.colour)
            ops.line_width(style.width * s)
            ops.dash([d * s for d in style.dash] if style.dash else [])
            if shape.tail is not None:
                path = [f"{pt(shape.tail[1])} m {pt(shape.start)} l"]
            else:
                path = [f"{pt(shape.start)} m"]
            path += [f"{pt(c1)} {pt(c2)} {pt(end)} c" for c1, c2, end in shape.cubics]
            if shape.head is not None:
                path.append(f"{pt(shape.head[1])} l")
            path.append("S")
            ops.raw(" ".join(path))
            ops.dash([])
            for pair in (shape.head, shape.tail):
                if pair is not None:
                    a, b, c = arrowhead(*pair)
                    ops.raw(f"{pt(a)} m {pt(b)} l {pt(c)} l h f")

    def _boxes(self, ops: Ops, m: _Map, boxes: list[_Box]) -> None:
        s = m.scale
        for box, style in boxes:
            if not m.visible(box.x, box.y, box.width, box.height):
                continue
            ops.fill(style.fill)
            ops.stroke(style.stroke)
            ops.line_width(style.stroke_width * s)
            ops.dash([d * s for d in style.dash] if style.dash else [])
            ops.round_rect(
                m.x(box.x),
                m.y(box.y + box.height),
                box.width * s,
                box.height * s,
                style.corner_radius * s,
                stroke=True,
                fill=True,
            )
            ops.dash([])
            ops.fill(style.text)
            font = self.bold if style.bold else self.regular
            top, bottom = m.area.top + box.font_size * s, m.area.y - box.font_size * s
            for x, y, line in label_baselines(box):
                if not bottom <= m.y(y) <= top:
                    continue  # off this tile (only a very tall label runs over several)
                # The layout wrapped the raw name; drop control characters before drawing
                # (printable ASCII only needs the strip that one_line would give it).
                plain = line.isascii() and line.isprintable()
                line = line.strip() if plain else one_line(line)
                ops.text(font, box.font_size * s, m.x(x), m.y(y), line, centred=True)

    def _links(self, out: Links, m: _Map, links: list[tuple[BoxLayout, str]]) -> None:
        a = m.area
        for box, key in links:
            if not m.visible(box.x, box.y, box.width, box.height):
                continue
            x0, x1 = max(m.x(box.x), a.x), min(m.x(box.x + box.width), a.right)
            y0, y1 = max(m.y(box.y + box.height), a.y), min(m.y(box.y), a.top)
            out.to_place((x0, y0, x1, y1), key)

    def box_top(self, box: BoxLayout, tile: Tile) -> tuple[float, float]:
        """Page (left, top) of a box on a tile, for a "view this box" destination."""
        m = _Map(self.plan.chart_area, tile, self.plan.scale)
        return m.x(box.x), m.y(box.y)


_Frame = tuple[FrameLayout, FrameStyle]
_Edge = tuple[RelationStyle, EdgeShape, Box]
_Box = tuple[BoxLayout, BodyStyle]


class _TileItems:
    """What the painter draws, styled once and filed by the tiles it meets (`TileBuckets`).

    Lists keep the layout's order, so each page draws in the same order as before: only the
    items that cannot reach a page are skipped without being looked at.
    """

    def __init__(self, painter: ChartPainter) -> None:
        chart, layout, theme, plan = painter.chart, painter.layout, painter.theme, painter.plan
        view_w = plan.chart_area.width / plan.scale
        view_h = plan.chart_area.height / plan.scale

        def buckets() -> TileBuckets[Any]:
            return TileBuckets(plan.tiles, view_w, view_h)

        kinds = {g.id: g.kind for g in chart.groups}
        self.frames: TileBuckets[_Frame] = buckets().add_all(
            ((f, theme.frame_style(kinds.get(f.group_id, "other"))), _rect(f))
            for f in layout.frames.values()
        )
        rels = {r.id: r for r in chart.relationships}
        self.edges: TileBuckets[_Edge] = buckets()
        for edge in layout.edges.values():
            rel = rels.get(edge.rel_id)
            kind = rel.kind if rel else "other"
            style = theme.relation_style(kind)
            shape = edge_shape(edge, style.arrow and relation_kind(kind).directed)
            if shape is not None:
                bounds = _bounds(shape)
                self.edges.add((style, shape, bounds), bounds)
        # Never below 7 pt on paper, however far the chart is shrunk; the same on every tile.
        size = max(EDGE_LABEL_SIZE, EDGE_LABEL_MIN / plan.scale)
        self.label_size = size
        self.edge_labels: TileBuckets[tuple[EdgeLabel, str]] = buckets().add_all(
            (
                (label, rels[label.rel_id].kind),
                (
                    label.x - label.width / 2,
                    label.y - size,
                    label.x + label.width / 2,
                    label.y + size,
                ),
            )
            for label in place_edge_labels(chart, layout, size)
        )
        self.boxes: TileBuckets[_Box] = buckets().add_all(
            ((box, _body_style(theme, chart.body(box.body_id))), _rect(box))
            for box in layout.boxes.values()
            if chart.has_body(box.body_id)
        )
        self.links: TileBuckets[tuple[BoxLayout, str]] = buckets().add_all(
            ((box, painter.body_keys[box.body_id]), _rect(box))
            for box in layout.boxes.values()
            if box.body_id in painter.body_keys
        )


def _body_style(theme: Theme, body: Body) -> BodyStyle:
    """The body's style: its kind's, shared, unless the body overrides colours (most do not,
    and resolving copies the style)."""
    return resolve_body_style(theme, body) if body.style else theme.body_style(body.kind)


def _rect(item: BoxLayout | FrameLayout) -> Box:
    return (item.x, item.y, item.x + item.width, item.y + item.height)


def _bounds(shape: EdgeShape) -> Box:
    """(x0, y0, x1, y1) around every point of the line, arrowhead tips included."""
    xs = [shape.start[0]] + [p[0] for cubic in shape.cubics for p in cubic]
    ys = [shape.start[1]] + [p[1] for cubic in shape.cubics for p in cubic]
    for pair in (shape.head, shape.tail):
        if pair is not None:
            xs.append(pair[1][0])
            ys.append(pair[1][1])
    return min(xs), min(ys), max(xs), max(ys)
