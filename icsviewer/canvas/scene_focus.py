"""The scene's emphasis and reveal: which bodies stand out or show, applied to the items.

Emphasis has two sources: an explicit focus (`explicit`, set by the presenter) and the
interactive focus (the hovered or selected body); the explicit one wins while it is set. A
reveal (build mode) shows only some bodies. `focus.py` works out the sets, `visibility.py`
applies them to items; this keeps the state, skips the work while nothing is in focus, and
tells the far-out overview what to draw on top.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from icsviewer.canvas.focus import Edge, Emphasis, emphasis_for, reveal_for
from icsviewer.canvas.items.body_item import BodyItem
from icsviewer.canvas.items.relation_item import RelationItem
from icsviewer.canvas.overview import ChartOverview, OverviewFocus
from icsviewer.canvas.placement import ItemPlacer
from icsviewer.canvas.visibility import apply_emphasis, apply_reveal

# Least opacity of what is not in focus while hovering or selecting (not presenting).
INTERACTIVE_DIM = 0.35


class SceneFocus:
    """Explicit focus, hovered body and revealed bodies of one scene."""

    def __init__(self, items: ItemPlacer, overview: ChartOverview) -> None:
        self._items = items
        self._overview = overview
        self.explicit: set[str] | None = None
        self.hovered: str | None = None
        self.revealed: set[str] | None = None
        self._last_revealed: set[str] | None = None
        # True while every item shows in full (nothing revealed or in focus), so the common
        # case does not walk thousands of items after each change. New items start that way.
        self._plain = True

    def apply(
        self,
        box_of: Mapping[str, str],
        members_of: Callable[[str], Sequence[str]],
        selected: Sequence[BodyItem],
        dim_opacity: float,
    ) -> bool:
        """Show and dim the items as the current state says; False if nothing needed doing.

        `box_of` maps a body id to the box standing for it (itself or its collapsed group);
        `members_of` gives a group's member ids.
        """
        items = self._items
        focus, neighbours = self._current_focus(selected)
        if self.revealed is None and focus is None and self._plain:
            return False  # everything already shows in full; new items start that way
        # The edge list is only needed to work out a reveal or an emphasis.
        edges = _edges(items.lines, box_of) if self.revealed is not None or focus else []
        reveal = None
        if self.revealed is not None:
            shown = {box_of.get(b, b) for b in self.revealed}
            members = {k: [box_of.get(m, m) for m in members_of(k)] for k in items.frames}
            reveal = reveal_for(shown, edges, members)
        apply_reveal(items.boxes, items.lines, items.frames, reveal)
        if self.revealed != self._last_revealed:
            self._last_revealed = None if self.revealed is None else set(self.revealed)
            self._overview.invalidate()
        emphasis = None
        if focus is not None:
            emphasis = emphasis_for({box_of.get(b, b) for b in focus}, edges, neighbours)
        dim = dim_opacity
        if self.explicit is None:
            # Hover and selection dim more gently than a presenter's spotlight: the rest of
            # the chart stays readable while the mouse moves across it.
            dim = max(dim, INTERACTIVE_DIM)
        apply_emphasis(items.boxes, items.lines, items.frames, emphasis, dim)
        self._plain = reveal is None and emphasis is None
        self._overview.set_focus(_overview_focus(emphasis, items.boxes, items.lines, dim), selected)
        return True

    def _current_focus(self, selected: Sequence[BodyItem]) -> tuple[set[str] | None, bool]:
        """The focus to show and whether neighbours stay readable (interactive focus only)."""
        if self.explicit is not None:
            return self.explicit, False
        if self.hovered is not None:
            return {self.hovered}, True
        return ({i.key for i in selected}, True) if selected else (None, True)


def _edges(lines: Mapping[str, RelationItem], box_of: Mapping[str, str]) -> list[Edge]:
    return [
        Edge(k, box_of.get(r.source, r.source), box_of.get(r.target, r.target))
        for k, r in lines.items()
    ]


def _overview_focus(
    emphasis: Emphasis | None,
    boxes: Mapping[str, BodyItem],
    lines: Mapping[str, RelationItem],
    dim: float,
) -> OverviewFocus | None:
    if emphasis is None:
        return None
    return OverviewFocus(
        tuple(boxes[k] for k in emphasis.boxes if k in boxes),
        tuple(lines[k] for k in emphasis.edges if k in lines),
        dim,
    )
