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

Each chart's last structure is remembered (weakly) with the records it was made from, so
building it again after an edit re-makes only the nodes and links of records that changed:
the window patches its layout after every small edit, and a national chart has 10,000 boxes.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from operator import attrgetter
from typing import TypeVar

from icsviewer.gc_pause import paused_gc
from icsviewer.layout.boxes import BoxSize, box_size, collapsed_group_box, frame_label
from icsviewer.model.chart import Body, Chart, Group, Relationship
from icsviewer.model.kinds import body_kind, relation_kind

# Charts whose last structure is remembered (the open chart and a background copy or two).
MEMO_CHARTS = 4


@dataclass(frozen=True, init=False)
class Node:
    """A box to place: a body, or a collapsed group standing for its members."""

    id: str
    size: BoxSize
    tier: int
    kind: str
    is_group: bool = False
    pinned: tuple[float, float] | None = None

    # Written out for speed, as geometry.BoxLayout's (10,000 of them for a national chart).
    def __init__(
        self,
        id: str,  # the field's name
        size: BoxSize,
        tier: int,
        kind: str,
        is_group: bool = False,
        pinned: tuple[float, float] | None = None,
    ) -> None:
        fields = self.__dict__
        fields["id"] = id
        fields["size"] = size
        fields["tier"] = tier
        fields["kind"] = kind
        fields["is_group"] = is_group
        fields["pinned"] = pinned


@dataclass(frozen=True, init=False)
class Link:
    """A relationship as a line between two visible boxes."""

    rel_id: str
    source: str  # the body id (for EdgeLayout)
    target: str
    tail: str  # the visible node the line starts at
    head: str
    kind: str
    structural: bool

    # Written out for speed, as Node's.
    def __init__(
        self, rel_id: str, source: str, target: str, tail: str, head: str, kind: str,
        structural: bool,
    ) -> None:
        fields = self.__dict__
        fields["rel_id"] = rel_id
        fields["source"] = source
        fields["target"] = target
        fields["tail"] = tail
        fields["head"] = head
        fields["kind"] = kind
        fields["structural"] = structural


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
    # Ids of the pinned nodes and of the collapsed groups' nodes, so that finishing a layout
    # need not look at every node for the few there are (None: not listed, look).
    pinned_ids: tuple[str, ...] | None = None
    group_ids: tuple[str, ...] | None = None


@dataclass(frozen=True)
class _Memo:
    """A chart's last nodes and links, and the records each was made from."""

    # By id, the record each body's node (in body_nodes) and each relationship's link (in
    # link_of) was made from. Parallel dicts rather than pairs: no 23,000 tuples to make, and
    # for the garbage collector to visit, at national scale.
    made_from: dict[str, Body]
    rel_of: dict[str, Relationship]
    link_of: dict[str, Link | None]
    # The relationships last seen, the link made for each (None: not drawn) and where each
    # body was drawn then: an unchanged run of relationships keeps its links wholesale.
    relationships: tuple[Relationship, ...] = ()
    link_for: tuple[Link | None, ...] = ()
    shown_as: dict[str, str] | None = None
    # Ids relationships named that had no box (a superset): a body added with one of them
    # gives an old relationship a line, so its run is not kept wholesale.
    unshown: frozenset[str] = frozenset()
    # The bodies and groups last seen, each body's group, and what was made of them: when
    # bodies were only added (to no group), all of it is kept and the new ones are added.
    bodies: tuple[Body, ...] = ()
    groups: tuple[Group, ...] = ()
    home: dict[str, str] | None = None
    body_nodes: dict[str, Node] | None = None
    pinned_ids: tuple[str, ...] = ()
    group_nodes: tuple[Node, ...] = ()
    clusters: tuple[Cluster, ...] = ()


_memos: dict[int, tuple[weakref.ref[Chart], _Memo]] = {}
_rel_id = attrgetter("id")
_Record = TypeVar("_Record", Body, Relationship)


def _memo_of(chart: Chart) -> _Memo:
    """The chart's own memo, else the most recent one of any chart.

    Every reuse is decided by comparing records (the same object, or equal ones), never by
    which chart a memo came from, so another chart's memo is as safe as its own; and the
    window lays out a copy of its chart (the same records) in the background, so the copy's
    memo is exactly what the first patch of the chart itself needs.
    """
    entry = _memos.get(id(chart))
    if entry is not None and entry[0]() is chart:
        return entry[1]
    latest = list(_memos.values())  # a copy in one step: another thread may be adding one
    return latest[-1][1] if latest else _Memo({}, {}, {})


def _remember(chart: Chart, memo: _Memo) -> None:
    _memos.pop(id(chart), None)
    while len(_memos) >= MEMO_CHARTS:
        _memos.pop(next(iter(_memos)), None)  # the least recently built
    # Kept after the chart goes (only MEMO_CHARTS are): the window's background layout runs
    # on a copy that is dropped at once, and its memo serves the chart itself next.
    _memos[id(chart)] = (weakref.ref(chart), memo)


def build_structure(chart: Chart) -> Structure:
    """Turn a chart into nodes, links and clusters (see the module docstring for the rules)."""
    with paused_gc():
        return _build(chart)


