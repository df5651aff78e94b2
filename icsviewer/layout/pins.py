"""Honour pinned positions after any engine has run.

Graphviz `dot` cannot fix a node's position, so every engine lays the chart out freely and
then each pinned box is moved so its top-left corner is exactly at its pin (points, y down,
relative to the chart's top-left). Lines touching a moved box are re-drawn as gentle curves
between box borders; group frames are re-fitted around their members. Pins are clamped to be
non-negative so the chart's origin stays at the top-left and the pin stays exact.
"""

from __future__ import annotations

from dataclasses import replace

from icsviewer.layout.frames import frame_around
from icsviewer.layout.geometry import BoxLayout, EdgeLayout, Layout
from icsviewer.layout.routing import route
from icsviewer.layout.structure import Structure
from icsviewer.model.kinds import relation_kind


def apply_pins(layout: Layout, structure: Structure) -> Layout:
    """A copy of `layout` with every pinned box at its pin (unchanged if nothing is pinned)."""
    nodes = structure.nodes
    ids = structure.pinned_ids if structure.pinned_ids is not None else nodes
    pinned = {
        node_id: (max(0.0, pin[0]), max(0.0, pin[1]))
        for node_id in ids
        if (pin := nodes[node_id].pinned) is not None and node_id in layout.boxes
    }
    moved = {
        node_id for node_id, pin in pinned.items()
        if (layout.boxes[node_id].x, layout.boxes[node_id].y) != pin
    }
    if not moved:
        return layout
    boxes: dict[str, BoxLayout] = dict(layout.boxes)
    for node_id in moved:
        x, y = pinned[node_id]
        boxes[node_id] = replace(boxes[node_id], x=x, y=y)
    edges: dict[str, EdgeLayout] = dict(layout.edges)
    for link in structure.links:
        if link.tail in moved or link.head in moved:
            kind = relation_kind(link.kind)
            edges[link.rel_id] = route(
                link.rel_id, link.source, link.target, boxes[link.tail], boxes[link.head],
                kind.directed, 0.0 if kind.structural else 0.15,
            )
    frames = dict(layout.frames)
    for cluster in structure.clusters:
        if any(m in moved for m in cluster.members):
            frame = frame_around(cluster, boxes)
            if frame is not None:
                frames[cluster.id] = frame
    width, height = layout.width, layout.height
    for b in boxes.values():
        width = max(width, b.x + b.width + 4.0)
        height = max(height, b.y + b.height + 4.0)
    for f in frames.values():
        width = max(width, f.x + f.width + 4.0)
        height = max(height, f.y + f.height + 4.0)
    return Layout(boxes, edges, frames, width, height, layout.engine, layout.warnings)
