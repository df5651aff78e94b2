"""Undoable edits of presentation tours: add the selection as a step, reorder, edit, delete.

Tours are immutable records, so every edit swaps the whole tuple of tours through
`Chart.set_tours`; undo swaps the old tuple back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from icsviewer.editor.commands.base import MERGE_TOUR_STEP_EDIT, ChartCommand, HasChart
from icsviewer.model.chart import Tour, TourStep


class SetTours(ChartCommand):
    """Replace the chart's tours in one step."""

    def __init__(self, doc: HasChart, tours: Sequence[Tour], text: str = "Edit tours") -> None:
        super().__init__(doc, text)
        self.old = doc.chart.tours
        self.new = tuple(tours)
        if self.old == self.new:
            self.setObsolete(True)

    def redo(self) -> None:
        self._chart.set_tours(self.new)

    def undo(self) -> None:
        self._chart.set_tours(self.old)


def _with_steps(doc: HasChart, tour_id: str, steps: Sequence[TourStep]) -> list[Tour]:
    return [replace(t, steps=tuple(steps)) if t.id == tour_id else t for t in doc.chart.tours]


def add_step(
    doc: HasChart, tour_id: str, body_ids: Iterable[str], index: int | None = None,
    caption: str = "",
) -> SetTours:
    """Add the selected bodies as a new step (at `index`, or at the end)."""
    steps = list(doc.chart.tour(tour_id).steps)
    step = TourStep(bodies=tuple(dict.fromkeys(body_ids)), caption=caption)
    steps.insert(len(steps) if index is None else index, step)
    return SetTours(doc, _with_steps(doc, tour_id, steps), "Add tour step")


def move_step(doc: HasChart, tour_id: str, from_index: int, to_index: int) -> SetTours:
    """Move one step to a new position in its tour."""
    steps = list(doc.chart.tour(tour_id).steps)
    step = steps.pop(from_index)
    steps.insert(to_index, step)
    return SetTours(doc, _with_steps(doc, tour_id, steps), "Reorder tour steps")


def delete_step(doc: HasChart, tour_id: str, index: int) -> SetTours:
    """Remove one step from a tour."""
    steps = list(doc.chart.tour(tour_id).steps)
    del steps[index]
    return SetTours(doc, _with_steps(doc, tour_id, steps), "Delete tour step")


class EditTourStep(SetTours):
    """Change one step's caption, notes or bodies; typing in one field merges into one step."""

    def __init__(self, doc: HasChart, tour_id: str, index: int, new_step: TourStep) -> None:
        steps = list(doc.chart.tour(tour_id).steps)
        old_step = steps[index]
        steps[index] = new_step
        super().__init__(doc, _with_steps(doc, tour_id, steps), "Edit tour step")
        fields = tuple(
            name for name in ("bodies", "caption", "notes", "extra")
            if getattr(old_step, name) != getattr(new_step, name)
        )
        self._merge_key = (tour_id, index, fields)
        self._mergeable = len(fields) == 1

    def id(self) -> int:
        return MERGE_TOUR_STEP_EDIT if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditTourStep) or other._merge_key != self._merge_key:
            return False
        if other.old != self.new:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True
