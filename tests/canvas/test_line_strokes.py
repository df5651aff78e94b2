"""Thin lines drawn as flattened segments look like the stroked path they stand for."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPen, QTransform

from icsviewer.canvas.items.line_strokes import (
    HAIRLINE_UP_TO_PX,
    KEPT_RUNS,
    Run,
    RunCache,
    segments_of,
    stroke,
    zoom_band,
)
from icsviewer.canvas.items.relation_item import bezier_path
from icsviewer.canvas.qt_style import make_pen
from tests.canvas.ink import drawn_on_white, inked

CURVE = ((10.0, 20.0), (200.0, -60.0), (150.0, 260.0), (390.0, 180.0))


def test_zoom_bands_are_powers_of_two_at_or_above_the_zoom() -> None:
    assert [zoom_band(z) for z in (0.2, 1.0, 1.15, 2.0, 2.5, 7.9)] == [1, 1, 2, 2, 4, 8]


@pytest.mark.parametrize("band", [1, 4])
def test_segments_follow_the_curve_end_to_end(qapp: object, band: int) -> None:
    path = bezier_path(CURVE)
    segments = segments_of(path, band)
    assert segments[0].p1() == QPointF(*CURVE[0]) and segments[-1].p2() == QPointF(*CURVE[-1])
    for before, after in itertools.pairwise(segments):
        assert before.p2() == after.p1()
    samples = [path.pointAtPercent(i / 2000) for i in range(2001)]
    for segment in segments:
        middle = (segment.p1() + segment.p2()) / 2
        # The chord's middle stays within a device pixel of the curve at the band's zoom.
        assert min(_dist(middle, s) for s in samples) * band < 1.0
    flattened = sum(s.length() for s in segments)
    assert math.isclose(flattened, path.length(), rel_tol=0.01)
    # Finer for a higher zoom.
    assert band == 1 or len(segments) > len(segments_of(path, 1))


def _dist(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


@pytest.mark.parametrize("dash", [(), (6.0, 3.0)])
@pytest.mark.parametrize("width", [1.0, 1.6])  # at 1.15: a hairline, and segments
def test_a_thin_line_as_segments_covers_what_the_stroked_path_covers(
    qapp: object, dash: tuple[float, ...], width: float
) -> None:
    lod = 1.15  # a wheel notch in: a 1-point line is more than a pixel wide
    path = bezier_path(CURVE)
    drawn = _ink(lambda p: stroke(p, Run(path, make_pen("#003087", width, dash)), lod), lod)
    # The whole line stroked as a path, solid: where the dashes must lie, all along.
    solid = make_pen("#003087", width)

    def stroked(painter: QPainter) -> None:
        painter.setPen(solid)
        painter.drawPath(path)

    expected = _ink(stroked, lod)
    assert len(expected) > 250
    near = {(x + dx, y + dy) for x, y in expected for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    assert drawn <= near
    share = len(drawn & expected) / len(expected)
    # Solid: the same pixels but for antialiasing (the hairline is a little narrower than
    # the 1.15-pixel path); dashed: two thirds of them (6 on, 3 off).
    solid_share = 0.95 if width * lod > HAIRLINE_UP_TO_PX else 0.75
    assert share > solid_share if not dash else 0.5 < share < 0.85


def test_wide_lines_are_stroked_as_paths(qapp: object) -> None:
    run = Run(bezier_path(CURVE), make_pen("#003087", 1.6))
    _ink(lambda p: stroke(p, run, 3.0), 3.0)  # 4.8 pixels wide: joins matter
    assert run.segments == {}
    _ink(lambda p: stroke(p, run, 1.0), 1.0)
    assert list(run.segments) == [1]
    assert run.flat_pen is not None and run.flat_pen.capStyle() == Qt.PenCapStyle.FlatCap


def test_the_run_cache_keeps_a_few_runs(qapp: object) -> None:
    cache = RunCache()
    made: list[int] = []

    def run_for(key: int) -> Run:
        def path():  # type: ignore[no-untyped-def]
            made.append(key)
            return bezier_path(CURVE)

        return cache.run((key, key + 1), path, QPen)

    first = run_for(0)
    assert run_for(0) is first and made == [0]
    for key in range(1, KEPT_RUNS + 1):
        run_for(key)
    run_for(0)  # dropped when the cache filled up: made again
    assert made.count(0) == 2
    cache.clear()
    run_for(0)
    assert made.count(0) == 3


def _ink(draw: Callable[[QPainter], object], lod: float) -> set[tuple[int, int]]:
    transform = QTransform.fromScale(lod, lod).translate(0.0, 60.0)
    return inked(drawn_on_white(420 * lod, 320 * lod, transform, draw))
