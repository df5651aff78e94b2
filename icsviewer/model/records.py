"""The chart's records: bodies, relationships, groups, tours and metadata.

Frozen dataclasses with tuple fields. An edit replaces a whole record through a `Chart`
method, and undo keeps the old record and puts it back, so an edit can never half-apply and
"equal model" is plain `==`.

`extra` on each record holds keys this version does not know, in file order, so a file written
by a newer version keeps them on save. `key_order` remembers the order keys had in the file;
`origin` where the record was. Neither takes part in equality.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

FORMAT_VERSION = 1
GROUP_KINDS = ("place", "collaborative", "system", "other")
TOUR_MODES = ("spotlight", "build")


@dataclass(frozen=True)
class Origin:
    """Where a record came from in a file (1-based line and column), for messages."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class SourceRef:
    """A public source for a fact, with the date someone last checked it."""

    title: str = ""
    url: str = ""
    verified_on: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Link:
    """A web or mail link shown in the details panel and the PDF directory."""

    url: str
    label: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Member:
    """A seat or role on a body: who holds it and who nominated them, as far as known."""

    role: str
    holder: str = ""
    nominated_by: str = ""
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Body:
    """An organisation, partnership or committee in the system."""

    id: str
    name: str
    kind: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    description: str = ""
    members: tuple[Member, ...] = ()
    links: tuple[Link, ...] = ()
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    sources: tuple[SourceRef, ...] = ()
    notes: str = ""
    style: dict[str, str] = field(default_factory=dict)
    pinned: tuple[float, float] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    key_order: tuple[str, ...] = field(default=(), compare=False)
    origin: Origin | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        """The name shown in a box: the full name."""
        return self.name

    def matches(self, needle: str) -> bool:
        """Whether a search text (already lower-cased) occurs in any searchable field."""
        hay = (self.name, self.short_name, *self.aliases, self.description)
        return any(needle in h.lower() for h in hay)

    def valid_on(self, day: dt.date) -> bool:
        """Whether the body existed on `day` (valid_to is the last day it existed)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class Relationship:
    """A typed link between two bodies: accountable to, member of, delegates to, ..."""

    id: str
    source: str
    target: str
    kind: str
    label: str = ""
    notes: str = ""
    legal_basis: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    sources: tuple[SourceRef, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    # True when the file gave no id and the reader made one up; the writer then omits it.
    id_generated: bool = field(default=False, compare=False)
    key_order: tuple[str, ...] = field(default=(), compare=False)
    origin: Origin | None = field(default=None, compare=False)

    def valid_on(self, day: dt.date) -> bool:
        """Whether the relationship held on `day`."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class Group:
    """A named set of bodies drawn in one frame: a Place, the provider collaboratives, ..."""

    id: str
    name: str
    members: tuple[str, ...] = ()
    kind: str = "other"
    description: str = ""
    collapsed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    key_order: tuple[str, ...] = field(default=(), compare=False)
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class TourStep:
    """One step of a presentation: the bodies to frame, a caption and speaker notes."""

    bodies: tuple[str, ...]
    caption: str = ""
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Tour:
    """An ordered walk through the chart for presenting."""

    id: str
    name: str
    steps: tuple[TourStep, ...] = ()
    mode: str = "spotlight"
    default: bool = False
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    key_order: tuple[str, ...] = field(default=(), compare=False)
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ChartMeta:
    """What the chart is, who made it and when it was true."""

    title: str = "Untitled chart"
    subtitle: str = ""
    organisation: str = ""
    version: str = ""
    as_at: dt.date | None = None
    marking: str = ""
    authors: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    key_order: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class RemovedBody:
    """Everything removing a body took away, so undo can put it back exactly."""

    body: Body
    index: int
    relationships: tuple[tuple[int, Relationship], ...]
    groups: tuple[Group, ...]
    tours: tuple[Tour, ...]
