"""Run as a child process: open a chart, rename a body, wait for the autosave, then hang.

The test kills this process with SIGKILL before it saves, as a crash would.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from icsviewer.editor.commands import rename_body
from icsviewer.editor.document import Document


def main() -> None:
    path, new_name = Path(sys.argv[1]), sys.argv[2]
    app = QCoreApplication([])
    doc = Document.open(path)
    assert doc.autosaver is not None
    doc.undo_stack.push(rename_body(doc, "example_icb", new_name))

    def check() -> None:
        if doc.autosaver is not None and doc.autosaver.sidecar_path.exists():
            print("autosaved", flush=True)
            while True:  # wait to be killed, unsaved
                time.sleep(1)

    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(50)
    app.exec()


if __name__ == "__main__":
    main()
