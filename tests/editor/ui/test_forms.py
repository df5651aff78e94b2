"""Relationship form, chart properties dialog and undo history panel."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from icsviewer.editor.ui.chart_properties_dialog import ChartPropertiesDialog
from icsviewer.editor.ui.relationship_form import RelationshipForm
from icsviewer.editor.ui.undo_history_dock import UndoHistoryDock
from tests.editor.charts import small_chart
from tests.editor.ui.test_body_form import Doc


def test_relationship_form_changes_kind_and_end_and_label(qtbot: QtBot) -> None:
    doc = Doc(small_chart())
    form = RelationshipForm(doc)
    qtbot.addWidget(form)
    form.show_relationship("hwb_council")
    form.kind.setCurrentIndex(form.kind.findData("hosts"))
    form.kind.activated.emit(form.kind.currentIndex())
    form.target.setCurrentIndex(form.target.findData("icb"))
    form.target.activated.emit(form.target.currentIndex())
    form.label.clear()
    qtbot.keyClicks(form.label, "set up by")
    rel = doc.chart.relationship("hwb_council")
    assert (rel.source, rel.kind, rel.target, rel.label) == ("hwb", "hosts", "icb", "set up by")
    assert doc.undo_stack.count() == 3  # kind, end, and the typed label as one step
    doc.undo_stack.undo()
    assert form.label.text() == "committee of"


def test_properties_dialog_applies_all_changes_as_one_step(qtbot: QtBot) -> None:
    doc = Doc(small_chart())
    dialog = ChartPropertiesDialog(doc)
    qtbot.addWidget(dialog)
    dialog.title.setText("NHS Example ICS")
    dialog.version.setText("2.0")
    dialog.as_at.setText("2026-04-01")
    dialog.marking.setText("OFFICIAL-SENSITIVE")
    dialog.accept()
    meta = doc.chart.meta
    assert (meta.title, meta.version, meta.as_at, meta.marking) == (
        "NHS Example ICS", "2.0", dt.date(2026, 4, 1), "OFFICIAL-SENSITIVE"
    )
    assert doc.undo_stack.count() == 1


def test_properties_dialog_refuses_a_bad_date_and_stays_open(qtbot: QtBot) -> None:
    doc = Doc(small_chart())
    before = doc.chart.meta
    dialog = ChartPropertiesDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.as_at.setText("April 2026")
    dialog.accept()
    assert dialog.isVisible() and "YYYY-MM-DD" in dialog.message.text()
    assert doc.chart.meta == before


def test_undo_history_lists_edits(qtbot: QtBot) -> None:
    from icsviewer.editor.commands import rename_body

    doc = Doc(small_chart())
    dock = UndoHistoryDock(doc.undo_stack)
    qtbot.addWidget(dock)
    doc.undo_stack.push(rename_body(doc, "icb", "New"))
    model = dock.view.model()
    texts = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert texts == ["Opened file", "Rename Example Integrated Care Board to New"]


def test_tour_steps_panel_adds_reorders_edits_and_deletes(qtbot: QtBot) -> None:
    from icsviewer.editor.ui.tour_steps_dock import TourStepsPanel

    doc = Doc(small_chart())
    panel = TourStepsPanel(doc, lambda: ["trust", "icb"])
    qtbot.addWidget(panel)
    assert panel.steps.count() == 3
    panel.add_selection()
    assert doc.chart.tour("intro").steps[-1].bodies == ("trust", "icb")
    panel.steps.setCurrentRow(3)
    panel.move_current(-1)
    assert doc.chart.tour("intro").steps[2].bodies == ("trust", "icb")
    assert panel.steps.currentRow() == 2
    qtbot.keyClicks(panel.caption, "Providers")
    assert doc.chart.tour("intro").steps[2].caption == "Providers"
    panel.delete_current()
    assert [s.caption for s in doc.chart.tour("intro").steps] == ["National", "System", "Place"]
    assert doc.undo_stack.count() == 4  # add, move, typed caption (one step), delete
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.chart == small_chart()
    assert panel.steps.count() == 3


def test_relationship_dialog_deletes_in_one_undoable_step(qtbot: QtBot) -> None:
    from icsviewer.editor.ui.relationship_dialog import RelationshipDialog, describe

    doc = Doc(small_chart())
    rel = doc.chart.relationship("hwb_council")
    assert describe(doc.chart, rel) == (
        "Example Health and Wellbeing Board is a member of Example Council"
    )
    dialog = RelationshipDialog(doc, "hwb_council")
    qtbot.addWidget(dialog)
    dialog.delete()
    assert all(r.id != "hwb_council" for r in doc.chart.relationships)
    doc.undo_stack.undo()
    assert doc.chart == small_chart()
