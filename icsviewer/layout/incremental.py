"""Patch an existing layout after a small structural edit, without Graphviz.

A full layout can rearrange the whole chart after adding one body. For small edits (a few
bodies added or deleted, a relationship added or removed, a body renamed) `update_layout`
keeps every surviving box exactly where it was and only:

- drops the boxes and lines of deleted bodies and re-fits their groups' frames
  (`frames.frame_around`, as every engine does);
- re-sizes a renamed body's box about its centre (`boxes.box_size`);
- places each new body in the nearest free spot next to the body it is connected to (else
  next to its group, else at the bottom-left), growing its group's frame;
- routes new lines, and lines touching moved, new or re-sized boxes, with
  `routing.route` (as the tree and fallback engines do); every other line keeps its route;
- puts pinned boxes at their pins (pins always win).

It returns None when the edit is too big or too tangled to patch (many new bodies, a group's
membership reshuffled, a group collapsed or expanded, a re-sized box or grown frame that would
overlap a neighbour): the caller then runs the full layout. Pure Python, no Qt, no Graphviz.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from icsviewer.layout.boxes import BoxSize
from icsviewer.layout.frames import (
    FRAME_GAP,
    FRAME_LABEL_HEIGHT,
    FRAME_PAD,
    collapsed_groups_as_frames,
    frame_around,
    label_pos,
    min_frame_width,
)
from icsviewer.layout.geometry import BoxLayout, EdgeLayout, FrameLayout, Layout
from icsviewer.layout.pins import apply_pins
from icsviewer.layout.routing import route
from icsviewer.layout.structure import Cluster, Node, Structure, build_structure
from icsviewer.model.chart import Chart
from icsviewer.model.kinds import relation_kind

# Most new boxes patched in at once; more is a new chart section and deserves a full layout.
MAX_NEW_BODIES = 5
# Space between a new box and the box it is placed next to, and the first search step.
GAP = 24.0
# Least clear space around a new box (to other boxes and to frames it is not inside).
CLEARANCE = 12.0
# How far out the search for a free spot goes, in steps of GAP (about 30 boxes' height).
MAX_RINGS = 30
# Sideways shifts tried at each distance, in steps of GAP either side.
MAX_SHIFTS = 12
# Least clear space kept around a box that grew because its name changed.
RESIZE_CLEARANCE = 4.0
# Margin kept around the chart (the engines' finish_layout margin).
MARGIN = 4.0
# Slack for "this box lies inside that frame" (coordinates come from JSON and Graphviz).
EPS = 0.5

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


class _UnpatchableError(Exception):
    """The edit cannot be patched; the caller runs the full layout."""


def update_layout(previous: Layout, chart: Chart) -> Layout | None:
    """`previous` patched to show `chart`, or None if the change is too big to patch."""
    try:
        return _Patch(previous, build_structure(chart)).run()
    except _UnpatchableError:
        return None


class _Patch:
    """One update: the working boxes and frames, and which boxes changed."""

    def __init__(self, previous: Layout, structure: Structure) -> None:
        self.prev = previous
        self.st = structure
        self.clusters = {c.id: c for c in structure.clusters}
        # Boxes (collapsed groups included, as the engines hold them before finishing).
        self.boxes: dict[str, BoxLayout] = {}
        self.frames: dict[str, FrameLayout] = {}
        # Boxes whose position or size differ from `previous`: their lines are re-routed.
        self.changed: set[str] = set()
        # Surviving boxes moved to a new pin (a subset of `changed`).
        self.moved: set[str] = set()
        self.changed_frames: set[str] = set()
        self.new_ids: list[str] = []
        self.index = _Grid()  # every box in `boxes`, for overlap tests
        self.frame_index = _Grid()  # every outline a frame in `frames` has had

    def run(self) -> Layout:
        self._keep_surviving_boxes()
        for key, box in self.boxes.items():
            self.index.add(key, _rect(box))
        self._check_memberships()
        self._refit_frames()
        self._check_changed_boxes()
        self._place_new_boxes()
        self._check_frames()
        edges = self._edges()
        layout = Layout(self.boxes, edges, self.frames, 0.0, 0.0, self.prev.engine,
                        self.prev.warnings)
        # Pins were honoured above; apply_pins is the engines' own guarantee (a no-op here).
        layout = collapsed_groups_as_frames(apply_pins(layout, self.st), self.st)
        return _measured(layout)

    # -- surviving, removed, re-sized and pinned boxes ------------------------------------

    def _keep_surviving_boxes(self) -> None:
        new_nodes = [n for n in self.st.nodes.values() if not self._had_box(n)]
        if len(new_nodes) > MAX_NEW_BODIES or any(n.is_group for n in new_nodes):
            raise _UnpatchableError  # a big addition, or a group collapsed just now
        self.new_ids = [n.id for n in new_nodes]
        for node in self.st.nodes.values():
            if node.id in self.new_ids:
                continue
            old = self._old_box(node)
            box = old
            if node.is_group and (old.width, old.height) != (node.size.width, node.size.height):
                raise _UnpatchableError  # the count of hidden bodies changed: its frame re-sizes
            if (old.width, old.height, old.lines) != (
                node.size.width, node.size.height, node.size.lines
            ):
                box = _resized(old, node.size)
                self.changed.add(node.id)
            pin = _pin(node)
            if pin is not None and (box.x, box.y) != pin:
                box = replace(box, x=pin[0], y=pin[1])
                self.changed.add(node.id)
                self.moved.add(node.id)
            self.boxes[node.id] = box

    def _had_box(self, node: Node) -> bool:
        # A collapsed group's box became a frame when the previous layout was finished.
        return node.id in (self.prev.frames if node.is_group else self.prev.boxes)

    def _old_box(self, node: Node) -> BoxLayout:
        if not node.is_group:
            return self.prev.boxes[node.id]
        frame = self.prev.frames[node.id]
        return BoxLayout(node.id, frame.x, frame.y, frame.width, frame.height,
                         node.size.lines, node.size.font_size)

    def _check_memberships(self) -> None:
        """Every surviving body must still be drawn in the same frame as before."""
        old_frames = _Grid()
        for frame in self.prev.frames.values():
            old_frames.add(frame.group_id, _rect(frame))
        # Groups some of whose members had boxes: they were expanded before.
        were_open = {self.st.home_group.get(b) for b in self.prev.boxes}
        for node_id in self.boxes:
            node = self.st.nodes[node_id]
            if node.is_group:
                if node_id in were_open:
                    raise _UnpatchableError  # collapsed just now
                continue
            old = _rect(self.prev.boxes[node_id])
            home = self._cluster_of(node_id)
            was_in = {
                k for k in old_frames.overlapping(old)
                if _contains(_rect(self.prev.frames[k]), old)
            }
            if was_in != ({home} if home is not None else set()):
                raise _UnpatchableError  # moved into, out of, or between groups

    def _cluster_of(self, node_id: str) -> str | None:
        home = self.st.home_group.get(node_id)
        return home if home in self.clusters else None

    def _refit_frames(self) -> None:
        """Keep each frame, re-fit around what is left if members went, grow for re-sizes."""
        removed = [b for b in self.prev.boxes.values() if b.body_id not in self.st.nodes]
        for cluster in self.clusters.values():
            old = self.prev.frames.get(cluster.id)
            fitted = frame_around(cluster, self.boxes)
            if old is None and fitted is not None:
                raise _UnpatchableError  # surviving bodies put into a new group
            if old is not None and fitted is None:
                raise _UnpatchableError  # a collapsed group expanded: its members all appear
            if old is None or fitted is None:
                continue  # a new group of new bodies: its frame is built as they are placed
            frame = old
            if any(_contains(_rect(old), _rect(b)) for b in removed) or any(
                m in self.moved for m in cluster.members
            ):
                # Shrink to what is left, as the engines draw it.
                right = max(self.boxes[m].x + self.boxes[m].width
                            for m in cluster.members if m in self.boxes)
                frame = _within(fitted, old, right + FRAME_PAD)
            if any(m in self.changed for m in cluster.members):
                # A re-sized box: grow the frame only, so it does not shrink away from the
                # other members' surroundings.
                frame = _framed(cluster, _union([_rect(frame), _rect(fitted)]))
            if frame.label != cluster.name:
                frame = _framed(cluster, _rect(frame))
            if frame != old:
                self.changed_frames.add(cluster.id)
            self._set_frame(frame)

    def _check_changed_boxes(self) -> None:
        """A re-sized (unpinned) box must not run into a neighbour or another group."""
        for node_id in self.changed:
            if self.st.nodes[node_id].pinned is not None:
                continue  # the user put it there
            rect = _rect(self.boxes[node_id])
            if rect[0] < 0 or rect[1] < 0:
                raise _UnpatchableError
            # Boxes a point apart look like one: keep a little air around a grown box.
            padded = _inflate(rect, RESIZE_CLEARANCE)
            if self.index.overlapping(padded) - {node_id}:
                raise _UnpatchableError
            home = self._cluster_of(node_id)
            if self._frames_overlapping(rect) - {home}:
                raise _UnpatchableError

    # -- new boxes ----------------------------------------------------------------------

    def _place_new_boxes(self) -> None:
        # Pinned ones first, so the others keep clear of them.
        order = sorted(self.new_ids, key=lambda n: self.st.nodes[n].pinned is None)
        for node_id in order:
            node = self.st.nodes[node_id]
            size = node.size
            pin = _pin(node)
            if pin is not None:
                x, y = pin
                box = BoxLayout(node_id, x, y, size.width, size.height, size.lines,
                                size.font_size)
                grown = self._grown_frame(node_id, _rect(box))
            else:
                box, grown = self._free_spot(node_id, size)
            self.boxes[node_id] = box
            self.index.add(node_id, _rect(box))
            self.changed.add(node_id)
            if grown is not None:
                self._set_frame(grown)
                self.changed_frames.add(grown.group_id)

    def _free_spot(self, node_id: str, size: BoxSize) -> tuple[BoxLayout, FrameLayout | None]:
        anchor = self._anchor(node_id)
        for x, y in _candidates(anchor, size.width, size.height):
            rect = (x, y, x + size.width, y + size.height)
            if not self._is_free(node_id, rect):
                continue
            grown = self._grown_frame(node_id, rect)
            if grown is not None and not self._frame_fits(grown, rect):
                continue
            box = BoxLayout(node_id, x, y, size.width, size.height, size.lines, size.font_size)
            return box, grown
        raise _UnpatchableError  # no room nearby: let the full layout find some

    def _anchor(self, node_id: str) -> Rect:
        """The rectangle a new box is placed next to: a connected body in its own group, else
        its group's members (it must go inside their frame), else any connected body, else a
        point at the bottom-left of the chart."""
        home = self._cluster_of(node_id)
        connected = [
            link.head if link.tail == node_id else link.tail
            for link in self.st.links
            if node_id in (link.tail, link.head)
        ]
        connected = [other for other in connected if other in self.boxes]
        for other in connected:
            if home is not None and self._cluster_of(other) == home:
                return _rect(self.boxes[other])
        if home is not None:
            placed = [_rect(self.boxes[m]) for m in self.clusters[home].members
                      if m in self.boxes]
            if placed:
                return _union(placed)
        if connected:
            return _rect(self.boxes[connected[0]])
        bottom = max((r[3] for r in self._all_rects()), default=MARGIN)
        return (2 * MARGIN, bottom, 2 * MARGIN, bottom)

    def _is_free(self, node_id: str, rect: Rect) -> bool:
        if rect[0] < 2 * MARGIN or rect[1] < 2 * MARGIN:
            return False  # never left of or above the chart: that would move everything
        padded = _inflate(rect, CLEARANCE)
        if self.index.overlapping(padded):
            return False
        home = self._cluster_of(node_id)
        return not self._frames_overlapping(padded) - {home}

    def _grown_frame(self, node_id: str, rect: Rect) -> FrameLayout | None:
        """The new box's group frame grown to hold it (None if it has no group)."""
        home = self._cluster_of(node_id)
        if home is None:
            return None
        around = (rect[0] - FRAME_PAD, rect[1] - FRAME_PAD - FRAME_LABEL_HEIGHT,
                  rect[2] + FRAME_PAD, rect[3] + FRAME_PAD)
        old = self.frames.get(home)
        outline = around if old is None else _union([_rect(old), around])
        return _framed(self.clusters[home], outline)

    def _frame_fits(self, frame: FrameLayout, candidate: Rect | None = None) -> bool:
        """A grown frame keeps clear of other frames and bodies outside its group, and its
        name strip stays clear of its own boxes (and of the `candidate` box being placed)."""
        rect = _rect(frame)
        if rect[0] < 0 or rect[1] < 0:
            return False
        members = set(self.clusters[frame.group_id].members)
        if self.index.overlapping(_inflate(rect, -EPS)) - members:
            return False
        strip = (frame.x, frame.y, frame.x + min_frame_width(frame.label),
                 frame.y + FRAME_LABEL_HEIGHT + FRAME_PAD - EPS)
        if self.index.overlapping(strip) or (candidate and _overlaps(strip, candidate)):
            return False
        padded = _inflate(rect, FRAME_GAP - EPS)
        return not self._frames_overlapping(padded) - {frame.group_id}

    def _set_frame(self, frame: FrameLayout) -> None:
        self.frames[frame.group_id] = frame
        self.frame_index.add(frame.group_id, _rect(frame))

    def _frames_overlapping(self, rect: Rect) -> set[str]:
        # The index also holds outlines frames had before they grew: check the current one.
        return {
            k for k in self.frame_index.overlapping(rect)
            if _overlaps(rect, _rect(self.frames[k]))
        }

    def _check_frames(self) -> None:
        for group_id in self.changed_frames:
            frame = self.frames.get(group_id)
            if frame is not None and not self._frame_fits(frame):
                raise _UnpatchableError  # e.g. a re-sized or pinned box pushed frames together

    def _all_rects(self) -> Iterable[Rect]:
        yield from (_rect(b) for b in self.boxes.values())
        yield from (_rect(f) for f in self.frames.values())

    # -- lines ----------------------------------------------------------------------------

    def _edges(self) -> dict[str, EdgeLayout]:
        edges: dict[str, EdgeLayout] = {}
        for link in self.st.links:
            kind = relation_kind(link.kind)
            old = self.prev.edges.get(link.rel_id)
            if (
                old is not None
                and (old.source, old.target) == (link.source, link.target)
                and link.tail not in self.changed
                and link.head not in self.changed
                and (old.arrow_tip is not None) == kind.directed
            ):
                edges[link.rel_id] = old
                continue
            edges[link.rel_id] = route(
                link.rel_id, link.source, link.target, self.boxes[link.tail],
                self.boxes[link.head], kind.directed, 0.0 if kind.structural else 0.15,
            )
        return edges


