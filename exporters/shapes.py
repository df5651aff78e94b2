"""Geometry every exporter shares, so the PDF, the SVG and the PNG draw exactly alike.

All in chart coordinates (points, y down) as the Layout gives them: where each label line's
baseline goes, where an arrowhead's corners are, the full path of a relationship line, and
how the legend's entries are arranged.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from exporters.safe_text import one_line
from icsviewer.layout.geometry import BoxLayout, EdgeLayout, FrameLayout, Layout, Point
from icsviewer.layout.text_metrics import line_height, text_width
from icsviewer.model.chart import Chart
from icsviewer.style.legend import Legend

# Where a line's baseline sits below its line-box centre, as a fraction of the font size: half
# Liberation Sans' cap height (0.729 em), so capitals look vertically centred.
BASELINE_DROP = 0.36
# Group names are drawn at this size (bold), in chart units.
FRAME_LABEL_SIZE = 10.0
# Graphviz's default arrowhead length; the layout leaves this gap for the head.
ARROW_LENGTH = 10.0
# Arrowhead half-width relative to its length (Graphviz 'normal' arrows are about 1:3).
ARROW_HALF_WIDTH = 0.35


def label_baselines(box: BoxLayout) -> list[tuple[float, float, str]]:
    """(centre x, baseline y, text) for each label line, the block centred in the box."""
    lh = line_height(box.font_size)
    cx, cy = box.center
    top = cy - lh * len(box.lines) / 2
    return [
        (cx, top + lh * (i + 0.5) + BASELINE_DROP * box.font_size, line)
        for i, line in enumerate(box.lines)
    ]


def arrowhead(base: Point, tip: Point) -> tuple[Point, Point, Point]:
    """The triangle of an arrowhead from the middle of its base to its tip."""
    # The base's half-width is proportional to the arrow's length, so (-dy, dx) scaled works.
    nx, ny = -(tip[1] - base[1]) * ARROW_HALF_WIDTH, (tip[0] - base[0]) * ARROW_HALF_WIDTH
    return ((base[0] + nx, base[1] + ny), tip, (base[0] - nx, base[1] - ny))


@dataclass(frozen=True)
class EdgeShape:
    """A relationship line as drawn: start point, cubic segments, arrowheads at either end."""

    start: Point
    # Each cubic is (control 1, control 2, end).
    cubics: tuple[tuple[Point, Point, Point], ...]
    head: tuple[Point, Point] | None  # (base, tip)
    tail: tuple[Point, Point] | None  # (base, tip)


def edge_shape(edge: EdgeLayout, arrows: bool) -> EdgeShape | None:
    """The drawn shape of an edge, or None if its point list is unusable.

    The Layout's path stops an arrowhead short of the box and gives the tip separately (as
    Graphviz does); the arrowhead spans that gap. Without a tip the path ends at the box and
    has no head. Point lists that are not 1 + 3n long are cut to the longest usable prefix.
    """
    points = edge.points
    if len(points) < 4:
        if len(points) >= 2:
            # A two- or three-point path: draw straight lines as degenerate cubics.
            segs = tuple((a, b, b) for a, b in itertools.pairwise(points))
            points = (points[0], *[p for seg in segs for p in seg])
        else:
            return None
    usable = 1 + 3 * ((len(points) - 1) // 3)
    points = points[:usable]
    if not all(math.isfinite(c) for p in points for c in p):
        return None
    cubics = tuple((points[i], points[i + 1], points[i + 2]) for i in range(1, len(points) - 1, 3))
    head: tuple[Point, Point] | None = None
    if arrows and edge.arrow_tip is not None:
        head = (points[-1], edge.arrow_tip)
    elif arrows:
        # No room was left for the head (boxes very close): put it over the line's end.
        head = _head_on_end(points)
    tail = (points[0], edge.arrow_tail) if arrows and edge.arrow_tail is not None else None
    return EdgeShape(points[0], cubics, head, tail)


def _head_on_end(points: tuple[Point, ...]) -> tuple[Point, Point] | None:
    end = points[-1]
    for prev in reversed(points[:-1]):
        dx, dy = end[0] - prev[0], end[1] - prev[1]
        length = math.hypot(dx, dy)
        if length > 1e-6:
            size = min(ARROW_LENGTH, length)
            return ((end[0] - dx / length * size, end[1] - dy / length * size), end)
    return None


def frame_label_pos(frame: FrameLayout) -> Point:
    """Left end of the group name's baseline (top-left inside the frame if not given)."""
    if frame.label_pos == (0.0, 0.0):
        return (frame.x + 8, frame.y + 12)
    return frame.label_pos


@dataclass(frozen=True)
class EdgeLabel:
    """A relationship label that has room: its text centred on (x, y), chart coordinates."""

    rel_id: str
    text: str
    x: float
    y: float
    width: float


