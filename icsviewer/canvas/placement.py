"""Put a Layout on the scene: create, move, restyle and remove the items it describes.

`ItemPlacer` owns the scene's item registries (boxes by body id, lines by relationship id,
frames by group id) and applies a new layout to them. The work is proportional to what
changed: the keys whose layout record differs from the previous layout are found in one pass,
and only those items are touched (a patched layout adding one body moves nothing else). New
items get their geometry and looks before they join the scene, so building a national chart
files nothing twice; a big change turns the scene's BSP index off meanwhile and indexes once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from icsviewer.canvas.item_styles import style_body, style_frame, style_relation
from icsviewer.canvas.items.body_item import BodyItem
from icsviewer.canvas.items.frame_item import FrameItem
from icsviewer.canvas.items.relation_item import RelationItem
from icsviewer.gc_pause import paused_gc
from icsviewer.layout.geometry import EdgeLayout, FrameLayout, Layout
from icsviewer.model.chart import Chart, Group, Relationship
from icsviewer.style.theme import Theme

# A re-layout changing more boxes, lines and frames than this turns the BSP index off meanwhile.
BULK_CHANGES = 50


@dataclass(frozen=True)
class Changes:
    """Keys whose layout record is new or different, and keys the new layout dropped."""

    boxes: list[str]
    lines: list[str]
    frames: list[str]
    gone_boxes: list[str]
    gone_lines: list[str]
    gone_frames: list[str]

    def count(self) -> int:
        return sum(
            len(keys)
            for keys in (self.boxes, self.lines, self.frames, self.gone_boxes, self.gone_lines)
        ) + len(self.gone_frames)


def _differing(before: Mapping[str, object], after: Mapping[str, object]) -> list[str]:
    get = before.get
    # Identity first: a patched layout shares the records of everything it left alone.
    return [k for k, v in after.items() if (old := get(k)) is not v and old != v]


def changes_between(old: Layout, new: Layout) -> Changes:
    return Changes(
        _differing(old.boxes, new.boxes),
        _differing(old.edges, new.edges),
        _differing(old.frames, new.frames),
        [k for k in old.boxes if k not in new.boxes],
        [k for k in old.edges if k not in new.edges],
        [k for k in old.frames if k not in new.frames],
    )


def _add_missing(
    keys: list[str],
    wanted: Mapping[str, object],
    have: Mapping[str, object],
    pending: Mapping[str, object],
) -> None:
    # A set difference first (C speed): after most edits nothing is missing.
    if not wanted.keys() - have.keys() - pending.keys():
        return
    listed = set(keys)
    keys.extend(k for k in wanted if k not in have and k not in pending and k not in listed)


def changed_area(old: Layout, new: Layout, changes: Changes) -> QRectF:
    """The part of the chart a change touches: where changed things were and now are.

    When nothing was placed before (a chart's first layout), that is everything: the new
    layout's whole area (with the margins below) is given without visiting its 25,000
    records, which took 0.1-0.15 s before a national chart's first paint.
    """
    if not (old.boxes or old.edges or old.frames):
        if not (new.boxes or new.edges or new.frames):
            return QRectF()
        return QRectF(0.0, 0.0, new.width, new.height).adjusted(-40.0, -12.0, 40.0, 12.0)
    area = QRectF()
    for layouts, keys in (
        ((old.boxes, new.boxes), (*changes.boxes, *changes.gone_boxes)),
        ((old.frames, new.frames), (*changes.frames, *changes.gone_frames)),
    ):
        for records in layouts:
            for key in keys:
                record = records.get(key)
                if record is not None:
                    rect = QRectF(record.x, record.y, record.width, record.height)
                    area = rect if area.isEmpty() else area.united(rect)
    for edges in (old.edges, new.edges):
        for key in (*changes.lines, *changes.gone_lines):
            edge = edges.get(key)
            if edge is not None and edge.points:
                points = [*edge.points, *([edge.arrow_tip] if edge.arrow_tip else [])]
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
                # Room for the arrowhead's width and a label at the line's middle.
                rect = rect.adjusted(-40.0, -12.0, 40.0, 12.0)
                area = rect if area.isEmpty() else area.united(rect)
    return area


class ItemPlacer:
    """The scene's items by key, kept as the latest layout says."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self.boxes: dict[str, BodyItem] = {}
        self.lines: dict[str, RelationItem] = {}
        self.frames: dict[str, FrameItem] = {}
        # What each frame was last placed and styled from (layout, group record, hidden count).
        self._frame_inputs: dict[str, tuple[object, ...]] = {}
        # Boxes and lines the layout has that are still to be made, in layout order (see
        # population.py); only while a big chart's items are made in slices.
        self.pending_boxes: dict[str, None] = {}
        self.pending_lines: dict[str, None] = {}
        # Frames of expanded groups still to be made, likewise.
        self.pending_frames: dict[str, None] = {}
        self._defer = False

    def place(
        self,
        old: Layout,
        new: Layout,
        chart: Chart,
        theme: Theme,
        restyle_all: bool,
        defer_new: bool = False,
    ) -> Changes:
        """Apply `new` (the scene showed `old`); restyle every item too if `restyle_all`.

        With `defer_new`, boxes, lines and (expanded groups') frames not made yet are listed
        (or stay listed) in `pending_boxes`, `pending_lines` and `pending_frames` instead of
        being made; `make_box`, `make_line` and `make_frame` make them later.
        """
        changes = changes_between(old, new)
        # Items an edit removed (a deleted body's box and lines) whose records the new layout
        # has unchanged, as after an undo, are made again.
        _add_missing(changes.boxes, new.boxes, self.boxes, self.pending_boxes)
        _add_missing(changes.lines, new.edges, self.lines, self.pending_lines)
        self._defer = defer_new
        scene = self._scene
        bulk = changes.count() > BULK_CHANGES
        if not bulk:
            self._place_all(new, changes, chart, theme, restyle_all)
            return changes
        # With the BSP index on, each geometry change re-files the item in a tree the size of
        # the scene, which made a big re-layout quadratic (46 s of CPU at 10,000 bodies); a
        # small change (an added body) is cheaper with the index kept. Thousands of new item
        # wrappers, none in a cycle, would also set the garbage collector walking the heap.
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        try:
            with paused_gc():
                self._place_all(new, changes, chart, theme, restyle_all)
        finally:
            scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        return changes

    def _place_all(
        self, layout: Layout, changes: Changes, chart: Chart, theme: Theme, restyle_all: bool
    ) -> None:
        self._place_boxes(layout, changes, chart, theme, restyle_all)
        self._place_lines(layout, changes, chart, theme, restyle_all)
        self._place_frames(layout, changes, chart, theme, restyle_all)

    # ----- boxes ------------------------------------------------------------------------------
    def _place_boxes(
        self, layout: Layout, changes: Changes, chart: Chart, theme: Theme, restyle_all: bool
    ) -> None:
        for key in changes.gone_boxes:
            self.pending_boxes.pop(key, None)
            item = self.boxes.pop(key, None)
            if item is not None:
                self._scene.removeItem(item)
        if restyle_all:  # the boxes already drawn; new ones are styled as they are made
            self.restyle_boxes(chart, theme)
        for key in changes.boxes:
            box = layout.boxes[key]
            rect = QRectF(box.x, box.y, box.width, box.height)
            item = self.boxes.get(key)
            if item is not None:
                item.set_box(rect, box.lines, box.font_size)
            elif self._defer:
                self.pending_boxes[key] = None
            else:
                self.make_box(key, layout, chart, theme)

    def make_box(self, key: str, layout: Layout, chart: Chart, theme: Theme) -> None:
        """Make the box the layout has for `key` and add it to the scene."""
        box = layout.boxes[key]
        # Geometry and looks before the item joins the scene: nothing to re-file.
        item = BodyItem(key)
        item.set_box(QRectF(box.x, box.y, box.width, box.height), box.lines, box.font_size)
        if chart.has_body(key):
            style_body(item, chart.body(key), theme)
        self.boxes[key] = item
        self._scene.addItem(item)

    def restyle_boxes(self, chart: Chart, theme: Theme) -> None:
        for key, item in self.boxes.items():
            if chart.has_body(key):
                style_body(item, chart.body(key), theme)

    # ----- lines ------------------------------------------------------------------------------
    def _place_lines(
        self, layout: Layout, changes: Changes, chart: Chart, theme: Theme, restyle_all: bool
    ) -> None:
        for key in changes.gone_lines:
            self.remove_line(key)
        keys = list(layout.edges) if restyle_all else changes.lines
        if not keys:
            return
        # Chart.relationship is a linear search: look the records up once.
        records = {r.id: r for r in chart.relationships}
        for key in keys:
            edge = layout.edges[key]
            record = records.get(key)
            item = self.lines.get(key)
            if item is None:
                if self._defer:
                    self.pending_lines[key] = None
                else:
                    self.make_line(key, edge, record, theme)
                continue
            if restyle_all:
                style_relation(item, record, theme)
            self.route_line(item, edge, record.label if record else "")

    def make_line(
        self, key: str, edge: EdgeLayout, record: Relationship | None, theme: Theme
    ) -> None:
        """Make the line for `key` along `edge` and add it to the scene."""
        item = self.lines[key] = RelationItem(key)
        style_relation(item, record, theme)
        self.route_line(item, edge, record.label if record else "")
        self._scene.addItem(item)

    def route_line(self, item: RelationItem, edge: EdgeLayout, label: str) -> None:
        """Lay a line along its route with the label its record has now."""
        item.set_route(edge.source, edge.target, edge.points, edge.arrow_tip, label, edge.label_pos)

    def remove_line(self, key: str) -> None:
        self.pending_lines.pop(key, None)
        item = self.lines.pop(key, None)
        if item is not None:
            self._scene.removeItem(item)

    def restyle_lines(self, chart: Chart, theme: Theme) -> None:
        records = {r.id: r for r in chart.relationships}
        for key, item in self.lines.items():
            style_relation(item, records.get(key), theme)

    # ----- frames -----------------------------------------------------------------------------
    def _place_frames(
        self, layout: Layout, changes: Changes, chart: Chart, theme: Theme, restyle_all: bool
    ) -> None:
        for key in changes.gone_frames:
            self.pending_frames.pop(key, None)
            item = self.frames.pop(key, None)
            self._frame_inputs.pop(key, None)
            if item is not None:
                self._scene.removeItem(item.label_item)
                self._scene.removeItem(item)
        groups = {g.id: g for g in chart.groups}
        # Every frame is looked at (a few hundred): a group record or its hidden members can
        # change while its frame stays where it was.
        for key, frame in layout.frames.items():
            group = groups.get(key)
            if key not in self.frames and self._defer and not (group and group.collapsed):
                # Made later, with the boxes (a national chart has some 1,600 frames, 0.2 s
                # of item making before its first paint). A collapsed group's frame stands
                # for its members' boxes and is made now, as those would be.
                self.pending_frames[key] = None
                continue
            self._place_frame(key, frame, group, layout, theme, restyle_all)

    def make_frame(self, key: str, layout: Layout, group: Group | None, theme: Theme) -> None:
        """Make the frame the layout has for `group` (None: the chart has no group `key`
        any more) and add it to the scene."""
        self._place_frame(key, layout.frames[key], group, layout, theme, True)

    def _place_frame(
        self,
        key: str,
        frame: FrameLayout,
        group: Group | None,
        layout: Layout,
        theme: Theme,
        restyle: bool,
    ) -> None:
        """Make or update the frame of group `key` (unchanged inputs: nothing to do)."""
        self.pending_frames.pop(key, None)
        # A collapsed group is laid out as a small frame standing for its hidden members.
        hidden = sum(1 for m in group.members if m not in layout.boxes) if group else 0
        made_from = (frame, group, hidden)
        item = self.frames.get(key)
        if item is not None and self._frame_inputs.get(key) == made_from and not restyle:
            return  # placed and styled from exactly this already
        self._frame_inputs[key] = made_from
        new = item is None
        if item is None:
            item = self.frames[key] = FrameItem(key)
        collapsed = bool(group and group.collapsed)
        # A collapsed group's box shows its whole name (the layout sized it for it).
        label = group.name if group and collapsed else frame.label
        rect = QRectF(frame.x, frame.y, frame.width, frame.height)
        item.set_frame(rect, label, frame.label_pos)
        item.set_collapsed(collapsed, hidden)
        style_frame(item, group, theme)
        if new:
            self._scene.addItem(item)
            # The name is its own item, stacked above the lines (see frame_item).
            self._scene.addItem(item.label_item)

    def restyle_frames(self, groups: Mapping[str, Group], theme: Theme) -> None:
        for key, item in self.frames.items():
            style_frame(item, groups.get(key), theme)


# Big charts: a scene rectangle grown by an edit gets this share of slack on the sides it grew.
RECT_SLACK = 0.03
# ... and is only given back when the chart shrinks by more than this share of an axis.
RECT_SHRINK = 0.2


def stable_scene_rect(current: QRectF, wanted: QRectF) -> QRectF:
    """The scene rectangle for a big chart that needs `wanted`, changing `current` seldom.

    Every change of a scene's rectangle rebuilds its whole BSP index (0.1-0.4 s at 10,000
    bodies): a body added at the chart's edge would pay that on each edit. So the rectangle
    grows with some slack and is kept while the chart still fits it well enough.
    """
    if current.isEmpty() or not current.contains(wanted):
        if current.isEmpty() or not current.intersects(wanted):
            return wanted
        dx, dy = RECT_SLACK * wanted.width(), RECT_SLACK * wanted.height()
        left = min(current.left(), wanted.left() - dx)
        top = min(current.top(), wanted.top() - dy)
        right = max(current.right(), wanted.right() + dx)
        bottom = max(current.bottom(), wanted.bottom() + dy)
        grown = QRectF(current.left(), current.top(), current.width(), current.height())
        # Slack only on the sides that grew.
        grown.setLeft(left if wanted.left() < current.left() else current.left())
        grown.setTop(top if wanted.top() < current.top() else current.top())
        grown.setRight(right if wanted.right() > current.right() else current.right())
        grown.setBottom(bottom if wanted.bottom() > current.bottom() else current.bottom())
        return grown
    if (
        current.width() - wanted.width() > RECT_SHRINK * wanted.width()
        or current.height() - wanted.height() > RECT_SHRINK * wanted.height()
    ):
        return wanted
    return current
