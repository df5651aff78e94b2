"""Every edit of a chart as a QUndoCommand that calls only `Chart` mutation methods.

Push them on `Document.undo_stack`: `doc.undo_stack.push(rename_body(doc, "cm_icb", "New"))`.
"""

from icsviewer.editor.commands.base import ChartCommand, HasChart, RecordEdit, changed_fields
from icsviewer.editor.commands.body_commands import (
    AddElements,
    DeleteBodies,
    EditBody,
    MoveBodies,
    add_body,
    rename_body,
    unpin_bodies,
)
from icsviewer.editor.commands.chart_commands import EditChartMeta, SetGroups, set_group_membership
from icsviewer.editor.commands.copies import (
    copies_with_fresh_ids,
    duplicate_bodies,
    paste_elements,
)
from icsviewer.editor.commands.relationship_commands import (
    DeleteRelationships,
    EditRelationship,
    connect,
)
from icsviewer.editor.commands.tour_commands import (
    EditTourStep,
    SetTours,
    add_step,
    delete_step,
    move_step,
)

__all__ = [
    "AddElements",
    "ChartCommand",
    "DeleteBodies",
    "DeleteRelationships",
    "EditBody",
    "EditChartMeta",
    "EditRelationship",
    "EditTourStep",
    "HasChart",
    "MoveBodies",
    "RecordEdit",
    "SetGroups",
    "SetTours",
    "add_body",
    "add_step",
    "changed_fields",
    "connect",
    "copies_with_fresh_ids",
    "delete_step",
    "duplicate_bodies",
    "move_step",
    "paste_elements",
    "rename_body",
    "set_group_membership",
    "unpin_bodies",
]
