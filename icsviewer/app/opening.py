"""Read a chart file into a Document, turning every failure into words for the user.

A file with problems still opens (the problems panel lists them); a file that cannot be read
at all gives an `OpenFailure` with a message and the problems, and no document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from icsviewer.editor.document import Document
from icsviewer.io.problems import Problem


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
    """Read and validate `path`. Never raises for a bad file."""
    from icsviewer.io.domain_checks import validate_chart
    from icsviewer.io.reader import load_chart

    try:
        result = load_chart(path)
    except Exception as exc:
        return OpenFailure(path, f"“{path.name}” could not be read: {exc}")
    problems = list(result.problems)
    if result.chart is None:
        first = next((p.message for p in problems if p.is_error), "the file is not a chart")
        return OpenFailure(path, f"“{path.name}” could not be opened: {first}", problems)
    try:
        extra = validate_chart(result.chart, str(path))
    except Exception as exc:
        extra = [Problem(str(path), 0, 0, "warning", f"checks could not finish: {exc}")]
    seen = {str(p) for p in problems}
    problems += [p for p in extra if str(p) not in seen]
    return Document(result.chart, path, problems)
