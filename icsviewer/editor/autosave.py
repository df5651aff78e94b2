"""Autosave unsaved work to a recovery file, and find or restore such files after a crash.

While a document has unsaved changes it is written to the recovery folder a few seconds after
the last edit (when the user pauses) and at least every minute. The file is named from a hash
of the document's path (`doc-<hash>.yaml`; `untitled-<uuid>.yaml` before it has one) and has a
small JSON sidecar saying which file it recovers, when it was written and by which process.
Saving, reloading or closing cleanly removes both. Whatever is left at the next start is work
a crash would otherwise have lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from icsviewer import appdirs
from icsviewer.editor import storage
from icsviewer.model.events import ChartEvent

if TYPE_CHECKING:
    from icsviewer.editor.document import Document

INTERVAL_MS = 60_000
IDLE_MS = 3_000
SIDECAR_LIMIT = 64 * 1024  # a sidecar is a few hundred bytes; refuse anything odd


def recovery_key(path: Path | None) -> str:
    """The recovery file's name (without extension) for a document at `path`."""
    if path is None:
        return f"untitled-{uuid.uuid4().hex}"
    try:
        where = str(path.resolve())
    except OSError:
        where = str(path.absolute())
    return "doc-" + hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:20]


@dataclass(frozen=True)
class RecoveryInfo:
    """Unsaved work found in the recovery folder."""

    key: str
    data_path: Path
    sidecar_path: Path
    original_path: Path | None
    saved_at: dt.datetime | None
    title: str

    @property
    def description(self) -> str:
        """How to name this work to the user."""
        what = f"“{self.original_path.name}”" if self.original_path else "an unsaved new chart"
        if self.title:
            what += f" ({self.title})"
        if self.saved_at is not None:
            when = self.saved_at.astimezone().strftime("%d %b %Y at %H:%M")
            what += f", autosaved on {when}"
        return what


class AutoSaver(QObject):
    """Writes a document's unsaved work to its recovery file while there is any."""

    def __init__(
        self,
        doc: Document,
        interval_ms: int = INTERVAL_MS,
        idle_ms: int = IDLE_MS,
        directory: Path | None = None,
    ) -> None:
        super().__init__(doc)
        self._doc = doc
        self._directory = directory
        self.key = recovery_key(doc.path)
        self._pending = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._tick)
        self._periodic = QTimer(self)
        self._periodic.setInterval(interval_ms)
        self._periodic.timeout.connect(self._tick)
        self._chart = doc.chart
        self._chart.subscribe(self._on_chart_event)
        # The document tells us about clean changes (`clean_changed`) rather than a connection
        # to its undo stack: the stack announces one last change while the document is being
        # destroyed, when this object may already be half gone.
        doc.path_changed.connect(self._on_path_changed)

    @property
    def directory(self) -> Path:
        return self._directory or appdirs.recovery_dir()

    @property
    def data_path(self) -> Path:
        return self.directory / f"{self.key}.yaml"

    @property
    def sidecar_path(self) -> Path:
        return self.directory / f"{self.key}.json"

    def autosave_now(self) -> Path | None:
        """Write the recovery file if there are unsaved changes; its path, or None.

        Never raises: autosave runs from timers and from the crash guard, where an error
        would only make things worse. A failure is retried at the next tick.
        """
        if not self._doc.is_modified:
            return None
        try:
            directory = self.directory
            directory.mkdir(parents=True, exist_ok=True)
            text = storage.chart_to_text(self._doc.chart)
            storage.write_text_atomically(self.data_path, text, backup=False)
            sidecar = {
                "app": "icsviewer",
                "recovers": str(self._doc.path) if self._doc.path else None,
                "title": self._doc.chart.meta.title,
                "saved_at": dt.datetime.now(dt.timezone.utc).isoformat(),
                "pid": os.getpid(),
            }
            # The data is written first: a sidecar never points at a missing or partial file.
            storage.write_text_atomically(
                self.sidecar_path, json.dumps(sidecar, indent=1), backup=False
            )
        except Exception as err:  # disk full, folder gone, writer bug: keep the session going
            print(f"ICS Viewer: autosave failed: {err}", file=sys.stderr)
            return None
        self._pending = False
        return self.data_path

    def discard(self) -> None:
        """Remove this document's recovery file (saved, reloaded, or closed on purpose)."""
        self._pending = False
        self._idle.stop()
        self._periodic.stop()
        for path in (self.sidecar_path, self.data_path):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def stop(self) -> None:
        """Stop listening and writing (the document is closing)."""
        self._idle.stop()
        self._periodic.stop()
        self._chart.unsubscribe(self._on_chart_event)

    def _on_chart_event(self, _event: ChartEvent) -> None:
        # Chart events, not undo-stack indexes: typing merged into one command changes no index.
        self._pending = True
        self._idle.start()
        if not self._periodic.isActive():
            self._periodic.start()

    def _tick(self) -> None:
        if self._pending and self._doc.is_modified:
            self.autosave_now()

    def clean_changed(self, clean: bool) -> None:
        """The document was saved or undone to its saved state (clean) or edited again."""
        if clean:
            self.discard()
        else:
            self._pending = True
            self._idle.start()
            if not self._periodic.isActive():
                self._periodic.start()

    def _on_path_changed(self, path: object) -> None:
        self.discard()
        self.key = recovery_key(path if isinstance(path, Path) else None)


