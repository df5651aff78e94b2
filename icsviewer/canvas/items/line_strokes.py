"""Stroking a line fast: its runs kept between paints, thin ones drawn as straight segments.

A path stroked with a pen wider than one device pixel goes through Qt's general stroker
(outline, joins, antialiased fill), which at 100 % and above cost most of a frame: a wheel
notch in makes every 1-point line 1.15 pixels wide. A list of straight segments with flat
caps goes through the raster engine's line rasteriser instead, several times faster and,
for lines a couple of pixels wide, indistinguishable: the curve is flattened finely enough
for the zoom (to within about half a device pixel), consecutive segments carry the dash
pattern on, and the joints between nearly collinear segments leave no visible gap. Wider
lines (far in, or emphasised) are stroked as paths, joins and all. Lines between one and
1.3 pixels wide are drawn one pixel wide (Qt's cosmetic stroker, faster still; the dashes
keep their length on screen): the difference does not show.

`RunCache` keeps, for the runs of a line drawn lately, the path, the pen (a dashed run's pen
starts its pattern where the run starts along the line) and the segments per zoom band.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QTransform

# Lines up to this wide on screen are drawn as segments; wider ones as paths.
SEGMENTS_UP_TO_PX = 2.5
# Lines up to this wide on screen are drawn as one-pixel hairlines.
HAIRLINE_UP_TO_PX = 1.3
# Runs kept per line (zooming and panning show the same runs frame after frame; a long line
# in view end to end is a dozen or so runs of four pieces).
KEPT_RUNS = 32
# A whole line's key in the cache (runs of pieces are keyed by their piece indices).
WHOLE = (-1, -1)

_SEGMENT_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.CustomDashLine)
_NO_BRUSH = Qt.BrushStyle.NoBrush


@dataclass
class Run:
    """A stretch of a line as drawn: path, pen and (made on demand) flat segments."""

    path: QPainterPath
    pen: QPen
    flat_pen: QPen | None = None
    segments: dict[int, list[QLineF]] = field(default_factory=dict)
    # The hairline pen for the zoom it was last made for (its dashes scale with the zoom).
    hairline: tuple[float, QPen] | None = None
    # Looked up once: the pen's width, and whether its style can be drawn as segments.
    width: float = field(init=False)
    segmentable: bool = field(init=False)

    def __post_init__(self) -> None:
        self.width = self.pen.widthF()
        self.segmentable = self.pen.style() in _SEGMENT_STYLES


class RunCache:
    """The runs of one line drawn lately, by key; cleared when the line or its pen changes."""

    def __init__(self) -> None:
        self._runs: dict[tuple[int, int], Run] = {}

    def clear(self) -> None:
        self._runs = {}

    def run(
        self, key: tuple[int, int], path: Callable[[], QPainterPath], pen: Callable[[], QPen]
    ) -> Run:
        found = self._runs.get(key)
        if found is None:
            if len(self._runs) >= KEPT_RUNS:
                self._runs = {}
            found = self._runs[key] = Run(path(), pen())
        return found


def zoom_band(lod: float) -> int:
    """The power of two at or above the zoom: segments made for it serve every zoom below."""
    return 1 if lod <= 1.0 else 2 ** math.ceil(math.log2(lod))


def segments_of(path: QPainterPath, band: int) -> list[QLineF]:
    """The path flattened into straight segments, fine enough for zooms up to `band`."""
    scale = float(band)
    lines: list[QLineF] = []
    # Qt flattens curves to within a fraction of a unit of the space it is given: flattening
    # in a space `band` times larger makes the segments fine enough at that zoom.
    for polygon in path.toSubpathPolygons(QTransform.fromScale(scale, scale)):
        points = [(p.x() / scale, p.y() / scale) for p in polygon.toList()]
        lines.extend(QLineF(*a, *b) for a, b in itertools.pairwise(points))
    return lines


def stroke(painter: QPainter, run: Run, lod: float) -> None:
    """Draw the run with its pen at zoom `lod` (painter antialiased by the caller)."""
    if run.width * lod > SEGMENTS_UP_TO_PX or not run.segmentable:
        painter.setPen(run.pen)
        painter.setBrush(_NO_BRUSH)  # a path would be filled too (lines never are)
        painter.drawPath(run.path)
        return
    band = zoom_band(lod)
    segments = run.segments.get(band)
    if segments is None:
        segments = run.segments[band] = segments_of(run.path, band)
    if not segments:
        return
    if 1.0 < run.width * lod <= HAIRLINE_UP_TO_PX:
        painter.setPen(_hairline(run, lod))
    else:
        if run.flat_pen is None:
            run.flat_pen = QPen(run.pen)
            # Flat: square or round caps on every segment would overlap at each joint.
            run.flat_pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(run.flat_pen)
    painter.drawLines(segments)


def _hairline(run: Run, lod: float) -> QPen:
    """A one-pixel pen drawing the run's pen at zoom `lod`, dashes as long as they show."""
    if run.hairline is not None and run.hairline[0] == lod:
        return run.hairline[1]
    pen = QPen(run.pen)
    pen.setCosmetic(True)
    pen.setWidthF(1.0)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if run.pen.style() == Qt.PenStyle.CustomDashLine:
        # A cosmetic pen's dashes are in pixels (times its one-pixel width).
        scale = run.width * lod
        pen.setDashPattern([d * scale for d in run.pen.dashPattern()])
        pen.setDashOffset(run.pen.dashOffset() * scale)
    run.hairline = (lod, pen)
    return pen
