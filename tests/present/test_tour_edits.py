"""Tour-level edits: fresh ids, one default at a time, deleting the default hands it on."""

from __future__ import annotations

import pytest

from icsviewer.model.chart import Tour
from icsviewer.present import tour_edits

from .conftest import BUILD, FIVE_MINUTES


def test_new_tour_gets_a_fresh_file_style_id() -> None:
    tours, tour = tour_edits.with_new_tour((FIVE_MINUTES,), "The ICS in five minutes!")
    assert tour.id == "the_ics_in_five_minutes"
    tours, again = tour_edits.with_new_tour(tours, "The ICS in five minutes!")
    assert again.id == "the_ics_in_five_minutes_2"
    assert not again.default and len(tours) == 3


def test_first_tour_is_the_default() -> None:
    _tours, tour = tour_edits.with_new_tour((), "Board induction")
    assert tour.default


def test_only_one_default() -> None:
    tours = tour_edits.with_default((FIVE_MINUTES, BUILD), BUILD.id)
    assert [t.default for t in tours] == [False, True]


def test_deleting_the_default_passes_it_on() -> None:
    tours = tour_edits.without_tour((FIVE_MINUTES, BUILD), FIVE_MINUTES.id)
    assert tours == (Tour(**{**BUILD.__dict__, "default": True}),)


def test_mode_must_be_known() -> None:
    assert tour_edits.with_mode((FIVE_MINUTES,), FIVE_MINUTES.id, "build")[0].mode == "build"
    with pytest.raises(ValueError, match="spotlight"):
        tour_edits.with_mode((FIVE_MINUTES,), FIVE_MINUTES.id, "slideshow")
