"""Undoable edits of the chart as a whole: its metadata and its groups (Places and so on)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from icsviewer.editor.commands.base import MERGE_META_EDIT, ChartCommand, HasChart, RecordEdit
from icsviewer.model.chart import ChartMeta, Group


class EditChartMeta(RecordEdit):
    """Change the title, version, as-at date, protective marking, ... of the chart."""

    merge_id = MERGE_META_EDIT

    def __init__(
        self, doc: HasChart, old: ChartMeta, new: ChartMeta, mergeable: bool = True
    ) -> None:
        super().__init__(doc, old, new, "Edit chart properties", "meta", mergeable)

    def _apply(self, record: ChartMeta) -> None:
        self._chart.set_meta(record)


class SetGroups(ChartCommand):
    """Replace the chart's groups (membership edits, new or removed groups) in one step."""

    def __init__(self, doc: HasChart, groups: Sequence[Group], text: str = "Edit groups") -> None:
        super().__init__(doc, text)
        self.old = doc.chart.groups
        self.new = tuple(groups)
        if self.old == self.new:
            self.setObsolete(True)

    def redo(self) -> None:
        self._chart.set_groups(self.new)

    def undo(self) -> None:
        self._chart.set_groups(self.old)


def set_group_membership(
    doc: HasChart, group_id: str, body_ids: Iterable[str], member: bool
) -> SetGroups:
    """Put bodies into a group (appended, in the order given) or take them out of it."""
    chart = doc.chart
    group = chart.group(group_id)
    ids = [i for i in dict.fromkeys(body_ids) if chart.has_body(i)]
    if member:
        members = group.members + tuple(i for i in ids if i not in group.members)
        text = f"Add to {group.name}"
    else:
        members = tuple(m for m in group.members if m not in ids)
        text = f"Remove from {group.name}"
    groups = [replace(g, members=members) if g.id == group_id else g for g in chart.groups]
    return SetGroups(doc, groups, text)
