"""Undoable edits of relationships: connect two bodies, edit a relationship, delete some."""

from __future__ import annotations

from collections.abc import Iterable

from icsviewer.editor.commands.base import (
    MERGE_RELATIONSHIP_EDIT,
    ChartCommand,
    HasChart,
    RecordEdit,
)
from icsviewer.editor.commands.body_commands import AddElements
from icsviewer.model.chart import Relationship
from icsviewer.model.kinds import relation_kind


def connect(doc: HasChart, source: str, target: str, kind: str, label: str = "") -> AddElements:
    """A new relationship of `kind` from one body to another, with a fresh readable id."""
    chart = doc.chart
    chart.body(source)
    chart.body(target)
    if source == target:
        raise ValueError("a body cannot be related to itself")
    rel = Relationship(
        # The reader's own scheme for relationships without an id: the file stays tidy (the
        # writer leaves such ids out) and a reload gives the same id back.
        id=chart.new_relationship_id(source, kind, target), id_generated=True,
        source=source, target=target, kind=kind, label=label,
    )
    words = relation_kind(kind).display_name.lower()
    return AddElements(doc, [], [rel], f"Connect {chart.body(source).name} ({words})")


class EditRelationship(RecordEdit):
    """Replace a relationship by an edited version with the same id (kind, ends, label, ...)."""

    merge_id = MERGE_RELATIONSHIP_EDIT

    def __init__(
        self, doc: HasChart, old: Relationship, new: Relationship, mergeable: bool = True
    ) -> None:
        if old.id != new.id:
            raise ValueError("EditRelationship keeps the relationship's id")
        if not (doc.chart.has_body(new.source) and doc.chart.has_body(new.target)):
            raise ValueError("a relationship must join two bodies of the chart")
        if new.source == new.target:
            raise ValueError("a body cannot be related to itself")
        super().__init__(doc, old, new, "Edit relationship", new.id, mergeable)

    def _apply(self, record: Relationship) -> None:
        self._chart.replace_relationship(record)


class DeleteRelationships(ChartCommand):
    """Delete relationships; undo puts each back at its place in file order."""

    def __init__(self, doc: HasChart, rel_ids: Iterable[str]) -> None:
        ids = tuple(dict.fromkeys(rel_ids))
        for rel_id in ids:
            doc.chart.relationship(rel_id)  # KeyError now rather than half-way through redo
        super().__init__(
            doc, "Delete relationship" if len(ids) == 1 else f"Delete {len(ids)} relationships"
        )
        self.rel_ids = ids
        self._removed: list[tuple[int, Relationship]] = []

    def redo(self) -> None:
        self._removed = [self._chart.remove_relationship(i) for i in self.rel_ids]

    def undo(self) -> None:
        for index, rel in reversed(self._removed):
            self._chart.add_relationship(rel, index)
        self._removed = []
