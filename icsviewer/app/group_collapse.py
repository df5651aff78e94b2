"""Collapsing and expanding groups: one undoable step that sets the groups' `collapsed` flag.

The flag is part of the chart (it is saved), so it changes through the editor's SetGroups
command like any other edit; the scene then asks for a new layout, in which a collapsed group
is one small frame standing for its members.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from icsviewer.editor.commands import SetGroups
from icsviewer.editor.document import Document


def set_collapsed(document: Document, group_ids: Iterable[str], collapsed: bool) -> bool:
    """Collapse (or expand) these groups in one undo step; False if nothing changed."""
    wanted = set(group_ids)
    chart = document.chart
    groups = [replace(g, collapsed=collapsed) if g.id in wanted else g for g in chart.groups]
    names = [g.name for g in chart.groups if g.id in wanted]
    what = f"“{names[0]}”" if len(names) == 1 else "groups"
    command = SetGroups(document, groups, f"{'Collapse' if collapsed else 'Expand'} {what}")
    if command.isObsolete():
        return False
    document.undo_stack.push(command)
    return True


def toggle(document: Document, group_id: str) -> bool:
    """Flip one group between collapsed and expanded; False if there is no such group."""
    group = next((g for g in document.chart.groups if g.id == group_id), None)
    return group is not None and set_collapsed(document, [group_id], not group.collapsed)
