"""An unexpected error: unsaved work is autosaved first, the log records it, the user is told
with details, and the program keeps running."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from pytestqt.qtbot import QtBot

from icsviewer import appdirs
from icsviewer.editor.crash_guard import NATIVE_LOG_NAME, CrashGuard


class _Shown:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.order: list[str] = []

    def __call__(self, title: str, message: str, details: str) -> None:
        self.calls.append((title, message, details))
        self.order.append("shown")


@pytest.fixture
def guard() -> object:
    shown = _Shown()
    guard = CrashGuard(show=shown)
    guard.install()
    yield guard, shown
    guard.uninstall()


class _Emitter(QObject):
    fire = Signal()


@pytest.mark.qt_no_exception_capture
def test_error_in_a_slot_autosaves_logs_and_tells_the_user(
    qtbot: QtBot, guard: tuple[CrashGuard, _Shown]
) -> None:
    crash_guard, shown = guard
    crash_guard.add_autosave(lambda: shown.order.append("autosaved") or True)

    def broken_slot() -> None:
        raise RuntimeError("the details panel fell over")

    emitter = _Emitter()
    emitter.fire.connect(broken_slot)
    emitter.fire.emit()  # Qt hands the slot's exception to sys.excepthook and carries on

    assert shown.order == ["autosaved", "shown"]
    _title, message, details = shown.calls[0]
    assert "still running" in message
    assert "unsaved changes were saved" in message
    assert "the details panel fell over" in details and "Traceback" in details
    log = (appdirs.log_dir() / "errors.log").read_text(encoding="utf-8")
    assert "RuntimeError: the details panel fell over" in log

    # Still running: the event loop goes on and later work happens.
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))
    qtbot.waitUntil(lambda: bool(ran))


def test_error_in_a_background_thread_is_reported_on_the_gui_thread(
    qtbot: QtBot, guard: tuple[CrashGuard, _Shown]
) -> None:
    crash_guard, shown = guard
    worker = threading.Thread(target=_fail, name="layout-reader")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown.calls))
    log = crash_guard.error_log.read_text(encoding="utf-8")
    assert "layout-reader" in log and "ValueError: garbage from the worker" in log


def test_a_failing_autosave_or_dialog_does_not_stop_the_report(
    guard: tuple[CrashGuard, _Shown],
) -> None:
    crash_guard, _shown = guard

    def broken_autosave() -> bool:
        raise OSError("disk full")

    def broken_dialog(title: str, message: str, details: str) -> None:
        raise RuntimeError("no screen")

    crash_guard.add_autosave(broken_autosave)
    crash_guard.show = broken_dialog
    crash_guard.handle(_raised(KeyError("x")))
    log = crash_guard.error_log.read_text(encoding="utf-8")
    assert "during autosave" in log and "OSError: disk full" in log
    assert "KeyError" in log


def test_native_crashes_are_written_to_the_log_folder(guard: tuple[CrashGuard, _Shown]) -> None:
    assert (appdirs.log_dir() / NATIVE_LOG_NAME).exists()
    import faulthandler

    assert faulthandler.is_enabled()


def test_native_crash_in_a_child_lands_in_the_log(tmp_path: Path) -> None:
    import os
    import subprocess

    code = (
        "import ctypes\n"
        "from icsviewer.editor.crash_guard import CrashGuard\n"
        "CrashGuard(show=lambda *a: None).install()\n"
        "ctypes.string_at(0)\n"
    )
    env = {**os.environ, "ICSVIEWER_HOME": str(tmp_path)}
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60)
    text = (tmp_path / "logs" / NATIVE_LOG_NAME).read_text(encoding="utf-8")
    assert "Segmentation fault" in text or "Fatal Python error" in text


def _fail() -> None:
    raise ValueError("garbage from the worker")


def _raised(err: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise err
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__
