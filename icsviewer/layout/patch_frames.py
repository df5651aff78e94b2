"""Frames and boxes re-shaped by a layout patch (`incremental.update_layout`), and the
patched chart's size.

A frame is re-drawn around an outline with room for its name (`framed`); a frame re-fitted
after members went is slid back inside its old outline where it can (`within`, `refitted`);
a re-sized box keeps its centre (`resized`); `measured` gives the chart's width and height from its
boxes, frames and how far its lines reach.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from icsviewer.layout.boxes import BoxSize
from icsviewer.layout.frames import FRAME_PAD, frame_around, label_pos, min_frame_width
from icsviewer.layout.geometry import BoxLayout, FrameLayout, Layout
from icsviewer.layout.patch_space import Rect, rect, union
from icsviewer.layout.structure import Cluster


def framed(cluster: Cluster, outline: Rect) -> FrameLayout:
    """The cluster's frame over `outline`, at least as wide as its name needs."""
    x0, y0, x1, y1 = outline
    width = max(x1 - x0, min_frame_width(cluster.name))
    return FrameLayout(cluster.id, cluster.name, x0, y0, width, y1 - y0, label_pos(x0, y0))


def within(fitted: FrameLayout, old: FrameLayout, least_right: float) -> FrameLayout:
    """A re-fitted frame slid left to stay inside the old one where it can: a frame is at
    least as wide as its name, so re-fitting around fewer boxes can stick out to the right
    into a neighbour that the old frame kept clear of. Its right edge stays at or beyond
    `least_right`, so it still holds its boxes."""
    excess = (fitted.x + fitted.width) - (old.x + old.width)
    if excess <= 0:
        return fitted
    x = min(fitted.x, max(old.x, fitted.x - excess, least_right - fitted.width))
    return replace(fitted, x=x, label_pos=label_pos(x, fitted.y))


def refitted(
    cluster: Cluster, old: FrameLayout, boxes: Mapping[str, BoxLayout], *, shrink: bool,
    grow: bool,
) -> FrameLayout:
    """`old` after some of the cluster's boxes went or moved (`shrink`: fitted around what is
    left, as the engines draw it, kept inside the old outline where it can) or re-sized
    (`grow`: grown only, so it does not shrink away from the other members' surroundings),
    and carrying the cluster's current name."""
    fitted = frame_around(cluster, boxes)
    if fitted is None:
        return old  # no boxes (the caller has refused that patch already)
    frame = old
    if shrink:
        right = max(boxes[m].x + boxes[m].width for m in cluster.members if m in boxes)
        frame = within(fitted, old, right + FRAME_PAD)
    if grow:
        frame = framed(cluster, union([rect(frame), rect(fitted)]))
    if frame.label != cluster.name:
        frame = framed(cluster, rect(frame))
    return frame


def resized(old: BoxLayout, size: BoxSize) -> BoxLayout:
    """`old` re-sized to `size` about its centre, with the new label lines."""
    cx, cy = old.center
    return BoxLayout(old.body_id, cx - size.width / 2, cy - size.height / 2, size.width,
                     size.height, size.lines, size.font_size)


def measured(layout: Layout, reach: tuple[float, float], margin: float) -> Layout:
    """The layout with width and height covering everything (nothing is moved), given how
    far its boxes, frames and lines reach (right, bottom)."""
    return replace(layout, width=max(0.0, reach[0]) + margin,
                   height=max(0.0, reach[1]) + margin)
