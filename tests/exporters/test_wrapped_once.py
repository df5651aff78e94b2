"""A directory paragraph wrapped twice at one width keeps its lines; a new width re-wraps."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from exporters.pdf_text_styles import WrappedOnce

TEXT = "Plain words that run on long enough to need several lines in a narrow column. " * 4
STYLE = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12)


def test_same_size_as_a_plain_paragraph_at_every_width() -> None:
    once = WrappedOnce(TEXT, STYLE)
    for width in (300.0, 300.0, 120.0, 120.0, 300.0):
        expected = Paragraph(TEXT, STYLE).wrap(width, 1000)
        assert once.wrap(width, 1000) == expected
        assert (once.width, once.height) == expected


def test_a_narrower_column_gives_more_lines() -> None:
    once = WrappedOnce(TEXT, STYLE)
    _, wide = once.wrap(400.0, 1000)
    _, narrow = once.wrap(100.0, 1000)
    assert narrow > wide
    assert len(once.blPara.lines) == narrow / STYLE.leading
