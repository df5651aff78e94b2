"""What every undoable edit shares: the chart it edits, and merging of consecutive typing.

Each command calls only `Chart` mutation methods; the canvas, panels and layout update because
the chart emits events, never because a command touched them (the view cannot drift from the
model, and undo needs no view code at all).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from icsviewer.model.chart import Chart


class HasChart(Protocol):
    """Anything holding the chart being edited (the Document; a bare holder in tests)."""

    chart: Chart


# QUndoStack only tries to merge commands whose id() is equal and not -1.
MERGE_BODY_EDIT = 1001
MERGE_RELATIONSHIP_EDIT = 1002
MERGE_META_EDIT = 1003
MERGE_TOUR_STEP_EDIT = 1004


class ChartCommand(QUndoCommand):
    """An undoable edit of one chart."""

    def __init__(self, doc: HasChart, text: str) -> None:
        super().__init__(text)
        # Bound to the chart object at creation: a reload clears the stack, so a command never
        # outlives the chart it was made for.
        self._chart = doc.chart


def changed_fields(old: Any, new: Any) -> tuple[str, ...]:
    """Names of the compared dataclass fields that differ between two versions of a record.

    Fields declared with compare=False (file key order, origin) do not count as edits.
    """
    return tuple(
        f.name
        for f in dataclasses.fields(old)
        if f.compare and getattr(old, f.name) != getattr(new, f.name)
    )


class RecordEdit(ChartCommand):
    """Replace one record by a new version; consecutive edits of one field merge into one step.

    Subclasses say how to swap the record in (`_apply`) and which merge id they use. Typing in
    a form field pushes one edit per keystroke; merging keeps that as one undo step, and a
    merged edit that ends where it began (typed then deleted) drops out of the history.
    """

    merge_id = -1

    def __init__(
        self, doc: HasChart, old: Any, new: Any, text: str, key: str, mergeable: bool = True
    ) -> None:
        super().__init__(doc, text)
        self.old = old
        self.new = new
        self._key = key
        self._fields = changed_fields(old, new)
        self._mergeable = mergeable and len(self._fields) == 1
        if not self._fields:
            # Nothing changed: let the stack drop the command instead of adding an empty step.
            self.setObsolete(True)

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields this edit changes (for the undo history text and for merging)."""
        return self._fields

    def _apply(self, record: Any) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return self.merge_id if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, RecordEdit) or type(other) is not type(self):
            return False
        if not (other._mergeable and other._key == self._key and other._fields == self._fields):
            return False
        if other.old != self.new:
            # Something else changed the record in between: keep the steps apart.
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True
