"""One item that draws all of a scene's lines that are not emphasised, in a single paint.

At 100 % a national chart's view is crossed by a few hundred lines. Drawn as items, each cost
the view a Python `paint` call with a wrapped painter and style option, a saved and restored
painter and an exposed rectangle worked out for it: more than stroking the lines themselves.
The layer asks the scene's index which lines meet the exposed area and has each draw itself
(`RelationItem.draw`, the same code the item's own `paint` runs), in stacking order, at the
line's opacity. The line items stay in the scene for everything else (their geometry, the
emphasis, the far-out picture); emphasised lines paint themselves, above the layer.

The layer cannot see a line change (Qt discards updates of items with no contents), so a
line item calls `refresh` when it moves or restyles, and the scene when lines show, hide,
dim or are removed.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from icsviewer.canvas.items.relation_item import RelationItem

# Above frames (0) and below the line items (1.0), which draw only while emphasised, and
# below frame labels (1.5) and boxes (2.0): where lines have always been drawn.
LAYER_Z = 0.9

_BY_BOUNDS = Qt.ItemSelectionMode.IntersectsItemBoundingRect
_BOTTOM_FIRST = Qt.SortOrder.AscendingOrder
_ANTIALIASING = QPainter.RenderHint.Antialiasing


class LineLayer(QGraphicsItem):
    """Draws the scene's plain lines; covers the scene rectangle, never takes the mouse."""

    def __init__(self) -> None:
        super().__init__()
        self._bounds = QRectF()
        self.setZValue(LAYER_Z)
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def set_bounds(self, rect: QRectF) -> None:
        """The area lines may be drawn in: the scene rectangle."""
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(rect)

    def refresh(self, area: QRectF | None = None) -> None:
        """Draw again where lines changed (`area`, scene coordinates), or everywhere."""
        scene = self.scene()
        if area is None or scene is None:
            self.update()
        elif not area.isEmpty():
            # Through the scene: once anything listens to the scene's `changed` signal (the
            # view's tiles do), Qt reports an item's partial update as its whole bounding
            # rectangle, and the layer's is the whole chart.
            scene.update(area)

    # ----- QGraphicsItem -------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        # Nothing to hit: clicks, hover and rubber bands go to the boxes and frames.
        return QPainterPath()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self.scene()
        if scene is None:
            return
        exposed = option.exposedRect
        if painter.hasClipping():
            # Rendered outside a view (QGraphicsScene.render: tiles, exports), the exposed
            # rectangle is the whole layer; the clip says which part is wanted.
            exposed = exposed & painter.clipBoundingRect()
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(_ANTIALIASING, True)
        base = painter.opacity()
        current = base
        for item in scene.items(exposed, _BY_BOUNDS, _BOTTOM_FIRST):
            # type() rather than isinstance: hundreds of items, and nothing subclasses lines.
            if type(item) is not RelationItem or item.emphasised or not item.isVisible():
                continue
            opacity = base * item.opacity()
            if opacity != current:
                painter.setOpacity(opacity)
                current = opacity
            item.draw(painter, exposed, lod)
        if current != base:
            painter.setOpacity(base)