def _pin(node: Node) -> tuple[float, float] | None:
    """Where a pinned box's top-left goes: clamped to the chart, as `pins.apply_pins` does."""
    if node.pinned is None:
        return None
    if not all(math.isfinite(v) for v in node.pinned):
        raise _UnpatchableError  # the full layout reports it; nothing sensible to patch
    return (max(0.0, node.pinned[0]), max(0.0, node.pinned[1]))


def _candidates(anchor: Rect, width: float, height: float) -> list[tuple[float, float]]:
    """Top-left corners next to `anchor`, nearest first: right, below, left, above, each at
    growing distance and sliding sideways."""
    x0, y0, x1, y1 = anchor
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    found: list[tuple[float, int, float, float, float]] = []
    for ring in range(MAX_RINGS):
        d = GAP + ring * GAP
        for shift_step in range(-MAX_SHIFTS, MAX_SHIFTS + 1):
            s = shift_step * GAP
            spots = (
                (x1 + d, cy - height / 2 + s),
                (cx - width / 2 + s, y1 + d),
                (x0 - d - width, cy - height / 2 + s),
                (cx - width / 2 + s, y0 - d - height),
            )
            for direction, (x, y) in enumerate(spots):
                dist = math.hypot(x + width / 2 - cx, y + height / 2 - cy)
                found.append((dist, direction, abs(s), x, y))
    found.sort()
    return [(x, y) for _, _, _, x, y in found]


