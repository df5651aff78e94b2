"""The far-out picture of a whole chart, drawn in a handful of batched calls.

Far out, a national chart shows thousands of boxes, lines and frames. Drawn item by item
through QGraphicsView that is thousands of Python `paint` calls and per-item pixmap caches: a
quarter of a second a frame at 2,500 bodies. Below `overview_zoom()` the chart view (and the
minimap) draw this picture instead: frames, lines and boxes grouped by look, each group one
path drawn in one call, the faint bars standing for unreadable labels one `drawRects` per
colour. It is built from the scene's items, so it shows what they would, and built lazily:
a change marks only its layer (boxes, lines or frames) stale. The view shows it through
pictures kept per zoom band (overview_pictures.py), patched where an edit changed something.

What is shown follows the items: hidden items (build mode) are left out; with an emphasis
everything is drawn at the dim opacity and the focus on top at full strength; selected boxes
get their ring. The few items that need more than a batch (the focus, selected boxes,
collapsed groups, group names once they are readable) paint themselves through their own
`paint`, so they look exactly as they do closer in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem

from icsviewer.canvas.items.body_item import (
    LABEL_BAR_HEIGHT,
    MIN_READABLE_TEXT_PX,
    BodyItem,
    BoxLook,
)
from icsviewer.canvas.items.frame_item import (
    FRAME_LABEL_SIZE,
    FRAME_RADIUS,
    MIN_LABEL_PX,
    FrameItem,
)
from icsviewer.canvas.items.relation_item import RelationItem
from icsviewer.canvas.overview_layers import BoxLayer, RectLayer
from icsviewer.canvas.overview_pictures import BandPictures, band_scale
from icsviewer.canvas.qt_style import make_brush, make_pen, qcolor
from icsviewer.gc_pause import paused_gc

if TYPE_CHECKING:  # population imports the placer, which needs nothing of this module
    from icsviewer.canvas.population import ItemPopulator

# Below this zoom (pixels per point) lines are drawn as one-pixel strokes by colour: their
# dashes and arrowheads are too small to see. The overview is used at most up to here.
LOW_DETAIL = 0.3
# Label bars shorter on screen than this (pixels) are left out.
MIN_BAR_PX = 0.25
# Width (pixels) of a line far out.
LINE_PX = 1.0
# Width (pixels) of an emphasised line far out, where ordinary lines are one pixel.
FOCUS_LINE_PX = 2.0


@dataclass(frozen=True)
class OverviewFocus:
    """An emphasis to show far out: these boxes and lines at full strength, the rest dimmed."""

    boxes: tuple[BodyItem, ...]
    lines: tuple[RelationItem, ...]
    dim: float


class ChartOverview:
    """Batched drawing of the scene's boxes, lines and frames, for views far out."""

    def __init__(
        self,
        boxes: Mapping[str, BodyItem],
        lines: Mapping[str, RelationItem],
        frames: Mapping[str, FrameItem],
    ) -> None:
        # The scene's own item mappings (kept up to date by the scene): read when rebuilding.
        self._box_items = boxes
        self._line_items = lines
        self._frame_items = frames
        self._boxes: list[BoxLayer] | None = None
        # Each box's look, rectangle and label bars (scene coordinates), kept across rebuilds
        # of the layers so a change costs only the boxes it touched.
        self._box_data: dict[str, tuple[BoxLook, QRectF, list[QRectF], float]] = {}
        self._max_font = 10.0
        self._max_font_known = False
        # Boxes dragged off the place the pictures show them at (that place, by key): left
        # out of the pictures and drawn on top where they are, so a box shows only once.
        self._displaced: dict[str, QRectF] = {}
        self._lines: list[tuple[QPen, QPainterPath]] | None = None
        self._frames: list[RectLayer] | None = None
        self._collapsed: list[FrameItem] = []
        self._focus: OverviewFocus | None = None
        # Pictures of the whole chart kept per zoom band for the view (see paint_cached).
        self._pictures = BandPictures(self._paint_base)
        self._selected: tuple[BodyItem, ...] = ()
        # While a big chart's items are made in slices: those not made yet (population.py).
        # They come after the made ones, in layout order, as their items will when made, so
        # the picture does not change as they are.
        self.pending: ItemPopulator | None = None

    # ----- what changed -------------------------------------------------------------------
    def invalidate(
        self,
        boxes: bool = True,
        lines: bool = True,
        frames: bool = True,
        area: QRectF | None = None,
    ) -> None:
        """Mark layers stale; they are rebuilt at the next paint that needs them.

        `area`: where the change is (scene coordinates), if it is known to be only there.
        """
        self._pictures.forget(area)
        if boxes:
            self._boxes = None
            self._box_data = {}
        if lines:
            self._lines = None
        if frames:
            self._frames = None

    def invalidate_boxes(self, keys: Iterable[str], area: QRectF | None = None) -> None:
        """Only these boxes changed (moved, restyled, relabelled, added or removed)."""
        self._pictures.forget(area)
        self._boxes = None
        for key in keys:
            self._box_data.pop(key, None)
            self._displaced.pop(key, None)

    def follow_event(self, kind: str, ids: Iterable[str], area: QRectF | None) -> None:
        """Mark what a chart event of `kind` changed (`area`: where, if known); rebuilt when
        next drawn. Additions wait for the layout that places them."""
        if kind == "body_changed":  # a new look or label: inside the box
            self.invalidate_boxes(ids, area)
        elif kind == "body_removed":
            self.invalidate_boxes(ids)
        if kind in ("body_removed", "relationship_removed", "relationship_changed"):
            self.invalidate(boxes=False, lines=True, frames=False)
        elif kind in ("reset", "groups_changed"):
            self.invalidate()

    def set_focus(self, focus: OverviewFocus | None, selected: Iterable[BodyItem]) -> None:
        """The emphasis to show (None: none) and the selected boxes (they get their ring)."""
        self._focus = focus
        self._selected = tuple(selected)

    def zoom_limit(self) -> float:
        """The zoom below which this picture stands for the items: no label is readable yet."""
        # After an edit the last known size will do: rebuilding the box layers only for it
        # cost 25 ms at 10,000 bodies on every edit's first frame.
        if self._boxes is None and not self._max_font_known:
            self._build_boxes()
        return min(LOW_DETAIL, MIN_READABLE_TEXT_PX / max(self._max_font, 1.0))

    # ----- drawing --------------------------------------------------------------------------
    def paint(self, painter: QPainter, exposed: QRectF, lod: float) -> None:
        """Draw the chart's part inside `exposed` (scene coordinates) at `lod` pixels per point.

        The painter maps scene coordinates to the device.
        """
        self._follow_drags()
        self._paint_base(painter, lod, self._focus.dim if self._focus else None)
        self._paint_overlays(painter, exposed, lod)

    def paint_cached(
        self,
        painter: QPainter,
        exposed: QRectF,
        lod: float,
        chart: QRectF,
        ratio: float,
        defer_patch: bool = False,
    ) -> bool:
        """As `paint`, from a picture of the whole chart kept for the current zoom band.

        Zooming and panning far out then cost one scaled copy of pixels a frame (see
        overview_pictures). `chart` is the scene area to show; `ratio` the device's pixel
        ratio. With `defer_patch`, a picture an edit changed is shown as it was; True is then
        returned, and the caller should call `patch()` soon and paint again.
        """
        self._follow_drags()
        dim = self._focus.dim if self._focus else None
        scale = band_scale(lod, self.zoom_limit())
        self._pictures.defer_patches = defer_patch
        if not self._pictures.draw(painter, chart, scale, dim, ratio):
            self.paint(painter, exposed, lod)  # too big to keep: drawn afresh each frame
            return False
        self._paint_overlays(painter, exposed, lod)
        return self._pictures.stale

    def patch(self) -> None:
        """Redraw the parts of the kept pictures that changed (see `paint_cached`)."""
        self._pictures.patch()

    def prepare_step(self) -> bool:
        """Build one stale layer (boxes, lines or frames); False when none was left to build.

        Called once per event-loop turn by a caller that can wait (the overview panel), so
        that rebuilding a national chart's layers after an edit (20 to 35 ms each) never adds
        up in one turn.
        """
        if self._boxes is None:
            self._build_boxes()
        elif self._lines is None:
            self._build_lines()
        elif self._frames is None:
            self._build_frames()
        else:
            return False
        return True

    def _paint_base(self, painter: QPainter, lod: float, dim: float | None) -> None:
        """Frames, lines and boxes (lines and boxes at `dim` opacity if set): everything but
        the few items drawn on top."""
        while self.prepare_step():
            pass  # every stale layer built
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for frame_layer in self._frames or ():
            frame_layer.paint(painter, lod)
        painter.setOpacity(1.0 if dim is None else dim)
        self._paint_lines(painter)
        self._paint_boxes(painter, lod)
        painter.setOpacity(1.0)

    def _paint_overlays(self, painter: QPainter, exposed: QRectF, lod: float) -> None:
        """Group names once readable, collapsed groups, the focus and the selected boxes."""
        if lod * FRAME_LABEL_SIZE >= MIN_LABEL_PX:
            if self.pending is not None:
                # The names are drawn by the frames' items: any still to be made, now.
                self.pending.make_frames()
            # Group names become readable a little before the boxes' labels do.
            labels = (f.label_item for f in self._frame_items.values() if f.label_item.isVisible())
            _paint_items(painter, labels, exposed)
        _paint_items(painter, self._collapsed, exposed)
        focus = self._focus
        if focus is not None:
            self._paint_focus_lines(painter, focus.lines)
        on_top = {id(b): b for b in (*(focus.boxes if focus else ()), *self._selected)}
        # Dragged boxes last: over the focus and anything they are dragged across.
        for key in self._displaced:
            if (box := self._box_items.get(key)) is not None:
                on_top.pop(id(box), None)
                on_top[id(box)] = box
        _paint_items(painter, (b for b in on_top.values() if b.isVisible()), exposed)

    def _paint_lines(self, painter: QPainter) -> None:
        # Antialiased: the view scales this picture to the exact zoom, and aliased one-pixel
        # lines turn into dotted ones when resampled.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path in self._lines or ():
            painter.setPen(pen)
            painter.drawPath(path)

    def _paint_focus_lines(self, painter: QPainter, lines: Iterable[RelationItem]) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for line in lines:
            if line.isVisible():
                pen = QPen(qcolor(line.colour), FOCUS_LINE_PX)
                pen.setCosmetic(True)
                painter.setPen(pen)
                painter.drawPath(line.path())

    def _paint_boxes(self, painter: QPainter, lod: float) -> None:
        for layer in self._boxes or ():
            layer.paint(painter, lod)
        if lod * self._max_font * LABEL_BAR_HEIGHT < MIN_BAR_PX:
            # Bars a fraction of a pixel tall (the overview panel's scale, a national chart
            # fitted) tint nothing visibly, and cost a third of drawing the boxes.
            return
        painter.setPen(Qt.PenStyle.NoPen)
        for layer in self._boxes or ():
            painter.setBrush(layer.bar_brush)
            painter.drawRects(layer.bars)

    def _follow_drags(self) -> None:
        """Leave a box dragged off its place out of the pictures; take it back when it is
        back in place (a cancelled drag). A dropped box is re-laid out: `invalidate_boxes`."""
        moved = (*(self._focus.boxes if self._focus else ()), *self._selected)
        for item in moved:
            entry = self._box_data.get(item.key)
            placed = entry[1] if entry is not None else None
            if (
                placed is not None
                and item.key not in self._displaced
                and item.pos() != placed.topLeft()
            ):
                self._displaced[item.key] = placed
                self.invalidate_boxes((), placed)
        for key, rect in list(self._displaced.items()):
            box = self._box_items.get(key)
            if box is None or box.pos() == rect.topLeft():
                del self._displaced[key]
                self.invalidate_boxes((), rect)

    # ----- building -------------------------------------------------------------------------
    def _build_boxes(self) -> None:
        # Thousands of small objects, none in a cycle: keep the collector from walking the
        # whole heap (chart and items included) every few hundred of them.
        with paused_gc():
            self._build_box_layers()

    def _build_box_layers(self) -> None:
        data = self._box_data
        shown: list[tuple[BoxLook, QRectF, list[QRectF], float]] = []
        for key, item in self._box_items.items():
            entry = data.get(key)
            if entry is None:
                entry = data[key] = item.overview_entry()
            if item.isVisible() and key not in self._displaced:
                shown.append(entry)
        if self.pending is not None:
            # Not made yet, so neither hidden nor dimmed (any reveal or focus makes them first).
            for key, entry in self.pending.box_entries(data):
                data[key] = entry
                shown.append(entry)
        layers: dict[BoxLook, BoxLayer] = {}
        max_font = 0.0
        for look, rect, bars, font_size in shown:
            layer = layers.get(look)
            if layer is None:
                layer = layers[look] = BoxLayer(look)
            layer.rects.append(rect)
            layer.bars.extend(bars)
            max_font = max(max_font, font_size)
        self._boxes = list(layers.values())
        self._max_font = max_font or 10.0
        self._max_font_known = True

    def _build_lines(self) -> None:
        merged: dict[str, QPainterPath] = {}
        for line in self._line_items.values():
            if line.isVisible():
                merged.setdefault(line.colour, QPainterPath()).addPath(line.path())
        if self.pending is not None:
            for colour, path in self.pending.line_paths():
                merged.setdefault(colour, QPainterPath()).addPath(path)
        layers = []
        for colour, path in merged.items():
            # Cosmetic (the same on screen whatever the zoom), and a little over a pixel: the
            # view shows the picture up to BAND_STEP smaller, antialiased.
            pen = QPen(qcolor(colour), LINE_PX)
            pen.setCosmetic(True)
            layers.append((pen, path))
        self._lines = layers

    def _build_frames(self) -> None:
        entries: list[tuple[tuple[str, str, tuple[float, ...]], QRectF]] = []
        collapsed = []
        for frame in self._frame_items.values():
            if not frame.isVisible():
                continue
            if frame.collapsed:
                collapsed.append(frame)  # drawn over the lines, like a box
            else:
                entries.append((frame.look_key, frame.frame_rect()))
        merged: dict[tuple[str, str, tuple[float, ...]], RectLayer] = {}
        # Frames not made yet come after the made ones, in layout order, as when made.
        pending = self.pending.frame_entries() if self.pending is not None else ()
        for look_key, rect in (*entries, *pending):
            layer = merged.get(look_key)
            if layer is None:
                fill, stroke, dash = look_key
                layer = RectLayer(make_pen(stroke, 1.0, dash), make_brush(fill), FRAME_RADIUS)
                merged[look_key] = layer
            layer.rects.append(rect)
        self._frames = list(merged.values())
        self._collapsed = collapsed


def _paint_items(painter: QPainter, items: Iterable[QGraphicsItem], exposed: QRectF) -> None:
    """Let a few items draw themselves, each in its own coordinates and at its own opacity."""
    option = QStyleOptionGraphicsItem()
    for item in items:
        if not item.sceneBoundingRect().intersects(exposed):
            continue
        option.state = (
            QStyle.StateFlag.State_Selected if item.isSelected() else QStyle.StateFlag.State_None
        )
        painter.save()
        painter.translate(item.pos())
        painter.setOpacity(item.opacity())
        item.paint(painter, option, None)
        painter.restore()
