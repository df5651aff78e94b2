"""Frames copied from tiles: the picture drawing the items gives, true to every change, made
ahead in idle moments for the next wheel notch or pan."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from icsviewer.canvas.scene import ChartScene
from icsviewer.canvas.tile_cache import grid_of
from icsviewer.canvas.view import WHEEL_STEP, ChartView
from icsviewer.model.chart import Chart
from icsviewer.style.theme import get_theme

# Width a multiple of four: grey images then have no padding at the end of a row.
VIEW_SIZE = (900, 600)


@pytest.fixture
def view(qtbot: QtBot, scene: ChartScene) -> ChartView:
    widget = ChartView(scene)
    widget.resize(*VIEW_SIZE)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.reset_zoom()
    return widget


def settle(qtbot: QtBot, view: ChartView) -> None:
    """Let the view draw and make its tiles ahead, as it does while the user pauses."""
    view.viewport().repaint()
    qtbot.waitUntil(lambda: not view.tiles.making_ahead, timeout=10_000)


def grab(view: ChartView) -> QImage:
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def drawn_directly(view: ChartView) -> QImage:
    """What the view shows drawing its items, without tiles."""
    view.tiles.enabled = False
    try:
        return grab(view)
    finally:
        view.tiles.enabled = True


def grabbed_from_tiles(view: ChartView) -> QImage:
    before = view.tiles.frames_from_tiles
    image = grab(view)
    assert view.tiles.frames_from_tiles > before, "the frame was not copied from tiles"
    return image


def share_differing(a: QImage, b: QImage, by_more_than: int = 100) -> float:
    """The share of pixels whose colour differs by more than `by_more_than` (0-255, summed
    over the three channels)."""
    assert a.size() == b.size()
    difference = QImage(a)
    painter = QPainter(difference)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, b)
    painter.end()
    grey = difference.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    table = bytes(1 if value > by_more_than // 3 else 0 for value in range(256))
    return data.translate(table).count(1) / (a.width() * a.height())


def body_in_view(view: ChartView, scene: ChartScene) -> str:
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    return next(b for b in scene.body_ids() if visible.contains(scene.body_rect(b)))


def test_a_frame_from_tiles_shows_what_drawing_the_items_shows(
    qtbot: QtBot, view: ChartView
) -> None:
    settle(qtbot, view)
    tiled = grabbed_from_tiles(view)
    direct = drawn_directly(view)
    # Lines cut at other places may shade an edge pixel differently; nothing more.
    assert share_differing(tiled, direct) < 0.002
    assert share_differing(tiled, QImage(direct.size(), direct.format())) > 0.01


def test_a_wheel_notch_after_a_pause_is_copied_from_tiles_made_ahead(
    qtbot: QtBot, view: ChartView
) -> None:
    settle(qtbot, view)
    made = view.tiles.tiles_made
    for factor in (WHEEL_STEP, 1 / WHEEL_STEP, 1 / WHEEL_STEP):
        view.zoom_by(factor, QPointF(200, 150))  # about the pointer, as the wheel does
        tiled = grabbed_from_tiles(view)
        assert view.tiles.tiles_made == made, "tiles were drawn while the user waited"
        assert share_differing(tiled, drawn_directly(view)) < 0.002
        settle(qtbot, view)
        made = view.tiles.tiles_made


def test_a_pan_of_a_quarter_view_is_copied_from_tiles_made_ahead(
    qtbot: QtBot, view: ChartView
) -> None:
    view.zoom_by(2.0)  # a chart bigger than the view, so it can pan
    settle(qtbot, view)
    made = view.tiles.tiles_made
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + view.viewport().width() // 4)
    grabbed_from_tiles(view)
    assert view.tiles.tiles_made == made


def test_the_wheel_keeps_the_view_on_the_same_sub_pixel_offset(view: ChartView) -> None:
    def grid() -> tuple[float, float]:
        placed = grid_of(view.viewportTransform(), 1.0)
        assert placed is not None
        return placed[0].shift_x, placed[0].shift_y

    before = grid()
    for anchor in (QPointF(13.3, 7.7), QPointF(611.5, 402.25), QPointF(5, 590)):
        view.zoom_by(WHEEL_STEP, anchor)
        assert grid() == before


def box_of(view: ChartView, scene: ChartScene, body_id: str) -> QRect:
    """The body's box in viewport pixels, with room for its selection outline."""
    return view.mapFromScene(scene.body_rect(body_id)).boundingRect().adjusted(-6, -6, 6, 6)


