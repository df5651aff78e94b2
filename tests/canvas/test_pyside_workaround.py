"""Many Qt calls must not abort the interpreter (PySide6 6.12.0 drops a None reference each)."""

from __future__ import annotations

import subprocess
import sys


def test_thousands_of_void_qt_calls_do_not_abort_the_process() -> None:
    # Run in a child: if the protection failed, the abort must not take the test run with it.
    code = (
        "import icsviewer.canvas\n"
        "from PySide6.QtCore import QRectF\n"
        "r = QRectF()\n"
        "for _ in range(50000): r.setWidth(1.0)\n"
        "print('alive')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "alive" in done.stdout
