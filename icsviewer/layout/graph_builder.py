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

import itertools
import json
import math
from dataclasses import dataclass, field
from typing import Any

from icsviewer.layout.blocks import (
    CLUSTER_LABEL,
    CLUSTER_PAD,
    GRID_ROWS_TRIED,
    NODE_GAP,
    RANK_GAP,
    Block,
    arrange,
    build_blocks,
    is_block_cluster,
    pack_shelves,
)
from icsviewer.layout.boxes import FRAME_LABEL_SIZE
from icsviewer.layout.frames import FRAME_GAP, label_width
from icsviewer.layout.structure import Link, Node, Structure
from icsviewer.model.kinds import relation_kind

POINTS_PER_INCH = 72.0

# Most boxes for which Graphviz routes overlay lines around boxes (see GraphSpec.route_overlay).
OVERLAY_ROUTING_LIMIT = 150
# Most boxes for which several arrangements are laid out and the best kept.
CANDIDATE_LIMIT = 150

GRAPH_ATTRS: dict[str, str] = {
    "rankdir": "TB",
    "newrank": "true",
    "compound": "true",
    "splines": "spline",
    "nodesep": f"{NODE_GAP / 72:.3f}",
    "ranksep": f"{RANK_GAP / 72:.3f}",
    "outputorder": "edgesfirst",
    "fontname": "Liberation Sans",
    "fontsize": "10",
    # For `dot` the root graph's margin is also the least gap between sibling clusters (with
    # 0 neighbouring group frames share an edge and their outlines overprint); the drawing
    # margin it also sets is not used (we read positions, not a rendering).
    "margin": f"{FRAME_GAP:g}",
    "pad": "0",
}
NODE_ATTRS: dict[str, str] = {"shape": "box", "fixedsize": "true", "label": "", "margin": "0"}
EDGE_ATTRS: dict[str, str] = {"arrowsize": "1.0", "penwidth": "1"}
CLUSTER_ATTRS: dict[str, str] = {
    "labeljust": "l",
    "labelloc": "t",
    "margin": f"{CLUSTER_PAD:g}",
}


@dataclass
class GraphSpec:
    """A Graphviz graph as JSON-ready data, plus how its names map back to the chart."""

    graph: dict[str, str]
    nodes: list[tuple[str, dict[str, str]]]
    edges: list[tuple[str, str, str, dict[str, str]]]
    clusters: list[dict[str, Any]]
    same_ranks: list[list[str]]
    # Lines routed after the nodes are placed (see `_add_links`).
    overlay: list[tuple[str, str, str, dict[str, str]]] = field(default_factory=list)
    # Whether Graphviz routes the overlay lines around boxes; if not, `dot_reader` draws them
    # as gentle curves (Graphviz's obstacle routing grows much faster than linearly: ~4 s at
    # 200 boxes, so it is kept for charts the size of one system).
    route_overlay: bool = True
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
            "overlay": (
                [[name, t, h, attrs] for name, t, h, attrs in self.overlay]
                if self.route_overlay
                else []
            ),
        }


@dataclass(frozen=True)
class _Place:
    """Where the builder puts a lower-tier node: its block, row and column, and shelf."""

    block: int
    row: int
    column: int
    shelf: int


def candidate_specs(structure: Structure) -> list[GraphSpec]:
    """Graph descriptions worth trying: for a chart of one system, the same chart with its
    grids two to six rows tall (the worker lays out each and keeps the one that fits an A3
    page best: an estimate cannot tell reliably); for bigger charts, the estimated best."""
    if len(structure.nodes) > CANDIDATE_LIMIT:
        return [build_spec(structure)]
    specs: list[GraphSpec] = []
    seen: set[str] = set()
    for rows_cap in GRID_ROWS_TRIED:
        spec = build_spec(structure, rows_cap)
        text = json.dumps(spec.to_json_dict(), sort_keys=True)
        if text not in seen:
            seen.add(text)
            specs.append(spec)
    return specs


