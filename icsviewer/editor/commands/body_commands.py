"""Undoable edits of bodies: edit fields, rename, add (optionally connected), delete, move, unpin.

Adding, duplicating and pasting share `AddElements`; deleting takes a body's relationships,
group memberships and tour mentions with it in the same step (`Chart.remove_body` hands back a
`RemovedBody` that `restore_body` puts back exactly where it was).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from icsviewer.editor.commands.base import (
    MERGE_BODY_EDIT,
    ChartCommand,
    HasChart,
    RecordEdit,
    changed_fields,
)
from icsviewer.model.chart import Body, Relationship, RemovedBody
from icsviewer.model.kinds import body_kind, relation_kind

Pin = tuple[float, float] | None


class EditBody(RecordEdit):
    """Replace a body by an edited version with the same id (any field: name, kind, dates...)."""

    merge_id = MERGE_BODY_EDIT

    def __init__(self, doc: HasChart, old: Body, new: Body, mergeable: bool = True) -> None:
        if old.id != new.id:
            raise ValueError("EditBody keeps the body's id; ids are changed by their own edit")
        fields = ", ".join(_FIELD_WORDS.get(f, f) for f in changed_fields(old, new)) or "details"
        super().__init__(doc, old, new, f"Edit {fields} of {new.name or new.id}", new.id, mergeable)

    def _apply(self, record: Body) -> None:
        self._chart.replace_body(record)


_FIELD_WORDS = {"short_name": "short name", "valid_from": "start date", "valid_to": "end date",
                "pinned": "position", "style": "style"}


def rename_body(doc: HasChart, body_id: str, name: str) -> EditBody:
    """The edit that gives a body a new name (one undo step of its own: it never merges)."""
    old = doc.chart.body(body_id)
    cmd = EditBody(doc, old, replace(old, name=name), mergeable=False)
    cmd.setText(f"Rename {old.name or old.id} to {name}")
    return cmd


class AddElements(ChartCommand):
    """Add bodies and relationships in one step (add body, connect, duplicate, paste).

    Bodies go in first so relationships never point at a body that is not there yet; undo
    takes them out in the opposite order.
    """

    def __init__(
        self,
        doc: HasChart,
        bodies: Sequence[Body],
        relationships: Sequence[Relationship] = (),
        text: str = "Add",
    ) -> None:
        super().__init__(doc, text)
        self.bodies = tuple(bodies)
        self.relationships = tuple(relationships)

    def redo(self) -> None:
        for body in self.bodies:
            self._chart.add_body(body)
        for rel in self.relationships:
            self._chart.add_relationship(rel)

    def undo(self) -> None:
        for rel in reversed(self.relationships):
            self._chart.remove_relationship(rel.id)
        for body in reversed(self.bodies):
            self._chart.remove_body(body.id)


def add_body(
    doc: HasChart,
    kind: str,
    name: str = "",
    connect_to: str | None = None,
    relation: str = "accountable_to",
    new_is_source: bool = True,
    pinned: Pin = None,
) -> AddElements:
    """A new body of `kind`, optionally connected to an existing body, as one undo step.

    With `connect_to`, the relationship runs new -> existing (`new_is_source`, the usual case
    when adding something that answers to the selected body) or existing -> new.
    """
    chart = doc.chart
    display = body_kind(kind).display_name
    body_id = chart.new_body_id(f"new_{kind}")
    body = Body(id=body_id, name=name or f"New {display.lower()}", kind=kind, pinned=pinned)
    rels: list[Relationship] = []
    if connect_to is not None:
        chart.body(connect_to)  # KeyError for a body that is not there: a caller's mistake
        source, target = (body_id, connect_to) if new_is_source else (connect_to, body_id)
        rels.append(
            Relationship(
                id=chart.new_relationship_id(source, relation, target), id_generated=True,
                source=source, target=target, kind=relation,
            )
        )
    text = f"Add {display.lower()}"
    if connect_to is not None:
        words = relation_kind(relation).display_name.lower()
        text += f" ({words} {chart.body(connect_to).name})"
    return AddElements(doc, [body], rels, text)


class DeleteBodies(ChartCommand):
    """Delete bodies with their relationships, group memberships and tour mentions."""

    def __init__(self, doc: HasChart, body_ids: Iterable[str], text: str = "") -> None:
        ids = list(dict.fromkeys(body_ids))
        names = [doc.chart.body(i).name or i for i in ids]
        default = f"Delete {names[0]}" if len(ids) == 1 else f"Delete {len(ids)} bodies"
        super().__init__(doc, text or default)
        self.body_ids = tuple(ids)
        self._removed: list[RemovedBody] = []

    def redo(self) -> None:
        self._removed = [self._chart.remove_body(i) for i in self.body_ids]

    def undo(self) -> None:
        # Each restore exactly inverts its removal, so undoing them last-first is exact.
        for removed in reversed(self._removed):
            self._chart.restore_body(removed)
        self._removed = []


class MoveBodies(ChartCommand):
    """Pin bodies where the user dropped them (one step per drag) or unpin them (new pin None)."""

    def __init__(self, doc: HasChart, moves: Mapping[str, tuple[Pin, Pin]], text: str = "") -> None:
        n = len(moves)
        super().__init__(doc, text or ("Move body" if n == 1 else f"Move {n} bodies"))
        self.moves = dict(moves)
        if all(old == new for old, new in self.moves.values()):
            self.setObsolete(True)

    def _set(self, index: int) -> None:
        for body_id, pins in self.moves.items():
            body = self._chart.body(body_id)
            self._chart.replace_body(replace(body, pinned=pins[index]))

    def redo(self) -> None:
        self._set(1)

    def undo(self) -> None:
        self._set(0)


def unpin_bodies(doc: HasChart, body_ids: Iterable[str]) -> MoveBodies:
    """Let the layout place these bodies again (only pinned ones take part)."""
    moves = {i: (doc.chart.body(i).pinned, None) for i in body_ids if doc.chart.body(i).pinned}
    n = len(moves)
    return MoveBodies(doc, moves, "Unpin body" if n == 1 else f"Unpin {n} bodies")
