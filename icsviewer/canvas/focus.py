"""Which items a focus (emphasis) or a reveal (build mode) leaves visible, as plain sets.

Pure functions over ids, kept apart from the scene so the rules are easy to read and test:
the scene only applies the answer to its items.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Edge:
    """A drawn line: its id and the two box keys it joins (a body id or a collapsed group id)."""

    key: str
    source: str
    target: str


@dataclass(frozen=True)
class Emphasis:
    """Boxes shown at full strength, lines emphasised; everything else is dimmed."""

    boxes: frozenset[str]
    edges: frozenset[str]


def emphasis_for(focus: Iterable[str], edges: Iterable[Edge], with_neighbours: bool) -> Emphasis:
    """Focus boxes and the lines touching them; with neighbours, the boxes at their far ends too.

    The presenter frames exactly its step's bodies (no neighbours); hovering a body also keeps
    the bodies it is related to readable, so the highlighted lines lead somewhere visible.
    """
    focus_set = set(focus)
    touching = [e for e in edges if e.source in focus_set or e.target in focus_set]
    boxes = set(focus_set)
    if with_neighbours:
        for edge in touching:
            boxes.update((edge.source, edge.target))
    return Emphasis(frozenset(boxes), frozenset(e.key for e in touching))


@dataclass(frozen=True)
class Reveal:
    """What build mode shows: revealed boxes, frames holding them, lines between them."""

    boxes: frozenset[str]
    frames: frozenset[str]
    edges: frozenset[str]


def reveal_for(
    revealed: Iterable[str],
    edges: Iterable[Edge],
    frame_members: Mapping[str, Iterable[str]],
) -> Reveal:
    """Only the revealed boxes, the frames containing any of them, and lines between two of them."""
    shown = set(revealed)
    frames = {key for key, members in frame_members.items() if shown.intersection(members)}
    lines = {e.key for e in edges if e.source in shown and e.target in shown}
    return Reveal(frozenset(shown), frozenset(frames), frozenset(lines))
