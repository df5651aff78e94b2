"""Unsaved work survives a crash: it is autosaved while unsaved, offered at the next start, and
removed when saved or declined."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from icsviewer import appdirs
from icsviewer.editor import autosave
from icsviewer.editor.autosave import AutoSaver
from icsviewer.editor.commands import rename_body
from icsviewer.editor.document import Document
from icsviewer.editor.recovery_prompt import offer_recovery
from tests.editor.charts import small_chart
from tests.editor.files import write_chart

ROOT = Path(__file__).resolve().parents[2]


class Answers:
    """Stands in for the window's prompts: answers every yes/no question the same way."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def ask_yes_no(self, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer


def _crash_after_autosave(path: Path, new_name: str) -> None:
    """A child process edits `path`, autosaves, and is killed before it saves."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.editor.crash_child", str(path), new_name],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "autosaved", child.stderr.read() if child.stderr else ""
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)


def test_work_lost_in_a_crash_is_offered_and_restored(tmp_path: Path, qtbot: QtBot) -> None:
    path = write_chart(tmp_path)
    on_disk = path.read_bytes()
    _crash_after_autosave(path, "NHS Renamed Before The Crash")
    assert path.read_bytes() == on_disk  # the crash saved nothing into the file

    prompts = Answers(True)
    restored = offer_recovery(prompts)
    assert len(prompts.asked) == 1 and "chart.yaml" in prompts.asked[0]
    assert len(restored) == 1
    doc = restored[0]
    assert doc.path == path
    assert doc.chart.body("example_icb").name == "NHS Renamed Before The Crash"
    assert doc.is_modified  # restored work is not saved until the user saves it

    doc.save()
    assert "NHS Renamed Before The Crash" in path.read_text(encoding="utf-8")
    assert autosave.find_recoverable() == []  # saving removed the recovery file


def test_declining_recovery_removes_it(tmp_path: Path) -> None:
    path = write_chart(tmp_path)
    _crash_after_autosave(path, "Never Mind")
    assert offer_recovery(Answers(False)) == []
    assert autosave.find_recoverable() == []
    assert list(appdirs.recovery_dir().iterdir()) == []


def test_unsaved_work_is_autosaved_when_idle_and_removed_on_save(
    tmp_path: Path, qtbot: QtBot
) -> None:
    doc = Document.open(write_chart(tmp_path))
    assert doc.autosaver is not None
    doc.autosaver._idle.setInterval(20)
    doc.undo_stack.push(rename_body(doc, "example_icb", "Idle Name"))
    qtbot.waitUntil(doc.autosaver.data_path.exists)
    assert "Idle Name" in doc.autosaver.data_path.read_text(encoding="utf-8")
    assert str(doc.path) in doc.autosaver.sidecar_path.read_text(encoding="utf-8")
    # Our own live work is not offered as "lost" while we are running.
    assert autosave.find_recoverable() == []
    doc.save()
    assert not doc.autosaver.data_path.exists()
    assert not doc.autosaver.sidecar_path.exists()


def test_unsaved_work_is_autosaved_periodically_while_typing(
    tmp_path: Path, qtbot: QtBot
) -> None:
    doc = Document(small_chart(), None, autosave=False)
    saver = AutoSaver(doc, interval_ms=30, idle_ms=10**7)  # the user never pauses
    doc.undo_stack.push(rename_body(doc, "icb", "Typed"))
    qtbot.waitUntil(saver.data_path.exists)
    assert saver.key.startswith("untitled-")


def test_undo_back_to_saved_removes_the_recovery_file(tmp_path: Path, qtbot: QtBot) -> None:
    doc = Document.open(write_chart(tmp_path))
    assert doc.autosaver is not None
    doc.undo_stack.push(rename_body(doc, "example_icb", "Temporary"))
    assert doc.autosave_now()
    doc.undo_stack.undo()
    assert not doc.autosaver.data_path.exists()


def test_a_damaged_recovery_file_is_not_deleted_without_asking(tmp_path: Path) -> None:
    folder = appdirs.recovery_dir()
    (folder / "doc-0123.yaml").write_text("bodies: [\n", encoding="utf-8")
    prompts = Answers(True)  # yes restore, yes keep the file
    assert offer_recovery(prompts) == []
    assert len(prompts.asked) == 2 and "damaged" in prompts.asked[1]
    assert (folder / "doc-0123.yaml").exists()


@pytest.mark.parametrize("path", [None, Path("/somewhere/chart.yaml")])
def test_recovery_names_do_not_collide(path: Path | None) -> None:
    assert autosave.recovery_key(path) != autosave.recovery_key(Path("/elsewhere/chart.yaml"))
