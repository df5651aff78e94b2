"""Turn the Graphviz worker's raw answer into a Layout (points, y down, top-left origin).

Graphviz gives positions with y up, node centres, edge splines as
`[e,x,y] [s,x,y] x,y x,y ...` and cluster boxes as `llx,lly,urx,ury`. Everything here is
plain string parsing, so it is tested without Graphviz; any malformed value raises
ValueError, which the client reports as a layout failure.
"""

from __future__ import annotations

from typing import Any

from icsviewer.layout.frames import finish_layout, label_pos
from icsviewer.layout.geometry import BoxLayout, EdgeLayout, FrameLayout, Layout, Point
from icsviewer.layout.graph_builder import GraphSpec
from icsviewer.layout.routing import route
from icsviewer.layout.structure import Structure
from icsviewer.model.kinds import relation_kind


def read_answer(answer: Any, spec: GraphSpec, structure: Structure) -> Layout:
    """The Layout described by a worker answer; ValueError if the answer is malformed."""
    try:
        return _read(answer, spec, structure)
    except (KeyError, TypeError, IndexError, AttributeError) as exc:
        raise ValueError(f"the layout answer is incomplete or malformed ({exc!r})") from exc


def _read(answer: Any, spec: GraphSpec, structure: Structure) -> Layout:
    if not isinstance(answer, dict):
        raise ValueError("the layout answer is not a JSON object")
    try:
        top = _floats(answer["bb"], 4)[3]
        node_pos: dict[str, Any] = answer["nodes"]
        edge_pos: dict[str, Any] = answer["edges"]
        cluster_bb: dict[str, Any] = answer["clusters"]
    except (KeyError, TypeError) as exc:
        raise ValueError(f"the layout answer lacks {exc}") from exc

    def flip(x: float, y: float) -> Point:
        return (x, top - y)

    boxes: dict[str, BoxLayout] = {}
    for name, node_id in spec.node_ids.items():
        cx, cy = flip(*_floats(node_pos[name], 2))
        size = structure.nodes[node_id].size
        boxes[node_id] = BoxLayout(
            node_id, cx - size.width / 2, cy - size.height / 2, size.width, size.height,
            size.lines, size.font_size,
        )
    edges: dict[str, EdgeLayout] = {}
    for name, (link, reversed_) in spec.edge_links.items():
        if name not in edge_pos and not spec.route_overlay:
            # An overlay line Graphviz was not asked to route: a gentle curve between borders.
            kind = relation_kind(link.kind)
            edges[link.rel_id] = route(
                link.rel_id, link.source, link.target, boxes[link.tail], boxes[link.head],
                kind.directed, 0.0 if kind.structural else 0.12,
            )
            continue
        points, tip, tail = _spline(str(edge_pos[name]), flip)
        if reversed_:
            # Added child-below-parent with dir=back: flip it to run source -> target.
            points = points[::-1]
            tip, tail = tail, tip
        edges[link.rel_id] = EdgeLayout(
            link.rel_id, link.source, link.target, tuple(points), tip, tail,
            _label_point(points),
        )
    frames: dict[str, FrameLayout] = {}
    for name, group_id in spec.cluster_ids.items():
        x0, y0, x1, y1 = _floats(cluster_bb[name], 4)
        left, upper = flip(x0, y1)
        label = next((c.name for c in structure.clusters if c.id == group_id), "")
        frames[group_id] = FrameLayout(
            group_id, label, left, upper, x1 - x0, y1 - y0, label_pos(left, upper)
        )
    return finish_layout(boxes, edges, frames, "dot", margin=4.0)


def _floats(text: Any, count: int) -> list[float]:
    parts = str(text).split(",")
    if len(parts) < count:
        raise ValueError(f"expected {count} numbers, got {text!r}")
    return [float(p) for p in parts[:count]]


def _spline(text: str, flip: Any) -> tuple[list[Point], Point | None, Point | None]:
    """Points, arrow tip ('e') and arrow tail ('s') of the first spline in a `pos` value."""
    first = text.split(";")[0].split()
    points: list[Point] = []
    tip: Point | None = None
    tail: Point | None = None
    for token in first:
        if token.startswith("e,"):
            tip = flip(*_floats(token[2:], 2))
        elif token.startswith("s,"):
            tail = flip(*_floats(token[2:], 2))
        else:
            points.append(flip(*_floats(token, 2)))
    if len(points) < 4 or (len(points) - 1) % 3:
        raise ValueError(f"an edge path has {len(points)} points, not 3n+1")
    return points, tip, tail


def _label_point(points: list[Point]) -> Point:
    """Where a line's label goes: two thirds of the way toward its lower end.

    Lines fan out from a parent (an ICB to its nine Places): at their middles they are still
    close together and their labels would overprint; near the lower end they are as far
    apart as the boxes they reach.
    """
    segments = (len(points) - 1) // 3
    toward_end = points[-1][1] >= points[0][1]
    t = (2 / 3 if toward_end else 1 / 3) * segments
    index = min(int(t), segments - 1)
    u = t - index
    p0, c1, c2, p1 = points[3 * index : 3 * index + 4]
    a, b, c, d = (1 - u) ** 3, 3 * u * (1 - u) ** 2, 3 * u * u * (1 - u), u**3
    return (
        a * p0[0] + b * c1[0] + c * c2[0] + d * p1[0],
        a * p0[1] + b * c1[1] + c * c2[1] + d * p1[1],
    )
