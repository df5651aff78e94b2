"""The lines of a patched layout (`incremental.update_layout`): each kept as it was unless an
end moved, re-sized or appeared, or the relationship itself changed; and how far they reach,
worked out from what changed rather than from every point of every line."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from icsviewer.layout.geometry import BoxLayout, EdgeLayout
from icsviewer.layout.layout_facts import edge_reach
from icsviewer.layout.routing import route
from icsviewer.layout.structure import Link, Structure
from icsviewer.model.kinds import relation_kind

# Bow of re-drawn lines that are not part of the hierarchy (as pins.apply_pins draws them).
CROSS_BOW = 0.15


def patched_edges(
    structure: Structure,
    previous: Mapping[str, EdgeLayout],
    boxes: Mapping[str, BoxLayout],
    changed: Collection[str],
    drawn_links: tuple[Link, ...] | None = None,
) -> tuple[dict[str, EdgeLayout], list[EdgeLayout], list[EdgeLayout]]:
    """(lines, old lines that went or were re-drawn, new routes). A line is re-drawn when
    it is new, its relationship's ends or direction changed, or one of its boxes is in
    `changed`. `drawn_links`, when known, are the links `previous` drew, in order."""
    looks = _Looks()
    links = structure.links
    if drawn_links is not None and len(previous) == len(drawn_links) and (
        links[: len(drawn_links)] == drawn_links
    ):
        return _appended(links, len(drawn_links), previous, boxes, changed, looks)
    edges: dict[str, EdgeLayout] = {}
    routed: list[EdgeLayout] = []
    dropped: list[EdgeLayout] = []
    for link in links:
        look = looks[link.kind]
        old = previous.get(link.rel_id)
        if (
            old is not None
            and old.source == link.source
            and old.target == link.target
            and link.tail not in changed
            and link.head not in changed
            and (old.arrow_tip is not None) == look[0]
        ):
            edges[link.rel_id] = old
            continue
        if old is not None:
            dropped.append(old)
        edge = route(link.rel_id, link.source, link.target, boxes[link.tail],
                     boxes[link.head], *look)
        edges[link.rel_id] = edge
        routed.append(edge)
    if len(edges) - len(routed) + len(dropped) != len(previous):
        # Some old lines have no relationship any more.
        dropped += [e for k, e in previous.items() if k not in edges]
    return edges, dropped, routed


class _Looks(dict[str, tuple[bool, float]]):
    """(directed, bow) of a line by relationship kind, each kind looked up once."""

    def __missing__(self, kind_id: str) -> tuple[bool, float]:
        kind = relation_kind(kind_id)
        look = self[kind_id] = (kind.directed, 0.0 if kind.structural else CROSS_BOW)
        return look


def _appended(
    links: tuple[Link, ...],
    kept: int,
    previous: Mapping[str, EdgeLayout],
    boxes: Mapping[str, BoxLayout],
    changed: Collection[str],
    looks: _Looks,
) -> tuple[dict[str, EdgeLayout], list[EdgeLayout], list[EdgeLayout]]:
    """`patched_edges` when the first `kept` links are the ones `previous` drew, unchanged:
    their lines are copied at C speed and only those at a changed box re-drawn."""
    edges = dict(previous)
    routed: list[EdgeLayout] = []
    dropped: list[EdgeLayout] = []
    moved = [link for link in links[:kept] if link.tail in changed or link.head in changed]
    for link in [*moved, *links[kept:]]:
        old = edges.get(link.rel_id)
        if old is not None:
            dropped.append(old)
        edge = route(link.rel_id, link.source, link.target, boxes[link.tail],
                     boxes[link.head], *looks[link.kind])
        edges[link.rel_id] = edge
        routed.append(edge)
    return edges, dropped, routed


def reach_after(
    before: tuple[float, float],
    edges: Mapping[str, EdgeLayout],
    dropped: list[EdgeLayout],
    routed: list[EdgeLayout],
) -> tuple[float, float]:
    """How far `edges` reach (right, bottom), given how far the previous lines reached:
    all lines are measured again only when one that went reached that far."""
    right, bottom = before
    if dropped:
        gone = edge_reach(dropped)
        if gone[0] >= right or gone[1] >= bottom:
            return edge_reach(edges.values())
    if routed:
        new = edge_reach(routed)
        right, bottom = max(right, new[0]), max(bottom, new[1])
    return right, bottom
