"""Write an output file atomically: a temporary file in the same folder, then one rename.

A reader (or a board secretary's PDF viewer) sees either the old file or the complete new one,
never half a PDF, even if the export is interrupted or the disk fills up.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path` via a temporary sibling and os.replace; returns `path`.

    Raises OSError (with the path in the message) if the folder cannot be written; the
    temporary file is removed on any failure.
    """
    folder = path.parent if str(path.parent) else Path()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file 0600; give it the permissions a normal new file would get.
        umask = os.umask(0)
        os.umask(umask)
        Path(tmp).chmod(0o666 & ~umask)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
    return path