def _resized(old: BoxLayout, size: BoxSize) -> BoxLayout:
    cx, cy = old.center
    return replace(old, x=cx - size.width / 2, y=cy - size.height / 2, width=size.width,
                   height=size.height, lines=size.lines, font_size=size.font_size)


def _framed(cluster: Cluster, outline: Rect) -> FrameLayout:
    x0, y0, x1, y1 = outline
    width = max(x1 - x0, min_frame_width(cluster.name))
    return FrameLayout(cluster.id, cluster.name, x0, y0, width, y1 - y0, label_pos(x0, y0))


def _within(fitted: FrameLayout, old: FrameLayout, least_right: float) -> FrameLayout:
    """A re-fitted frame slid left to stay inside the old one where it can: a frame is at
    least as wide as its name, so re-fitting around fewer boxes can stick out to the right
    into a neighbour that the old frame kept clear of. Its right edge stays at or beyond
    `least_right`, so it still holds its boxes."""
    excess = (fitted.x + fitted.width) - (old.x + old.width)
    if excess <= 0:
        return fitted
    x = min(fitted.x, max(old.x, fitted.x - excess, least_right - fitted.width))
    return replace(fitted, x=x, label_pos=label_pos(x, fitted.y))


def _measured(layout: Layout) -> Layout:
    """The layout with width and height covering everything (nothing is moved)."""
    right, bottom = 0.0, 0.0
    for r in [*map(_rect, layout.boxes.values()), *map(_rect, layout.frames.values())]:
        right, bottom = max(right, r[2]), max(bottom, r[3])
    for e in layout.edges.values():
        for p in (*e.points, *(q for q in (e.arrow_tip, e.arrow_tail) if q is not None)):
            right, bottom = max(right, p[0]), max(bottom, p[1])
    return replace(layout, width=right + MARGIN, height=bottom + MARGIN)


