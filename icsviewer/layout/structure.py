"""What a layout engine has to place: the visible boxes, their groups, and the lines.

Every engine (Graphviz, the fallback rows, the large-chart tree) starts from this, so they
agree on which boxes exist and how big they are:

- each body gets a box sized from its wrapped label (`boxes.box_size`);
- a body in several groups is drawn in its first group only;
- a group's name is kept as its frame shows it (`boxes.frame_label`: one line, cut with an
  ellipsis if very long), so every engine reserves room for exactly that;
- a collapsed group is one box standing for its members (its id is the group id); members in
  no other, expanded group get no box of their own, and their lines end at the group's box;
- relationships to unknown bodies, self-loops and lines wholly inside a collapsed group are
  left out (validation reports the unknown ids; a layout must still come out).
"""

from __future__ import annotations

from dataclasses import dataclass

from icsviewer.layout.boxes import BoxSize, box_size, collapsed_group_box, frame_label
from icsviewer.model.chart import Chart
from icsviewer.model.kinds import body_kind, relation_kind


@dataclass(frozen=True)
class Node:
    """A box to place: a body, or a collapsed group standing for its members."""

    id: str
    size: BoxSize
    tier: int
    kind: str
    is_group: bool = False
    pinned: tuple[float, float] | None = None


@dataclass(frozen=True)
class Link:
    """A relationship as a line between two visible boxes."""

    rel_id: str
    source: str  # the body id (for EdgeLayout)
    target: str
    tail: str  # the visible node the line starts at
    head: str
    kind: str
    structural: bool


@dataclass(frozen=True)
class Cluster:
    """An expanded group and the visible nodes drawn inside its frame."""

    id: str
    name: str
    kind: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Structure:
    """The whole placement problem, engine-neutral."""

    nodes: dict[str, Node]
    links: tuple[Link, ...]
    clusters: tuple[Cluster, ...]
    # body id -> id of the group it is drawn in (first group only).
    home_group: dict[str, str]


def build_structure(chart: Chart) -> Structure:
    """Turn a chart into nodes, links and clusters (see the module docstring for the rules)."""
    home: dict[str, str] = {}
    for group in chart.groups:
        for member in group.members:
            if chart.has_body(member):
                home.setdefault(member, group.id)
    collapsed = {g.id for g in chart.groups if g.collapsed}
    # Where each body is drawn: itself, or the collapsed group it is hidden in.
    shown_as: dict[str, str] = {}
    nodes: dict[str, Node] = {}
    for body in chart.bodies:
        group_id = home.get(body.id)
        if group_id in collapsed:
            assert group_id is not None
            shown_as[body.id] = group_id
            continue
        shown_as[body.id] = body.id
        nodes[body.id] = Node(
            body.id, box_size(body), body_kind(body.kind).tier, body.kind, False, body.pinned
        )
    clusters: list[Cluster] = []
    for group in chart.groups:
        hidden = [m for m in group.members if shown_as.get(m) == group.id]
        if group.id in collapsed:
            if group.id in nodes:
                continue  # a group id clashing with a body id: the body wins
            tiers = [body_kind(chart.body(m).kind).tier for m in hidden] or [3]
            nodes[group.id] = Node(
                group.id, collapsed_group_box(group.name, len(hidden)), min(tiers), group.kind, True
            )
            continue
        members = tuple(m for m in group.members if home.get(m) == group.id and m in nodes)
        if members:
            # The name as the frame shows it (a hostile one is cut), so engines reserve room
            # for exactly what is drawn.
            clusters.append(Cluster(group.id, frame_label(group.name), group.kind, members))
    links: list[Link] = []
    for rel in chart.relationships:
        tail = shown_as.get(rel.source)
        head = shown_as.get(rel.target)
        if tail is None or head is None or tail == head:
            continue
        kind = relation_kind(rel.kind)
        links.append(Link(rel.id, rel.source, rel.target, tail, head, rel.kind, kind.structural))
    return Structure(nodes, tuple(links), tuple(clusters), home)
