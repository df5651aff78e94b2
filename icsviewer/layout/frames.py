"""Group frames and the finishing touches every engine shares.

A frame is drawn around the boxes of an expanded group, with room above them for the group's
name: a strip FRAME_LABEL_HEIGHT tall, and the frame at least as wide as the name (every
engine reserves that space when it places the group, so a name never runs out of its frame
into a neighbour). `finish_layout` moves everything so the chart's top-left is (0, 0) and
measures it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from itertools import chain
from operator import add, attrgetter

from icsviewer.layout.boxes import FRAME_LABEL_SIZE
from icsviewer.layout.geometry import BoxLayout, EdgeLayout, FrameLayout, Layout, Point
from icsviewer.layout.structure import Cluster, Structure
from icsviewer.layout.text_metrics import text_width

FRAME_PAD = 8.0
# Space above the boxes for the group's name (10 pt bold label plus a little air).
FRAME_LABEL_HEIGHT = 16.0
# The label's baseline sits this far below the frame's top edge, FRAME_PAD from its left.
FRAME_LABEL_BASELINE = FRAME_LABEL_HEIGHT - 4
# Least space between the frames of two groups, so neighbouring frames never touch.
FRAME_GAP = 8.0


def label_width(name: str) -> float:
    """The width of a group's name drawn on one line in its frame (at FRAME_LABEL_SIZE)."""
    return text_width(" ".join(name.split()), FRAME_LABEL_SIZE, True)


def min_frame_width(name: str) -> float:
    """The narrowest frame that holds a group's name with padding on both sides."""
    return label_width(name) + 2 * FRAME_PAD


def label_pos(x: float, y: float) -> Point:
    """Left end of the name's baseline in a frame whose top-left corner is (x, y)."""
    return (x + FRAME_PAD, y + FRAME_LABEL_BASELINE)


def frame_around(cluster: Cluster, boxes: Mapping[str, BoxLayout]) -> FrameLayout | None:
    """The frame enclosing a cluster's boxes, label at the top left inside the frame."""
    members = [boxes[m] for m in cluster.members if m in boxes]
    if not members:
        return None
    return frame_for(cluster.id, cluster.name, *bounds(members))


def frame_for(
    group_id: str, name: str, left: float, top: float, right: float, bottom: float
) -> FrameLayout:
    """The frame of a group whose boxes' bounds are (left, top, right, bottom)."""
    x0 = left - FRAME_PAD
    y0 = top - FRAME_PAD - FRAME_LABEL_HEIGHT
    x1 = right + FRAME_PAD
    y1 = bottom + FRAME_PAD
    # As wide as the name needs (the engines reserved that width when placing the group).
    width = max(x1 - x0, min_frame_width(name))
    return FrameLayout(group_id, name, x0, y0, width, y1 - y0, label_pos(x0, y0))


def finish_layout(
    boxes: dict[str, BoxLayout],
    edges: dict[str, EdgeLayout],
    frames: dict[str, FrameLayout],
    engine: str,
    warnings: Iterable[str] = (),
    margin: float = 4.0,
    parts: list[tuple[float, float, float, float]] | None = None,
) -> Layout:
    """Shift everything so the top-left of all geometry is at (margin, margin) and measure it.

    Geometry whose top-left already lies between (margin, margin) and (2 margin, 2 margin) is
    left where it is. `parts`, if the caller measured them already, are the `bounds` and
    `edge_bounds` of everything.
    """
    if parts is None:
        parts = [bounds(items) for items in (boxes.values(), frames.values()) if items]
        lines = edge_bounds(edges.values())
        if lines is not None:
            parts.append(lines)
    if not parts:
        return Layout({}, {}, {}, 0.0, 0.0, engine, tuple(warnings))
    left = min(p[0] for p in parts)
    top = min(p[1] for p in parts)
    right = max(p[2] for p in parts)
    bottom = max(p[3] for p in parts)
    dx, dy = margin - left, margin - top
    if 0.0 <= -dx <= margin and 0.0 <= -dy <= margin:
        # Already placed within a margin of the origin (the tree engine starts there): keep
        # the coordinates rather than copying every record to move it by a point or two.
        return Layout(
            boxes, edges, frames, right + margin, bottom + margin, engine, tuple(warnings)
        )
    return Layout(
        {k: replace(b, x=b.x + dx, y=b.y + dy) for k, b in boxes.items()},
        {k: shift_edge(e, dx, dy) for k, e in edges.items()},
        {
            k: replace(f, x=f.x + dx, y=f.y + dy, label_pos=_shift(f.label_pos, dx, dy))
            for k, f in frames.items()
        },
        right - left + 2 * margin,
        bottom - top + 2 * margin,
        engine,
        tuple(warnings),
    )


def bounds(items: Iterable[BoxLayout | FrameLayout]) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of some boxes or frames (at least one)."""
    # map/attrgetter iterate at C speed: a national chart has 12,000 boxes and frames.
    items = list(items)
    xs, ys = list(map(_x, items)), list(map(_y, items))
    return (
        min(xs),
        min(ys),
        max(map(add, xs, map(_width, items))),
        max(map(add, ys, map(_height, items))),
    )


def edge_bounds(edges: Iterable[EdgeLayout]) -> tuple[float, float, float, float] | None:
    """(left, top, right, bottom) of the points of some edges, arrow tips included (None if
    they have no points)."""
    edges = list(edges)
    points = list(chain.from_iterable(map(_points, edges)))
    points += filter(None, map(_arrow_tip, edges))
    points += filter(None, map(_arrow_tail, edges))
    if not points:
        return None
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


_x, _y, _width, _height = (attrgetter(name) for name in ("x", "y", "width", "height"))
_points, _arrow_tip, _arrow_tail = (
    attrgetter(name) for name in ("points", "arrow_tip", "arrow_tail")
)


def shift_edge(e: EdgeLayout, dx: float, dy: float) -> EdgeLayout:
    """The same edge moved by (dx, dy)."""
    return replace(
        e,
        points=tuple(_shift(p, dx, dy) for p in e.points),
        arrow_tip=_shift(e.arrow_tip, dx, dy) if e.arrow_tip else None,
        arrow_tail=_shift(e.arrow_tail, dx, dy) if e.arrow_tail else None,
        label_pos=_shift(e.label_pos, dx, dy) if e.label_pos else None,
    )


def _edge_points(e: EdgeLayout) -> list[Point]:
    extra = [p for p in (e.arrow_tip, e.arrow_tail) if p is not None]
    return [*e.points, *extra]


def _shift(p: Point, dx: float, dy: float) -> Point:
    return (p[0] + dx, p[1] + dy)


def collapsed_groups_as_frames(layout: Layout, structure: Structure) -> Layout:
    """Turn the boxes standing for collapsed groups into frames (consumers draw groups as
    frames; a collapsed one is a small frame holding only the group's name), so `boxes` holds
    bodies only and `frames` holds every group."""
    group_ids = structure.group_ids
    if group_ids is None:
        group_ids = tuple(node_id for node_id, node in structure.nodes.items() if node.is_group)
    if not group_ids:
        return layout
    boxes = dict(layout.boxes)
    frames = dict(layout.frames)
    for group_id in group_ids:
        box = boxes.pop(group_id, None)
        if box is None:
            continue
        frames[group_id] = FrameLayout(
            group_id, box.lines[0] if box.lines else group_id, box.x, box.y, box.width,
            box.height, label_pos(box.x, box.y),
        )
    return replace(layout, boxes=boxes, frames=frames)
