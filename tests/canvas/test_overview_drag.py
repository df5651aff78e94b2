"""Far out, a box being dragged shows only where it is, not also where the picture had it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QImage

from icsviewer.canvas.scene import ChartScene
from icsviewer.model.chart import Chart
from tests.canvas.ink import far_out_picture

SCALE = 0.25
MARK = QColor("#FF00FF")


def _render(scene: ChartScene) -> QImage:
    return far_out_picture(scene, SCALE)


def _marked(image: QImage, within: QRect | None = None) -> int:
    """Pixels in the dragged box's own fill colour (inside `within`, image pixels)."""
    area = within.intersected(image.rect()) if within is not None else image.rect()
    return sum(
        1
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
        if QColor(image.pixel(x, y)) == MARK
    )


def _pixels(scene: ChartScene, rect: QRectF) -> QRect:
    return QRectF(
        (rect.topLeft() - scene.sceneRect().topLeft()) * SCALE, rect.size() * SCALE
    ).toRect()


def test_a_box_dragged_far_out_shows_only_where_it_is(scene: ChartScene, chart: Chart) -> None:
    body_id = scene.body_ids()[0]
    chart.replace_body(replace(chart.body(body_id), style={"fill": MARK.name()}))
    item = scene.body_item(body_id)
    assert item is not None
    shown_once = _marked(_render(scene))
    assert shown_once > 0
    scene.select_bodies([body_id])
    start = item.pos()
    old_place = item.scene_rect()
    # Dragged (as the editor's drag does) a few box heights down, inside the chart.
    item.setPos(start + QPointF(0.0, item.scene_rect().height() * 3))
    dragged = _render(scene)
    # Once, not twice (the picture's old box and the dragged one).
    assert abs(_marked(dragged) - shown_once) <= shown_once * 0.2
    assert _marked(dragged, _pixels(scene, item.scene_rect())) > shown_once * 0.8
    assert _marked(dragged, _pixels(scene, old_place)) == 0
    # A cancelled drag puts it back: shown once, at its place.
    item.setPos(start)
    assert abs(_marked(_render(scene)) - shown_once) <= shown_once * 0.2
