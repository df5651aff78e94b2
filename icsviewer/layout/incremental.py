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

It runs on the window's thread after every small edit, so its work is proportional to the
edit, not the chart: the chart's structure is re-made only for changed records
(`structure`), which frame each box was drawn in and how far the lines reach are remembered
per layout (`layout_facts`), only frames that lost, gained or re-sized a member are re-fitted,
and overlap tests look only near the change (`patch_space.LocalIndex`). What remains is a few
quick passes over the boxes and lines (about 1 ms per 1,000 bodies each).
"""

from __future__ import annotations

import math

from icsviewer.gc_pause import paused_gc
from icsviewer.layout.frames import FRAME_GAP, collapsed_groups_as_frames
from icsviewer.layout.geometry import BoxLayout, FrameLayout, Layout
from icsviewer.layout.layout_facts import (
    Facts,
    drawn_in_after,
    edge_reach,
    facts_of,
    item_reach,
    item_reach_after,
    remember,
)
from icsviewer.layout.patch_frames import measured, refitted, resized
from icsviewer.layout.patch_lines import patched_edges, reach_after
from icsviewer.layout.patch_room import Room
from icsviewer.layout.patch_space import GAP, Rect, inflate, rect, search_reach, union
from icsviewer.layout.pins import apply_pins
from icsviewer.layout.structure import Node, Structure, build_structure
from icsviewer.model.chart import Chart

# Most new boxes patched in at once; more is a new chart section and deserves a full layout.
MAX_NEW_BODIES = 5
# Least clear space kept around a box that grew because its name changed.
RESIZE_CLEARANCE = 4.0
# Margin kept around the chart (the engines' finish_layout margin).
MARGIN = 4.0


class _UnpatchableError(Exception):
    """The edit cannot be patched; the caller runs the full layout."""


def update_layout(previous: Layout, chart: Chart) -> Layout | None:
    """`previous` patched to show `chart`, or None if the change is too big to patch."""
    try:
        with paused_gc():
            return _Patch(previous, build_structure(chart)).run()
    except _UnpatchableError:
        return None


class _Patch:
    """One update: the working boxes and frames, and which boxes changed."""

    def __init__(self, previous: Layout, structure: Structure) -> None:
        self.prev = previous
        self.facts: Facts = facts_of(previous)
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
        # Boxes of `previous` whose bodies are gone (deleted, or hidden in a collapsed group).
        self.removed: list[BoxLayout] = []
        # Set up once the change is known (see _make_room).
        self.room = Room(self.boxes, self.frames, self.clusters, self._cluster_of,
                         (0.0, 0.0, 0.0, 0.0))
        self.neighbours: dict[str, list[str]] | None = None
        self.bottom: tuple[int, float] | None = None  # (box count, lowest edge), see _anchor

    def run(self) -> Layout:
        self._keep_surviving_boxes()
        self._check_memberships()
        self._refit_frames()
        self._make_room()
        self._check_changed_boxes()
        self._place_new_boxes()
        self._check_frames()
        base = self.facts.structure
        edges, dropped, routed = patched_edges(
            self.st, self.prev.edges, self.boxes, self.changed,
            base.links if base is not None else None,
        )
        layout = Layout(self.boxes, edges, self.frames, 0.0, 0.0, self.prev.engine,
                        self.prev.warnings)
        # Pins were honoured above; apply_pins is the engines' own guarantee (a no-op here).
        pinned = apply_pins(layout, self.st)
        if pinned is layout:
            lines = reach_after(self.facts.edge_reach, edges, dropped, routed)
        else:
            lines = edge_reach(pinned.edges.values())
        layout = collapsed_groups_as_frames(pinned, self.st)
        if pinned is layout:
            items = item_reach_after(self.prev, self.facts.item_reach, layout, self.removed,
                                     self.changed)
        else:
            items = item_reach(layout)
        layout = measured(layout, (max(lines[0], items[0]), max(lines[1], items[1])), MARGIN)
        pinned_ids = {k for k in self.changed if self.st.nodes[k].pinned is not None}
        drawn_in = drawn_in_after(self.facts.drawn_in, layout, self.removed,
                                  self.changed - pinned_ids, pinned_ids, self._cluster_of)
        remember(layout, Facts(drawn_in, lines, items, self.st))
        return layout

    # -- surviving, removed, re-sized and pinned boxes ------------------------------------

    def _keep_surviving_boxes(self) -> None:
        prev_boxes, prev_frames = self.prev.boxes, self.prev.frames
        nodes = self.st.nodes
        position = list(nodes).index  # to keep node order where sets lose it
        # Set arithmetic at C speed: new bodies, and collapsed groups (frames, not boxes).
        new = [k for k in nodes.keys() - prev_boxes.keys()
               if not (nodes[k].is_group and k in prev_frames)]
        if len(new) > MAX_NEW_BODIES or any(nodes[k].is_group for k in new):
            raise _UnpatchableError  # a big addition, or a group collapsed just now
        self.new_ids = sorted(new, key=position)
        self.removed = [prev_boxes[k] for k in prev_boxes.keys() - nodes.keys()]
        # Nodes of the structure `previous` was made from: an unchanged one has its box.
        drawn = self.facts.structure.nodes if self.facts.structure is not None else {}
        boxes = self.boxes
        boxes.update({k: b for k, n in nodes.items()
                      if drawn.get(k) is n and (b := prev_boxes.get(k)) is not None})
        rest = nodes.keys() - boxes.keys()
        todo = sorted(rest, key=position) if len(rest) < 64 else [k for k in nodes if k in rest]
        for node_id in todo:
            node = nodes[node_id]
            old = prev_boxes.get(node_id)
            size = node.size
            if node.is_group:
                frame = prev_frames.get(node_id)
                if frame is None:
                    continue  # new (refused above)
                if (frame.width, frame.height) != (size.width, size.height):
                    raise _UnpatchableError  # the count of hidden bodies changed
                old = BoxLayout(node_id, frame.x, frame.y, frame.width, frame.height,
                                size.lines, size.font_size)
            elif old is None:
                continue  # a new body, placed later
            box = old
            if old.width != size.width or old.height != size.height or old.lines != size.lines:
                box = resized(old, size)
                self.changed.add(node_id)
            if node.pinned is not None:
                pin = _pin(node)
                if (box.x, box.y) != pin:
                    box = BoxLayout(node_id, pin[0], pin[1], box.width, box.height, box.lines,
                                    box.font_size)
                    self.changed.add(node_id)
                    self.moved.add(node_id)
            boxes[node_id] = box

    def _check_memberships(self) -> None:
        """Every surviving body must still be drawn in the same frame as before."""
        base = self.facts.structure
        if base is not None and base.home_group == self.st.home_group and (
            base.group_ids == self.st.group_ids
            and {c.id for c in base.clusters} == self.clusters.keys()
        ):
            return  # the same groups, members and collapsed groups as `previous` was made from
        drawn_in = self.facts.drawn_in
        nodes = self.st.nodes
        were_open: set[str | None] | None = None
        for node_id in self.boxes:
            if nodes[node_id].is_group:
                if were_open is None:
                    # Groups some of whose members had boxes: they were expanded before.
                    were_open = {self.st.home_group.get(b) for b in self.prev.boxes}
                if node_id in were_open:
                    raise _UnpatchableError  # collapsed just now
                continue
            if drawn_in.get(node_id) != self._cluster_of(node_id):
                raise _UnpatchableError  # moved into, out of, or between groups

    def _cluster_of(self, node_id: str) -> str | None:
        home = self.st.home_group.get(node_id)
        return home if home in self.clusters else None

    def _refit_frames(self) -> None:
        """Keep each frame, re-fit around what is left if members went, grow for re-sizes.

        Only frames that lost, gained or re-sized a member, or were renamed, are looked at
        closely; the others are kept as they are."""
        drawn_in = self.facts.drawn_in
        lost_members = {drawn_in.get(b.body_id) for b in self.removed}
        touched = lost_members | {self._cluster_of(m) for m in self.changed}
        boxes = self.boxes
        for cluster in self.clusters.values():
            old = self.prev.frames.get(cluster.id)
            has_boxes = any(m in boxes for m in cluster.members)
            if old is None and has_boxes:
                raise _UnpatchableError  # surviving bodies put into a new group
            if old is not None and not has_boxes:
                raise _UnpatchableError  # a collapsed group expanded: its members all appear
            if old is None:
                continue  # a new group of new bodies: its frame is built as they are placed
            if cluster.id not in touched and old.label == cluster.name:
                self.frames[cluster.id] = old
                continue
            frame = refitted(
                cluster, old, boxes,
                shrink=cluster.id in lost_members or any(m in self.moved for m in cluster.members),
                grow=any(m in self.changed for m in cluster.members),
            )
            if frame != old:
                self.changed_frames.add(cluster.id)
            self.frames[cluster.id] = frame

    def _make_room(self) -> None:
        """Overlap indexes filed around where this patch works: the anchors of new boxes
        (and their groups' frames), re-sized or moved boxes and re-fitted frames."""
        areas: list[Rect] = []
        for node_id in self.new_ids:
            node = self.st.nodes[node_id]
            reach = search_reach(node.size.width, node.size.height)
            areas.append(inflate(self._anchor(node_id), reach))
            home = self._cluster_of(node_id)
            if home is not None and home in self.frames:
                areas.append(inflate(rect(self.frames[home]), FRAME_GAP + GAP))
        areas += [inflate(rect(self.boxes[k]), RESIZE_CLEARANCE + GAP) for k in self.changed]
        areas += [inflate(rect(self.frames[k]), FRAME_GAP + GAP) for k in self.changed_frames]
        window = union(areas) if areas else (0.0, 0.0, 0.0, 0.0)
        self.room = Room(self.boxes, self.frames, self.clusters, self._cluster_of, window)

    def _check_changed_boxes(self) -> None:
        """A re-sized (unpinned) box must not run into a neighbour or another group."""
        for node_id in self.changed:
            if self.st.nodes[node_id].pinned is not None:
                continue  # the user put it there
            outline = rect(self.boxes[node_id])
            if outline[0] < 0 or outline[1] < 0:
                raise _UnpatchableError
            # Boxes a point apart look like one: keep a little air around a grown box.
            if self.room.boxes_over(inflate(outline, RESIZE_CLEARANCE)) - {node_id}:
                raise _UnpatchableError
            if self.room.frames_over(outline) - {self._cluster_of(node_id)}:
                raise _UnpatchableError

    # -- new boxes ----------------------------------------------------------------------

    def _place_new_boxes(self) -> None:
        # Pinned ones first, so the others keep clear of them.
        order = sorted(self.new_ids, key=lambda n: self.st.nodes[n].pinned is None)
        for node_id in order:
            node = self.st.nodes[node_id]
            size = node.size
            if node.pinned is not None:
                x, y = _pin(node)
                box = BoxLayout(node_id, x, y, size.width, size.height, size.lines,
                                size.font_size)
                grown = self.room.grown_frame(node_id, rect(box))
            else:
                spot = self.room.free_spot(node_id, size, self._anchor(node_id))
                if spot is None:
                    raise _UnpatchableError  # no room nearby: let the full layout find some
                box, grown = spot
            self.room.add_box(box)
            self.changed.add(node_id)
            if grown is not None:
                self.room.set_frame(grown)
                self.changed_frames.add(grown.group_id)

    def _anchor(self, node_id: str) -> Rect:
        """The rectangle a new box is placed next to: a connected body in its own group, else
        its group's members (it must go inside their frame), else any connected body, else a
        point at the bottom-left of the chart."""
        home = self._cluster_of(node_id)
        connected = [other for other in self._neighbours().get(node_id, ())
                     if other in self.boxes]
        for other in connected:
            if home is not None and self._cluster_of(other) == home:
                return rect(self.boxes[other])
        if home is not None:
            placed = [rect(self.boxes[m]) for m in self.clusters[home].members
                      if m in self.boxes]
            if placed:
                return union(placed)
        if connected:
            return rect(self.boxes[connected[0]])
        if self.bottom is None or self.bottom[0] != len(self.boxes):
            bottom = max([b.y + b.height for b in self.boxes.values()]
                         + [f.y + f.height for f in self.frames.values()], default=MARGIN)
            self.bottom = (len(self.boxes), bottom)  # until a box is added
        bottom = self.bottom[1]
        return (2 * MARGIN, bottom, 2 * MARGIN, bottom)

    def _neighbours(self) -> dict[str, list[str]]:
        """The boxes each new box is linked to, in link order (one pass over the links)."""
        if self.neighbours is None:
            new = set(self.new_ids)
            self.neighbours = {}
            for link in self.st.links:
                if link.tail in new:
                    self.neighbours.setdefault(link.tail, []).append(link.head)
                if link.head in new:
                    self.neighbours.setdefault(link.head, []).append(link.tail)
        return self.neighbours

    def _check_frames(self) -> None:
        for group_id in self.changed_frames:
            frame = self.frames.get(group_id)
            if frame is not None and not self.room.frame_fits(frame):
                raise _UnpatchableError  # e.g. a re-sized or pinned box pushed frames together


def _pin(node: Node) -> tuple[float, float]:
    """Where a pinned box's top-left goes: clamped to the chart, as `pins.apply_pins` does."""
    assert node.pinned is not None
    if not all(math.isfinite(v) for v in node.pinned):
        raise _UnpatchableError  # the full layout reports it; nothing sensible to patch
    return (max(0.0, node.pinned[0]), max(0.0, node.pinned[1]))
