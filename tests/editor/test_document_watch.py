"""The open document notices other programs' changes to its file, not its own saves, and can
reload from the file."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from icsviewer.editor.commands import rename_body
from icsviewer.editor.document import Document
from icsviewer.model.events import ChartEvent
from tests.editor.files import CHART_TEXT, write_chart

WAIT_MS = 5000


def test_own_save_is_not_reported(tmp_path: Path, qtbot: QtBot) -> None:
    doc = Document.open(write_chart(tmp_path))
    doc.undo_stack.push(rename_body(doc, "example_icb", "Saved By Us"))
    with qtbot.assertNotEmitted(doc.changed_on_disk, wait=1000):
        doc.save()
        doc.undo_stack.push(rename_body(doc, "example_icb", "Saved Again"))
        doc.save()


def test_another_programs_atomic_save_is_reported_and_reload_takes_it(
    tmp_path: Path, qtbot: QtBot
) -> None:
    path = write_chart(tmp_path)
    doc = Document.open(path)
    doc.undo_stack.push(rename_body(doc, "example_icb", "Edited Here"))
    events: list[ChartEvent] = []
    doc.chart.subscribe(events.append)
    chart_object = doc.chart

    other = tmp_path / "chart.yaml.other-tmp"
    other.write_text(CHART_TEXT.replace("Example Council", "Council Renamed Elsewhere"),
                     encoding="utf-8")
    with qtbot.waitSignal(doc.changed_on_disk, timeout=WAIT_MS):
        os.replace(other, path)

    doc.reload()
    assert doc.chart is chart_object  # the scene keeps listening to the same chart
    assert doc.chart.body("example_council").name == "Council Renamed Elsewhere"
    assert doc.chart.body("example_icb").name == "NHS Example Integrated Care Board"
    assert not doc.is_modified and doc.undo_stack.count() == 0
    assert events[-1].kind == "reset"
    assert doc.chart == Document.open(path).chart
