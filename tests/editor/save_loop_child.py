"""Run as a child process: save two versions of a chart over one file, again and again.

Uses the same write path as `Document.save` (atomic write with a backup, retry while locked).
The test kills this process at random moments and checks what is left on disk.
"""

from __future__ import annotations

import sys
from pathlib import Path

from icsviewer.editor.saving import write_chart_text


def main() -> None:
    target, first, second = (Path(a) for a in sys.argv[1:4])
    versions = [first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")]
    print("saving", flush=True)
    n = 0
    while True:
        write_chart_text(target, versions[n % 2])
        n += 1


if __name__ == "__main__":
    main()
