"""The chart model: plain Python dataclasses and change notifications. No Qt, no I/O."""

from icsviewer.model.chart import (
    Body,
    Chart,
    ChartMeta,
    Group,
    Link,
    Member,
    Relationship,
    SourceRef,
    Tour,
    TourStep,
)
from icsviewer.model.events import ChartEvent
from icsviewer.model.kinds import BODY_KINDS, RELATION_KINDS, BodyKind, RelationKind

__all__ = [
    "BODY_KINDS",
    "RELATION_KINDS",
    "Body",
    "BodyKind",
    "Chart",
    "ChartEvent",
    "ChartMeta",
    "Group",
    "Link",
    "Member",
    "RelationKind",
    "Relationship",
    "SourceRef",
    "Tour",
    "TourStep",
]