def place_edge_labels(chart: Chart, layout: Layout, size: float) -> list[EdgeLabel]:
    """The relationship labels that can be drawn without covering a box or another label.

    A dense chart has more labels than room; a label over a box or a group name hides that
    name, which matters more. Labels left out are still in the PDF directory's relationship
    sentences.
    """
    pad = 2.0
    taken = _RectIndex()
    for b in layout.boxes.values():
        taken.add((b.x, b.y, b.x + b.width, b.y + b.height))
    for frame in layout.frames.values():
        fx, fy = frame_label_pos(frame)
        width = text_width(one_line(frame.label)[:200], FRAME_LABEL_SIZE, True)
        taken.add((fx, fy - FRAME_LABEL_SIZE, fx + width, fy + FRAME_LABEL_SIZE * 0.3))
    rels = {r.id: r for r in chart.relationships}
    placed: list[EdgeLabel] = []
    for edge in layout.edges.values():
        rel = rels.get(edge.rel_id)
        text = one_line(rel.label)[:80] if rel is not None else ""
        if not text or edge.label_pos is None:
            continue
        x, y = edge.label_pos
        width = text_width(text, size)
        rect = (x - width / 2 - pad, y - size * 0.6, x + width / 2 + pad, y + size * 0.6)
        if taken.hits(rect):
            continue
        taken.add(rect)
        placed.append(EdgeLabel(edge.rel_id, text, x, y, width))
    return placed


RectTuple = tuple[float, float, float, float]


def _overlaps(a: RectTuple, b: RectTuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class _RectIndex:
    """Rectangles bucketed on a coarse grid, so overlap checks stay fast at 10,000 boxes."""

    CELL = 200.0

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[RectTuple]] = {}

    def _keys(self, r: RectTuple) -> list[tuple[int, int]]:
        c = self.CELL
        x0, y0, x1, y1 = int(r[0] // c), int(r[1] // c), int(r[2] // c), int(r[3] // c)
        if (x1 - x0 + 1) * (y1 - y0 + 1) > 10_000:  # an enormous rectangle: one shared bucket
            return [(-(10**9), -(10**9))]
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]

    def add(self, r: RectTuple) -> None:
        for key in self._keys(r):
            self._cells.setdefault(key, []).append(r)

    def hits(self, r: RectTuple) -> bool:
        huge = self._cells.get((-(10**9), -(10**9)), [])
        return any(_overlaps(r, o) for o in huge) or any(
            _overlaps(r, o) for key in self._keys(r) for o in self._cells.get(key, ())
        )


# ----- legend --------------------------------------------------------------------------------
LEGEND_FONT = 8.0
LEGEND_TITLE_FONT = 9.0
LEGEND_SWATCH_W = 24.0
LEGEND_SWATCH_H = 12.0
LEGEND_GAP = 6.0
LEGEND_ROW = 16.0
LEGEND_COL_GAP = 16.0
LEGEND_TITLE = "Key"


@dataclass(frozen=True)
class LegendItem:
    """One entry: a swatch (box or line sample) at (x, y) top-left, its text to the right."""

    kind: str
    is_body: bool
    label: str
    x: float
    y: float

    @property
    def text_x(self) -> float:
        return self.x + LEGEND_SWATCH_W + LEGEND_GAP

    @property
    def text_baseline(self) -> float:
        return self.y + LEGEND_SWATCH_H / 2 + BASELINE_DROP * LEGEND_FONT


@dataclass(frozen=True)
class LegendLayout:
    """The legend arranged in columns: entries relative to the legend's top-left corner."""

    items: tuple[LegendItem, ...]
    width: float
    height: float
    title_baseline: float


def layout_legend(legend: Legend, max_width: float) -> LegendLayout:
    """Arrange body kinds then relationship kinds in as many equal columns as fit."""
    entries = [(e.kind, True, e.label) for e in legend.bodies] + [
        (e.kind, False, e.label) for e in legend.relations
    ]
    if not entries:
        return LegendLayout((), 0.0, 0.0, 0.0)
    widest = max(text_width(label, LEGEND_FONT) for _, _, label in entries)
    col_w = LEGEND_SWATCH_W + LEGEND_GAP + widest + LEGEND_COL_GAP
    columns = max(1, min(len(entries), int((max_width + LEGEND_COL_GAP + 0.01) // col_w)))
    rows = math.ceil(len(entries) / columns)
    top = LEGEND_TITLE_FONT + 6.0
    items = []
    for index, (kind, is_body, label) in enumerate(entries):
        # Fill down each column first, so body kinds and line kinds read as two runs.
        col, row = divmod(index, rows)
        items.append(LegendItem(kind, is_body, label, col * col_w, top + row * LEGEND_ROW))
    width = columns * col_w - LEGEND_COL_GAP
    height = top + rows * LEGEND_ROW - (LEGEND_ROW - LEGEND_SWATCH_H)
    return LegendLayout(tuple(items), width, height, LEGEND_TITLE_FONT)
