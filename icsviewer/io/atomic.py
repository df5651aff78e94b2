"""Save a file so that it is always either the complete old version or the complete new one.

    atomic_write_text(path, text)   # raises SaveError("...plain reason...") on failure

How: write a temporary file in the same folder (so the final rename never crosses disks),
flush and fsync it, keep the previous version as `NAME.bak` (a hard link, so it costs nothing
and is exactly the old bytes), then `os.replace` the temporary file over the original and fsync
the folder so the rename itself survives a power cut. `os.replace` is atomic on POSIX and on
NTFS. On Windows a virus scanner or SharePoint sync can hold the file for a moment (a sharing
violation, PermissionError): we retry a few times before giving up. On any failure the
temporary file is removed and the original is untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from pathlib import Path

# Waits between attempts at the final rename when another program holds the file (Windows).
REPLACE_RETRY_DELAYS = (0.010, 0.025, 0.050, 0.100)
BACKUP_SUFFIX = ".bak"


class SaveError(Exception):
    """Saving failed; `str(error)` says why in plain English and names the file."""

    def __init__(self, message: str, path: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.reason = reason


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version is kept: `chart.yaml` -> `chart.yaml.bak`."""
    target = Path(path)
    return target.with_name(target.name + BACKUP_SUFFIX)


def _reason(exc: OSError) -> str:
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "the disk is full (or your storage quota is used up)"
    if code == errno.EROFS:
        return "the disk or share is read-only"
    if code in (errno.EACCES, errno.EPERM):
        return (
            "permission denied: the folder or file is read-only, or another program "
            "(for example a sync client or virus scanner) has the file locked"
        )
    if code in (errno.EBUSY, getattr(errno, "ETXTBSY", -1)):
        return "another program has the file locked"
    if code == errno.ENOENT:
        return "the folder does not exist (was it moved or deleted?)"
    if code == errno.EISDIR:
        return "there is a folder with that name"
    if code == errno.ENAMETOOLONG:
        return "the file name is too long"
    return exc.strerror or str(exc)


def _replace(source: str, target: Path) -> None:
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            Path(source).replace(target)
            return
        except PermissionError:
            if delay is None:
                raise
            time.sleep(delay)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable. Not possible (nor needed) on Windows; best effort elsewhere."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_backup(target: Path) -> None:
    """Keep the current version beside the file. Best effort: a backup never blocks a save."""
    backup = backup_path(target)
    staging = backup.with_name(backup.name + ".tmp")
    try:
        with contextlib.suppress(FileNotFoundError):
            staging.unlink()
        try:
            os.link(target, staging)  # the old bytes, kept when the name moves to the new file
        except OSError:
            shutil.copy2(target, staging)
        staging.replace(backup)
    except OSError:
        with contextlib.suppress(OSError):
            staging.unlink()


def atomic_write_text(path: str | os.PathLike[str], text: str, *, backup: bool = True) -> None:
    """Replace the file at `path` with `text` (UTF-8) atomically, or raise SaveError."""
    # Resolve symlinks: save into the file a link points at rather than replacing the link.
    target = Path(path).resolve()
    label = os.fspath(path)
    if target.is_dir():
        raise SaveError(f"Cannot save {label}: there is a folder with that name.", label, "folder")
    data = text.encode("utf-8")
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        existed = target.exists()
        if existed:
            with contextlib.suppress(OSError):
                shutil.copymode(target, tmp_name)  # keep the file's permissions
            if backup:
                _keep_backup(target)
        _replace(tmp_name, target)
        tmp_name = ""
        _fsync_folder(target.parent)
    except OSError as exc:
        raise SaveError(
            f"Cannot save {label}: {_reason(exc)}. The file on disk was not changed.",
            label,
            _reason(exc),
        ) from exc
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                Path(tmp_name).unlink()
