"""Another program changing or replacing the open file is noticed; our own writes are not."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from icsviewer.editor.file_watch import FileWatcher

WAIT_MS = 5000


def _watched(tmp_path: Path, qtbot: QtBot) -> tuple[FileWatcher, Path]:
    path = tmp_path / "chart.yaml"
    path.write_text("format: 1\n", encoding="utf-8")
    watcher = FileWatcher(settle_ms=50)
    watcher.watch(path)
    return watcher, path


def test_a_change_in_place_is_reported(tmp_path: Path, qtbot: QtBot) -> None:
    watcher, path = _watched(tmp_path, qtbot)
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=WAIT_MS) as blocker:
        path.write_text("format: 1\nchart: {title: Edited elsewhere}\n", encoding="utf-8")
    assert blocker.args == [path]


def test_replacement_by_atomic_rename_is_reported_and_watching_goes_on(
    tmp_path: Path, qtbot: QtBot
) -> None:
    watcher, path = _watched(tmp_path, qtbot)
    for n in range(2):  # twice: the watch must survive the first replacement
        tmp = tmp_path / f".chart.yaml.tmp{n}"
        tmp.write_text(f"format: 1\n# saved by another editor, round {n}\n", encoding="utf-8")
        with qtbot.waitSignal(watcher.changed_on_disk, timeout=WAIT_MS):
            os.replace(tmp, path)


def test_our_own_save_is_not_reported(tmp_path: Path, qtbot: QtBot) -> None:
    watcher, path = _watched(tmp_path, qtbot)
    tmp = tmp_path / ".save.tmp"
    tmp.write_text("format: 1\n# our save\n", encoding="utf-8")
    with qtbot.assertNotEmitted(watcher.changed_on_disk, wait=800):
        os.replace(tmp, path)
        watcher.note_saved()


def test_the_same_outside_change_is_reported_once(tmp_path: Path, qtbot: QtBot) -> None:
    watcher, path = _watched(tmp_path, qtbot)
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=WAIT_MS):
        path.write_text("format: 1\n# changed\n", encoding="utf-8")
    with qtbot.assertNotEmitted(watcher.changed_on_disk, wait=500):
        path.touch()  # a timestamp change alone is not a change of content


def test_deletion_is_reported(tmp_path: Path, qtbot: QtBot) -> None:
    watcher, path = _watched(tmp_path, qtbot)
    with qtbot.waitSignal(watcher.removed_from_disk, timeout=WAIT_MS):
        path.unlink()
