"""The tour handout PDF: one page per step, with the step's caption and notes as real text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from icsviewer.present.handout import export_tour_handout, handout_steps
from icsviewer.style.theme import get_theme

from .conftest import BUILD, FIVE_MINUTES, make_chart, make_layout


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_one_page_per_step_with_caption_and_notes(tmp_path: Path) -> None:
    chart = make_chart()
    out = export_tour_handout(
        chart, make_layout(chart), get_theme("nhs"), FIVE_MINUTES, tmp_path / "h.pdf"
    )
    pages = _pages(out)
    assert len(pages) == len(FIVE_MINUTES.steps)
    for text, step, n in zip(pages, FIVE_MINUTES.steps, range(1, 4), strict=True):
        assert step.caption in text
        assert step.notes in text
        assert f"Step {n} of 3" in text
        assert FIVE_MINUTES.name in text
    # The framed bodies are drawn with their names.
    assert "NHS England" in pages[0]
    assert "Liverpool City Council" in pages[2]


def test_build_pages_draw_only_what_has_been_revealed(tmp_path: Path) -> None:
    chart = make_chart()
    out = export_tour_handout(
        chart, make_layout(chart), get_theme("nhs"), BUILD, tmp_path / "b.pdf"
    )
    pages = _pages(out)
    assert "NHS Cheshire and Merseyside ICB" not in pages[0]
    assert "NHS Cheshire and Merseyside ICB" in pages[1]


def test_steps_follow_the_presenter_rules() -> None:
    chart = make_chart()
    steps = handout_steps(chart, BUILD, make_layout(chart))
    assert steps[2].revealed == {"nhse", "cm_icb", "one_lpool"}
    assert steps[2].focus == {"one_lpool"}


def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    from dataclasses import replace

    from icsviewer.model.chart import TourStep

    step = TourStep(
        ("nhse",), '<font color="[[[x]]]">Hi</font>', "<img src='http://x/y.png'/> & more"
    )
    tour = replace(FIVE_MINUTES, steps=(step,), name="<b>Tour</b>")
    chart = make_chart()
    out = export_tour_handout(chart, make_layout(chart), get_theme("nhs"), tour, tmp_path / "x.pdf")
    text = _pages(out)[0]
    assert '<font color="[[[x]]]">Hi</font>' in text
    assert "<img src='http://x/y.png'/> & more" in text


def test_unwritable_folder_is_an_oserror_not_a_crash(tmp_path: Path) -> None:
    chart = make_chart()
    with pytest.raises(OSError):
        export_tour_handout(
            chart,
            make_layout(chart),
            get_theme("nhs"),
            FIVE_MINUTES,
            tmp_path / "missing" / "h.pdf",
        )
