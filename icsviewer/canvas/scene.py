"""The chart scene: items for a Chart placed by a Layout and drawn in a Theme.

The model emits, the scene listens: `ChartScene` subscribes to the chart and updates its items
when bodies change; changes that move things ask the owner for a new layout through
`relayout_requested`. Items never see model records: the scene gives them geometry and looks
and keeps the mapping between items and body ids.

Helpers with one job each: `placement.ItemPlacer` keeps the items as the latest layout says
(touching only what changed), `scene_focus.SceneFocus` applies emphasis (an explicit focus
from the presenter wins over the hovered or selected body) and build-mode reveals, and
`overview.ChartOverview` is the batched picture views draw when zoomed far out,
`population.ItemPopulator` makes a big chart's boxes and lines a slice at a time after the first
paint (`items_ready`, `items_completed`, `ensure_items`), and `scene_input.InteractiveScene`,
the base class, handles the mouse.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import QGraphicsScene

from icsviewer.canvas.item_styles import style_body, style_relation
from icsviewer.canvas.items.body_item import BodyItem
from icsviewer.canvas.items.frame_item import FrameItem
from icsviewer.canvas.items.line_layer import LineLayer
from icsviewer.canvas.label_fit import Placement, needs_layout, placement
from icsviewer.canvas.overview import ChartOverview
from icsviewer.canvas.placement import ItemPlacer, changed_area, stable_scene_rect
from icsviewer.canvas.population import PROGRESSIVE_BODIES, ItemPopulator, wants_progressive
from icsviewer.canvas.qt_style import qcolor
from icsviewer.canvas.scene_focus import SceneFocus
from icsviewer.canvas.scene_input import InteractiveScene
from icsviewer.layout.boxes import label_lines
from icsviewer.layout.geometry import EdgeLayout, Layout
from icsviewer.model.chart import Body, Chart, Group
from icsviewer.model.events import ChartEvent
from icsviewer.model.kinds import body_kind
from icsviewer.style.theme import Theme

SCENE_MARGIN = 12.0


class ChartScene(InteractiveScene):
    """Items for one chart. Construct with `(chart, layout, theme)`."""

    # A change moved or resized something: the owner should compute a new layout.
    relayout_requested = Signal()
    # Anything in the chart changed (details and legend panels refresh).
    chart_changed = Signal()
    # Positions, theme or what is revealed changed (the overview redraws; hover does not count).
    picture_changed = Signal()
    # Every item of the current layout exists (a big chart's are made after the first paint,
    # see population.py; `items_ready` says whether they are).
    items_completed = Signal()

    def __init__(
        self, chart: Chart, layout: Layout, theme: Theme, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.chart = chart
        self.theme = theme
        # Nothing placed yet: set_layout below compares the layout with this.
        self.layout = Layout({}, {}, {}, 0.0, 0.0, engine=layout.engine)
        # The items by key; the placer keeps them as the latest layout says.
        self._placer = ItemPlacer(self)
        self._boxes = self._placer.boxes
        self._relations = self._placer.lines
        self._frames = self._placer.frames
        self._box_of: dict[str, str] = {}
        self._detached = False
        # Draws every line not emphasised in one paint (see line_layer.py); the line items
        # look it up as `line_layer`.
        self.line_layer = LineLayer()
        self.addItem(self.line_layer)
        # The scene rectangle last set (before that, Qt's sceneRect() is the items' bounds).
        self._rect = QRectF()
        # Each body's kind and pin when it was last placed (see label_fit).
        self._placed_bodies: tuple[Body, ...] = ()
        self._placed_as: dict[str, Placement] | None = {}
        # Items keep their looks across re-layouts (edits restyle what they touch); after a
        # reset (reload) every record may have changed, so the next layout restyles all.
        self._restyle_all = True
        # Far out, views draw this batched picture instead of the items (see overview.py).
        self._overview = ChartOverview(self._boxes, self._relations, self._frames)
        # What stands out (hover, selection, presenter) and what shows (build mode).
        self._focus = SceneFocus(self._placer, self._overview)
        # A big chart's boxes and lines are made in slices after the first paint.
        self._populator = ItemPopulator(
            self, self._placer, self._population_source, self._on_items_completed
        )
        self._overview.pending = self._populator
        # set_layout styles the new items; set_theme here would style them a second time.
        self.setBackgroundBrush(QBrush(qcolor(theme.background)))
        self.set_layout(layout)
        chart.subscribe(self._on_chart_event)
        self.selectionChanged.connect(self._refresh_emphasis)

    def detach(self) -> None:
        """Stop following the chart and the selection (before the scene is dropped)."""
        if self._detached:
            return
        self._detached = True
        self._populator.stop()
        self.chart.unsubscribe(self._on_chart_event)
        self.selectionChanged.disconnect(self._refresh_emphasis)

    # ----- building from a layout -------------------------------------------------------------
    def set_layout(self, layout: Layout) -> None:
        """Place every item where `layout` says; items the layout no longer has are removed.

        Only what differs from the current layout is touched (see placement.py). When it
        makes thousands of new items on a big chart, they are made after this returns, a slice
        at a time (`items_ready`, `items_completed`).
        """
        old = self.layout
        self.layout = layout
        # The bodies as placed; their placements are worked out when an edit asks (lazily: a
        # dict of 10,000 on every re-layout cost ~15 ms of an edit's stall).
        self._placed_bodies, self._placed_as = self.chart.bodies, None
        restyle_all, self._restyle_all = self._restyle_all, False
        # Mid-population, items still to be made are made from this layout when their turn
        # comes; new ones join them.
        progressive = self._populator.active or wants_progressive(self.chart, layout, self._placer)
        changes = self._placer.place(old, layout, self.chart, self.theme, restyle_all, progressive)
        if progressive:
            self._populator.start()
        # The far-out picture: only what changed is worked out again.
        area: QRectF | None = None
        if restyle_all:
            self._overview.invalidate()
        else:
            # Kept far-out pictures are patched where the change is, not drawn again whole.
            area = changed_area(old, layout, changes)
            self._overview.invalidate_boxes([*changes.boxes, *changes.gone_boxes], area)
            self._overview.invalidate(
                boxes=False,
                lines=bool(changes.lines or changes.gone_lines),
                frames=True,  # a few hundred, and a group's record may have changed
                area=area,
            )
        self._map_bodies_to_boxes()
        bounds = QRectF(0.0, 0.0, layout.width, layout.height)
        rect = bounds.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN)
        if len(self._boxes) + len(self._placer.pending_boxes) >= PROGRESSIVE_BODIES:
            rect = stable_scene_rect(self._rect, rect)  # see there: the BSP index
        self._rect = rect
        self.setSceneRect(rect)
        self.line_layer.set_bounds(rect)
        # Lines that moved redraw themselves through the layer; gone ones leave a gap to fill.
        self.line_layer.refresh(None if restyle_all else area)
        self._apply_visibility()
        self.picture_changed.emit()

    def _map_bodies_to_boxes(self) -> None:
        """Each body id -> the key of the box standing for it (itself or its collapsed group)."""
        self._box_of = {key: key for key in self._boxes}
        self._box_of.update((key, key) for key in self._placer.pending_boxes)
        for group in self.chart.groups:
            frame = self._frames.get(group.id)
            if frame is not None and frame.collapsed:
                for member in group.members:
                    self._box_of.setdefault(member, group.id)

    # ----- theme -----------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        """Redraw every item in another theme; positions are untouched (no re-layout)."""
        self.theme = theme  # items still to be made are made in it
        self.setBackgroundBrush(QBrush(qcolor(theme.background)))
        self._placer.restyle_boxes(self.chart, theme)
        self._placer.restyle_lines(self.chart, theme)
        self._placer.restyle_frames({g.id: g for g in self.chart.groups}, theme)
        self._overview.invalidate()
        self.line_layer.refresh()
        self._apply_visibility()
        self.picture_changed.emit()

    def _style_box(self, item: BodyItem) -> None:
        if self.chart.has_body(item.key):
            style_body(item, self.chart.body(item.key), self.theme)

    def _group(self, group_id: str) -> Group | None:
        try:
            return self.chart.group(group_id)
        except KeyError:
            return None

    # ----- following the model ----------------------------------------------------------------
    def _on_chart_event(self, event: ChartEvent) -> None:
        # Items still to be made are made from the chart as it is when their turn comes.
        self._populator.chart_changed()
        # What the event changed in the far-out picture; a body's new look is inside its box.
        changed = self.bodies_rect(event.ids) if event.kind == "body_changed" else None
        self._overview.follow_event(event.kind, event.ids, changed)
        if event.kind == "reset":
            self._restyle_all = True
        elif event.kind == "body_changed":
            for body_id in event.ids:
                self._update_body(body_id)
        elif event.kind == "body_removed":
            edges = self.layout.edges
            for body_id in event.ids:
                self._placer.pending_boxes.pop(body_id, None)
                if body_id in self._boxes:
                    self.removeItem(self._boxes.pop(body_id))
                for key in [
                    k for k, r in self._relations.items() if body_id in (r.source, r.target)
                ] + [k for k in self._placer.pending_lines if body_id in _ends(edges.get(k))]:
                    self._placer.remove_line(key)
            self.line_layer.refresh()
        elif event.kind == "relationship_removed":
            for rel_id in event.ids:
                self._placer.remove_line(rel_id)
            self.line_layer.refresh()
        elif event.kind == "relationship_changed":
            records = {r.id: r for r in self.chart.relationships}
            for rel_id in event.ids:
                item, edge = self._relations.get(rel_id), self.layout.edges.get(rel_id)
                if item is not None and edge is not None:
                    record = records.get(rel_id)
                    style_relation(item, record, self.theme)
                    # Its label shows at once; where it sits is the layout's business.
                    self._placer.route_line(item, edge, record.label if record else "")
        # A label edit whose text still fits its box: the item has re-wrapped it already.
        if self._placed_as is None and event.kind == "body_changed":
            self._placed_as = {b.id: placement(b) for b in self._placed_bodies}
        if needs_layout(event, self.chart, self.layout, self._placed_as or {}):
            self.relayout_requested.emit()
        self.chart_changed.emit()

    def _update_body(self, body_id: str) -> None:
        if self._placer.pending_boxes.pop(body_id, 0) is None:
            # Still to be made: made now, so its label is re-wrapped below like any other.
            self._placer.make_box(body_id, self.layout, self.chart, self.theme)
        item = self._boxes.get(body_id)
        if item is None or not self.chart.has_body(body_id):
            return
        body: Body = self.chart.body(body_id)
        # The box keeps its size until the new layout arrives; the label is re-wrapped now so an
        # edit shows at once.
        font_size = item_font_size(item, self.layout)
        lines = label_lines(body, font_size)
        if lines != item.lines:
            item.set_box(item.scene_rect(), lines, font_size)
        self._style_box(item)

    # ----- items made after the first paint (population.py) --------------------------------------
    def _population_source(self) -> tuple[Layout, Chart, Theme]:
        return self.layout, self.chart, self.theme

    @property
    def items_ready(self) -> bool:
        """Every item of the current layout exists (see `items_completed`)."""
        return not self._populator.active

    def ensure_items(self) -> None:
        """Make every item still to be made now (for what needs an item before its turn)."""
        if self._populator.active:
            self._populator.finish()

    # ----- queries for the window and the presenter ----------------------------------------------
    def body_ids(self) -> list[str]:
        """Ids of the bodies drawn as their own box, in chart order."""
        pending = self._placer.pending_boxes
        return [b.id for b in self.chart.bodies if b.id in self._boxes or b.id in pending]

    def body_item(self, body_id: str) -> BodyItem | None:
        """The box drawn for a body (its collapsed group's box if it is hidden in one)."""
        key = self._box_of.get(body_id)
        if key in self._placer.pending_boxes:
            self.ensure_items()
        return self._boxes.get(key) if key else None

    def collapsed_frame_of(self, body_id: str) -> FrameItem | None:
        """The collapsed group frame a body is hidden in, if it is hidden."""
        key = self._box_of.get(body_id)
        frame = self._frames.get(key) if key else None
        return frame if frame is not None and frame.collapsed else None

    def body_rect(self, body_id: str) -> QRectF:
        """The body's box in scene coordinates; empty if it is not drawn."""
        key = self._box_of.get(body_id)
        if key in self._placer.pending_boxes:  # not made yet: where the layout puts it
            box = self.layout.boxes[key]
            return QRectF(box.x, box.y, box.width, box.height)
        item = self.body_item(body_id)
        if item is not None:
            return item.scene_rect()
        frame = self.collapsed_frame_of(body_id)
        return frame.frame_rect() if frame is not None else QRectF()

    def bodies_rect(self, ids: Iterable[str]) -> QRectF:
        """The union of the boxes of these bodies (empty if none is drawn)."""
        rect = QRectF()
        for body_id in ids:
            r = self.body_rect(body_id)
            if not r.isEmpty():
                rect = r if rect.isEmpty() else rect.united(r)
        return rect

    def reading_order(self) -> list[str]:
        """Body ids in reading order: tier, then top to bottom, then left to right."""
        self.ensure_items()

        def key(body_id: str) -> tuple[int, float, float]:
            rect = self.body_rect(body_id)
            return (
                body_kind(self.chart.body(body_id).kind).tier,
                round(rect.top() / 20),
                rect.left(),
            )

        return sorted((b for b in self.body_ids() if self._boxes[b].isVisible()), key=key)

    # ----- selection -------------------------------------------------------------------------
    def selected_body_ids(self) -> list[str]:
        return [i.key for i in self.selectedItems() if isinstance(i, BodyItem)]

    def select_bodies(self, ids: Iterable[str]) -> None:
        """Select exactly these bodies (unknown ids are ignored)."""
        wanted = set(ids)
        if wanted:
            self.ensure_items()
        self.blockSignals(True)
        try:
            self.clearSelection()
            for body_id in wanted:
                item = self._boxes.get(body_id)
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()

    # ----- emphasis and reveal -----------------------------------------------------------------
    def set_emphasis(self, focus: set[str] | None) -> None:
        """None: everything normal. Else the focus bodies and their lines stand out, rest dims."""
        if focus is not None:
            self.ensure_items()
        self._focus.explicit = set(focus) if focus is not None else None
        self._apply_visibility()

    def set_revealed(self, ids: set[str] | None) -> None:
        """None: all visible. Else only these bodies, their frames and lines between them."""
        if ids is not None:
            self.ensure_items()
        self._focus.revealed = set(ids) if ids is not None else None
        self._apply_visibility()
        self.picture_changed.emit()

    def set_hovered(self, body_id: str | None) -> None:
        if body_id != self._focus.hovered and (body_id is None or self.items_ready):
            self._focus.hovered = body_id
            self._apply_visibility()

    def _refresh_emphasis(self) -> None:
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        selected = [i for i in self.selectedItems() if isinstance(i, BodyItem)]
        if self._focus.apply(self._box_of, self._group_members, selected, self.theme.dim_opacity):
            # Lines showed, hid, dimmed or lit: the layer draws the plain ones.
            self.line_layer.refresh()

    def _on_items_completed(self) -> None:
        self.line_layer.refresh()
        self.items_completed.emit()

    # ----- the far-out picture -------------------------------------------------------------------
    def overview_zoom(self) -> float:
        """Below this zoom a view may draw `paint_overview` instead of the items."""
        return self._overview.zoom_limit()

    def paint_overview(self, painter: QPainter, exposed: QRectF, lod: float) -> None:
        """The chart inside `exposed` (scene coordinates) in a few batched calls, for far out.

        `painter` maps scene coordinates to its device at `lod` pixels per point; the
        background is not drawn.
        """
        self._overview.paint(painter, exposed, lod)

    def paint_overview_cached(
        self, painter: QPainter, exposed: QRectF, lod: float, ratio: float, defer: bool = False
    ) -> bool:
        """As `paint_overview`, scaled from a picture kept per zoom band (for views that
        zoom and pan: a frame is then a copy of pixels). `ratio`: the device pixel ratio.
        With `defer`, a picture an edit changed shows as it was and True is returned: call
        `patch_overview()` in a later event-loop turn, then paint again."""
        return self._overview.paint_cached(
            painter, exposed, lod, self.sceneRect(), ratio, defer_patch=defer
        )

    def prepare_overview_step(self) -> bool:
        """Build one stale part of the far-out picture; False when it is all built (callers
        that can wait call this once per event-loop turn before `paint_overview`)."""
        return self._overview.prepare_step()

    def patch_overview(self) -> None:
        """Redraw the changed parts of the kept far-out pictures (see paint_overview_cached)."""
        self._overview.patch()

    def _group_members(self, group_id: str) -> tuple[str, ...]:
        group = self._group(group_id)
        return group.members if group else ()


def _ends(edge: EdgeLayout | None) -> tuple[str, ...]:
    return (edge.source, edge.target) if edge is not None else ()


def item_font_size(item: BodyItem, layout: Layout) -> float:
    """The label size the layout gave a box (10 pt if the layout does not know it)."""
    box = layout.boxes.get(item.key)
    return box.font_size if box else 10.0
