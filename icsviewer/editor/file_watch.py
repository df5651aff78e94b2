"""Notice when another program changes or replaces the open file, but not when we save it.

QFileSystemWatcher stops watching a path once the file is replaced by an atomic rename (the
watched inode is gone), which is how most editors and sync tools save. So the folder is watched
too, the file's path is added again whenever it exists but is not watched, and what counts as
"changed" is the file's content hash, not the notification: a save of our own records the hash
of what it wrote, so it never looks like someone else's change.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

# Tools write a file in several steps (truncate, write, rename); wait until they are done.
SETTLE_MS = 250


def file_digest(path: Path) -> str | None:
    """SHA-256 of the file's bytes, or None when it cannot be read (gone, locked, a folder)."""
    try:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


class FileWatcher(QObject):
    """Watches one file; says when its content on disk is no longer what we know it to be."""

    # The file now holds something other than what we loaded or saved (path).
    changed_on_disk = Signal(object)
    # The file is gone and nothing took its place (path).
    removed_from_disk = Signal(object)

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self.check_now)
        self._path: Path | None = None
        self._known: str | None = None
        self._reported: str | None = None

    @property
    def path(self) -> Path | None:
        return self._path

    def watch(self, path: Path | None) -> None:
        """Watch `path` (None stops watching); its current content counts as known."""
        self._unwatch()
        self._path = path
        if path is None:
            return
        self._known = file_digest(path)
        self._reported = None
        folder = str(path.parent)
        if path.parent.is_dir():
            self._watcher.addPath(folder)
        self._rewatch_file()

    def note_saved(self) -> None:
        """We just wrote the file: its new content is ours, not another program's."""
        if self._path is not None:
            self._known = file_digest(self._path)
            self._reported = None
            self._rewatch_file(fresh=True)

    def check_now(self) -> None:
        """Compare the file with what we know and report a change (once per new content)."""
        path = self._path
        if path is None:
            return
        self._rewatch_file(fresh=True)
        if not path.exists():
            if self._reported != "<removed>" and self._known is not None:
                self._reported = "<removed>"
                self.removed_from_disk.emit(path)
            return
        digest = file_digest(path)
        if digest is None or digest == self._known or digest == self._reported:
            return
        self._reported = digest
        self.changed_on_disk.emit(path)

    def accept_disk_version(self) -> None:
        """The user reloaded, or chose to keep their version: stop reporting this content."""
        if self._path is not None:
            self._known = file_digest(self._path)
            self._reported = None

    def _poke(self, _changed: str) -> None:
        self._settle.start()

    def _rewatch_file(self, fresh: bool = False) -> None:
        """Watch the file now at the path. `fresh` drops the old watch first: after a rename
        over the path the old watch may still follow the previous file (kept alive as a
        backup hard link), which would hide later changes to the new one."""
        if self._path is None:
            return
        name = str(self._path)
        if fresh and name in self._watcher.files():
            self._watcher.removePath(name)
        if self._path.exists() and name not in self._watcher.files():
            self._watcher.addPath(name)

    def _unwatch(self) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._settle.stop()
