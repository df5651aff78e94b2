"""Make a big chart's items a slice at a time, after the first paint.

A national chart opens far out, where views draw the batched overview (overview.py) and not
the items; making its thousands of boxes and lines costs 40-50 us each (0.35 s of CPU at
2,500 bodies, about 1.5 s at 10,000), and its 1,600 group frames some 150 us each, none of
it needed for that first picture. So for a chart of at least PROGRESSIVE_BODIES bodies the
scene lays the layout down with its boxes, lines and expanded groups' frames left pending
(`ItemPlacer.pending_boxes` / `pending_lines` / `pending_frames`), and `ItemPopulator` makes
them (frames first) in slices of about SLICE_SECONDS from a zero timer, so the event loop
keeps turning between slices (paints, input, the progress of other work).

Meanwhile the overview draws the pending boxes, lines and frames from the layout and their
looks (`box_entries`, `line_paths`, `frame_entries`), exactly as their items will draw them,
so the far-out picture is the same before and after; group names, which the frames' items
draw once readable far out, make the frames first (`make_frames`). Whatever needs an item
before it exists calls `finish()` (the scene does, see `ChartScene.ensure_items`): correctness
first, the rest made synchronously. Edits and new layouts do not need the items: an item
still to be made is made from the scene's layout, chart and theme as they are when its turn
comes (`Source`), and the placer keeps the pending lists up to date (a patched layout adding
a body while the rest is still being made).

A full pass of Python's cyclic garbage collector over a national chart's heap (chart records,
layout, item wrappers) takes about a quarter of a second at 10,000 bodies, and it comes
back every so often while the user works. None of those objects is cyclic garbage while the
chart is shown, so population moves them out of the collector's sight (`gc.freeze`) when it
starts and again when it ends; `stop()` (the scene is dropped) gives them back.

"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsScene

from icsviewer.canvas.item_styles import box_look
from icsviewer.canvas.items.body_item import DEFAULT_LOOK, BoxLook, label_bars
from icsviewer.canvas.items.relation_item import bezier_path
from icsviewer.canvas.placement import ItemPlacer
from icsviewer.gc_pause import paused_gc
from icsviewer.layout.geometry import EdgeLayout, Layout
from icsviewer.model.chart import Chart, Group, Relationship
from icsviewer.style.theme import Theme

# Charts with at least this many bodies get their items made after the first paint; smaller
# ones are built at once (a few hundred items take a few milliseconds).
PROGRESSIVE_BODIES = 1000
# A layout making at least this many new boxes and lines at once is populated in slices (an
# edit adding one body to a big chart makes its item at once).
PROGRESSIVE_ITEMS = 500
# Work per slice: long enough to amortise the timer, short enough not to be felt. Short:
# while a layout is worked out on the layout thread, the two share the interpreter, and a
# 12 ms slice then held the window up for twice that and more.
SLICE_SECONDS = 0.006
# Items made between two looks at the clock.
CHUNK = 16

_ANY_POINT = QRectF(0.0, 0.0, 1.0, 1.0)

BoxEntry = tuple[BoxLook, QRectF, list[QRectF], float]
# A frame's look far out: (fill, stroke, dash), as `FrameItem.look_key`.
FrameLook = tuple[str, str, tuple[float, ...]]
# The scene's current layout, chart and theme.
Source = Callable[[], tuple[Layout, Chart, Theme]]


def wants_progressive(chart: Chart, new: Layout, placer: ItemPlacer) -> bool:
    """Whether applying `new` should leave its new items to be made in slices."""
    if len(chart.bodies) < PROGRESSIVE_BODIES:
        return False
    # Set differences: this runs on every re-layout of a big chart (10,000 keys).
    new_items = len(new.boxes.keys() - placer.boxes.keys()) + len(
        new.edges.keys() - placer.lines.keys()
    )
    return new_items >= PROGRESSIVE_ITEMS


class ItemPopulator:
    """Makes the placer's pending boxes and lines in slices; calls `done` when none is left."""

    def __init__(
        self, scene: QGraphicsScene, placer: ItemPlacer, source: Source, done: Callable[[], None]
    ):
        self._scene = scene
        self._placer = placer
        self._source = source
        self._done = done
        self._running = False
        # The chart's relationships and groups by id, made when first needed after a change.
        self._records: dict[str, Relationship] | None = None
        self._groups: dict[str, Group] | None = None
        # Far-out paths of pending lines, with the route and theme they were made from: the
        # overview's lines are rebuilt after every edit, and 13,000 curves cost ~0.1 s.
        self._paths: dict[str, tuple[EdgeLayout, Theme, str, QPainterPath]] = {}
        # The pending keys in layout order, and how far making has gone in each list.
        self._frame_order: list[str] = []
        self._box_order: list[str] = []
        self._line_order: list[str] = []
        self._made_frames = 0
        self._made_boxes = 0
        self._made_lines = 0
        self._froze = False
        self._timer = QTimer(scene)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)

    @property
    def active(self) -> bool:
        """Items are still to be made."""
        placer = self._placer
        return bool(placer.pending_boxes or placer.pending_lines or placer.pending_frames)

    def start(self) -> None:
        """Make the placer's pending items from the next event-loop turns on (again called
        after a layout changed the pending lists mid-way)."""
        self._frame_order = list(self._placer.pending_frames)
        self._box_order = list(self._placer.pending_boxes)
        self._line_order = list(self._placer.pending_lines)
        self._made_frames = self._made_boxes = self._made_lines = 0
        if self._running or not self.active:
            return
        self._running = True
        # The chart and its layout: long-lived, not garbage (see the module's docstring).
        gc.freeze()
        self._froze = True
        self._timer.start()

    def chart_changed(self) -> None:
        """The chart changed: look its records up again before the next make."""
        self._records = None
        self._groups = None
        self._paths = {}

    def finish(self) -> None:
        """Make every pending item now (something needs an item before its slice came)."""
        if self.active:
            self._make(deadline=None)
        if self._running:
            self._end()

    def stop(self) -> None:
        """Drop the pending work (the scene is going away)."""
        if self._froze:
            # Its items and chart may become garbage now; a later full pass finds them.
            gc.unfreeze()
            self._froze = False
        self._timer.stop()
        self._frame_order, self._box_order, self._line_order = [], [], []
        self._placer.pending_frames.clear()
        self._placer.pending_boxes.clear()
        self._placer.pending_lines.clear()
        self._running = False

    # ----- what the overview draws for items not made yet --------------------------------
    def box_entries(self, known: Mapping[str, BoxEntry]) -> Iterator[tuple[str, BoxEntry]]:
        """(key, far-out entry) of each pending box, in layout order, as its item will give;
        entries in `known` (the overview's, still valid) are not worked out again."""
        layout, chart, theme = self._source()
        boxes = layout.boxes
        # A body without colour overrides looks as its kind does (as `box_look` caches it):
        # looked up by kind here, which was a third of this loop at 10,000 bodies.
        by_kind: dict[str, BoxLook] = {}
        for key in self._placer.pending_boxes:
            entry = known.get(key)
            if entry is not None:
                yield key, entry
                continue
            box = boxes[key]
            if not chart.has_body(key):
                look = DEFAULT_LOOK
            else:
                body = chart.body(key)
                kind_look = None if body.style else by_kind.get(body.kind)
                if kind_look is None:
                    kind_look = box_look(body, theme)
                    if not body.style:
                        by_kind[body.kind] = kind_look
                look = kind_look
            x, y, width, height, size = box.x, box.y, box.width, box.height, box.font_size
            bars = label_bars(x, y, width, height, box.lines, size)
            yield key, (look, QRectF(x, y, width, height), bars, size)

    def frame_entries(self) -> Iterator[tuple[FrameLook, QRectF]]:
        """(look key, rectangle) of each pending frame, in layout order, as its item will give
        (`FrameItem.look_key`, `frame_rect`; pending frames are never collapsed)."""
        layout, chart, theme = self._source()
        groups = self._group_records(chart)
        for key in self._placer.pending_frames:
            frame = layout.frames[key]
            group = groups.get(key)
            # As `item_styles.style_frame` styles the item.
            style = theme.frame_style(group.kind if group else "other")
            look = (style.fill, style.stroke, style.dash)
            yield look, QRectF(frame.x, frame.y, frame.width, frame.height)

    def make_frames(self) -> None:
        """Make every pending frame now (their names are about to be readable far out)."""
        if not self._placer.pending_frames:
            return
        layout, chart, theme = self._source()
        groups = self._group_records(chart)
        with paused_gc():
            for key in list(self._placer.pending_frames):
                self._placer.make_frame(key, layout, groups.get(key), theme)
        self._made_frames = len(self._frame_order)
        if self._running and not self.active:
            self._end()

    def line_paths(self) -> Iterator[tuple[str, QPainterPath]]:
        """(colour, path) of each pending line, in layout order, as its item will give."""
        layout, chart, theme = self._source()
        records = self._relationships(chart)
        paths = self._paths
        for key in self._placer.pending_lines:
            edge = layout.edges[key]
            kept = paths.get(key)
            if kept is None or kept[0] is not edge or kept[1] is not theme:
                record = records.get(key)
                colour = theme.relation_style(record.kind if record else "").colour
                kept = paths[key] = (edge, theme, colour, bezier_path(edge.points))
            yield kept[2], kept[3]

    # ----- making ------------------------------------------------------------------------
    def _relationships(self, chart: Chart) -> dict[str, Relationship]:
        if self._records is None:
            self._records = {r.id: r for r in chart.relationships}
        return self._records

    def _group_records(self, chart: Chart) -> dict[str, Group]:
        if self._groups is None:
            self._groups = {g.id: g for g in chart.groups}
        return self._groups

    def _slice(self) -> None:
        if not self._running:
            return
        self._make(deadline=time.perf_counter() + SLICE_SECONDS)
        # File this slice's items in the BSP index now (any query does): left to the end,
        # the index took 0.4 s in one go at 10,000 bodies, and switching the index off during
        # population and on after left the view testing every item's bounds each frame.
        self._scene.items(_ANY_POINT)
        if self.active:
            self._timer.start()
        else:
            self._end()

    def _make(self, deadline: float | None) -> None:
        layout, chart, theme = self._source()
        placer = self._placer
        frames, boxes, lines = placer.pending_frames, placer.pending_boxes, placer.pending_lines
        clock = time.perf_counter
        # Thousands of item wrappers, none in a cycle: keep the collector from walking the heap.
        with paused_gc():
            # Frames first: they are fewest, and their names show soonest when zooming in.
            groups = self._group_records(chart)
            order = self._frame_order
            while self._made_frames < len(order):
                start = self._made_frames
                self._made_frames = start + CHUNK
                for key in order[start : start + CHUNK]:
                    if frames.pop(key, 0) is not None:
                        continue  # no longer pending: made or dropped meanwhile
                    placer.make_frame(key, layout, groups.get(key), theme)
                if deadline is not None and clock() >= deadline:
                    return
            order = self._box_order
            while self._made_boxes < len(order):
                start = self._made_boxes
                self._made_boxes = start + CHUNK
                for key in order[start : start + CHUNK]:
                    if boxes.pop(key, 0) is not None:
                        continue  # no longer pending: dropped by a new layout or an edit
                    placer.make_box(key, layout, chart, theme)
                if deadline is not None and clock() >= deadline:
                    return
            records = self._relationships(chart)
            order = self._line_order
            while self._made_lines < len(order):
                start = self._made_lines
                self._made_lines = start + CHUNK
                for key in order[start : start + CHUNK]:
                    if lines.pop(key, 0) is not None:
                        continue
                    placer.make_line(key, layout.edges[key], records.get(key), theme)
                if deadline is not None and clock() >= deadline:
                    return

    def _end(self) -> None:
        self._timer.stop()
        self._running = False
        self._records = None
        self._groups = None
        self._paths = {}
        self._frame_order, self._box_order, self._line_order = [], [], []
        gc.freeze()  # the new items too
        self._done()
