"""Copy and paste bodies as chart text, within a chart and into another chart."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from icsviewer.editor import clipboard
from icsviewer.editor.clipboard import ClipboardError, fragment_from_text, fragment_of
from icsviewer.editor.commands import paste_elements
from icsviewer.model.chart import Chart
from tests.editor.charts import Holder, small_chart


def test_copied_bodies_come_back_as_they_were() -> None:
    chart = small_chart()
    fragment = fragment_of(chart, ["icb", "nhse", "hwb"])
    text = clipboard.fragment_to_text(fragment, chart.meta.title)
    assert "Example Integrated Care Board" in text  # readable chart YAML, not a blob
    back = fragment_from_text(text)
    assert back.bodies == fragment.bodies
    assert [(r.source, r.kind, r.target) for r in back.relationships] == [
        ("icb", "accountable_to", "nhse"), ("icb", "has_regard_to", "hwb")
    ]


def test_paste_into_another_chart_then_undo(qtbot: QtBot) -> None:
    source = small_chart()
    text = clipboard.fragment_to_text(fragment_of(source, ["icb", "nhse"]))
    target = Holder(Chart())
    stack = QUndoStack()
    fragment = fragment_from_text(text)
    stack.push(paste_elements(target, fragment.bodies, fragment.relationships))
    assert target.chart.body_ids() == ["nhse", "icb"]  # ids kept: nothing to collide with
    assert target.chart.body("icb") == source.body("icb")
    assert len(target.chart.relationships) == 1
    stack.undo()
    assert target.chart == Chart()


@pytest.mark.parametrize(
    "text",
    ["", "just words from an email", "bodies: [\n", "- a\n- list\n", "format: 1\nbodies: []\n"],
)
def test_text_that_is_not_bodies_is_refused_in_words(text: str) -> None:
    with pytest.raises(ClipboardError) as raised:
        fragment_from_text(text)
    assert "clipboard" in str(raised.value).lower()


def test_system_clipboard_carries_the_text(qapp: object) -> None:
    chart = small_chart()
    clipboard.put_text(clipboard.fragment_to_text(fragment_of(chart, ["trust"])))
    assert fragment_from_text(clipboard.get_text()).bodies == (chart.body("trust"),)
