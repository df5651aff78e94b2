"""Save a file so that it is always either the complete old version or the complete new one.

    atomic_write_text(path, text)   # raises SaveError("...plain reason...") on failure

How: write a temporary file in the same folder (so the final rename never crosses disks),
flush and fsync it, keep the previous version as `NAME.bak` (a hard link, so it costs nothing
and is exactly the old bytes), then `os.replace` the temporary file over the original and fsync
the folder so the rename itself survives a power cut. `os.replace` is atomic on POSIX and on
NTFS. On Windows a virus scanner or SharePoint sync can hold the file for a moment (a sharing
violation, PermissionError): we retry a few times before giving up. On any failure the
temporary file is removed and the original is untouched; a save killed outright leaves its
temporary file behind, and a later save removes it once it is clearly stale.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import shutil
import time
from pathlib import Path

# Waits between attempts at the final rename when another program holds the file (Windows).
REPLACE_RETRY_DELAYS = (0.010, 0.025, 0.050, 0.100)
BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
# Temporary files older than this are leftovers of a killed save, removed by the next save.
STALE_TEMP_SECONDS = 600


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


def _replace(source: Path, target: Path) -> None:
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            source.replace(target)
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


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new, empty, uniquely named file beside `target`, opened for binary writing.

    Unlike tempfile.mkstemp (always mode 0600), the umask decides the mode, so a new chart
    gets the same permissions as any other file the user saves there.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))


def _remove_stale_temps(target: Path) -> None:
    """Delete temporary files left by saves that were killed, once they are clearly stale.

    Fresh ones are left alone: another window may be saving the same file right now.
    """
    cutoff = time.time() - STALE_TEMP_SECONDS
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()


def atomic_write_text(path: str | os.PathLike[str], text: str, *, backup: bool = True) -> None:
    """Replace the file at `path` with `text` (UTF-8) atomically, or raise SaveError."""
    label = os.fspath(path)
    try:
        # Resolve symlinks: save into the file a link points at rather than replacing the link.
        target = Path(path).resolve()
    except (OSError, ValueError, RuntimeError) as exc:  # a NUL in the name, a symlink loop
        raise SaveError(
            f"Cannot save {label}: the file name cannot be used ({exc}).", label, "name"
        ) from exc
    if target.is_dir():
        raise SaveError(f"Cannot save {label}: there is a folder with that name.", label, "folder")
    try:
        data = text.encode("utf-8")
    except UnicodeError as exc:
        raise SaveError(
            f"Cannot save {label}: the text cannot be written as UTF-8 ({exc}).", label, "encoding"
        ) from exc
    tmp: Path | None = None
    try:
        fd, tmp = _create_temp(target)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(target, tmp)  # keep the file's permissions
            if backup:
                _keep_backup(target)
        _replace(tmp, target)
        tmp = None
        _fsync_folder(target.parent)
    except OSError as exc:
        raise SaveError(
            f"Cannot save {label}: {_reason(exc)}. The file on disk was not changed.",
            label,
            _reason(exc),
        ) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    _remove_stale_temps(target)
