"""Room on a chart being patched (`incremental.update_layout`): where a new box may go and
whether a grown group frame still fits.

`Room` holds the patch's working boxes and frames (the same dicts, updated as boxes are
placed) with overlap indexes filed around where the patch works (`patch_space.LocalIndex`),
so each test looks only near the change, however big the chart.
"""

from __future__ import annotations

from collections.abc import Callable

from icsviewer.layout.boxes import BoxSize
from icsviewer.layout.frames import FRAME_GAP, FRAME_LABEL_HEIGHT, FRAME_PAD, min_frame_width
from icsviewer.layout.geometry import BoxLayout, FrameLayout
from icsviewer.layout.patch_frames import framed
from icsviewer.layout.patch_space import (
    EPS,
    LocalIndex,
    Rect,
    candidates,
    inflate,
    overlaps,
    rect,
    union,
)
from icsviewer.layout.structure import Cluster

# Least clear space around a new box (to other boxes and to frames it is not inside).
CLEARANCE = 12.0
# New boxes stay this far in from the chart's left and top edges (twice the engines' margin).
EDGE = 8.0


class Room:
    """The boxes and frames of a patch in progress, for overlap questions near `window`."""

    def __init__(
        self,
        boxes: dict[str, BoxLayout],
        frames: dict[str, FrameLayout],
        clusters: dict[str, Cluster],
        group_of: Callable[[str], str | None],
        window: Rect,
    ) -> None:
        self.boxes = boxes
        self.frames = frames
        self.clusters = clusters
        self.group_of = group_of
        self.box_index = LocalIndex(boxes, window)
        self.frame_index = LocalIndex(frames, window)

    def add_box(self, box: BoxLayout) -> None:
        self.boxes[box.body_id] = box
        self.box_index.add(box.body_id, rect(box))

    def set_frame(self, frame: FrameLayout) -> None:
        self.frames[frame.group_id] = frame
        self.frame_index.add(frame.group_id, rect(frame))

    def boxes_over(self, area: Rect) -> set[str]:
        return self.box_index.overlapping(area)

    def frames_over(self, area: Rect) -> set[str]:
        return self.frame_index.overlapping(area)

    def free_spot(
        self, node_id: str, size: BoxSize, anchor: Rect
    ) -> tuple[BoxLayout, FrameLayout | None] | None:
        """The nearest free place next to `anchor` for the box, and its group's frame grown
        to hold it; None if there is no room nearby."""
        for x, y in candidates(anchor, size.width, size.height):
            outline = (x, y, x + size.width, y + size.height)
            if not self.is_free(node_id, outline):
                continue
            grown = self.grown_frame(node_id, outline)
            if grown is not None and not self.frame_fits(grown, outline):
                continue
            box = BoxLayout(node_id, x, y, size.width, size.height, size.lines, size.font_size)
            return box, grown
        return None

    def is_free(self, node_id: str, outline: Rect) -> bool:
        """Whether a box may go there: clear of every box, and of frames but its group's."""
        if outline[0] < EDGE or outline[1] < EDGE:
            return False  # never left of or above the chart: that would move everything
        padded = inflate(outline, CLEARANCE)
        if self.box_index.overlapping(padded):
            return False
        return not self.frame_index.overlapping(padded) - {self.group_of(node_id)}

    def grown_frame(self, node_id: str, outline: Rect) -> FrameLayout | None:
        """The box's group frame grown to hold it there (None if it has no group)."""
        home = self.group_of(node_id)
        if home is None:
            return None
        around = (outline[0] - FRAME_PAD, outline[1] - FRAME_PAD - FRAME_LABEL_HEIGHT,
                  outline[2] + FRAME_PAD, outline[3] + FRAME_PAD)
        old = self.frames.get(home)
        return framed(self.clusters[home], around if old is None else union([rect(old), around]))

    def frame_fits(self, frame: FrameLayout, candidate: Rect | None = None) -> bool:
        """A grown frame keeps clear of other frames and bodies outside its group, and its
        name strip stays clear of its own boxes (and of the `candidate` box being placed)."""
        outline = rect(frame)
        if outline[0] < 0 or outline[1] < 0:
            return False
        members = set(self.clusters[frame.group_id].members)
        if self.box_index.overlapping(inflate(outline, -EPS)) - members:
            return False
        strip = (frame.x, frame.y, frame.x + min_frame_width(frame.label),
                 frame.y + FRAME_LABEL_HEIGHT + FRAME_PAD - EPS)
        if self.box_index.overlapping(strip) or (candidate and overlaps(strip, candidate)):
            return False
        padded = inflate(outline, FRAME_GAP - EPS)
        return not self.frame_index.overlapping(padded) - {frame.group_id}