def _rect(item: BoxLayout | FrameLayout) -> Rect:
    return (item.x, item.y, item.x + item.width, item.y + item.height)


def _union(rects: list[Rect]) -> Rect:
    return (min(r[0] for r in rects), min(r[1] for r in rects),
            max(r[2] for r in rects), max(r[3] for r in rects))


def _inflate(r: Rect, by: float) -> Rect:
    return (r[0] - by, r[1] - by, r[2] + by, r[3] + by)


def _overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _contains(outer: Rect, inner: Rect) -> bool:
    return (outer[0] - EPS <= inner[0] and outer[1] - EPS <= inner[1]
            and inner[2] <= outer[2] + EPS and inner[3] <= outer[3] + EPS)


class _Grid:
    """Rectangles bucketed in square cells, so "what is near here" does not scan a whole
    10,000-box chart for every candidate spot."""

    CELL = 256.0

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, Rect]]] = {}

    def add(self, key: str, rect: Rect) -> None:
        for cell in self._cells_of(rect):
            self._cells.setdefault(cell, []).append((key, rect))

    def overlapping(self, rect: Rect) -> set[str]:
        """Keys of the rectangles that overlap `rect`."""
        return {
            key
            for cell in self._cells_of(rect)
            for key, other in self._cells.get(cell, ())
            if _overlaps(rect, other)
        }

    def _cells_of(self, rect: Rect) -> list[tuple[int, int]]:
        x0, y0 = int(rect[0] // self.CELL), int(rect[1] // self.CELL)
        x1, y1 = int(rect[2] // self.CELL), int(rect[3] // self.CELL)
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]
