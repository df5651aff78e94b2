"""The editor's one doorway to reading and writing chart files (the foundation's io package).

Document, autosave and clipboard call these four functions and nothing else of `icsviewer.io`,
so the editor depends on the file format in one place.
"""

from __future__ import annotations

from pathlib import Path

from icsviewer.io.problems import Problem
from icsviewer.model.chart import Chart


def chart_to_text(chart: Chart) -> str:
    """The chart as file text (format v1), keeping untouched fields, unknown keys and order."""
    from icsviewer.io.writer import dump_chart

    return dump_chart(chart, comments=chart.file_comments or None)


def chart_from_text(text: str, label: str) -> tuple[Chart | None, list[Problem]]:
    """Parse chart text; None when it is not a usable chart. `label` names it in messages."""
    from icsviewer.io.reader import parse_chart_text

    result = parse_chart_text(text, label)
    if result.chart is not None:
        result.chart.file_comments = dict(result.comments)
    return result.chart, list(result.problems)


def load_chart_file(path: Path) -> tuple[Chart | None, list[Problem]]:
    """Read a chart file with the domain checks, as the window and the command line do."""
    from icsviewer.io.reader import load_chart

    result = load_chart(path)
    if result.chart is not None:
        result.chart.file_comments = dict(result.comments)
    return result.chart, list(result.problems)


def write_text_atomically(path: Path, text: str, backup: bool) -> None:
    """Write all of `text` or nothing; with `backup`, keep the previous version beside it.

    Raises OSError (or the io package's SaveError, which wraps one) when it cannot.
    """
    from icsviewer.io.atomic import atomic_write_text

    atomic_write_text(path, text, backup=backup)