# ----- after a crash ------------------------------------------------------------------------
def _process_alive(pid: int) -> bool:
    """Whether another running process wrote this (its work is live, not lost)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        # os.kill(pid, 0) would terminate the process on Windows; offer the file instead.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _read_sidecar(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > SIDECAR_LIMIT:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def find_recoverable(directory: Path | None = None) -> list[RecoveryInfo]:
    """Unsaved work left behind by sessions that did not end cleanly, newest first."""
    folder = directory or appdirs.recovery_dir()
    found: list[RecoveryInfo] = []
    for data_path in sorted(folder.glob("*.yaml")):
        key = data_path.stem
        sidecar_path = folder / f"{key}.json"
        meta = _read_sidecar(sidecar_path)
        pid = meta.get("pid")
        if isinstance(pid, int) and _process_alive(pid):
            continue
        recovers = meta.get("recovers")
        saved_at = None
        stamp = meta.get("saved_at")
        if isinstance(stamp, str):
            with contextlib.suppress(ValueError):
                saved_at = dt.datetime.fromisoformat(stamp)
        if saved_at is None:
            with contextlib.suppress(OSError):
                saved_at = dt.datetime.fromtimestamp(data_path.stat().st_mtime, dt.timezone.utc)
        title = meta.get("title")
        found.append(RecoveryInfo(
            key=key, data_path=data_path, sidecar_path=sidecar_path,
            original_path=Path(recovers) if isinstance(recovers, str) and recovers else None,
            saved_at=saved_at, title=title if isinstance(title, str) else "",
        ))
    # A sidecar whose data file is gone recovers nothing.
    for sidecar in folder.glob("*.json"):
        if not (folder / f"{sidecar.stem}.yaml").exists():
            with contextlib.suppress(OSError):
                sidecar.unlink()
    epoch = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    found.sort(key=lambda info: info.saved_at or epoch, reverse=True)
    return found


class RecoveryError(Exception):
    """A recovery file could not be read back as a chart."""


def restore(info: RecoveryInfo) -> Document:
    """A document holding the recovered work, marked unsaved, saving to the original file."""
    from icsviewer.editor.document import Document

    try:
        text = info.data_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RecoveryError(f"The recovery file could not be read: {err}") from err
    chart, problems = storage.chart_from_text(text, str(info.original_path or info.data_path))
    if chart is None:
        first = next((p for p in problems if p.is_error), None)
        raise RecoveryError(f"The recovery file is damaged: {first or 'not a chart'}")
    doc = Document(chart, info.original_path, problems)
    if doc.autosaver is not None:
        # Keep writing to the same recovery file, so declining later still finds it.
        doc.autosaver.key = info.key
    doc.mark_modified()
    return doc


def discard(info: RecoveryInfo) -> None:
    """Remove recovered work the user declined."""
    for path in (info.sidecar_path, info.data_path):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
