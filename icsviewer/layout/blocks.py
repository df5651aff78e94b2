"""Blocks and shelves: how the lower part of a chart is arranged compactly.

An ICS is wide and shallow: nine Places, each a partnership, a council and a board; a dozen
trusts in two collaboratives. Put side by side on one rank they make a chart metres wide. So
the lower-tier bodies (Places and below) are gathered into *blocks* - a group's members in a
small grid (a Place stacked in one column; a collaborative on top of its trusts in a few
columns), loose bodies of one tier in an unframed grid - and the blocks are packed left to
right into *shelves*. The shelf width is chosen so the whole chart, top part included, fits a
landscape A3 page at the largest scale. Pure Python; the Graphviz builder turns the result
into ranks and invisible edges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from icsviewer.layout.boxes import BoxSize
from icsviewer.layout.frames import FRAME_LABEL_HEIGHT, FRAME_PAD, min_frame_width
from icsviewer.layout.structure import Node, Structure

# Where the chart goes on an A3 landscape page of the board-pack PDF (points): half-inch
# margins, header and footer, and the legend beside the chart or in a band below it. Shelves
# and grids are chosen to fit one of these at the largest scale.
PAGE_AREAS: tuple[tuple[float, float], ...] = ((900.0, 668.0), (1118.0, 560.0))
# Spacing the Graphviz builder asks for (nodesep, ranksep) and cluster framing, in points.
NODE_GAP = 11.0
RANK_GAP = 19.0
CLUSTER_PAD = FRAME_PAD
CLUSTER_LABEL = FRAME_LABEL_HEIGHT
SHELF_GAP = 20.0
# Order of a Place's members from top to bottom.
PLACE_ORDER = ("place_partnership", "local_authority", "hwb", "primary_care")
_PLACE_RANK = {kind: i for i, kind in enumerate(PLACE_ORDER)}
# Kinds drawn in the top row of their block, above the block's other members.
HUB_KINDS = ("provider_collaborative",)
# Shape of the grid of a collaborative's members (or loose bodies of one tier).
GRID_ROWS = 3
GRID_ROWS_TRIED = (GRID_ROWS, 2, 4, 6)
GRID_MAX_COLUMNS = 5
# Loose bodies of one tier are cut into blocks of at most this many, so shelves can pack them.
LOOSE_BLOCK_SIZE = 16


def page_fit(width: float, height: float) -> float:
    """The scale at which a chart of this size fits the chart area of an A3 landscape page."""
    return max(min(aw / max(width, 1.0), ah / max(height, 1.0)) for aw, ah in PAGE_AREAS)


@dataclass
class Block:
    """Lower-tier nodes kept together: rows of node ids, framed if `cluster_id` is set."""

    cluster_id: str | None
    label: str
    rows: list[list[str]]
    width: float = 0.0
    height: float = 0.0
    row_heights: tuple[float, ...] = ()
    # Filled by `measure` too: each column's width, and each row's box sizes (for placing).
    col_widths: tuple[float, ...] = ()
    sizes: tuple[tuple[BoxSize, ...], ...] = ()
    # The highest tier among its members (the smallest number): where the block ranks.
    tier: int = 0

    @property
    def top(self) -> list[str]:
        return self.rows[0]

    @property
    def bottom(self) -> list[str]:
        return self.rows[-1]

    @property
    def members(self) -> list[str]:
        return [m for row in self.rows for m in row]


def is_block_cluster(members: tuple[str, ...], structure: Structure) -> bool:
    """Whether a group belongs to the lower part (all its bodies are Place tier or below)."""
    return min(structure.nodes[m].tier for m in members) >= 3


def build_blocks(
    structure: Structure, *, all_groups: bool = False, rows_cap: int = GRID_ROWS
) -> tuple[list[Block], dict[str, int]]:
    """Blocks for the lower part, and the index of the block of each node in them.

    With `all_groups`, groups of the top part (national bodies, a system's ICB and ICP) are
    blocks too, one row per tier: the tree engine places whole blocks, so each group stays
    together in its frame. Graphviz ranks the top part itself and leaves them out.
    """
    blocks: list[Block] = []
    block_of: dict[str, int] = {}
    for cluster in structure.clusters:
        nodes = [structure.nodes[m] for m in cluster.members]
        tier = min([node.tier for node in nodes])  # as is_block_cluster finds it
        if tier >= 3:
            rows = grid_rows(nodes, cluster.kind, rows_cap)
        elif all_groups:
            rows = tier_rows(nodes)
        else:
            continue
        blocks.append(Block(cluster.id, cluster.name, rows, tier=tier))
        for m in cluster.members:
            block_of[m] = len(blocks) - 1
    loose: dict[int, list[Node]] = {}
    home_group = structure.home_group
    for node_id, node in structure.nodes.items():
        if node.tier >= 3 and node_id not in block_of and node_id not in home_group:
            loose.setdefault(node.tier, []).append(node)
    for tier in sorted(loose):
        nodes = loose[tier]
        for start in range(0, len(nodes), LOOSE_BLOCK_SIZE):
            chunk = nodes[start : start + LOOSE_BLOCK_SIZE]
            blocks.append(Block(None, "", grid_rows(chunk, "", rows_cap), tier=tier))
            for node in chunk:
                block_of[node.id] = len(blocks) - 1
    for block in blocks:
        measure(block, structure)
    return blocks, block_of


def grid_rows(
    nodes: list[Node], group_kind: str, rows_cap: int = GRID_ROWS
) -> list[list[str]]:
    """Rows of a block: a Place in one column; otherwise hubs on top, the rest in a grid."""
    if group_kind == "place":
        nodes = sorted(nodes, key=lambda n: _PLACE_RANK.get(n.kind, len(PLACE_ORDER)))
        if len(nodes) <= 4:
            return [[n.id] for n in nodes]
        return [[nodes[0].id], *_chunk([n.id for n in nodes[1:]], 2)]
    hubs = [n.id for n in nodes if n.kind in HUB_KINDS]
    rest = [n.id for n in nodes if n.kind not in HUB_KINDS]
    # Up to `rows_cap` rows (3 is as tall as a Place, so a collaborative sits on a shelf of
    # Places without making it taller); bigger groups widen up to GRID_MAX_COLUMNS, then grow.
    columns = min(GRID_MAX_COLUMNS, max(1, math.ceil(len(rest) / rows_cap))) if rest else 1
    rows = _chunk(hubs, columns) + _chunk(rest, columns)
    return rows or [[]]


def tier_rows(nodes: list[Node]) -> list[list[str]]:
    """One row per tier (national above regional above system), at most four to a row."""
    by_tier: dict[int, list[str]] = {}
    for node in nodes:
        by_tier.setdefault(node.tier, []).append(node.id)
    rows: list[list[str]] = []
    for tier in sorted(by_tier):
        rows.extend(_chunk(by_tier[tier], 4))
    return rows


def measure(block: Block, structure: Structure) -> None:
    """Estimate a block's drawn size from its grid (columns as wide as their widest box)."""
    nodes = structure.nodes
    columns = max(map(len, block.rows))
    col_widths = [0.0] * columns
    sizes: list[tuple[BoxSize, ...]] = []
    row_heights: list[float] = []
    for row in block.rows:
        row_sizes = tuple([nodes[node_id].size for node_id in row])
        for c, size in enumerate(row_sizes):
            if size.width > col_widths[c]:
                col_widths[c] = size.width
        row_heights.append(max([size.height for size in row_sizes]))
        sizes.append(row_sizes)
    block.sizes = tuple(sizes)
    block.col_widths = tuple(col_widths)
    block.row_heights = tuple(row_heights)
    block.width = sum(col_widths) + NODE_GAP * (columns - 1)
    block.height = sum(row_heights) + RANK_GAP * (len(row_heights) - 1)
    if block.cluster_id is not None:
        # The frame holds its grid and, above it, the group's name on one line.
        block.width = max(block.width + 2 * CLUSTER_PAD, min_frame_width(block.label))
        block.height += 2 * CLUSTER_PAD + CLUSTER_LABEL


def arrange(
    structure: Structure, top_width: float, top_height: float
) -> tuple[list[Block], list[list[Block]]]:
    """Blocks and shelves for the lower part, with grids as tall as suit the page best.

    Grids of two to six rows are tried (two rows make a wide, short collaborative, six a
    narrow, tall one); the blocks are the same in every try, only their shape changes.
    """
    best: tuple[float, list[Block], list[list[Block]]] | None = None
    for rows_cap in GRID_ROWS_TRIED:
        blocks, _ = build_blocks(structure, rows_cap=rows_cap)
        shelves, scale = pack_shelves(blocks, top_width, top_height)
        if best is None or scale > best[0] + 1e-9:
            best = (scale, blocks, shelves)
    assert best is not None
    return best[1], best[2]


def pack_shelves(
    blocks: list[Block], top_width: float, top_height: float
) -> tuple[list[list[Block]], float]:
    """Blocks in shelves (in order), as many shelves as fit an A3 page best, evenly filled,
    and the scale at which the chart would fit the page.

    For each possible number of shelves, the narrowest shelf width that still needs no more
    shelves is found (so shelves come out evenly filled, not eight Places and an orphan); the
    chart's size is estimated, and the count allowing the largest scale on the page wins.
    """
    if not blocks:
        return [], 1.0
    widest = max(b.width for b in blocks)
    total = sum(b.width + SHELF_GAP for b in blocks)
    best: tuple[float, list[list[Block]]] | None = None
    for count in range(1, len(blocks) + 1):
        low, high = widest, total
        if len(_fill(blocks, low)) > count:
            for _ in range(30):  # bisect the narrowest width giving `count` shelves
                mid = (low + high) / 2
                if len(_fill(blocks, mid)) > count:
                    low = mid
                else:
                    high = mid
            low = high
        shelves = _fill(blocks, low)
        chart_w = max(top_width, *(_shelf_width(s) for s in shelves))
        chart_h = top_height + sum(_shelf_height(s) for s in shelves)
        scale = page_fit(chart_w, chart_h)
        if best is None or scale > best[0] + 1e-9:
            best = (scale, shelves)
        if len(shelves) < count or scale < best[0] * 0.8:
            break  # every block has its own shelf, or the chart is only getting taller
    assert best is not None
    return best[1], best[0]


def _fill(blocks: list[Block], width: float) -> list[list[Block]]:
    shelves: list[list[Block]] = [[]]
    used = 0.0
    for block in blocks:
        if shelves[-1] and used + block.width > width:
            shelves.append([])
            used = 0.0
        shelves[-1].append(block)
        used += block.width + SHELF_GAP
    return shelves


def _shelf_height(shelf: list[Block]) -> float:
    """Rows of a shelf share ranks, so each row is as tall as its tallest box on the shelf."""
    rows = max(len(b.row_heights) for b in shelf)
    heights = [max((b.row_heights[r] for b in shelf if r < len(b.row_heights)), default=0.0)
               for r in range(rows)]
    framed = any(b.cluster_id is not None for b in shelf)
    frame = 2 * CLUSTER_PAD + CLUSTER_LABEL if framed else 0.0
    return sum(heights) + RANK_GAP * rows + frame


def _shelf_width(shelf: list[Block]) -> float:
    return sum(b.width for b in shelf) + SHELF_GAP * (len(shelf) - 1)


def _chunk(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