def _build(chart: Chart) -> Structure:
    memo = _memo_of(chart)
    groups = chart.groups
    bodies = chart.bodies
    home: dict[str, str] = {}
    for group in groups:
        for member in group.members:
            if chart.has_body(member):
                home.setdefault(member, group.id)
    collapsed = {g.id for g in groups if g.collapsed}
    kept = 0
    if memo.body_nodes is not None and groups == memo.groups and home == memo.home:
        kept = _common_prefix(bodies, memo.bodies)
        if kept < len(memo.bodies):
            kept = 0  # a body went or changed: make the nodes again (reusing unchanged ones)
    if kept and memo.shown_as is not None:
        # Bodies were only added, to no group: every old body, group and frame stands.
        shown_as, nodes = dict(memo.shown_as), dict(memo.body_nodes or {})
        made_from, pinned_ids = dict(memo.made_from), list(memo.pinned_ids)
    else:
        shown_as, nodes, made_from, pinned_ids = {}, {}, {}, []
    old_made_from, old_nodes = memo.made_from, memo.body_nodes or {}
    tiers: dict[str, int] = {}  # by kind, looked up once per kind rather than per body
    for body in bodies[kept:]:
        body_id = body.id
        if collapsed and home.get(body_id) in collapsed:
            shown_as[body_id] = home[body_id]  # drawn as the collapsed group
            continue
        shown_as[body_id] = body_id
        if old_made_from.get(body_id) is body:
            node = old_nodes[body_id]  # the same record as last time: the same box
        else:
            kind = body.kind
            tier = tiers.get(kind)
            if tier is None:
                tier = tiers[kind] = body_kind(kind).tier
            node = Node(body_id, box_size(body), tier, kind, False, body.pinned)
        nodes[body_id] = node
        made_from[body_id] = body
        if node.pinned is not None:
            pinned_ids.append(body_id)
    body_nodes = dict(nodes)
    if kept:
        group_nodes, clusters = memo.group_nodes, memo.clusters
    else:
        group_nodes, clusters = _groups(chart, groups, home, collapsed, shown_as, nodes)
    nodes.update((node.id, node) for node in group_nodes)
    relationships = chart.relationships
    link_for, unshown = _links(relationships, shown_as, memo)
    # By id, for relationships after an edited one (built at C speed: 13,000 at national scale).
    rel_ids = list(map(_rel_id, relationships))
    rel_of = dict(zip(rel_ids, relationships, strict=True))
    link_of = dict(zip(rel_ids, link_for, strict=True))
    _remember(chart, _Memo(
        made_from, rel_of, link_of, relationships, link_for, shown_as, unshown, bodies, groups,
        home, body_nodes, tuple(pinned_ids), group_nodes, clusters,
    ))
    return Structure(
        nodes, tuple(filter(None, link_for)), clusters, home, tuple(pinned_ids),
        tuple(node.id for node in group_nodes),
    )


def _groups(
    chart: Chart,
    groups: tuple[Group, ...],
    home: dict[str, str],
    collapsed: set[str],
    shown_as: dict[str, str],
    nodes: dict[str, Node],
) -> tuple[tuple[Node, ...], tuple[Cluster, ...]]:
    """The nodes standing for collapsed groups, and the clusters of the expanded ones."""
    group_nodes: dict[str, Node] = {}
    clusters: list[Cluster] = []
    for group in groups:
        if group.id in collapsed:
            if group.id in nodes or group.id in group_nodes:
                continue  # an id clashing with a body's (the body wins) or an earlier group's
            hidden = [m for m in group.members if shown_as.get(m) == group.id]
            tiers = [body_kind(chart.body(m).kind).tier for m in hidden] or [3]
            group_nodes[group.id] = Node(
                group.id, collapsed_group_box(group.name, len(hidden)), min(tiers), group.kind, True
            )
            continue
        members = tuple(m for m in group.members if home.get(m) == group.id and m in nodes)
        if members:
            # The name as the frame shows it (a hostile one is cut), so engines reserve room
            # for exactly what is drawn.
            clusters.append(Cluster(group.id, frame_label(group.name), group.kind, members))
    return tuple(group_nodes.values()), tuple(clusters)


def _links(
    relationships: tuple[Relationship, ...], shown_as: dict[str, str], memo: _Memo
) -> tuple[tuple[Link | None, ...], frozenset[str]]:
    """The link of each relationship (None for one not drawn), and the ids relationships
    named that have no box (see _Memo.unshown)."""
    kept = 0
    unshown: set[str] = set()
    old_shown = memo.shown_as
    if old_shown is not None and (
        old_shown == shown_as
        or (old_shown.items() <= shown_as.items() and memo.unshown.isdisjoint(shown_as))
    ):
        # Every body drawn where it was (bodies may have been added, none that an old
        # relationship named): the longest unchanged run of relationships at the start keeps
        # its links (compared at C speed; an edit usually adds at the end).
        kept = _common_prefix(relationships, memo.relationships)
        unshown.update(memo.unshown)
    link_for = list(memo.link_for[:kept])
    old_rels, old_links = memo.rel_of, memo.link_of
    structural: dict[str, bool] = {}
    for rel in relationships[kept:]:
        tail = shown_as.get(rel.source)
        head = shown_as.get(rel.target)
        if tail is None or head is None or tail == head:
            unshown.update(end for end, shown in ((rel.source, tail), (rel.target, head))
                           if shown is None)
            link_for.append(None)
            continue
        if old_rels.get(rel.id) is rel:
            link = old_links[rel.id]
            if link is not None and link.tail == tail and link.head == head:
                link_for.append(link)  # the same record between the same boxes
                continue
        is_structural = structural.get(rel.kind)
        if is_structural is None:
            is_structural = structural[rel.kind] = relation_kind(rel.kind).structural
        link_for.append(
            Link(rel.id, rel.source, rel.target, tail, head, rel.kind, is_structural)
        )
    return tuple(link_for), frozenset(unshown)


def _common_prefix(a: tuple[_Record, ...], b: tuple[_Record, ...]) -> int:
    """How many leading records `a` and `b` share (equal records count as shared)."""
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return n
    low, high = 0, n  # a[:low] == b[:low] and a[:high] != b[:high]
    while high - low > 1:
        mid = (low + high) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid
    return low