def build_spec(structure: Structure, rows_cap: int | None = None) -> GraphSpec:
    """The Graphviz description of a chart's structure (see the module docstring).

    `rows_cap` fixes how many rows a collaborative's grid may have; by default the arrangement
    estimated to fit a page best is used.
    """
    names = {node_id: f"n{i}" for i, node_id in enumerate(structure.nodes)}
    spec = GraphSpec(dict(GRAPH_ATTRS), [], [], [], [])
    spec.route_overlay = len(structure.nodes) <= OVERLAY_ROUTING_LIMIT
    spec.node_ids = {v: k for k, v in names.items()}
    for node_id, node in structure.nodes.items():
        spec.nodes.append((names[node_id], _node_attrs(node)))

    blocks, block_of = build_blocks(structure)
    top_clusters = [c for c in structure.clusters if not is_block_cluster(c.members, structure)]
    for index, cluster in enumerate(top_clusters):
        name = f"cluster_t{index}"
        spec.cluster_ids[name] = cluster.id
        spec.clusters.append(
            {"name": name, "attrs": {**CLUSTER_ATTRS, "label": cluster_label(cluster.name)},
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
    place = _add_blocks(spec, structure, blocks, names, top_tiers, by_tier, rows_cap)
    _add_links(spec, structure, names, place)
    return spec


def cluster_label(name: str) -> str:
    """A cluster label reserving exactly the space our renderers draw the group's name in.

    The name itself is drawn by us, not Graphviz; an empty fixed-size HTML table makes
    Graphviz keep a strip as wide as the name measured with the bundled font, whatever fonts
    Graphviz itself finds (its own estimate can be narrower and the name would then run into
    the next frame). Holding no text, it also cannot be broken by a hostile name.
    """
    width = math.ceil(label_width(name))
    height = math.ceil(FRAME_LABEL_SIZE * 1.2)
    return (
        '<<table border="0" cellborder="0" cellspacing="0" cellpadding="0" '
        f'fixedsize="true" width="{width}" height="{height}"><tr><td></td></tr></table>>'
    )


def _node_attrs(node: Node) -> dict[str, str]:
    return {
        "width": f"{node.size.width / POINTS_PER_INCH:.4f}",
        "height": f"{node.size.height / POINTS_PER_INCH:.4f}",
    }


def _add_blocks(
    spec: GraphSpec,
    structure: Structure,
    blocks: list[Block],
    names: dict[str, str],
    top_tiers: list[int],
    by_tier: dict[int, list[str]],
    rows_cap: int | None,
) -> dict[str, _Place]:
    """Clusters, grids and shelves for the lower part of the chart; where each node went."""
    if not blocks:
        return {}
    # The top part's size, so shelves can be chosen to fit the whole chart to a page.
    top_width = max(
        (sum(structure.nodes[spec.node_ids[n]].size.width + NODE_GAP for n in tier_names)
         for tier_names in by_tier.values()), default=0.0,
    )
    # Each tier row of the top part, plus a frame's padding and label where groups frame it.
    framed = {m for c in structure.clusters for m in c.members}
    top_height = sum(
        max(structure.nodes[spec.node_ids[n]].size.height for n in tier_names) + RANK_GAP
        + (2 * CLUSTER_PAD + CLUSTER_LABEL
           if any(spec.node_ids[n] in framed for n in tier_names) else 0.0)
        for tier_names in by_tier.values()
    )
    if rows_cap is None:
        blocks, shelves = arrange(structure, top_width, top_height)
    else:
        blocks, _ = build_blocks(structure, rows_cap=rows_cap)
        shelves, _ = pack_shelves(blocks, top_width, top_height)
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
        for row in block.rows:
            if len(row) > 1:
                # Same rank, and flat invisible edges fix the left-to-right order and pull the
                # row together (dot keeps a flat edge's tail left of its head).
                spec.same_ranks.append([names[m] for m in row])
                for left, right in itertools.pairwise(row):
                    hidden_edge(names[left], names[right], "5")
        if block.cluster_id is not None:
            name = f"cluster_b{index}"
            spec.cluster_ids[name] = block.cluster_id
            spec.clusters.append(
                {"name": name, "attrs": {**CLUSTER_ATTRS, "label": cluster_label(block.label)},
                 "nodes": [names[m] for m in block.members]}
            )
    anchor = by_tier[top_tiers[-1]][0] if top_tiers else None
    previous: list[Block] = []
    place: dict[str, _Place] = {}
    index_of = {id(block): i for i, block in enumerate(blocks)}
    for shelf_index, shelf in enumerate(shelves):
        for block in shelf:
            for r, row in enumerate(block.rows):
                for c, node_id in enumerate(row):
                    place[node_id] = _Place(index_of[id(block)], r, c, shelf_index)
        tops = [names[b.top[0]] for b in shelf]
        spec.same_ranks.append(tops)
        for left_block, right_block in itertools.pairwise(shelf):
            hidden_edge(names[left_block.top[-1]], names[right_block.top[0]], "2")
        if not previous and anchor is not None:
            hidden_edge(anchor, tops[0], "0")
        for block in previous:
            for bottom in block.bottom:
                hidden_edge(names[bottom], tops[0], "0")
        previous = shelf
    return place


def _add_links(
    spec: GraphSpec, structure: Structure, names: dict[str, str], place: dict[str, _Place]
) -> None:
    """The chart's relationships, parent above child.

    Lines that follow the arrangement (inside the top part, from it to the first shelf's top
    row, between neighbouring rows of one block) are laid out by `dot` with the nodes. All
    others are *overlay* lines, routed afterwards around the placed boxes: in `dot` they would
    be long edges whose virtual nodes push the shelves apart and make the chart wide.
    """
    for index, link in enumerate(structure.links):
        tail, head = structure.nodes[link.tail], structure.nodes[link.head]
        reverse = tail.tier > head.tier
        upper, lower = (head, tail) if reverse else (tail, head)
        if not relation_kind(link.kind).directed:
            direction = "none"
        else:
            direction = "back" if reverse else "forward"
        attrs: dict[str, str] = {"dir": direction}
        up, low = place.get(upper.id), place.get(lower.id)
        if up is None and low is None:
            backbone = True
            constrain = link.structural and upper.tier < lower.tier
        elif up is None and low is not None:
            backbone = low.shelf == 0 and low.row == 0
            constrain = link.structural
        elif up is not None and low is not None:
            backbone = up.block == low.block and abs(up.row - low.row) == 1 and (
                up.column == low.column
            )
            constrain = False
        else:
            backbone = constrain = False
        if not constrain:
            attrs["constraint"] = "false"
        name = f"e{index}"
        spec.edge_links[name] = (link, reverse)
        if backbone:
            spec.edges.append((name, names[upper.id], names[lower.id], attrs))
        else:
            spec.overlay.append((name, names[upper.id], names[lower.id], attrs))
