"""Shape a chart into a Graphviz graph description, without importing Graphviz.

The description (`GraphSpec`) is plain JSON sent to the worker process. How it is shaped is
what makes the chart legible on paper (see ARCHITECTURE.md, "Layout quality is the product"):

- Top part: bodies of tiers 0-2 (national, region, system) are ranked by tier (`newrank`,
  `rank=same` per tier), so the chart reads down from NHS England to the ICB and ICP.
- Below them, *blocks*: each group of lower-tier bodies (a Place, a provider collaborative)
  is a cluster whose members are arranged in a small grid with invisible edges (a Place's
  partnership, council and board stacked in one column; a collaborative on top of its trusts
  in a few columns). Lower-tier bodies in no group are gathered into unframed grid blocks per
  tier (the former CCGs end up as one compact block).
- Blocks are packed into shelves about as wide as a landscape A3 page suggests, instead of one
  very wide rank: every block of a shelf starts on the same rank, and invisible edges from the
  bottom of each block of one shelf keep the next shelf below it.
- Only hierarchy lines from the top part down constrain ranks; cross links (`has_regard_to`,
  `partners_with`, ...) and lines between or inside blocks get `constraint=false`, so they are
  drawn without distorting the arrangement.
- Lines are added parent-above-child: a relationship pointing up the hierarchy (a trust
  `member_of` a collaborative) is added reversed with `dir=back`; the reader flips it back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from icsviewer.layout.structure import Link, Node, Structure
from icsviewer.model.kinds import relation_kind

POINTS_PER_INCH = 72.0
# The shape the shelves aim for: the usable part of an A3 landscape page (~390 x 240 mm).
TARGET_ASPECT = 390.0 / 240.0
# Order of a Place's members from top to bottom.
_PLACE_ORDER = ("place_partnership", "local_authority", "hwb")
# Kinds drawn at the top of their block, above the block's other members.
_HUB_KINDS = ("provider_collaborative", "place_partnership")

GRAPH_ATTRS: dict[str, str] = {
    "rankdir": "TB",
    "newrank": "true",
    "compound": "true",
    "splines": "spline",
    "nodesep": "0.18",
    "ranksep": "0.32",
    "outputorder": "edgesfirst",
    "fontname": "Liberation Sans",
    "fontsize": "10",
    "margin": "0",
    "pad": "0",
}
NODE_ATTRS: dict[str, str] = {"shape": "box", "fixedsize": "true", "label": "", "margin": "0"}
EDGE_ATTRS: dict[str, str] = {"arrowsize": "1.0", "penwidth": "1"}
CLUSTER_ATTRS: dict[str, str] = {
    "labeljust": "l",
    "labelloc": "t",
    "fontname": "Liberation Sans Bold",
    "fontsize": "10",
    "margin": "8",
}


@dataclass
class GraphSpec:
    """A Graphviz graph as JSON-ready data, plus how its names map back to the chart."""

    graph: dict[str, str]
    nodes: list[tuple[str, dict[str, str]]]
    edges: list[tuple[str, str, str, dict[str, str]]]
    clusters: list[dict[str, Any]]
    same_ranks: list[list[str]]
    # Graphviz node name -> our node id; edge name -> (link, reversed?); cluster name -> id.
    node_ids: dict[str, str] = field(default_factory=dict)
    edge_links: dict[str, tuple[Link, bool]] = field(default_factory=dict)
    cluster_ids: dict[str, str] = field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        """What the worker reads on stdin."""
        return {
            "graph": self.graph,
            "node_defaults": NODE_ATTRS,
            "edge_defaults": EDGE_ATTRS,
            "nodes": [[name, attrs] for name, attrs in self.nodes],
            "edges": [[name, t, h, attrs] for name, t, h, attrs in self.edges],
            "clusters": self.clusters,
            "same_ranks": self.same_ranks,
        }


@dataclass
class _Block:
    """Lower-tier bodies kept together: a group's members in a grid, maybe framed."""

    cluster_id: str | None
    label: str
    rows: list[list[str]]
    width: float = 0.0

    @property
    def top(self) -> list[str]:
        return self.rows[0]

    @property
    def bottom(self) -> list[str]:
        return self.rows[-1]

    @property
    def members(self) -> list[str]:
        return [m for row in self.rows for m in row]


