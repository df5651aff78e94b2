"""Change notifications the model sends to whoever listens (the Qt scene, the layout cache)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

EventKind = Literal[
    "reset",
    "meta_changed",
    "body_added",
    "body_removed",
    "body_changed",
    "relationship_added",
    "relationship_removed",
    "relationship_changed",
    "groups_changed",
    "tours_changed",
]


@dataclass(frozen=True)
class ChartEvent:
    """One change to a chart.

    `structural` is True when the change alters what the layout depends on (bodies added or
    removed, relationships, groups, label text, pins), so listeners know whether to re-run it.
    """

    kind: EventKind
    ids: tuple[str, ...] = ()
    structural: bool = True


Listener = Callable[[ChartEvent], None]
