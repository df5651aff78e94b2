"""The step rules without any window: counter, clamping, focus and reveal, exploration."""

from __future__ import annotations

from dataclasses import replace

from icsviewer.model.chart import Tour, TourStep
from icsviewer.present.tour_player import TourPlayer, spotlight_set, step_states

from .conftest import BUILD, FIVE_MINUTES, make_chart


def test_spotlight_steps_focus_their_bodies_and_reveal_everything() -> None:
    states = step_states(make_chart(), FIVE_MINUTES)
    assert [s.counter for s in states] == ["1 / 3", "2 / 3", "3 / 3"]
    assert states[1].focus == {"cm_icb", "cm_icp"}
    assert all(s.revealed is None for s in states)


def test_build_steps_reveal_everything_named_so_far() -> None:
    states = step_states(make_chart(), BUILD)
    assert states[0].revealed == {"nhse"}
    assert states[2].revealed == {"nhse", "cm_icb", "one_lpool"}
    # The new bodies are the focused ones, so the room sees what was added.
    assert states[2].focus == {"one_lpool"}


def test_unknown_and_hidden_bodies_are_ignored() -> None:
    tour = Tour("t", "T", (TourStep(("nhse", "deleted_body")), TourStep(("cm_icb",))))
    states = step_states(make_chart(), tour, known=["nhse"])
    assert states[0].focus == {"nhse"}
    assert states[1].focus == frozenset()  # frames the whole chart instead of failing


def test_moves_clamp_at_both_ends_and_say_whether_they_moved() -> None:
    player = TourPlayer(make_chart(), FIVE_MINUTES)
    assert player.prev() is False and player.index == 0
    assert player.next() is True and player.index == 1
    assert player.last() is True and player.at_last
    assert player.next() is False and player.index == 2
    assert player.goto(99) is False and player.index == 2
    assert player.goto(0) is True and player.index == 0
    assert player.upcoming() is not None and player.upcoming().number == 2
    player.last()
    assert player.upcoming() is None


def test_no_tour_or_an_empty_tour_means_free_exploration() -> None:
    chart = make_chart()
    assert TourPlayer(chart, None).exploring
    empty = replace(FIVE_MINUTES, steps=())
    player = TourPlayer(chart, empty)
    assert player.exploring and player.current() is None and player.next() is False


def test_spotlight_is_the_body_and_its_relations() -> None:
    chart = make_chart()
    assert spotlight_set(chart, "cm_icb") == {"cm_icb", "nhse", "cm_icp", "one_lpool", "trust_a"}
    player = TourPlayer(chart, None)
    assert player.spotlight("lpool_hwb") == {"lpool_hwb", "lpool_council"}
    assert player.spotlight("no_such_body") is None and player.spotlit is None
