"""Writing a document's file: retry while another program holds it, and explain failures.

A failed save must leave the open document and the file on disk as they were, and say why in
words a comms officer understands (not an errno).
"""

from __future__ import annotations

import errno
import time
from collections.abc import Callable
from pathlib import Path

from icsviewer.editor import storage

# A file open in Excel, a virus scanner or a sync client is usually released within a second.
LOCK_RETRIES = 4
LOCK_RETRY_DELAY_S = 0.25

_KEPT = "Your chart is still open with all its changes, and the file on disk was not changed."


class DocumentSaveError(Exception):
    """Saving did not happen; `str(err)` is a message to show the user as it is."""

    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause


def _os_error_of(err: BaseException) -> OSError | None:
    """The operating system's error behind `err` (the io package wraps it in SaveError)."""
    seen: set[int] = set()
    current: BaseException | None = err
    while current is not None and id(current) not in seen:
        if isinstance(current, OSError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _is_locked(err: BaseException) -> bool:
    os_err = _os_error_of(err)
    return isinstance(os_err, PermissionError) or (
        os_err is not None and getattr(os_err, "winerror", None) in (32, 33)  # sharing/lock
    )


def describe_save_error(err: BaseException, path: Path) -> str:
    """A plain-English reason why `path` could not be written."""
    os_err = _os_error_of(err)
    code = os_err.errno if os_err is not None else None
    folder, name = path.parent, path.name
    if code in (errno.EACCES, errno.EPERM):
        why = (
            f"ICS Viewer is not allowed to write “{name}” in “{folder}”. The folder or the "
            "file may be read-only, or another program may have the file open. Close it "
            "there and save again, or use Save As to save somewhere else."
        )
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        why = (
            f"There is not enough space on the disk to save “{name}”. Free some space, "
            "or use Save As to save somewhere else."
        )
    elif code == errno.EROFS:
        why = f"“{folder}” is on a read-only disk. Use Save As to save somewhere else."
    elif code == errno.ENOENT:
        why = f"The folder “{folder}” no longer exists. Use Save As to choose another."
    elif code == errno.ENAMETOOLONG:
        why = f"The file name “{name}” is too long for this disk."
    elif os_err is not None:
        why = f"Could not save “{name}”: {os_err.strerror or os_err}."
    else:
        why = f"Could not save “{name}”: {err}."
    return f"{why}\n\n{_KEPT}"


def write_chart_text(
    path: Path,
    text: str,
    backup: bool = True,
    retries: int | None = None,
    delay_s: float | None = None,
    sleep: Callable[[float], None] | None = None,
) -> None:
    """Write `text` to `path` atomically, retrying briefly while the file is locked.

    Raises DocumentSaveError with a message for the user; the old file is intact in that case
    (the atomic writer only ever renames a complete new file over it).
    """
    retries = LOCK_RETRIES if retries is None else retries
    delay_s = LOCK_RETRY_DELAY_S if delay_s is None else delay_s
    pause = sleep or time.sleep
    for attempt in range(retries + 1):
        try:
            storage.write_text_atomically(path, text, backup=backup)
            return
        except Exception as err:  # OSError, or the io package's SaveError wrapping one
            if _is_locked(err) and attempt < retries:
                pause(delay_s)
                continue
            raise DocumentSaveError(describe_save_error(err, path), err) from err
