"""Far out, the batched overview must look like the items it stands for, and follow changes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from icsviewer.canvas.scene import ChartScene
from icsviewer.canvas.view import ChartView
from icsviewer.model.chart import Chart
from tests.canvas.ink import far_out_picture

SCALE = 0.2  # far out: below the overview's zoom limit


def _render_items(scene: ChartScene, scale: float = SCALE) -> QImage:
    """The chart as the items draw themselves (QGraphicsScene.render)."""
    source = scene.sceneRect()
    image = _blank(scene, scale)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()
    return image


def _render_overview(scene: ChartScene, scale: float = SCALE) -> QImage:
    return far_out_picture(scene, scale)


def _blank(scene: ChartScene, scale: float) -> QImage:
    source = scene.sceneRect()
    image = QImage(
        round(source.width() * scale), round(source.height() * scale), QImage.Format.Format_RGB32
    )
    image.fill(scene.backgroundBrush().color())
    return image


def _mean(image: QImage, rect: QRectF) -> tuple[float, float, float]:
    """Average colour of the pixels inside `rect` (image coordinates)."""
    r = g = b = n = 0
    for x in range(int(rect.left()), int(rect.right()) + 1):
        for y in range(int(rect.top()), int(rect.bottom()) + 1):
            c = QColor(image.pixel(x, y))
            r, g, b, n = r + c.red(), g + c.green(), b + c.blue(), n + 1
    return (r / n, g / n, b / n) if n else (0.0, 0.0, 0.0)


def _box_colours(
    scene: ChartScene, image: QImage, scale: float = SCALE
) -> dict[str, tuple[float, float, float]]:
    """Each drawn box's average colour, over the middle of its box (away from its edge)."""
    origin = scene.sceneRect().topLeft()
    out = {}
    for body_id in scene.body_ids():
        box = scene.body_rect(body_id).translated(-origin)
        inner = QRectF(box.left() * scale, box.top() * scale, box.width() * scale,
                       box.height() * scale)  # fmt: skip
        inner = inner.adjusted(inner.width() * 0.2, inner.height() * 0.25,
                               -inner.width() * 0.2, -inner.height() * 0.25)  # fmt: skip
        out[body_id] = _mean(image, inner)
    return out


def _close(a: tuple[float, ...], b: tuple[float, ...], tolerance: float = 14.0) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def _mismatches(scene: ChartScene) -> list[str]:
    items = _box_colours(scene, _render_items(scene))
    overview = _box_colours(scene, _render_overview(scene))
    return [k for k in items if not _close(items[k], overview[k])]


def test_far_out_every_box_shows_in_the_colours_its_item_draws(scene: ChartScene) -> None:
    assert scene.overview_zoom() > SCALE
    assert _mismatches(scene) == []


def test_the_far_out_picture_follows_a_recolouring(scene: ChartScene, chart: Chart) -> None:
    _render_overview(scene)  # built once, so the edit below has to mark it stale
    body = chart.body(scene.body_ids()[0])
    chart.replace_body(replace(body, style={"fill": "#D5281B", "text": "#FFFFFF"}))
    colours = _box_colours(scene, _render_overview(scene))
    red, green, blue = colours[body.id]
    assert red > 150 and green < 120 and blue < 120  # reddish: the new fill with pale bars
    assert _mismatches(scene) == []


def test_far_out_build_mode_shows_only_what_the_items_show(scene: ChartScene) -> None:
    _render_overview(scene)
    scene.set_revealed(set(scene.body_ids()[:6]))
    assert _mismatches(scene) == []
    scene.set_revealed(None)
    assert _mismatches(scene) == []


def test_far_out_the_focus_stands_out_and_the_rest_is_dimmed(
    scene: ChartScene, chart: Chart
) -> None:
    focus = next(b for b in scene.body_ids() if chart.relationships_of(b))
    scene.set_emphasis({focus})
    items = _box_colours(scene, _render_items(scene))
    overview = _box_colours(scene, _render_overview(scene))
    assert _close(items[focus], overview[focus])
    background = scene.backgroundBrush().color()
    paper = (background.red(), background.green(), background.blue())
    for body_id in scene.body_ids():
        item = scene.body_item(body_id)
        assert item is not None
        fill = QColor(item.look.fill)
        strength = _distance((fill.red(), fill.green(), fill.blue()), paper)
        if item.opacity() < 1.0 and strength > 150:
            # A dimmed strong colour is far paler (a lit line may cross it: far out the lit
            # lines are drawn over the boxes).
            assert _distance(overview[body_id], paper) < 0.6 * strength
    scene.set_emphasis(None)
    assert _mismatches(scene) == []


