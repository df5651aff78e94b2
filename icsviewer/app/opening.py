"""Read a chart file into a Document, turning every failure into words for the user.

A file with problems still opens (the problems panel lists them); a file that cannot be read
at all gives an `OpenFailure` with a message and the problems, and no document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from icsviewer.editor.document import Document
from icsviewer.io.problems import Problem
from icsviewer.model.chart import Chart

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

# What a dropped file must be called for the window to open it.
CHART_SUFFIXES = (".yaml", ".yml")


@dataclass
class OpenFailure:
    """Why a file could not be opened."""

    path: Path
    message: str
    problems: list[Problem] = field(default_factory=list)

    def details(self) -> str:
        return "\n".join(str(p) for p in self.problems)


Loader = Callable[[Path], "Document | OpenFailure"]


def load_document(path: Path) -> Document | OpenFailure:
    """Read and validate `path` (the reader runs the domain checks too). Never raises for a
    bad file. Goes through the editor's storage doorway, so the file's comments come along
    and are written back on save."""
    from icsviewer.editor import storage

    try:
        chart, problems = storage.load_chart_file(path)
    except Exception as exc:
        return unreadable(path, str(exc))
    return as_document(path, chart, problems)


def unreadable(path: Path, reason: str) -> OpenFailure:
    """The failure for a file the reader could not read at all (`reason`: why)."""
    return OpenFailure(path, f"“{path.name}” could not be read: {reason}")


def as_document(path: Path, chart: Chart | None, problems: list[Problem]) -> Document | OpenFailure:
    """What the reader gave for `path` (the chart, or None, and its problems) as the window's
    Document, or the failure to report when there is no usable chart. Shared by `load_document`
    and the start-up path, which reads the file in another process."""
    if chart is None:
        first = next((p.message for p in problems if p.is_error), "the file is not a chart")
        return OpenFailure(path, f"“{path.name}” could not be opened: {first}", problems)
    return Document(chart, path, problems)


def dropped_chart(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The first local chart file among what is being dragged or dropped, if any."""
    for url in event.mimeData().urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(CHART_SUFFIXES):
            return Path(url.toLocalFile())
    return None
