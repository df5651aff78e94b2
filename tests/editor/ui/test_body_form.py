"""The body form: typing edits the chart as one undo step per field; undo shows in the form."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from icsviewer.editor.ui.body_form import BodyForm
from icsviewer.model.chart import Chart
from tests.editor.charts import small_chart


class Doc:
    def __init__(self, chart: Chart) -> None:
        self.chart = chart
        self.undo_stack = QUndoStack()


def _form(qtbot: QtBot) -> tuple[Doc, BodyForm]:
    doc = Doc(small_chart())
    form = BodyForm(doc)
    qtbot.addWidget(form)
    form.show_body("icb")
    return doc, form


def test_typing_a_name_is_one_undo_step_and_undo_shows_in_the_form(qtbot: QtBot) -> None:
    doc, form = _form(qtbot)
    form.name.selectAll()
    qtbot.keyClicks(form.name, "NHS New Name ICB")
    assert doc.chart.body("icb").name == "NHS New Name ICB"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert form.name.text() == "Example Integrated Care Board"


def test_every_kind_of_field_reaches_the_chart(qtbot: QtBot) -> None:
    doc, form = _form(qtbot)
    form.aliases.setPlainText("First alias\n\nSecond alias\n")
    form.valid_to.setText("")
    qtbot.keyClicks(form.valid_to, "2030-03-31")
    form.kind.setCurrentIndex(form.kind.findData("icp"))
    form.kind.activated.emit(form.kind.currentIndex())
    form.members.table.setItem(0, 1, QTableWidgetItem("C. Person"))
    qtbot.keyClicks(form.style_fields["fill"], "#330072")
    body = doc.chart.body("icb")
    assert body.aliases == ("First alias", "Second alias")
    assert body.valid_to == dt.date(2030, 3, 31)
    assert body.kind == "icp"
    assert body.members[0].holder == "C. Person" and body.members[0].role == "Chair"
    assert body.style == {"fill": "#330072"}
    assert body.extra == {"x_custom": [1, 2]}  # fields the form does not show stay as they were


def test_a_half_typed_date_is_not_applied_and_is_explained(qtbot: QtBot) -> None:
    doc, form = _form(qtbot)
    form.valid_from.clear()
    qtbot.keyClicks(form.valid_from, "1 July")
    assert doc.chart.body("icb").valid_from == dt.date(2022, 7, 1)
    assert "YYYY-MM-DD" in form.message.text()


def test_deleting_the_body_empties_the_form(qtbot: QtBot) -> None:
    doc, form = _form(qtbot)
    doc.chart.remove_body("icb")
    assert form.body_id == "" and not form.isEnabled()
