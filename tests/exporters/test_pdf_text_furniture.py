"""The text pages' running header, footer, marking and page numbers, read back from the PDF.

They are written once and repeated on every text page (pdf_text_furniture); these tests make
sure every page still carries them, in the bundled font and in the Helvetica fallback.
"""

from __future__ import annotations

import pytest

import exporters.pdf
from exporters.options import ExportOptions
from exporters.pdf import build_pdf
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.style.theme import Theme
from tests.exporters.pdf_helpers import read_pdf, squash

OPTIONS = ExportOptions(source_name="pack.yaml", marking="OFFICIAL-SENSITIVE", title="Board pack")


def _check_every_page(data: bytes, pages: int) -> None:
    facts = read_pdf(data)
    assert len(facts.pages_text) == pages
    for number, text in enumerate(facts.pages_text, start=1):
        flat = squash(text)
        assert flat.count("OFFICIAL-SENSITIVE") == 2, f"marking top and bottom of page {number}"
        assert squash(f"Page {number} of {pages}") in flat
        assert "pack.yaml" in flat and squash("Board pack") in flat
        # Each page its own number: no page shows another's.
        others = {n for n in range(1, pages + 1) if n != number}
        assert not any(squash(f"Page {n} of {pages}") in flat for n in others)


def test_every_text_page_has_its_furniture_and_its_own_page_number(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    data, result = build_pdf(chart, layout, theme, OPTIONS)
    assert result.pages > 3  # chart, description and directory pages
    _check_every_page(data, result.pages)
    # The running header names the organisation on the text pages too.
    facts = read_pdf(data)
    organisation = squash(chart.meta.organisation)
    assert organisation and all(organisation in squash(t) for t in facts.pages_text[1:])


def test_furniture_without_the_bundled_font(
    chart: Chart, layout: Layout, theme: Theme, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged install draws in Helvetica: every page still has its furniture."""
    monkeypatch.setattr(exporters.pdf, "font_names", lambda: ("Helvetica", "Helvetica-Bold"))
    data, result = build_pdf(chart, layout, theme, OPTIONS)
    _check_every_page(data, result.pages)
    assert b"/BaseFont /Helvetica" in data
