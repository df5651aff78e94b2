"""The open document: one chart, its file, its undo stack and whether it has unsaved changes.

Passed to the window, canvas and presenter (no module-level singletons). Every edit is a
QUndoCommand pushed on `undo_stack`; `is_modified` follows the stack's clean state, so undoing
back to the saved state clears the unsaved marker.

A Document also keeps its work safe: it saves atomically with a backup (`save`, `save_as`),
autosaves unsaved work to a recovery file (`autosaver`), and watches its file for changes made
by other programs (`changed_on_disk`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from icsviewer.editor import storage
from icsviewer.editor.autosave import AutoSaver
from icsviewer.editor.file_watch import FileWatcher
from icsviewer.editor.saving import DocumentSaveError, write_chart_text
from icsviewer.io.problems import Problem, has_errors
from icsviewer.model.chart import Chart


class DocumentOpenError(Exception):
    """A file could not be opened as a chart; `problems` says why, line by line."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])


class Document(QObject):
    """A chart being viewed or edited."""

    # Emitted with True/False when the unsaved-changes state flips.
    modified_changed = Signal(bool)
    # Emitted after the file name changes (Save As, open).
    path_changed = Signal(object)
    # Emitted with the path after a successful save.
    saved = Signal(object)
    # Another program changed or replaced the file (path); offer to reload.
    changed_on_disk = Signal(object)
    # The file was deleted or moved away by another program (path).
    removed_from_disk = Signal(object)
    # The chart's contents were replaced from the file (reload); the undo history is gone.
    reloaded = Signal()

    def __init__(
        self,
        chart: Chart,
        path: Path | None = None,
        problems: list[Problem] | None = None,
        parent: QObject | None = None,
        *,
        autosave: bool = True,
        watch: bool = True,
    ) -> None:
        super().__init__(parent)
        self.chart = chart
        self.path = path
        self.problems: list[Problem] = list(problems or [])
        self.autosaver: AutoSaver | None = None
        self.undo_stack = QUndoStack(self)
        # A bound slot, not a lambda: Qt drops the connection when the document is destroyed
        # (the stack, destroyed with it, may still announce a last clean change).
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.file_watcher = FileWatcher(self)
        self.file_watcher.changed_on_disk.connect(self.changed_on_disk)
        self.file_watcher.removed_from_disk.connect(self.removed_from_disk)
        if watch and path is not None:
            self.file_watcher.watch(path)
        self._watch = watch
        if autosave:
            self.autosaver = AutoSaver(self)

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> Document:
        """Read and check a chart file. A file with problems still opens (they are listed in
        `problems`); one that is not a chart raises DocumentOpenError saying why."""
        try:
            chart, problems = storage.load_chart_file(path)
        except Exception as err:  # the reader is hardened; this is the last line of defence
            raise DocumentOpenError(f"Could not open “{path.name}”: {err}") from err
        if chart is None:
            first = next((p for p in problems if p.is_error), None)
            reason = str(first) if first else "it is not a chart file"
            raise DocumentOpenError(f"Could not open “{path.name}”: {reason}", problems)
        return cls(chart, path, problems, parent)

    def _on_clean_changed(self, clean: bool) -> None:
        if self.autosaver is not None:
            self.autosaver.clean_changed(clean)
        self.modified_changed.emit(not clean)

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    def mark_modified(self) -> None:
        """Count the document as unsaved though nothing is on the undo stack (restored work)."""
        self.undo_stack.resetClean()

    # ----- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        """Save to the document's file. Raises DocumentSaveError (with a message) on failure."""
        if self.path is None:
            raise DocumentSaveError("This chart has no file yet: use Save As to choose one.")
        self._write(self.path)

    def save_as(self, path: Path) -> None:
        """Save to a new file and make it the document's file (unchanged if saving fails)."""
        self._write(path)
        if path != self.path:
            self.path = path
            if self._watch:
                self.file_watcher.watch(path)
            self.path_changed.emit(path)

    def _write(self, path: Path) -> None:
        try:
            text = storage.chart_to_text(self.chart)
        except Exception as err:
            # A bug in the writer must not cost the user the open chart.
            raise DocumentSaveError(
                f"ICS Viewer could not turn the chart into file text ({err}). Nothing was "
                "written; your chart is still open with all its changes.", err,
            ) from err
        write_chart_text(path, text, backup=True)
        if path == self.path:
            self.file_watcher.note_saved()
        self.undo_stack.setClean()
        if self.autosaver is not None:
            self.autosaver.discard()
        self.saved.emit(path)

    # ----- reloading ------------------------------------------------------------------------
    def reload(self) -> None:
        """Replace the chart's contents with the file's (after the user agreed to lose edits).

        The Chart object stays the same, so the scene and panels listening to it keep
        listening; they are told through ordinary chart events and a final reset.
        Raises DocumentOpenError and leaves the document untouched if the file is unusable.
        """
        if self.path is None:
            raise DocumentOpenError("This chart has no file to reload from.")
        try:
            chart, problems = storage.load_chart_file(self.path)
        except Exception as err:
            raise DocumentOpenError(f"Could not reload “{self.path.name}”: {err}") from err
        if chart is None or has_errors(problems):
            first = next((p for p in problems if p.is_error), None)
            reason = str(first) if first else "it is no longer a chart file"
            raise DocumentOpenError(f"Could not reload “{self.path.name}”: {reason}", problems)
        rel_ids = [r.id for r in chart.relationships]
        if len(set(rel_ids)) != len(rel_ids):
            # Chart.add_relationship refuses duplicates; check before touching anything.
            raise DocumentOpenError(
                f"Could not reload “{self.path.name}”: two relationships share an id.", problems
            )
        self.undo_stack.clear()
        replace_chart_contents(self.chart, chart)
        self.problems = problems
        self.file_watcher.accept_disk_version()
        self.undo_stack.setClean()
        if self.autosaver is not None:
            self.autosaver.discard()
        self.reloaded.emit()

    # ----- recovery -------------------------------------------------------------------------
    def autosave_now(self) -> bool:
        """Write unsaved work to the recovery file now (the crash guard calls this)."""
        return self.autosaver.autosave_now() is not None if self.autosaver is not None else False

    def close(self) -> None:
        """The user closed the document (after saving or discarding): forget its recovery file."""
        if self.autosaver is not None:
            self.autosaver.discard()
            self.autosaver.stop()
        self.file_watcher.watch(None)


def replace_chart_contents(chart: Chart, new: Chart) -> None:
    """Make `chart` hold what `new` holds; listeners hear one reset."""
    chart.replace_contents(new)
