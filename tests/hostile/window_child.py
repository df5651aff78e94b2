"""Open one chart file in the real main window (offscreen) in this child process.

    python -m tests.hostile.window_child PATH

Prints one JSON line: {"opened": bool, "errors": [[title, message], ...], "arranged": bool}
and exits 0. The tests run it under `runner.run_module`, so the window's memory use for the
heaviest hostile files is bounded (500 MB of address space) the same way as the command
line's, and a hang is a time-out instead of a stuck test run.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

LAYOUT_WAIT_S = 20.0


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from icsviewer.app.prompts import Prompts
    from tests.hostile.test_window_corpus import _app_window

    errors: list[list[str]] = []

    class Recording(Prompts):
        def error(self, title: str, message: str, details: str = "") -> None:
            errors.append([title, message])

        def info(self, title: str, message: str) -> None:
            pass

        def ask_open_path(self, start_dir: str = "") -> Any:
            return None

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(argv[0]).with_suffix(".ini")), QSettings.Format.IniFormat)
    window = _app_window(settings, Recording(None))
    opened = window.open_path(Path(argv[0]))
    deadline = time.monotonic() + LAYOUT_WAIT_S
    while opened and window.runner.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    arranged = opened and not window.runner.busy
    if opened:
        window.resize(1200, 800)
        window.grab()  # paint every item once
    print(json.dumps({"opened": opened, "errors": errors, "arranged": arranged}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
