"""Lines between boxes for the engines that do not route edges themselves.

Graphviz routes its own splines; the fallback rows, the large-chart tree and pinned boxes
(moved after Graphviz ran) use these: a straight or gently bowed cubic Bezier from border to
border. Like Graphviz, a directed line stops one arrowhead short of the target box and gives
the arrowhead's tip separately, so every renderer draws arrows the same way.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping

from icsviewer.layout.geometry import BoxLayout, EdgeLayout, Point
from icsviewer.layout.structure import Link

# Graphviz's default arrowhead length (arrowsize=1), so all engines' arrows match.
ARROW_LENGTH = 10.0
# Farthest a bowed line's control points move sideways, in points.
MAX_BOW = 30.0


def border_point(box: BoxLayout, toward: Point) -> Point:
    """Where the line from the box's centre toward `toward` leaves the box."""
    cx, cy = box.center
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    half_w, half_h = box.width / 2, box.height / 2
    scale = min(
        half_w / abs(dx) if dx else math.inf,
        half_h / abs(dy) if dy else math.inf,
    )
    return (cx + dx * scale, cy + dy * scale)


def route(
    rel_id: str,
    source: str,
    target: str,
    tail: BoxLayout,
    head: BoxLayout,
    directed: bool,
    bow: float = 0.0,
) -> EdgeLayout:
    """A line from `tail` to `head`; `bow` bends it sideways by that fraction of its length.

    A small bow keeps cross links from lying exactly on top of hierarchy lines.
    """
    # `border_point` and the box centres written out: a national chart routes some 13,000
    # lines, and the arithmetic (in the same order, so the same numbers) is all there is.
    tcx, tcy = tail.x + tail.width / 2, tail.y + tail.height / 2
    hcx, hcy = head.x + head.width / 2, head.y + head.height / 2
    # Where the line between the centres leaves each box (border_point, inlined).
    dx, dy = hcx - tcx, hcy - tcy
    if dx == 0 and dy == 0:
        start: Point = (tcx, tcy)
        end: Point = (hcx, hcy)
    else:
        adx, ady = abs(dx), abs(dy)
        scale = min(tail.width / 2 / adx if dx else math.inf,
                    tail.height / 2 / ady if dy else math.inf)
        start = (tcx + dx * scale, tcy + dy * scale)
        # From the head, toward the tail: the same line the other way (-dx, -dy).
        scale = min(head.width / 2 / adx if dx else math.inf,
                    head.height / 2 / ady if dy else math.inf)
        end = (hcx + -dx * scale, hcy + -dy * scale)
    sx, sy = start
    ex, ey = end
    dx, dy = ex - sx, ey - sy
    tip: Point | None = None
    if directed:
        length = math.hypot(dx, dy)
        if length > ARROW_LENGTH * 1.5:
            tip = end
            ex, ey = ex - dx / length * ARROW_LENGTH, ey - dy / length * ARROW_LENGTH
            end = (ex, ey)
            dx, dy = ex - sx, ey - sy
    # Control points a third and two thirds along, pushed sideways by the bow (at most
    # MAX_BOW, so a long line across a big chart does not swing far outside it).
    nx, ny = (-dy * bow, dx * bow)
    if bow:
        push = math.hypot(nx, ny)
        if push > MAX_BOW:
            nx, ny = nx * MAX_BOW / push, ny * MAX_BOW / push
    c1 = (sx + dx / 3 + nx, sy + dy / 3 + ny)
    c2 = (sx + 2 * dx / 3 + nx, sy + 2 * dy / 3 + ny)
    mid = (sx + dx / 2 + nx * 0.75, sy + dy / 2 + ny * 0.75)
    return EdgeLayout(rel_id, source, target, (start, c1, c2, end), tip, None, mid)


