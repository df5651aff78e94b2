"""The chart: the records of one ICS in a mutable container that notifies listeners.

`Chart` methods are the only way to change a chart; each sends one ChartEvent, which the Qt
scene and the layout listen to. The records themselves live in `icsviewer.model.records` and
are re-exported here, where most code imports them from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from icsviewer.model.events import ChartEvent, EventKind, Listener
from icsviewer.model.records import (
    FORMAT_VERSION,
    GROUP_KINDS,
    TOUR_MODES,
    Body,
    ChartMeta,
    Group,
    Link,
    Member,
    Origin,
    Relationship,
    RemovedBody,
    SourceRef,
    Tour,
    TourStep,
)
from icsviewer.model.search import search_bodies

__all__ = [
    "FORMAT_VERSION",
    "GROUP_KINDS",
    "TOUR_MODES",
    "Body",
    "Chart",
    "ChartMeta",
    "Group",
    "Link",
    "Member",
    "Origin",
    "Relationship",
    "RemovedBody",
    "SourceRef",
    "Tour",
    "TourStep",
]


class Chart:
    """A whole chart, with change notifications.

    Mutating methods are the only way to change a chart; each sends one ChartEvent. The
    editor's undo commands call them, never poke the containers directly.
    """

    def __init__(
        self,
        meta: ChartMeta | None = None,
        bodies: Iterable[Body] = (),
        relationships: Iterable[Relationship] = (),
        groups: Iterable[Group] = (),
        tours: Iterable[Tour] = (),
        extra: dict[str, Any] | None = None,
        format_version: int = FORMAT_VERSION,
        key_order: tuple[str, ...] = (),
    ) -> None:
        self.meta = meta or ChartMeta()
        self._bodies: dict[str, Body] = {}
        for body in bodies:
            self._bodies[body.id] = body
        self._relationships: list[Relationship] = list(relationships)
        self._groups: list[Group] = list(groups)
        self._tours: list[Tour] = list(tours)
        self.extra: dict[str, Any] = dict(extra or {})
        self.format_version = format_version
        self.key_order = key_order
        # The file's own comment lines, keyed by the record they sit before (opaque to the
        # model; the io package fills and reads it), so saving a file keeps its comments.
        self.file_comments: dict[Any, Any] = {}
        self._listeners: list[Listener] = []
        # Relationships by the bodies they join, built on first use and dropped on every
        # change (every change emits): the directory, details and focus ask per body, and a
        # scan of all relationships per body was quadratic on a national chart.
        self._ends: dict[str, list[Relationship]] | None = None

    # ----- equality and copying -------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Chart):
            return NotImplemented
        return (
            self.meta == other.meta
            and list(self._bodies.values()) == list(other._bodies.values())
            and self._relationships == other._relationships
            and self._groups == other._groups
            and self._tours == other._tours
            and self.extra == other.extra
            and self.format_version == other.format_version
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        counts = f"{len(self._bodies)} bodies, {len(self._relationships)} relationships"
        return f"<Chart {self.meta.title!r}: {counts}>"

    def copy(self) -> Chart:
        """An independent chart with the same records and no listeners."""
        clone = Chart(
            self.meta,
            self._bodies.values(),
            self._relationships,
            self._groups,
            self._tours,
            self.extra,
            self.format_version,
            self.key_order,
        )
        clone.file_comments = dict(self.file_comments)
        return clone

    # ----- read access ----------------------------------------------------------------------
    @property
    def bodies(self) -> tuple[Body, ...]:
        return tuple(self._bodies.values())

    @property
    def relationships(self) -> tuple[Relationship, ...]:
        return tuple(self._relationships)

    @property
    def groups(self) -> tuple[Group, ...]:
        return tuple(self._groups)

    @property
    def tours(self) -> tuple[Tour, ...]:
        return tuple(self._tours)

    def body(self, body_id: str) -> Body:
        """The body with this id; KeyError if there is none."""
        return self._bodies[body_id]

    def has_body(self, body_id: str) -> bool:
        return body_id in self._bodies

    def body_ids(self) -> list[str]:
        return list(self._bodies)

    def relationship(self, rel_id: str) -> Relationship:
        for rel in self._relationships:
            if rel.id == rel_id:
                return rel
        raise KeyError(rel_id)

    def group(self, group_id: str) -> Group:
        for group in self._groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def tour(self, tour_id: str) -> Tour:
        for tour in self._tours:
            if tour.id == tour_id:
                return tour
        raise KeyError(tour_id)

    # ----- queries ----------------------------------------------------------------------------
    def relationships_of(self, body_id: str) -> list[Relationship]:
        """Every relationship that starts or ends at the body, in file order."""
        ends = self._ends
        if ends is None:
            ends = self._ends = {}
            for rel in self._relationships:
                ends.setdefault(rel.source, []).append(rel)
                if rel.target != rel.source:
                    ends.setdefault(rel.target, []).append(rel)
        return list(ends.get(body_id, ()))

    def neighbours(self, body_id: str) -> list[str]:
        """Ids of bodies directly related to this one, each once, in file order."""
        seen: dict[str, None] = {}
        for rel in self.relationships_of(body_id):
            other = rel.target if rel.source == body_id else rel.source
            if other != body_id:
                seen[other] = None
        return list(seen)

    def bodies_of_kind(self, kind: str) -> list[Body]:
        return [b for b in self._bodies.values() if b.kind == kind]

    def groups_of(self, body_id: str) -> list[Group]:
        return [g for g in self._groups if body_id in g.members]

    def places(self) -> list[Group]:
        """Groups of kind 'place', in file order."""
        return [g for g in self._groups if g.kind == "place"]

    def default_tour(self) -> Tour | None:
        for tour in self._tours:
            if tour.default:
                return tour
        return self._tours[0] if self._tours else None

    def search(self, text: str) -> list[Body]:
        """Bodies whose name, short name, aliases or description contain `text`, best first.

        Best means what a person typing a name expects: an exact name, then names starting
        with the text, then a word of the name starting with it, then the name containing it,
        then short names and aliases, then descriptions; file order within each rank.
        """
        return search_bodies(self._bodies.values(), text)

    def as_at(self, day: dt.date) -> Chart:
        """A copy showing only the bodies and relationships that existed on `day`."""
        from icsviewer.model.as_at import chart_as_at  # it builds Charts: imported late

        return chart_as_at(self, day)

    def __iter__(self) -> Iterator[Body]:
        return iter(self._bodies.values())

    def __len__(self) -> int:
        return len(self._bodies)

    # ----- notifications ----------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call `listener(event)` after every change."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, kind: EventKind, ids: tuple[str, ...] = (), structural: bool = True) -> None:
        self._ends = None
        event = ChartEvent(kind, ids, structural)
        for listener in list(self._listeners):
            listener(event)

    # ----- mutation: metadata -----------------------------------------------------------------
    def set_meta(self, meta: ChartMeta) -> None:
        self.meta = meta
        self._emit("meta_changed", structural=False)

    # ----- mutation: bodies -------------------------------------------------------------------
    def add_body(self, body: Body, index: int | None = None) -> None:
        """Add a body (at `index` in file order, or at the end)."""
        if body.id in self._bodies:
            raise ValueError(f"a body with id {body.id!r} already exists")
        items = list(self._bodies.items())
        pos = len(items) if index is None else max(0, min(index, len(items)))
        items.insert(pos, (body.id, body))
        self._bodies = dict(items)
        self._emit("body_added", (body.id,))

    def replace_body(self, body: Body) -> Body:
        """Swap in a new version of an existing body (same id); return the old one."""
        old = self._bodies[body.id]
        self._bodies[body.id] = body
        structural = (old.name, old.short_name, old.kind, old.pinned) != (
            body.name,
            body.short_name,
            body.kind,
            body.pinned,
        )
        self._emit("body_changed", (body.id,), structural)
        return old

    def remove_body(self, body_id: str) -> RemovedBody:
        """Remove a body with its relationships, group memberships and tour mentions."""
        body = self._bodies[body_id]
        index = list(self._bodies).index(body_id)
        removed_rels = tuple(
            (i, r) for i, r in enumerate(self._relationships) if body_id in (r.source, r.target)
        )
        old_groups = tuple(g for g in self._groups if body_id in g.members)
        old_tours = tuple(t for t in self._tours if any(body_id in s.bodies for s in t.steps))
        del self._bodies[body_id]
        self._relationships = [
            r for r in self._relationships if body_id not in (r.source, r.target)
        ]
        self._groups = [
            replace(g, members=tuple(m for m in g.members if m != body_id))
            if g in old_groups
            else g
            for g in self._groups
        ]
        self._tours = [
            replace(
                t,
                steps=tuple(
                    replace(s, bodies=tuple(b for b in s.bodies if b != body_id)) for s in t.steps
                ),
            )
            if t in old_tours
            else t
            for t in self._tours
        ]
        self._emit("body_removed", (body_id,))
        return RemovedBody(body, index, removed_rels, old_groups, old_tours)

    def restore_body(self, removed: RemovedBody) -> None:
        """Undo `remove_body`: put the body, its relationships, groups and tours back."""
        items = list(self._bodies.items())
        items.insert(min(removed.index, len(items)), (removed.body.id, removed.body))
        self._bodies = dict(items)
        for index, rel in removed.relationships:
            self._relationships.insert(min(index, len(self._relationships)), rel)
        by_id = {g.id: g for g in removed.groups}
        self._groups = [by_id.get(g.id, g) for g in self._groups]
        tours = {t.id: t for t in removed.tours}
        self._tours = [tours.get(t.id, t) for t in self._tours]
        self._emit("body_added", (removed.body.id,))

    # ----- mutation: relationships ------------------------------------------------------------
    def add_relationship(self, rel: Relationship, index: int | None = None) -> None:
        if any(r.id == rel.id for r in self._relationships):
            raise ValueError(f"a relationship with id {rel.id!r} already exists")
        pos = len(self._relationships) if index is None else index
        self._relationships.insert(pos, rel)
        self._emit("relationship_added", (rel.id,))

    def replace_relationship(self, rel: Relationship) -> Relationship:
        for i, old in enumerate(self._relationships):
            if old.id == rel.id:
                self._relationships[i] = rel
                structural = (old.source, old.target, old.kind) != (
                    rel.source,
                    rel.target,
                    rel.kind,
                )
                self._emit("relationship_changed", (rel.id,), structural)
                return old
        raise KeyError(rel.id)

    def remove_relationship(self, rel_id: str) -> tuple[int, Relationship]:
        for i, rel in enumerate(self._relationships):
            if rel.id == rel_id:
                del self._relationships[i]
                self._emit("relationship_removed", (rel_id,))
                return i, rel
        raise KeyError(rel_id)

    def new_relationship_id(self, source: str, kind: str, target: str) -> str:
        """A fresh, readable relationship id such as `icb--accountable_to--nhse`.

        The reader makes the same ids for relationships a file gives without one. They are
        not valid to write (ids in files are [a-z0-9_]), so records carrying them are marked
        `id_generated` and the writer leaves the id out.
        """
        base = f"{source}--{kind}--{target}"
        taken = {r.id for r in self._relationships}
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}--{n}", n + 1
        return candidate

    def new_body_id(self, stem: str) -> str:
        """A fresh body id from a stem (`new_body`, `new_body_2`, ...)."""
        candidate, n = stem, 2
        while candidate in self._bodies:
            candidate, n = f"{stem}_{n}", n + 1
        return candidate

    # ----- mutation: groups and tours ---------------------------------------------------------
    def set_groups(self, groups: Iterable[Group]) -> tuple[Group, ...]:
        """Replace all groups; return the old ones (undo puts them back the same way)."""
        old = tuple(self._groups)
        self._groups = list(groups)
        self._emit("groups_changed")
        return old

    def set_tours(self, tours: Iterable[Tour]) -> tuple[Tour, ...]:
        """Replace all tours; return the old ones. Tours never change the layout."""
        old = tuple(self._tours)
        self._tours = list(tours)
        self._emit("tours_changed", structural=False)
        return old

    def replace_contents(self, other: Chart) -> None:
        """Take every record of `other` (a reload), keep our listeners, and send one reset."""
        self.meta = other.meta
        self._bodies = {b.id: b for b in other.bodies}
        self._relationships = list(other.relationships)
        self._groups = list(other.groups)
        self._tours = list(other.tours)
        self.extra = dict(other.extra)
        self.format_version = other.format_version
        self.key_order = other.key_order
        self.file_comments = dict(other.file_comments)
        self._emit("reset")

    def reset(self) -> None:
        """Tell listeners that everything may have changed (after a reload)."""
        self._emit("reset")
