"""Load the flagship chart for layout tests with the project's reader."""

from __future__ import annotations

from pathlib import Path

from icsviewer.io.reader import load_chart as read
from icsviewer.model.chart import Chart


def load_chart(path: Path) -> Chart:
    result = read(path)
    assert result.chart is not None, [str(p) for p in result.problems]
    return result.chart
