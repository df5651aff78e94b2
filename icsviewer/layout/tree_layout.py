"""A linear-time layout for very large charts: the primary hierarchy packed as nested shelves.

Graphviz `dot` needs ~35 s for 10,000 ICS-shaped bodies; this takes well under a second. It
places the *primary hierarchy* - for each body the first structural relationship
(accountable to, member of, hosts) to a body outside its own block: first parent wins - and
draws every other relationship as a gently bowed line over it, the way org-chart tools scale.

Units are the boxes of the top part and the *blocks* of `blocks.py` (a Place's bodies stacked,
a collaborative over its trusts), so group frames never overlap. Working bottom-up, each
subtree becomes a rectangle: its children's rectangles are packed left to right into shelves
about as wide as a landscape page suggests for their total area, and the parent is centred
above them. Every step visits each unit a constant number of times.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from icsviewer.gc_pause import paused_gc
from icsviewer.layout.blocks import NODE_GAP, RANK_GAP, Block, build_blocks
from icsviewer.layout.frames import (
    FRAME_LABEL_HEIGHT,
    FRAME_PAD,
    bounds,
    edge_bounds,
    finish_layout,
    frame_around,
    frame_for,
)
from icsviewer.layout.geometry import BoxLayout, FrameLayout, Layout
from icsviewer.layout.layout_facts import Facts, remember
from icsviewer.layout.routing import route_all
from icsviewer.layout.structure import Structure
from icsviewer.model.kinds import relation_kind

# Gaps between sibling subtrees and between a parent and its children's shelf.
SIBLING_GAP = 16.0
LEVEL_GAP = 30.0
MARGIN = 4.0
# Shelves aim for this width:height, a little wider than A-series landscape.
SHELF_ASPECT = 1.6


@dataclass
class _Unit:
    """A box of the top part, or a block of lower-tier boxes, placed as one rectangle."""

    key: str
    width: float
    height: float
    node_id: str | None = None  # for a single box
    block: Block | None = None
    children: list[_Unit] = field(default_factory=list)
    # Filled bottom-up: the subtree's size and each child's offset inside it.
    sub_width: float = 0.0
    sub_height: float = 0.0
    offsets: list[tuple[float, float]] = field(default_factory=list)


def layout_structure(structure: Structure) -> Layout:
    """The tree layout of a chart structure (engine 'tree')."""
    with paused_gc():
        return _layout(structure)


def _layout(structure: Structure) -> Layout:
    blocks, block_of = build_blocks(structure, all_groups=True)
    units, unit_of = _units(structure, blocks, block_of)
    roots = _link_parents(structure, units, unit_of)
    forest = _Unit("forest", 0.0, 0.0, children=roots)
    order = _postorder(forest)
    for unit in order:
        _measure(unit)
    boxes: dict[str, BoxLayout] = {}
    # Each group's frame, made while placing its block; listed below in the groups' order.
    framed: dict[str, FrameLayout] = {}
    # Start a margin in, so finishing need not move every record (see finish_layout).
    _place(forest, 2 * MARGIN, 2 * MARGIN, structure, boxes, framed)
    frames: dict[str, FrameLayout] = {}
    for cluster in structure.clusters:
        frame = framed.get(cluster.id) or frame_around(cluster, boxes)
        if frame is not None:
            frames[cluster.id] = frame
    # (directed, bow) by relationship kind, looked up once per kind rather than per line.
    looks: dict[str, tuple[bool, float]] = {}
    for kind_name in {link.kind for link in structure.links}:
        kind = relation_kind(kind_name)
        looks[kind_name] = (kind.directed, 0.0 if kind.structural else 0.12)
    edges = route_all(structure.links, boxes, looks)
    items = bounds([*boxes.values(), *frames.values()]) if boxes else None
    lines = edge_bounds(edges.values())
    parts = [part for part in (items, lines) if part is not None]
    layout = finish_layout(boxes, edges, frames, "tree", margin=MARGIN, parts=parts)
    if layout.boxes is boxes and items is not None:
        # Not moved: record what a patch of this layout needs (see layout_facts).
        drawn_in: dict[str, str | None] = dict.fromkeys(boxes)
        for cluster in structure.clusters:
            drawn_in.update(dict.fromkeys(cluster.members, cluster.id))
        line_reach = (lines[2], lines[3]) if lines is not None else (0.0, 0.0)
        remember(layout, Facts(drawn_in, line_reach, (items[2], items[3]), structure))
    return layout


def _units(
    structure: Structure, blocks: list[Block], block_of: dict[str, int]
) -> tuple[list[_Unit], dict[str, _Unit]]:
    units: list[_Unit] = []
    unit_of: dict[str, _Unit] = {}
    block_units: list[_Unit] = []
    for index, block in enumerate(blocks):
        unit = _Unit(f"block{index}", block.width, block.height, block=block)
        block_units.append(unit)
    for node_id, node in structure.nodes.items():
        if node_id in block_of:
            unit = block_units[block_of[node_id]]
            if unit.block is not None and node_id == unit.block.rows[0][0]:
                units.append(unit)  # file order of a block's first member
        else:
            unit = _Unit(node_id, node.size.width, node.size.height, node_id=node_id)
            units.append(unit)
        unit_of[node_id] = unit
    return units, unit_of


def _link_parents(
    structure: Structure, units: list[_Unit], unit_of: dict[str, _Unit]
) -> list[_Unit]:
    """Give each unit its first structural parent outside itself; return the roots in order."""
    parent: dict[str, _Unit] = {}
    for link in structure.links:
        if not link.structural:
            continue
        # 'hosts' points from parent to child; the other structural kinds from child to parent.
        up, down = (link.tail, link.head) if link.kind == "hosts" else (link.head, link.tail)
        child, boss = unit_of[down], unit_of[up]
        if child is boss or child.key in parent or _is_ancestor(child, boss, parent):
            continue
        parent[child.key] = boss
    tier = {u.key: _tier(u, structure) for u in units}
    _adopt_orphans(units, unit_of, parent, structure, tier)
    roots: list[_Unit] = []
    for unit in units:
        above = parent.get(unit.key)
        if above is None:
            roots.append(unit)
        else:
            above.children.append(unit)
    # Under each parent, higher-tier subtrees first (stable: file order within a tier).
    for unit in units:
        if len(unit.children) > 1:
            unit.children.sort(key=lambda u: tier[u.key])
    return roots


def _adopt_orphans(
    units: list[_Unit],
    unit_of: dict[str, _Unit],
    parent: dict[str, _Unit],
    structure: Structure,
    tier: dict[str, int],
) -> None:
    """Hang units with no structural parent (an ICP, a scrutiny committee, the former CCGs)
    near what they relate to: under a linked unit of a higher tier, or beside one of the same
    or a lower tier (as a child of its parent). Otherwise each would be a root of its own,
    strewn along the top of the chart."""
    orphans = {u.key for u in units if u.key not in parent and tier[u.key] != 0}
    if not orphans:
        return
    # What each orphan is linked to, in link order (only orphans' lists are ever read).
    linked: dict[str, list[_Unit]] = {}
    for link in structure.links:
        a, b = unit_of[link.tail], unit_of[link.head]
        if a is not b:
            if a.key in orphans:
                linked.setdefault(a.key, []).append(b)
            if b.key in orphans:
                linked.setdefault(b.key, []).append(a)
    for unit in units:
        if unit.key not in orphans:
            continue
        for other in linked.get(unit.key, []):
            if tier[other.key] < tier[unit.key]:
                candidate: _Unit | None = other
            else:
                candidate = parent.get(other.key)
            if candidate is not None and not _is_ancestor(unit, candidate, parent):
                parent[unit.key] = candidate
                break


def _tier(unit: _Unit, structure: Structure) -> int:
    if unit.node_id is not None:
        return structure.nodes[unit.node_id].tier
    assert unit.block is not None
    return unit.block.tier


def _is_ancestor(unit: _Unit, other: _Unit, parent: dict[str, _Unit]) -> bool:
    """Whether `unit` is `other` or above it (so making it `other`'s child would loop)."""
    seen = 0
    current: _Unit | None = other
    while current is not None and seen < 100_000:
        if current is unit:
            return True
        current = parent.get(current.key)
        seen += 1
    return False


def _postorder(root: _Unit) -> list[_Unit]:
    """Units children-first, without recursion (trees can be thousands deep in bad files)."""
    order: list[_Unit] = []
    stack: list[tuple[_Unit, bool]] = [(root, False)]
    while stack:
        unit, expanded = stack.pop()
        if expanded:
            order.append(unit)
            continue
        stack.append((unit, True))
        stack.extend((child, False) for child in reversed(unit.children))
    return order


def _measure(unit: _Unit) -> None:
    """The subtree's rectangle: children packed in shelves, the unit centred above them."""
    if not unit.children:
        unit.sub_width, unit.sub_height = unit.width, unit.height
        return
    kids = unit.children
    area = sum((k.sub_width + SIBLING_GAP) * (k.sub_height + LEVEL_GAP) for k in kids)
    limit = max(max(k.sub_width for k in kids), math.sqrt(area * SHELF_ASPECT), unit.width)
    offsets: list[tuple[float, float]] = []
    x = y = shelf_h = widest = 0.0
    for kid in kids:
        if x > 0 and x + kid.sub_width > limit:
            widest = max(widest, x - SIBLING_GAP)
            x, y = 0.0, y + shelf_h + LEVEL_GAP
            shelf_h = 0.0
        offsets.append((x, y))
        x += kid.sub_width + SIBLING_GAP
        shelf_h = max(shelf_h, kid.sub_height)
    widest = max(widest, x - SIBLING_GAP, unit.width)
    top = unit.height + LEVEL_GAP if unit.key != "forest" else 0.0
    unit.offsets = [(ox, oy + top) for ox, oy in offsets]
    unit.sub_width = widest
    unit.sub_height = top + y + shelf_h


def _place(
    root: _Unit, x0: float, y0: float, structure: Structure, boxes: dict[str, BoxLayout],
    frames: dict[str, FrameLayout],
) -> None:
    stack: list[tuple[_Unit, float, float]] = [(root, x0, y0)]
    while stack:
        unit, x, y = stack.pop()
        if unit.key != "forest":
            ux = x + (unit.sub_width - unit.width) / 2
            _place_unit(unit, ux, y, structure, boxes, frames)
        for kid, (ox, oy) in zip(unit.children, unit.offsets, strict=True):
            stack.append((kid, x + ox, y + oy))


def _place_unit(
    unit: _Unit, x: float, y: float, structure: Structure, boxes: dict[str, BoxLayout],
    frames: dict[str, FrameLayout],
) -> None:
    """Place a unit's boxes; a group's block also gets its frame, from the same numbers
    `frame_around` would measure (the boxes' bounds), gathered while placing them."""
    if unit.node_id is not None:
        size = structure.nodes[unit.node_id].size
        boxes[unit.node_id] = BoxLayout(
            unit.node_id, x, y, size.width, size.height, size.lines, size.font_size
        )
        return
    block = unit.block
    assert block is not None
    group_id = block.cluster_id
    framed = group_id is not None
    col_w = block.col_widths  # as `measure` found them
    inner_w = sum(col_w) + NODE_GAP * (len(col_w) - 1)
    cy = y + (FRAME_PAD + FRAME_LABEL_HEIGHT if framed else 0.0)
    left = x + (FRAME_PAD if framed else 0.0)
    inf = math.inf
    low_x, low_y, high_x, high_y = inf, inf, -inf, -inf
    for row, sizes, row_h in zip(block.rows, block.sizes, block.row_heights, strict=True):
        # Centre short rows (a collaborative over its trusts).
        row_w = sum(col_w[: len(row)]) + NODE_GAP * (len(row) - 1)
        cx = left + (inner_w - row_w) / 2
        bx = width = 0.0
        for c, (node_id, size) in enumerate(zip(row, sizes, strict=True)):
            width = size.width
            bx = cx + (col_w[c] - width) / 2
            if not c and bx < low_x:
                low_x = bx
            boxes[node_id] = BoxLayout(
                node_id, bx, cy, width, size.height, size.lines, size.font_size
            )
            cx += col_w[c] + NODE_GAP
        if row:
            # `bounds` of the boxes, as frame_around measures them, a row at a time: the
            # first box is the row's leftmost and the last its rightmost (columns are
            # NODE_GAP apart), all share the row's top, and the tallest sets its bottom
            # (cy + row_h: adding the same cy keeps the heights' order exactly).
            low_y = min(low_y, cy)
            high_x = max(high_x, bx + width)
            high_y = max(high_y, cy + row_h)
        cy += row_h + RANK_GAP
    if group_id is not None and low_x != inf:
        frames[group_id] = frame_for(group_id, block.label, low_x, low_y, high_x, high_y)
