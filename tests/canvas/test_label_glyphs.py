"""A box label drawn from prepared glyph runs looks as drawText would draw it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QTransform

from icsviewer.canvas.fonts import chart_font, load_bundled_fonts
from icsviewer.canvas.items.label_glyphs import centred_runs, draw_runs
from tests.canvas.ink import drawn_on_white, inked

LINES = ("Cheshire and Merseyside", "Integrated Care Board", "")
WIDTH, HEIGHT, LINE_HEIGHT = 180.0, 60.0, 12.0


def _ink(draw: Callable[[QPainter], object], scale: float) -> set[tuple[int, int]]:
    def in_black(painter: QPainter) -> None:
        painter.setPen(QColor("#000000"))
        draw(painter)

    transform = QTransform.fromScale(scale, scale)
    image = drawn_on_white(WIDTH * scale, HEIGHT * scale, transform, in_black)
    return inked(image, darker_than=160)


def _bounds(points: set[tuple[int, int]]) -> tuple[int, int, int, int]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def test_glyph_runs_draw_the_label_where_drawtext_does(qapp: object) -> None:
    load_bundled_fonts()
    font = chart_font(10.0, False, 96.0)
    runs = centred_runs(LINES, font, WIDTH, HEIGHT, LINE_HEIGHT)
    assert len(runs) >= 2  # one (or more) per non-empty line

    def with_draw_text(painter: QPainter) -> None:
        painter.setFont(font)
        top = (HEIGHT - LINE_HEIGHT * len(LINES)) / 2
        for index, line in enumerate(LINES):
            rect = QRectF(0.0, top + index * LINE_HEIGHT, WIDTH, LINE_HEIGHT)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, line)

    for scale in (1.0, 1.15, 2.0):
        expected = _ink(with_draw_text, scale)
        drawn = _ink(lambda p: draw_runs(p, runs), scale)
        assert len(expected) > 100
        # Same place to within a pixel, and nearly the same pixels.
        assert all(abs(a - b) <= 1 for a, b in zip(_bounds(drawn), _bounds(expected), strict=True))
        assert len(drawn & expected) / len(expected) > 0.85


def test_no_runs_for_no_text(qapp: object) -> None:
    load_bundled_fonts()
    assert centred_runs(("", ""), chart_font(10.0), WIDTH, HEIGHT, LINE_HEIGHT) == []
