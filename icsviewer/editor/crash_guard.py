"""Keep running after an unexpected error, without losing work and with a record of it.

Installs `sys.excepthook` (PySide6 sends exceptions raised in slots there) and
`threading.excepthook`. On an error it, in this order: autosaves unsaved work through the
registered callbacks (so a second failure cannot cost the user their edits), appends the
traceback to a log file, then tells the user through a replaceable `show` function with the
details to copy. Native crashes (segfaults in Qt or a library) are written by `faulthandler`
into the same log folder, where the next start can find them.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from icsviewer import appdirs

ERROR_LOG_NAME = "errors.log"
NATIVE_LOG_NAME = "native-crashes.log"

ShowError = Callable[[str, str, str], None]  # (title, message, details)
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def show_error_dialog(title: str, message: str, details: str) -> None:
    """The default way to tell the user: a message box whose details can be selected and copied."""
    if QApplication.instance() is None:
        print(f"{title}: {message}\n{details}", file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


class _MainThreadRelay(QObject):
    """Carries an error report from a worker thread to the GUI thread (dialogs live there)."""

    report = Signal(str, str, str)


class CrashGuard:
    """Installs the exception hooks; one per application, passed around, never global."""

    def __init__(
        self,
        log_dir: Path | None = None,
        show: ShowError = show_error_dialog,
    ) -> None:
        self.log_dir = log_dir or appdirs.log_dir()
        self.show = show
        self._autosavers: list[Callable[[], object]] = []
        self._old_sys_hook: Callable[..., Any] | None = None
        self._old_thread_hook: Callable[..., Any] | None = None
        self._native_log: IO[str] | None = None
        self._handling = False
        self._relay: _MainThreadRelay | None = None

    @property
    def error_log(self) -> Path:
        return self.log_dir / ERROR_LOG_NAME

    def add_autosave(self, callback: Callable[[], object]) -> None:
        """Run `callback` (autosave a document's unsaved work) before reporting any error."""
        self._autosavers.append(callback)

    def remove_autosave(self, callback: Callable[[], object]) -> None:
        if callback in self._autosavers:
            self._autosavers.remove(callback)

    # ----- installing ---------------------------------------------------------------------
    def install(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self._old_sys_hook = sys.excepthook
        self._old_thread_hook = threading.excepthook
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook
        if QApplication.instance() is not None:
            self._relay = _MainThreadRelay()
            self._relay.report.connect(self._show_safely, Qt.ConnectionType.QueuedConnection)
        try:
            # Kept open for the life of the process: faulthandler writes to its descriptor
            # from a signal handler, when nothing else can run.
            self._native_log = (self.log_dir / NATIVE_LOG_NAME).open("a", encoding="utf-8")
            faulthandler.enable(file=self._native_log, all_threads=True)
        except OSError:
            self._native_log = None

    def uninstall(self) -> None:
        if self._old_sys_hook is not None:
            sys.excepthook = self._old_sys_hook
        if self._old_thread_hook is not None:
            threading.excepthook = self._old_thread_hook
        if self._native_log is not None:
            faulthandler.disable()
            self._native_log.close()
            self._native_log = None
        self._relay = None

    # ----- the hooks ----------------------------------------------------------------------
    def _sys_hook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt) and self._old_sys_hook is not None:
            self._old_sys_hook(kind, value, tb)
            return
        self.handle((kind, value, tb), thread_name=threading.current_thread().name)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "a background thread"
        self.handle((args.exc_type, args.exc_value, args.exc_traceback), thread_name=name)

    def handle(self, exc: ExcInfo, thread_name: str = "") -> None:
        """Autosave, log, tell the user; never raise (a failing hook would end the app)."""
        if self._handling:
            # An error while reporting an error: log it and stop, rather than loop.
            self._write_log(exc, thread_name, note="while handling an earlier error")
            return
        self._handling = True
        try:
            saved = self._autosave_all()
            log_path = self._write_log(exc, thread_name)
            details = "".join(traceback.format_exception(*exc))
            message = (
                "Something went wrong inside ICS Viewer, but it is still running.\n\n"
                f"{exc[0].__name__}: {_short(exc[1])}\n\n"
                + (
                    "Your unsaved changes were saved to a recovery file.\n"
                    if saved
                    else ""
                )
                + (f"The details are in {log_path}." if log_path else "")
            )
            self._dispatch_show("ICS Viewer: unexpected error", message, details)
        except Exception as err:  # the last line of defence must not throw
            print(f"ICS Viewer could not report an error: {err!r}", file=sys.stderr)
        finally:
            self._handling = False

    def _autosave_all(self) -> bool:
        saved = False
        for callback in list(self._autosavers):
            try:
                saved = bool(callback()) or saved
            except Exception as err:  # keep going: other documents may save
                self._write_log((type(err), err, err.__traceback__), "", note="during autosave")
        return saved

    def _write_log(self, exc: ExcInfo, thread_name: str, note: str = "") -> Path | None:
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            header = f"=== {stamp} ICS Viewer error"
            if thread_name:
                header += f" in thread {thread_name!r}"
            if note:
                header += f" ({note})"
            lines = [
                header,
                f"Python {platform.python_version()} on {platform.platform()}",
                "".join(traceback.format_exception(*exc)).rstrip(),
                "",
            ]
            with self.error_log.open("a", encoding="utf-8") as handle:
                handle.write("\n".join(lines) + "\n")
            return self.error_log
        except OSError:
            return None

    def _dispatch_show(self, title: str, message: str, details: str) -> None:
        app = QApplication.instance()
        on_gui_thread = app is None or QThread.currentThread() is app.thread()
        if on_gui_thread or self._relay is None:
            self._show_safely(title, message, details)
        else:
            self._relay.report.emit(title, message, details)

    def _show_safely(self, title: str, message: str, details: str) -> None:
        try:
            self.show(title, message, details)
        except Exception:  # a broken dialog must not take the app down
            print(f"{title}: {message}\n{details}", file=sys.stderr)


def _short(value: BaseException, limit: int = 300) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"