def build_spec(structure: Structure) -> GraphSpec:
    """The Graphviz description of a chart's structure (see the module docstring)."""
    names = {node_id: f"n{i}" for i, node_id in enumerate(structure.nodes)}
    spec = GraphSpec(dict(GRAPH_ATTRS), [], [], [], [])
    spec.node_ids = {v: k for k, v in names.items()}
    for node_id, node in structure.nodes.items():
        spec.nodes.append((names[node_id], _node_attrs(node)))

    blocks, block_of = _blocks(structure)
    top_clusters = [c for c in structure.clusters if not _is_block(c.members, structure)]
    for index, cluster in enumerate(top_clusters):
        name = f"cluster_t{index}"
        spec.cluster_ids[name] = cluster.id
        spec.clusters.append(
            {"name": name, "attrs": {**CLUSTER_ATTRS, "label": cluster.name},
             "nodes": [names[m] for m in cluster.members]}
        )
    # Rank the top part by tier.
    by_tier: dict[int, list[str]] = {}
    for node_id, node in structure.nodes.items():
        if node_id not in block_of:
            by_tier.setdefault(node.tier, []).append(names[node_id])
    for tier in sorted(by_tier):
        spec.same_ranks.append(by_tier[tier])
    top_tiers = sorted(by_tier)
    _add_blocks(spec, structure, blocks, names, top_tiers, by_tier)
    _add_links(spec, structure, names, block_of)
    return spec


def _node_attrs(node: Node) -> dict[str, str]:
    return {
        "width": f"{node.size.width / POINTS_PER_INCH:.4f}",
        "height": f"{node.size.height / POINTS_PER_INCH:.4f}",
    }


def _is_block(members: tuple[str, ...], structure: Structure) -> bool:
    return min(structure.nodes[m].tier for m in members) >= 3


def _blocks(structure: Structure) -> tuple[list[_Block], dict[str, int]]:
    """Group lower-tier bodies into blocks: one per group, then loose ones per tier."""
    blocks: list[_Block] = []
    block_of: dict[str, int] = {}
    for cluster in structure.clusters:
        if not _is_block(cluster.members, structure):
            continue
        nodes = [structure.nodes[m] for m in cluster.members]
        blocks.append(_Block(cluster.id, cluster.name, _grid(nodes, cluster.kind)))
        for m in cluster.members:
            block_of[m] = len(blocks) - 1
    loose: dict[int, list[Node]] = {}
    for node_id, node in structure.nodes.items():
        if node.tier >= 3 and node_id not in block_of and node_id not in structure.home_group:
            loose.setdefault(node.tier, []).append(node)
    for tier in sorted(loose):
        # A long list of loose bodies is cut into several blocks so shelves can pack them.
        nodes = loose[tier]
        for start in range(0, len(nodes), 16):
            chunk = nodes[start : start + 16]
            blocks.append(_Block(None, "", _grid(chunk, "")))
            for node in chunk:
                block_of[node.id] = len(blocks) - 1
    for block in blocks:
        block.width = max(
            sum(structure.nodes[m].size.width for m in row) + 14.0 * (len(row) - 1)
            for row in block.rows
        ) + (24.0 if block.cluster_id else 0.0)
    return blocks, block_of


