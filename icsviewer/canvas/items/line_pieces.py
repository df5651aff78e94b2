"""A long line cut into short Bezier pieces, so a view strokes only the part it shows.

At 100 % a national chart's view is crossed by hundreds of lines thousands of points long.
Stroking a whole antialiased (and dashed) path costs time along all of its length, though
only a screen's width of it shows. The pieces are exact sub-curves (de Casteljau splits, not
a flattened polyline, so curves stay smooth at any zoom), each with the box round its
control points and the distance along the line where it starts, which keeps a dash pattern
in step when only some pieces are drawn.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

Point = tuple[float, float]
Cubic = tuple[Point, Point, Point, Point]

# A piece is at most this long (control polygon, points): a few per screen width at 100 %.
PIECE_LENGTH = 240.0


Bounds = tuple[float, float, float, float]  # left, top, right, bottom

# Pieces are tested for the exposed area sixteen at a time first (a block's box holds them).
BLOCK = 16
# A long line is drawn in runs of this many pieces, always the same ones (see `visible_runs`).
RUN_PIECES = 4


@dataclass(frozen=True)
class Pieces:
    """A line's pieces: exact sub-curves, the boxes round their control points (which hold
    the curve; plain numbers, compared in Python faster than QRectF.intersects is called)
    and the distance along the line where each starts."""

    cubics: list[Cubic]
    bounds: list[Bounds]
    starts: list[float]
    blocks: list[tuple[Bounds, int, int]]  # box round pieces [first, last)


def cubics(points: Sequence[Point]) -> list[Cubic]:
    """The Bezier segments of Graphviz-style points (p0, c1, c2, p1, ...); a polyline's straight
    segments as cubics with their control points on the segment."""
    if len(points) >= 4 and (len(points) - 1) % 3 == 0:
        return [
            (points[i], points[i + 1], points[i + 2], points[i + 3])
            for i in range(0, len(points) - 1, 3)
        ]
    out = []
    for a, b in itertools.pairwise(points):
        third = ((b[0] - a[0]) / 3, (b[1] - a[1]) / 3)
        out.append((a, (a[0] + third[0], a[1] + third[1]), (b[0] - third[0], b[1] - third[1]), b))
    return out


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def split(cubic: Cubic, t: float) -> tuple[Cubic, Cubic]:
    """The two halves of a cubic Bezier at parameter t (de Casteljau)."""
    p0, p1, p2, p3 = cubic
    a, b, c = _lerp(p0, p1, t), _lerp(p1, p2, t), _lerp(p2, p3, t)
    d, e = _lerp(a, b, t), _lerp(b, c, t)
    f = _lerp(d, e, t)
    return (p0, a, d, f), (f, e, c, p3)


def _polygon_length(cubic: Cubic) -> float:
    p0, p1, p2, p3 = cubic
    return math.dist(p0, p1) + math.dist(p1, p2) + math.dist(p2, p3)


def _length(cubic: Cubic) -> float:
    """A close estimate of a short cubic's length: between its chord and control polygon."""
    chord = math.dist(cubic[0], cubic[3])
    return (2.0 * chord + _polygon_length(cubic)) / 3.0


def _bounds(cubic: Cubic) -> tuple[float, float, float, float]:
    xs = [p[0] for p in cubic]
    ys = [p[1] for p in cubic]
    return (min(xs), min(ys), max(xs), max(ys))


def _path_of(cubics_: Sequence[Cubic]) -> QPainterPath:
    path = QPainterPath(QPointF(*cubics_[0][0]))
    for _p0, c1, c2, p1 in cubics_:
        path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*p1))
    return path


def cut(points: Sequence[Point]) -> Pieces | None:
    """The line's pieces, or None if it is short enough to be drawn whole."""
    segments = cubics(points)
    if not segments or sum(_polygon_length(c) for c in segments) <= 2 * PIECE_LENGTH:
        return None
    parts: list[Cubic] = []
    starts: list[float] = []
    start = 0.0
    for segment in segments:
        count = max(1, math.ceil(_polygon_length(segment) / PIECE_LENGTH))
        rest = segment
        for index in range(count):
            if index < count - 1:
                piece, rest = split(rest, 1.0 / (count - index))
            else:
                piece = rest
            parts.append(piece)
            starts.append(start)
            start += _length(piece)
    bounds = [_bounds(c) for c in parts]
    blocks = []
    for first in range(0, len(parts), BLOCK):
        chunk = bounds[first : first + BLOCK]
        box = (
            min(b[0] for b in chunk),
            min(b[1] for b in chunk),
            max(b[2] for b in chunk),
            max(b[3] for b in chunk),
        )
        blocks.append((box, first, first + len(chunk)))
    return Pieces(parts, bounds, starts, blocks)


def visible_spans(pieces: Pieces, exposed: QRectF, margin: float) -> list[tuple[int, int]]:
    """[first, last) index ranges of the runs of consecutive pieces that meet `exposed` grown
    by `margin` (the pen's reach)."""
    left, top = exposed.left() - margin, exposed.top() - margin
    right, bottom = exposed.right() + margin, exposed.bottom() + margin
    bounds = pieces.bounds
    spans: list[tuple[int, int]] = []
    first = last = -1
    # Inclusive comparisons: a level or upright piece (a flat box) still counts.
    for (x0, y0, x1, y1), block_first, block_last in pieces.blocks:
        if not (x0 <= right and x1 >= left and y0 <= bottom and y1 >= top):
            continue
        for i in range(block_first, block_last):
            b = bounds[i]
            if b[0] <= right and b[2] >= left and b[1] <= bottom and b[3] >= top:
                if i != last:
                    if first >= 0:
                        spans.append((first, last))
                    first = i
                last = i + 1
    if first >= 0:
        spans.append((first, last))
    return spans


def visible_runs(pieces: Pieces, exposed: QRectF, margin: float) -> list[tuple[int, int]]:
    """[first, last) index ranges of the fixed runs of `RUN_PIECES` pieces that meet `exposed`.

    Whatever part of the line is exposed (the whole view, the strip a pan uncovers, one tile),
    a stretch of line is drawn as part of the same run: started at the same piece, its dash
    pattern at the same phase, flattened into the same segments. Pieces drawn as parts of
    different runs would put a seam in the dashes and the antialiasing where they meet.
    """
    runs: list[tuple[int, int]] = []
    count = len(pieces.cubics)
    for first, last in visible_spans(pieces, exposed, margin):
        start = first - first % RUN_PIECES
        if runs and runs[-1][1] > start:  # that run already reaches here
            start = runs[-1][1]
        while start < last:
            runs.append((start, min(start + RUN_PIECES, count)))
            start += RUN_PIECES
    return runs


def span_path(pieces: Pieces, first: int, last: int) -> QPainterPath:
    """The path through pieces [first, last)."""
    return _path_of(pieces.cubics[first:last])
