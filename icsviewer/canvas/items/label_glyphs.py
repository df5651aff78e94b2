"""A box label's lines shaped once into glyph runs, so painting only places glyphs.

`QPainter.drawText` into a rectangle lays the text out again on every call (shaping, line
breaking, alignment): at 100 % a national chart's view repaints some eighty boxes on each zoom
step, and their labels cost three times what drawing the prepared glyphs does. The runs are
made with the same font and centred the way `drawText(rect, AlignCenter, line)` centres them,
so the label looks the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QGlyphRun, QPainter, QTextLayout

# Where a run is drawn and the run itself (glyph positions are relative to that point).
PlacedRun = tuple[QPointF, QGlyphRun]


def centred_runs(
    lines: Sequence[str], font: QFont, width: float, height: float, line_height: float
) -> list[PlacedRun]:
    """The runs of `lines`, each centred in its `line_height` row, the rows centred in a
    `width` x `height` box whose top-left corner is (0, 0)."""
    metrics = QFontMetricsF(font)
    # drawText centres the font's height (ascent + descent) in each row.
    row_offset = (line_height - metrics.height()) / 2
    top = (height - line_height * len(lines)) / 2
    runs: list[PlacedRun] = []
    for index, text in enumerate(lines):
        if not text:
            continue
        layout = QTextLayout(text, font)
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        if not line.isValid():
            continue
        origin = QPointF(
            (width - line.naturalTextWidth()) / 2, top + index * line_height + row_offset
        )
        runs.extend((origin, run) for run in layout.glyphRuns())
    return runs


def draw_runs(painter: QPainter, runs: Sequence[PlacedRun]) -> None:
    """Draw prepared runs with the painter's pen."""
    for origin, run in runs:
        painter.drawGlyphRun(origin, run)
