"""Whole-tour edits as pure functions over the tuple of tours. No Qt.

The editor package's commands cover steps (add, move, delete, edit); these produce the new
tuple of tours for the tour-level edits the tour editor offers (new, rename, mode, default,
delete), which it then pushes as one `SetTours` command so each is a single undo step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from icsviewer.model.chart import TOUR_MODES, Tour


def tour_id_for(name: str, taken: Iterable[str]) -> str:
    """A fresh id in the file's id style ([a-z0-9_]+) made from a tour's name."""
    stem = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "tour"
    used = set(taken)
    candidate, n = stem, 2
    while candidate in used:
        candidate, n = f"{stem}_{n}", n + 1
    return candidate


def with_new_tour(tours: Sequence[Tour], name: str) -> tuple[tuple[Tour, ...], Tour]:
    """The tours with a new, empty spotlight tour at the end (default if it is the first)."""
    tour = Tour(
        id=tour_id_for(name, (t.id for t in tours)),
        name=name.strip() or "New tour",
        default=not tours,
    )
    return (*tours, tour), tour


def with_tour(tours: Sequence[Tour], tour: Tour) -> tuple[Tour, ...]:
    """The tours with the one of the same id replaced."""
    return tuple(tour if t.id == tour.id else t for t in tours)


def renamed(tours: Sequence[Tour], tour_id: str, name: str) -> tuple[Tour, ...]:
    return tuple(replace(t, name=name) if t.id == tour_id else t for t in tours)


def with_mode(tours: Sequence[Tour], tour_id: str, mode: str) -> tuple[Tour, ...]:
    if mode not in TOUR_MODES:
        raise ValueError(f"unknown tour mode {mode!r}; choose one of: {', '.join(TOUR_MODES)}")
    return tuple(replace(t, mode=mode) if t.id == tour_id else t for t in tours)


def with_default(tours: Sequence[Tour], tour_id: str) -> tuple[Tour, ...]:
    """Make one tour the default (the one F5 starts); every other tour stops being it."""
    return tuple(replace(t, default=(t.id == tour_id)) for t in tours)


def without_tour(tours: Sequence[Tour], tour_id: str) -> tuple[Tour, ...]:
    """The tours less one; if it was the default, the first remaining one becomes default."""
    removed = next((t for t in tours if t.id == tour_id), None)
    rest = tuple(t for t in tours if t.id != tour_id)
    if removed is not None and removed.default and rest:
        rest = with_default(rest, rest[0].id)
    return rest
