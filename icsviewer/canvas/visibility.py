"""Apply a reveal (build mode) and an emphasis (focus) to the scene's items.

`focus.py` decides which ids stay visible or strong; this applies the answer to items. Kept
apart from the scene so the scene stays about building and following the model.
"""

from __future__ import annotations

from collections.abc import Mapping

from icsviewer.canvas.focus import Emphasis, Reveal
from icsviewer.canvas.items.body_item import BodyItem
from icsviewer.canvas.items.frame_item import FrameItem
from icsviewer.canvas.items.relation_item import RelationItem


def apply_reveal(
    boxes: Mapping[str, BodyItem],
    lines: Mapping[str, RelationItem],
    frames: Mapping[str, FrameItem],
    reveal: Reveal | None,
) -> None:
    """Show only what the reveal names; None shows everything."""
    for key, box in boxes.items():
        box.setVisible(reveal is None or key in reveal.boxes)
    for key, line in lines.items():
        line.setVisible(reveal is None or key in reveal.edges)
    for key, frame in frames.items():
        frame.setVisible(reveal is None or key in reveal.frames)


def apply_emphasis(
    boxes: Mapping[str, BodyItem],
    lines: Mapping[str, RelationItem],
    frames: Mapping[str, FrameItem],
    emphasis: Emphasis | None,
    dim_opacity: float,
) -> None:
    """Full strength for the emphasis (lines also thicker), `dim_opacity` for the rest.

    Frames never dim: they are the map's landmarks and stay readable around the focus.
    """
    for key, box in boxes.items():
        strong = emphasis is None or key in emphasis.boxes
        box.setOpacity(1.0 if strong else dim_opacity)
    for key, line in lines.items():
        lit = emphasis is not None and key in emphasis.edges
        line.setOpacity(1.0 if emphasis is None or lit else dim_opacity)
        line.set_emphasised(lit)
    for frame in frames.values():
        frame.setOpacity(1.0)