def _grid(nodes: list[Node], group_kind: str) -> list[list[str]]:
    """Rows of a block: hubs on top, the rest in a near-square grid (a Place: one column)."""
    if group_kind == "place":
        order = {kind: i for i, kind in enumerate(_PLACE_ORDER)}
        nodes = sorted(nodes, key=lambda n: order.get(n.kind, len(order)))
        if len(nodes) <= 4:
            return [[n.id] for n in nodes]
        return [[n.id for n in nodes[:1]], *_chunk([n.id for n in nodes[1:]], 2)]
    hubs = [n.id for n in nodes if n.kind in _HUB_KINDS]
    rest = [n.id for n in nodes if n.kind not in _HUB_KINDS]
    columns = max(1, round(math.sqrt(len(rest) / 1.5))) if rest else 1
    rows = _chunk(hubs, max(columns, 1)) + _chunk(rest, columns)
    return rows or [[]]


def _chunk(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _add_blocks(
    spec: GraphSpec,
    structure: Structure,
    blocks: list[_Block],
    names: dict[str, str],
    top_tiers: list[int],
    by_tier: dict[int, list[str]],
) -> None:
    """Clusters, grids and shelves for the lower part of the chart."""
    invisible = 0

    def hidden_edge(tail: str, head: str, weight: str = "1") -> None:
        nonlocal invisible
        spec.edges.append(
            (f"x{invisible}", tail, head, {"style": "invis", "weight": weight, "arrowhead": "none"})
        )
        invisible += 1

    for index, block in enumerate(blocks):
        # Invisible edges down each column, so the grid keeps its shape.
        for upper, lower in zip(block.rows, block.rows[1:], strict=False):
            for i, node_id in enumerate(lower):
                above = upper[min(i, len(upper) - 1)]
                hidden_edge(names[above], names[node_id], "10")
        for row in block.rows[1:]:
            if len(row) > 1:
                spec.same_ranks.append([names[m] for m in row])
        if block.cluster_id is not None:
            name = f"cluster_b{index}"
            spec.cluster_ids[name] = block.cluster_id
            spec.clusters.append(
                {"name": name, "attrs": {**CLUSTER_ATTRS, "label": block.label},
                 "nodes": [names[m] for m in block.members]}
            )
    if not blocks:
        return
    # Shelves: pack blocks left to right up to a width suited to a landscape page.
    area = sum(b.width * (len(b.rows) * 50.0 + 40.0) for b in blocks)
    top_width = max(
        (sum(structure.nodes[spec.node_ids[n]].size.width + 14.0 for n in names_in_tier)
         for names_in_tier in by_tier.values()), default=0.0,
    )
    shelf_width = max(top_width, max(b.width for b in blocks), math.sqrt(area * TARGET_ASPECT))
    shelves: list[list[_Block]] = [[]]
    used = 0.0
    for block in blocks:
        if shelves[-1] and used + block.width > shelf_width:
            shelves.append([])
            used = 0.0
        shelves[-1].append(block)
        used += block.width + 20.0
    anchor = by_tier[top_tiers[-1]][0] if top_tiers else None
    previous: list[_Block] = []
    for shelf in shelves:
        tops = [names[b.top[0]] for b in shelf]
        spec.same_ranks.append(tops)
        if not previous and anchor is not None:
            hidden_edge(anchor, tops[0], "0")
        for block in previous:
            for bottom in block.bottom:
                hidden_edge(names[bottom], tops[0], "0")
        previous = shelf


def _add_links(
    spec: GraphSpec, structure: Structure, names: dict[str, str], block_of: dict[str, int]
) -> None:
    """The chart's relationships, parent above child, cross links not constraining ranks."""
    for index, link in enumerate(structure.links):
        tail, head = structure.nodes[link.tail], structure.nodes[link.head]
        reverse = tail.tier > head.tier
        upper, lower = (head, tail) if reverse else (tail, head)
        constrain = (
            link.structural
            and upper.tier < lower.tier
            and upper.id not in block_of
            and upper.tier <= 2
        )
        if not relation_kind(link.kind).directed:
            direction = "none"
        else:
            direction = "back" if reverse else "forward"
        attrs: dict[str, str] = {"dir": direction}
        if not constrain:
            attrs["constraint"] = "false"
        name = f"e{index}"
        spec.edges.append((name, names[upper.id], names[lower.id], attrs))
        spec.edge_links[name] = (link, reverse)
