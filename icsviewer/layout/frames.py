"""Group frames and the finishing touches every engine shares.

A frame is drawn around the boxes of an expanded group, with room above them for the group's
name. `finish_layout` moves everything so the chart's top-left is (0, 0) and measures it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from icsviewer.layout.geometry import BoxLayout, EdgeLayout, FrameLayout, Layout, Point
from icsviewer.layout.structure import Cluster

FRAME_PAD = 8.0
# Space above the boxes for the group's name (10 pt bold label plus a little air).
FRAME_LABEL_HEIGHT = 16.0


def frame_around(cluster: Cluster, boxes: dict[str, BoxLayout]) -> FrameLayout | None:
    """The frame enclosing a cluster's boxes, label at the top left inside the frame."""
    members = [boxes[m] for m in cluster.members if m in boxes]
    if not members:
        return None
    x0 = min(b.x for b in members) - FRAME_PAD
    y0 = min(b.y for b in members) - FRAME_PAD - FRAME_LABEL_HEIGHT
    x1 = max(b.x + b.width for b in members) + FRAME_PAD
    y1 = max(b.y + b.height for b in members) + FRAME_PAD
    return FrameLayout(
        cluster.id, cluster.name, x0, y0, x1 - x0, y1 - y0,
        (x0 + FRAME_PAD, y0 + FRAME_LABEL_HEIGHT - 4),
    )


def finish_layout(
    boxes: dict[str, BoxLayout],
    edges: dict[str, EdgeLayout],
    frames: dict[str, FrameLayout],
    engine: str,
    warnings: Iterable[str] = (),
    margin: float = 4.0,
) -> Layout:
    """Shift everything so the top-left of all geometry is at (margin, margin) and measure it."""
    xs: list[float] = []
    ys: list[float] = []
    for b in boxes.values():
        xs += [b.x, b.x + b.width]
        ys += [b.y, b.y + b.height]
    for f in frames.values():
        xs += [f.x, f.x + f.width]
        ys += [f.y, f.y + f.height]
    for e in edges.values():
        for p in _edge_points(e):
            xs.append(p[0])
            ys.append(p[1])
    if not xs:
        return Layout({}, {}, {}, 0.0, 0.0, engine, tuple(warnings))
    dx, dy = margin - min(xs), margin - min(ys)
    return Layout(
        {k: replace(b, x=b.x + dx, y=b.y + dy) for k, b in boxes.items()},
        {k: shift_edge(e, dx, dy) for k, e in edges.items()},
        {
            k: replace(f, x=f.x + dx, y=f.y + dy, label_pos=_shift(f.label_pos, dx, dy))
            for k, f in frames.items()
        },
        max(xs) - min(xs) + 2 * margin,
        max(ys) - min(ys) + 2 * margin,
        engine,
        tuple(warnings),
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
