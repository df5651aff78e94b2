"""A quick layout without Graphviz: bodies in rows by tier, groups as compact blocks.

Used for the first paint while Graphviz works, and whenever Graphviz fails, so a chart is
always shown. Rows run top-down in tier order (national, region, system, place, provider,
history); each group is a small block of its members with its frame; rows wrap at a width
chosen for a landscape page, so the result is never a metres-wide strip. Lines are straight.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from icsviewer.layout.frames import (
    FRAME_LABEL_HEIGHT,
    FRAME_PAD,
    collapsed_groups_as_frames,
    finish_layout,
    frame_around,
    min_frame_width,
)
from icsviewer.layout.geometry import BoxLayout, EdgeLayout, FrameLayout, Layout
from icsviewer.layout.pins import apply_pins
from icsviewer.layout.routing import route
from icsviewer.layout.structure import Node, Structure, build_structure
from icsviewer.model.chart import Chart
from icsviewer.model.kinds import relation_kind

GAP_X = 18.0
GAP_Y = 36.0
INNER_GAP = 10.0
# Rows wrap to keep the chart about as wide as an A-series landscape page is, relative to height.
PAGE_ASPECT = 1.5


@dataclass
class _Block:
    """One thing in a row: a lone box or a group's boxes in a small grid."""

    nodes: list[Node]
    tier: int
    cluster_index: int | None
    width: float = 0.0
    height: float = 0.0
    columns: int = 1
    name: str = ""


def fallback_layout(chart: Chart) -> Layout:
    """Lay the chart out in tier rows without Graphviz (always succeeds)."""
    structure = build_structure(chart)
    layout = apply_pins(layout_structure(structure, engine="fallback"), structure)
    return collapsed_groups_as_frames(layout, structure)


def layout_structure(structure: Structure, engine: str = "fallback") -> Layout:
    """The fallback algorithm on an already built structure."""
    blocks = _blocks(structure)
    for block in blocks:
        _measure(block)
    boxes = _place_rows(blocks)
    frames: dict[str, FrameLayout] = {}
    for cluster in structure.clusters:
        frame = frame_around(cluster, boxes)
        if frame is not None:
            frames[cluster.id] = frame
    edges: dict[str, EdgeLayout] = {}
    for link in structure.links:
        kind = relation_kind(link.kind)
        bow = 0.0 if kind.structural else 0.15
        edges[link.rel_id] = route(
            link.rel_id, link.source, link.target, boxes[link.tail], boxes[link.head],
            kind.directed, bow,
        )
    return finish_layout(boxes, edges, frames, engine)


def _blocks(structure: Structure) -> list[_Block]:
    in_cluster: set[str] = set()
    blocks: list[_Block] = []
    for index, cluster in enumerate(structure.clusters):
        members = [structure.nodes[m] for m in cluster.members]
        in_cluster.update(cluster.members)
        blocks.append(_Block(members, min(n.tier for n in members), index, name=cluster.name))
    for node in structure.nodes.values():
        if node.id not in in_cluster:
            blocks.append(_Block([node], node.tier, None))
    # Stable sort keeps file order within a tier.
    blocks.sort(key=lambda b: b.tier)
    return blocks


def _measure(block: _Block) -> None:
    n = len(block.nodes)
    # Up to three members stack in a column (a Place: partnership, council, board); more go
    # in a near-square grid.
    block.columns = 1 if n <= 3 or block.cluster_index is None else math.ceil(math.sqrt(n))
    cell_w = max(node.size.width for node in block.nodes)
    rows = math.ceil(n / block.columns)
    row_heights = [
        max(node.size.height for node in block.nodes[r * block.columns : (r + 1) * block.columns])
        for r in range(rows)
    ]
    block.width = block.columns * cell_w + (block.columns - 1) * INNER_GAP
    block.height = sum(row_heights) + (rows - 1) * INNER_GAP
    if block.cluster_index is not None:
        # Room for the frame's padding and, above the grid, the group's name on one line.
        block.width = max(block.width + 2 * FRAME_PAD, min_frame_width(block.name))
        block.height += 2 * FRAME_PAD + FRAME_LABEL_HEIGHT


def _place_rows(blocks: list[_Block]) -> dict[str, BoxLayout]:
    area = sum((b.width + GAP_X) * (b.height + GAP_Y) for b in blocks)
    widest = max((b.width for b in blocks), default=0.0)
    row_limit = max(widest, math.sqrt(area * PAGE_ASPECT))
    boxes: dict[str, BoxLayout] = {}
    rows: list[list[_Block]] = []
    current: list[_Block] = []
    used = 0.0
    for block in blocks:
        new_tier = bool(current) and current[-1].tier != block.tier
        if current and (new_tier or used + block.width > row_limit):
            rows.append(current)
            current, used = [], 0.0
        current.append(block)
        used += block.width + GAP_X
    if current:
        rows.append(current)
    y = 0.0
    for row in rows:
        row_width = sum(b.width for b in row) + GAP_X * (len(row) - 1)
        x = (row_limit - row_width) / 2  # centre each row, as an org chart does
        for block in row:
            _place_block(block, x, y, boxes)
            x += block.width + GAP_X
        y += max(b.height for b in row) + GAP_Y
    return boxes


def _place_block(block: _Block, x: float, y: float, boxes: dict[str, BoxLayout]) -> None:
    inset_x = FRAME_PAD if block.cluster_index is not None else 0.0
    inset_y = FRAME_PAD + FRAME_LABEL_HEIGHT if block.cluster_index is not None else 0.0
    cell_w = max(node.size.width for node in block.nodes)
    cy = y + inset_y
    for r in range(0, len(block.nodes), block.columns):
        row = block.nodes[r : r + block.columns]
        for c, node in enumerate(row):
            cx = x + inset_x + c * (cell_w + INNER_GAP) + (cell_w - node.size.width) / 2
            boxes[node.id] = BoxLayout(
                node.id, cx, cy, node.size.width, node.size.height, node.size.lines,
                node.size.font_size,
            )
        cy += max(node.size.height for node in row) + INNER_GAP