def _distance(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return float(sum(abs(x - y) for x, y in zip(a, b, strict=True)))


def test_the_view_draws_the_overview_far_out_and_the_items_close_in(
    qtbot: QtBot, scene: ChartScene
) -> None:
    view = ChartView(scene)
    view.resize(700, 500)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    for zoom in (0.12, 1.0):
        view.resetTransform()
        view.scale(zoom, zoom)
        body_id = scene.body_ids()[len(scene.body_ids()) // 2]
        view.centerOn(scene.body_rect(body_id).center())
        shot = view.viewport().grab().toImage()
        box = view.mapFromScene(scene.body_rect(body_id)).boundingRect()
        inner = QRectF(box).adjusted(box.width() * 0.1, 1.5, -box.width() * 0.1, -1.5)
        fill = QColor(scene.body_item(body_id).look.fill)  # type: ignore[union-attr]
        # The box's edge strip (left of any text bar or label) is its fill colour.
        strip = QRectF(inner.left(), inner.top(), max(inner.width() * 0.05, 1.0), inner.height())
        assert _close(_mean(shot, strip), (fill.red(), fill.green(), fill.blue()), 40.0), zoom


def test_zoom_limit_keeps_labels_that_could_be_read_out_of_the_overview(
    scene: ChartScene,
) -> None:
    # 3.5 px is the smallest label drawn as text: the overview stops before any box reaches it.
    biggest = max(scene.layout.boxes[b].font_size for b in scene.body_ids())
    assert scene.overview_zoom() * biggest <= 3.5 + 1e-9


def test_paint_overview_needs_no_view(scene: ChartScene) -> None:
    image = _render_overview(scene, 0.05)
    background = scene.backgroundBrush().color().rgb()
    painted = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if image.pixel(x, y) != background
    )
    assert painted > 0


def test_the_far_out_picture_follows_a_box_moved_by_a_new_layout(scene: ChartScene) -> None:
    _render_overview(scene)
    moved = scene.body_ids()[0]
    layout = scene.layout
    box = layout.boxes[moved]
    # Into the empty margin below the chart, where nothing else is drawn.
    target = replace(box, x=0.0, y=layout.height + 40.0)
    scene.set_layout(
        replace(layout, boxes={**layout.boxes, moved: target}, height=layout.height + 120)
    )
    assert _mismatches(scene) == []
    colour = QColor(scene.body_item(moved).look.fill)  # type: ignore[union-attr]
    strip = _box_colours(scene, _render_overview(scene))[moved]
    assert _distance(strip, (colour.red(), colour.green(), colour.blue())) < 120


def test_far_out_a_rubber_band_shows_and_selects(qtbot: QtBot, scene: ChartScene) -> None:
    from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QGraphicsView

    view = ChartView(scene)
    view.resize(700, 500)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.resetTransform()
    view.scale(0.1, 0.1)
    view.centerOn(scene.sceneRect().center())
    view.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
    viewport = view.viewport()
    empty = QColor(viewport.grab().toImage().pixel(5, 5))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    for step in range(10, 700, 40):
        at = QPointF(step, step * 5 / 7)
        move = QMouseEvent(
            QEvent.Type.MouseMove, at, at, Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(viewport, move)
    assert not view.rubberBandRect().isEmpty()
    shown = QColor(viewport.grab().toImage().pixel(5, 5))
    assert shown != empty  # the band's tint over the empty corner
    assert len(scene.selected_body_ids()) == len(scene.body_ids())


def test_a_far_out_picture_patched_after_an_edit_matches_one_drawn_afresh(
    qtbot: QtBot, scene: ChartScene, chart: Chart
) -> None:
    view = ChartView(scene)
    view.resize(700, 500)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.resetTransform()
    view.scale(0.15, 0.15)
    view.centerOn(scene.sceneRect().center())
    view.viewport().grab()  # the pictures are made
    moved = scene.body_ids()[5]
    layout = scene.layout
    box = layout.boxes[moved]
    scene.set_layout(replace(layout, boxes={**layout.boxes, moved: replace(box, x=box.x + 30)}))
    recoloured = chart.body(scene.body_ids()[9])
    chart.replace_body(replace(recoloured, style={"fill": "#D5281B"}))
    view.viewport().grab()  # the picture as it was; the patch waits for the next loop turns
    qtbot.wait(50)  # a stale layer rebuilt per turn, then the picture patched
    patched = view.viewport().grab().toImage()
    scene.set_theme(scene.theme)  # every picture drawn again from scratch
    fresh = view.viewport().grab().toImage()
    differing = sum(
        1
        for x in range(0, patched.width(), 2)
        for y in range(0, patched.height(), 2)
        if not _close(_rgb(patched.pixel(x, y)), _rgb(fresh.pixel(x, y)), 24.0)
    )
    assert differing <= 4  # unpatched, the moved and the recoloured box differ (40 or more)


def _rgb(pixel: int) -> tuple[float, float, float]:
    colour = QColor(pixel)
    return (colour.red(), colour.green(), colour.blue())


def test_the_overview_can_be_rebuilt_one_part_per_turn(
    qapp: QApplication, scene: ChartScene, chart: Chart
) -> None:
    # Boxes, lines and frames: at most three parts to build, one per call.
    steps = 0
    while scene.prepare_overview_step():
        steps += 1
        assert steps <= 3
    assert not scene.prepare_overview_step()
    body = chart.bodies[0]
    chart.replace_body(replace(body, name=body.name + " (renamed)"))
    assert scene.prepare_overview_step()  # the boxes changed: rebuilt in a step of their own
    stepped = _render_overview(scene)
    # Built in steps, the picture is the one built in one go.
    scene._overview.invalidate()  # a fresh build, to compare with
    assert stepped == _render_overview(scene)