def orthogonal_route(
    rel_id: str, source: str, target: str, tail: BoxLayout, head: BoxLayout, directed: bool
) -> EdgeLayout:
    """An org-chart elbow from the bottom of `tail` down to the top of `head` (or up).

    Drawn as straight cubic segments (control points on the line), so it is still a Bezier
    path like every other edge.
    """
    tx, ty = tail.center
    hx, hy = head.center
    going_down = hy >= ty
    start = (tx, tail.y + tail.height) if going_down else (tx, tail.y)
    end = (hx, head.y) if going_down else (hx, head.y + head.height)
    tip: Point | None = None
    if directed:
        tip = end
        step = ARROW_LENGTH if going_down else -ARROW_LENGTH
        end = (end[0], end[1] - step)
    mid_y = (start[1] + end[1]) / 2
    corners = [start, (start[0], mid_y), (end[0], mid_y), end]
    points: list[Point] = [corners[0]]
    for a, b in itertools.pairwise(corners):
        points.extend([_lerp(a, b, 1 / 3), _lerp(a, b, 2 / 3), b])
    return EdgeLayout(
        rel_id, source, target, tuple(points), arrow_tip=tip,
        label_pos=((start[0] + end[0]) / 2, mid_y),
    )


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def route_all(
    links: Iterable[Link],
    boxes: Mapping[str, BoxLayout],
    looks: Mapping[str, tuple[bool, float]],
) -> dict[str, EdgeLayout]:
    """`route` for every link, by relationship id: `looks` gives (directed, bow) by kind.

    The same arithmetic in the same order as `route` (so bit for bit the same lines), with
    each box's centre and half size worked out once rather than per line: a national chart
    routes some 13,000 lines between 10,000 boxes, and the loop is all there is.
    """
    edges: dict[str, EdgeLayout] = {}
    # box id -> (centre x, centre y, half width, half height); `width / 2` as route has it.
    known: dict[str, tuple[float, float, float, float]] = {}
    inf, hypot, edge = math.inf, math.hypot, EdgeLayout
    for link in links:
        t = known.get(link.tail)
        if t is None:
            box = boxes[link.tail]
            hw, hh = box.width / 2, box.height / 2
            t = known[link.tail] = (box.x + hw, box.y + hh, hw, hh)
        h = known.get(link.head)
        if h is None:
            box = boxes[link.head]
            hw, hh = box.width / 2, box.height / 2
            h = known[link.head] = (box.x + hw, box.y + hh, hw, hh)
        directed, bow = looks[link.kind]
        tcx, tcy, thw, thh = t
        hcx, hcy, hhw, hhh = h
        dx, dy = hcx - tcx, hcy - tcy
        if dx == 0 and dy == 0:
            sx, sy, ex, ey = tcx, tcy, hcx, hcy
        else:
            adx, ady = abs(dx), abs(dy)
            # min(a, b) written out (b if b < a else a, as min picks), twice per line.
            across = thw / adx if dx else inf
            down = thh / ady if dy else inf
            scale = down if down < across else across
            sx, sy = tcx + dx * scale, tcy + dy * scale
            across = hhw / adx if dx else inf
            down = hhh / ady if dy else inf
            scale = down if down < across else across
            ex, ey = hcx + -dx * scale, hcy + -dy * scale
        start = (sx, sy)
        end = (ex, ey)
        dx, dy = ex - sx, ey - sy
        tip: Point | None = None
        if directed:
            length = hypot(dx, dy)
            if length > ARROW_LENGTH * 1.5:
                tip = end
                ex, ey = ex - dx / length * ARROW_LENGTH, ey - dy / length * ARROW_LENGTH
                end = (ex, ey)
                dx, dy = ex - sx, ey - sy
        rel_id = link.rel_id
        if bow:
            nx, ny = (-dy * bow, dx * bow)
            push = hypot(nx, ny)
            if push > MAX_BOW:
                nx, ny = nx * MAX_BOW / push, ny * MAX_BOW / push
            points = (start, (sx + dx / 3 + nx, sy + dy / 3 + ny),
                      (sx + 2 * dx / 3 + nx, sy + 2 * dy / 3 + ny), end)
            mid = (sx + dx / 2 + nx * 0.75, sy + dy / 2 + ny * 0.75)
        else:
            # No bow (most lines: the hierarchy's). `route` adds a zero there, which leaves
            # every number as it was (only -0.0 would change, and a box's far side is never
            # at -0.0 since boxes have width).
            points = (start, (sx + dx / 3, sy + dy / 3), (sx + 2 * dx / 3, sy + 2 * dy / 3), end)
            mid = (sx + dx / 2, sy + dy / 2)
        edges[rel_id] = edge(rel_id, link.source, link.target, points, tip, None, mid)
    return edges