def test_a_selection_shows_in_the_very_next_frame(
    qtbot: QtBot, view: ChartView, scene: ChartScene
) -> None:
    settle(qtbot, view)
    body_id = body_in_view(view, scene)
    box = box_of(view, scene, body_id)
    plain = grabbed_from_tiles(view).copy(box)
    scene.select_bodies([body_id])
    # No event-loop turn between the change and the repaint (the rest of the chart dims,
    # so this frame may well be drawn directly; either way it must show the selection).
    selected = grab(view).copy(box)
    assert share_differing(selected, plain, by_more_than=30) > 0.02
    assert share_differing(selected, drawn_directly(view).copy(box), by_more_than=30) < 0.002


def test_a_renamed_body_shows_its_new_name_in_the_very_next_frame(
    qtbot: QtBot, view: ChartView, scene: ChartScene, chart: Chart
) -> None:
    settle(qtbot, view)
    body_id = body_in_view(view, scene)
    box = box_of(view, scene, body_id)
    before = grabbed_from_tiles(view).copy(box)
    chart.replace_body(dataclasses.replace(chart.body(body_id), name="A new name"))
    # No event-loop turn: the tiles under the box are patched before they are copied.
    renamed = grabbed_from_tiles(view).copy(box)
    assert share_differing(renamed, before) > 0.02
    assert share_differing(renamed, drawn_directly(view).copy(box), by_more_than=30) < 0.002


def test_a_new_theme_shows_at_once_and_in_the_tiles_made_after(
    qtbot: QtBot, view: ChartView, scene: ChartScene
) -> None:
    settle(qtbot, view)
    before = grabbed_from_tiles(view)
    scene.set_theme(get_theme("high_contrast"))
    # Every tile is stale: the view draws its items until it is moved...
    restyled = grab(view)
    assert share_differing(restyled, before) > 0.01
    assert share_differing(restyled, drawn_directly(view)) < 0.002
    # ...and tiles made after that are in the new theme.
    view.zoom_by(WHEEL_STEP)
    settle(qtbot, view)
    view.zoom_by(1 / WHEEL_STEP)
    assert share_differing(grabbed_from_tiles(view), drawn_directly(view)) < 0.002


def test_a_change_with_the_view_still_makes_nothing_ahead(
    qtbot: QtBot, view: ChartView, scene: ChartScene
) -> None:
    settle(qtbot, view)
    made = view.tiles.tiles_made
    scene.set_hovered(body_in_view(view, scene))  # the rest of the chart dims
    qtbot.wait(50)
    view.viewport().repaint()
    qtbot.wait(100)
    assert view.tiles.tiles_made == made
    assert not view.tiles.making_ahead


def test_nothing_is_made_ahead_while_the_camera_glides(
    qtbot: QtBot, view: ChartView
) -> None:
    settle(qtbot, view)
    view.tiles.hold(True)
    made = view.tiles.tiles_made
    view.zoom_by(1.7)
    view.viewport().repaint()  # a glide's frame at a new zoom level: drawn directly
    qtbot.wait(100)
    assert view.tiles.tiles_made == made
    view.tiles.hold(False)
    qtbot.waitUntil(lambda: view.tiles.tiles_made > made, timeout=5_000)


def test_the_tiles_stay_within_their_budget(qtbot: QtBot, view: ChartView) -> None:
    for step in range(8):
        view.zoom_by(WHEEL_STEP if step % 3 else 1 / WHEEL_STEP, QPointF(450, 300))
        bar = view.horizontalScrollBar()
        bar.setValue(bar.value() + 150)
        settle(qtbot, view)
    assert 0 < view.tiles.cache.size_bytes <= view.tiles.cache.budget_bytes


def test_far_out_the_overview_is_drawn_not_tiles(qtbot: QtBot, view: ChartView) -> None:
    view.zoom_by(0.05)
    before = view.tiles.frames_from_tiles
    settle(qtbot, view)
    grab(view)
    assert view.tiles.frames_from_tiles == before


def test_a_rubber_band_is_drawn_over_the_tiles(qtbot: QtBot, view: ChartView) -> None:
    settle(qtbot, view)
    plain = grabbed_from_tiles(view)
    corner = QRect(QPoint(100, 100), QPoint(400, 300))
    # The band QGraphicsView would draw while Shift-dragging (its rectangle is read-only).
    view.rubberBandRect = lambda: corner  # type: ignore[method-assign]
    banded = grabbed_from_tiles(view)
    assert share_differing(banded.copy(corner), plain.copy(corner), by_more_than=6) > 0.5
