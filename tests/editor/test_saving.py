"""Saving: the file gets the edits and keeps the rest; a failed save changes nothing and says
why; the unsaved marker follows the undo stack."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from icsviewer.editor import saving
from icsviewer.editor.commands import rename_body
from icsviewer.editor.document import Document, DocumentOpenError
from icsviewer.editor.saving import DocumentSaveError
from tests.editor.files import write_chart


@pytest.fixture
def doc(tmp_path: Path, qtbot: QtBot) -> Document:
    return Document.open(write_chart(tmp_path))


def _rename(doc: Document, name: str = "NHS Renamed ICB") -> None:
    doc.undo_stack.push(rename_body(doc, "example_icb", name))


def test_save_writes_the_edit_and_keeps_what_was_not_touched(doc: Document) -> None:
    assert doc.path is not None
    _rename(doc)
    assert doc.is_modified
    doc.save()
    assert not doc.is_modified
    again = Document.open(doc.path)
    assert again.chart == doc.chart
    text = doc.path.read_text(encoding="utf-8")
    assert "NHS Renamed ICB" in text
    assert "x_team_note" in text  # an unknown key survives the save


def test_save_keeps_a_backup_of_the_previous_version(doc: Document, tmp_path: Path) -> None:
    _rename(doc)
    doc.save()
    others = [p for p in tmp_path.iterdir() if p != doc.path and p.is_file()]
    assert any("NHS Example Integrated Care Board" in p.read_text(encoding="utf-8")
               for p in others)


def test_undo_back_to_the_saved_state_clears_the_unsaved_marker(
    doc: Document, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(doc.modified_changed) as flipped:
        _rename(doc)
    assert flipped.args == [True]
    with qtbot.waitSignal(doc.modified_changed) as flipped:
        doc.undo_stack.undo()
    assert flipped.args == [False]


def test_save_as_moves_the_document_to_the_new_file(
    doc: Document, tmp_path: Path, qtbot: QtBot
) -> None:
    _rename(doc)
    target = tmp_path / "copy.yaml"
    with qtbot.waitSignal(doc.path_changed):
        doc.save_as(target)
    assert doc.path == target and doc.display_name == "copy.yaml"
    assert Document.open(target).chart.body("example_icb").name == "NHS Renamed ICB"


def test_untitled_save_asks_for_a_name(qtbot: QtBot, doc: Document) -> None:
    untitled = Document(doc.chart.copy())
    with pytest.raises(DocumentSaveError, match="Save As"):
        untitled.save()


@pytest.mark.parametrize(
    ("where", "code", "says"),
    [
        ("replace", errno.EACCES, "not allowed"),
        ("replace", errno.EROFS, "read-only"),
        ("fsync", errno.ENOSPC, "not enough space"),
    ],
)
def test_failed_save_leaves_document_and_file_intact(
    doc: Document, monkeypatch: pytest.MonkeyPatch, where: str, code: int, says: str
) -> None:
    assert doc.path is not None
    before_bytes = doc.path.read_bytes()
    _rename(doc)
    edited = doc.chart.copy()
    monkeypatch.setattr(saving, "LOCK_RETRY_DELAY_S", 0.0)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, where, fail)
    with pytest.raises(DocumentSaveError) as raised:
        doc.save()
    monkeypatch.undo()
    assert says in str(raised.value)
    assert "file on disk was not changed" in str(raised.value)
    assert doc.is_modified
    assert doc.chart == edited
    assert doc.path.read_bytes() == before_bytes
    leftovers = [p.name for p in doc.path.parent.iterdir() if p.name.startswith(".")]
    assert not leftovers, "a failed save left temporary files behind"


def test_a_briefly_locked_file_is_saved_after_retrying(
    doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert doc.path is not None
    real_replace = os.replace
    attempts: list[str] = []

    def locked_twice(src: str, dst: str) -> None:
        attempts.append(str(dst))
        if sum(1 for a in attempts if a == str(doc.path)) <= 2 and str(dst) == str(doc.path):
            raise PermissionError(errno.EACCES, "locked by another program", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(saving, "LOCK_RETRY_DELAY_S", 0.0)
    monkeypatch.setattr(os, "replace", locked_twice)
    _rename(doc)
    doc.save()
    monkeypatch.undo()
    assert not doc.is_modified
    assert "NHS Renamed ICB" in doc.path.read_text(encoding="utf-8")


def test_opening_a_broken_file_explains_instead_of_crashing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("bodies: [\n", encoding="utf-8")
    with pytest.raises(DocumentOpenError) as raised:
        Document.open(bad)
    assert "bad.yaml" in str(raised.value)
    assert raised.value.problems
