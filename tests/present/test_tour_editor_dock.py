"""The tour editor: every edit is one undo step on the document and shows in the lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF

from icsviewer.editor.document import Document
from icsviewer.present.tour_editor_dock import TourEditorDock, bodies_in_view

from .conftest import make_chart


class Answers:
    """Stands in for the dialogs."""

    def __init__(self, text: str | None = None, path: Path | None = None) -> None:
        self.text, self.path, self.errors = text, path, []

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        return self.text

    def ask_save_path(self, title: str, suggested: str) -> Path | None:
        return self.path

    def error(self, title: str, message: str) -> None:
        self.errors.append(message)


@pytest.fixture
def dock(window, presenter, qtbot) -> TourEditorDock:  # type: ignore[no-untyped-def]
    found = window.findChild(TourEditorDock)
    found.show()
    qtbot.waitUntil(lambda: found.tour_combo.count() == 2)
    return found


def steps(window, tour_id: str = "five_minutes"):  # type: ignore[no-untyped-def]
    return window.document.chart.tour(tour_id).steps


def test_lists_tours_and_steps(dock) -> None:
    assert [dock.tour_combo.itemText(i) for i in range(2)] == [
        "The ICS in five minutes",
        "How money reaches a Place",
    ]
    assert dock.steps.count() == 3
    assert dock.steps.item(1).text().startswith("2. The ICB and the ICP")
    assert dock.caption_edit.text() == "NHS England sets the rules"


def test_add_selection_as_step_after_the_current_one_and_undo(window, dock) -> None:
    window.scene.select_bodies(["trust_a", "cm_icb"])
    dock.steps.setCurrentRow(0)
    dock.add_step_from_selection()
    assert len(steps(window)) == 4
    assert set(steps(window)[1].bodies) == {"trust_a", "cm_icb"}
    assert dock.steps.count() == 4 and dock.current_step() == 1
    window.document.undo_stack.undo()
    assert len(steps(window)) == 3 and dock.steps.count() == 3


def test_without_a_selection_the_bodies_in_view_make_the_step(window, dock) -> None:
    window.scene.select_bodies([])
    window.view.fit_rect(window.scene.bodies_rect(["nhse"]), margin=2)
    dock.add_step_from_selection()
    added = steps(window)[1]
    assert "nhse" in added.bodies and "one_lpool" not in added.bodies


def test_bodies_in_view_counts_only_whole_boxes(window) -> None:
    rect = window.scene.body_rect("nhse").adjusted(-1, -1, 1, 1)
    assert bodies_in_view(window.scene, rect) == ["nhse"]
    assert bodies_in_view(window.scene, QRectF(rect.center(), rect.size())) == []


def test_typing_a_caption_is_one_undo_step(window, dock, qtbot) -> None:
    dock.steps.setCurrentRow(2)
    dock.caption_edit.selectAll()
    qtbot.keyClicks(dock.caption_edit, "Places")
    assert steps(window)[2].caption == "Places"
    assert dock.steps.item(2).text().startswith("3. Places")
    assert dock.caption_edit.text() == "Places"  # not rewritten under the cursor
    window.document.undo_stack.undo()
    assert steps(window)[2].caption == "Liverpool, a Place"


def test_notes_edit_and_undo(window, dock, qtbot) -> None:
    dock.steps.setCurrentRow(0)
    dock.notes_edit.setPlainText("Say hello.")
    assert steps(window)[0].notes == "Say hello."
    window.document.undo_stack.undo()
    assert steps(window)[0].notes == "Start at the top."
    assert dock.notes_edit.toPlainText() == "Start at the top."


def test_reorder_and_delete_steps(window, dock) -> None:
    first = steps(window)[0]
    dock.steps.setCurrentRow(0)
    dock.move_step_by(1)
    assert steps(window)[1] == first and dock.current_step() == 1
    dock.move_step_by(5)  # past the end: nothing
    dock.steps.setCurrentRow(2)
    dock.move_step_by(1)
    assert steps(window)[1] == first
    dock.delete_step()
    assert len(steps(window)) == 2
    stack = window.document.undo_stack
    stack.undo()
    stack.undo()
    assert steps(window)[0] == first and len(steps(window)) == 3


def test_new_tour_mode_and_default(window, dock) -> None:
    dock.prompts = Answers(text="Board induction")
    dock.new_tour()
    tours = window.document.chart.tours
    assert [t.name for t in tours][-1] == "Board induction"
    assert dock.current_tour().id == "board_induction"
    dock.mode_combo.setCurrentIndex(dock.mode_combo.findData("build"))
    assert window.document.chart.tour("board_induction").mode == "build"
    dock.default_box.setChecked(True)
    chart = window.document.chart
    assert chart.default_tour().id == "board_induction"
    assert sum(t.default for t in chart.tours) == 1
    window.view.fit_all()
    dock.add_step_from_selection()  # nothing selected, all in view: a step of everything
    assert len(chart.tour("board_induction").steps) == 1


def test_adding_a_step_without_a_tour_explains(window, dock) -> None:
    window.document.chart.set_tours(())
    dock.prompts = Answers()
    dock.add_step_from_selection()
    assert dock.prompts.errors and "New" in dock.prompts.errors[0]


def test_follows_a_newly_opened_document(window, dock, qtbot) -> None:
    window.document = Document(make_chart(tours=()))
    qtbot.waitUntil(lambda: dock.tour_combo.count() == 0)
    assert dock.steps.count() == 0 and not dock.caption_edit.isEnabled()


def test_handout_button_writes_a_pdf(window, dock, tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    dock.prompts = Answers(path=target)
    dock.export_handout()
    assert dock.prompts.errors == []
    assert target.read_bytes().startswith(b"%PDF")


def test_handout_to_an_unwritable_place_says_so(window, dock, tmp_path: Path) -> None:
    dock.prompts = Answers(path=tmp_path / "no" / "such" / "folder" / "h.pdf")
    dock.export_handout()
    assert dock.prompts.errors and "Could not write" in dock.prompts.errors[0]


def test_present_from_here_starts_at_the_chosen_step(window, dock, presenter) -> None:
    dock.steps.setCurrentRow(1)
    dock.present_from_here()
    assert presenter.active and presenter.caption.counter == "2 / 3"
