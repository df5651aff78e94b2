"""Where a presentation is: which tour, which step, and what that step shows. No Qt.

The presenter widget asks this module what to show and only draws the answer, so the rules
(what is focused, what is revealed, where the counter stands, how far the keys may go) are
plain Python that tests can walk through without a window.

Rules:
- spotlight tours show the whole chart; the step's bodies are focused and everything else
  is dimmed.
- build tours reveal the chart step by step: a step shows every body named so far, and its
  own bodies are the focused ones, so the audience sees what is new.
- a step naming no body that exists (an empty step, or one whose bodies were deleted) frames
  the whole chart with nothing dimmed, rather than failing.
- a chart without tours is presented as free exploration: a click spotlights a body and its
  direct relations (`spotlight_set`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from icsviewer.model.chart import Chart, Tour


@dataclass(frozen=True)
class StepState:
    """What one step of a tour shows."""

    index: int  # 0-based
    count: int
    caption: str
    notes: str
    # Bodies to frame with the camera and to emphasise; empty means "the whole chart".
    focus: frozenset[str]
    # Bodies drawn at all (build mode); None means every body.
    revealed: frozenset[str] | None

    @property
    def number(self) -> int:
        """The 1-based step number people see."""
        return self.index + 1

    @property
    def counter(self) -> str:
        """The progress text, e.g. '3 / 8'."""
        return f"{self.number} / {self.count}"


def spotlight_set(chart: Chart, body_id: str) -> frozenset[str]:
    """A body and the bodies directly related to it (free exploration spotlight)."""
    if not chart.has_body(body_id):
        return frozenset()
    return frozenset([body_id, *chart.neighbours(body_id)])


def step_states(chart: Chart, tour: Tour, known: Iterable[str] | None = None) -> list[StepState]:
    """Every step of `tour` as shown on `chart`.

    `known` limits bodies to those actually drawn (the scene may hide some, e.g. a date
    filter); by default every body of the chart counts. Unknown ids in a step are ignored.
    """
    drawn = set(chart.body_ids() if known is None else known)
    build = tour.mode == "build"
    states: list[StepState] = []
    seen: dict[str, None] = {}  # ordered set of bodies revealed so far
    count = len(tour.steps)
    for index, step in enumerate(tour.steps):
        focus = frozenset(b for b in step.bodies if b in drawn)
        for body_id in step.bodies:
            if body_id in drawn:
                seen[body_id] = None
        states.append(
            StepState(
                index=index,
                count=count,
                caption=step.caption,
                notes=step.notes,
                focus=focus,
                revealed=frozenset(seen) if build else None,
            )
        )
    return states


class TourPlayer:
    """The position in a tour, moved by next/prev/first/last/goto. Without a tour it explores.

    Moves clamp at the ends and report whether anything changed, so the presenter animates
    only real moves and a clicker pressed past the last step does nothing.
    """

    def __init__(self, chart: Chart, tour: Tour | None, known: Iterable[str] | None = None):
        self.chart = chart
        self.tour = tour if tour is not None and tour.steps else None
        self._states = step_states(chart, self.tour, known) if self.tour else []
        self._index = 0
        # Free exploration: the body last clicked, if any.
        self.spotlit: str | None = None

    # ----- state ----------
    @property
    def exploring(self) -> bool:
        """True when there is no tour to follow (free exploration)."""
        return self.tour is None

    @property
    def index(self) -> int:
        return self._index

    @property
    def count(self) -> int:
        return len(self._states)

    @property
    def at_first(self) -> bool:
        return self._index == 0

    @property
    def at_last(self) -> bool:
        return self._index >= self.count - 1

    def current(self) -> StepState | None:
        """The step on screen, or None when exploring."""
        return self._states[self._index] if self._states else None

    def upcoming(self) -> StepState | None:
        """The step after the current one (for the presenter view), or None at the end."""
        if not self._states or self.at_last:
            return None
        return self._states[self._index + 1]

    def state(self, index: int) -> StepState:
        return self._states[index]

    # ----- moves ----------
    def goto(self, number: int) -> bool:
        """Go to step `number` (1-based, clamped into range); True if the step changed."""
        if not self._states:
            return False
        index = max(0, min(number - 1, self.count - 1))
        moved = index != self._index
        self._index = index
        return moved

    def next(self) -> bool:
        return self.goto(self._index + 2)

    def prev(self) -> bool:
        return self.goto(self._index)

    def first(self) -> bool:
        return self.goto(1)

    def last(self) -> bool:
        return self.goto(self.count)

    # ----- free exploration ----------
    def spotlight(self, body_id: str | None) -> frozenset[str] | None:
        """Spotlight a body (None clears); return the bodies to emphasise, or None for none."""
        if body_id is None or not self.chart.has_body(body_id):
            self.spotlit = None
            return None
        self.spotlit = body_id
        return spotlight_set(self.chart, body_id)
