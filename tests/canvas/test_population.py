"""A big chart's items are made after the first paint, a slice at a time, without the user
ever meeting a missing item: what needs one before its turn finishes the work first."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from icsviewer.canvas.fonts import load_bundled_fonts
from icsviewer.canvas.items.body_item import BodyItem
from icsviewer.canvas.items.frame_item import FrameItem
from icsviewer.canvas.items.relation_item import RelationItem
from icsviewer.canvas.population import PROGRESSIVE_BODIES
from icsviewer.canvas.scene import ChartScene
from icsviewer.canvas.view import ChartView
from icsviewer.layout.client import compute_layout
from icsviewer.layout.geometry import Layout
from icsviewer.layout.incremental import update_layout
from icsviewer.model.chart import Body, Chart
from icsviewer.model.generator import generate_chart
from icsviewer.style.theme import get_theme
from tests.canvas.ink import far_out_picture

BIG = PROGRESSIVE_BODIES + 200


@pytest.fixture
def big(qapp: object) -> tuple[Chart, Layout]:
    load_bundled_fonts()
    chart = generate_chart(BIG, seed=1)
    return chart, compute_layout(chart, cache=None)


@pytest.fixture
def big_scene(big: tuple[Chart, Layout]) -> Iterator[ChartScene]:
    chart, layout = big
    scene = ChartScene(chart, layout, get_theme("nhs"))
    yield scene
    scene.detach()


def _boxes(scene: ChartScene) -> list[BodyItem]:
    return [i for i in scene.items() if isinstance(i, BodyItem)]


def _lines(scene: ChartScene) -> list[RelationItem]:
    return [i for i in scene.items() if isinstance(i, RelationItem)]


def _far_out(scene: ChartScene, scale: float = 0.05) -> QImage:
    return far_out_picture(scene, scale)


def test_big_chart_items_are_made_after_construction_while_the_loop_turns(
    qtbot: QtBot, big: tuple[Chart, Layout], big_scene: ChartScene
) -> None:
    _chart, layout = big
    assert not big_scene.items_ready
    assert len(_boxes(big_scene)) < len(layout.boxes)
    turns: list[int] = []
    heartbeat = QTimer()
    heartbeat.setInterval(0)
    heartbeat.timeout.connect(lambda: turns.append(1))
    heartbeat.start()
    with qtbot.waitSignal(big_scene.items_completed, timeout=60_000):
        pass
    heartbeat.stop()
    assert big_scene.items_ready
    assert {b.key for b in _boxes(big_scene)} == set(layout.boxes)
    assert {line.key for line in _lines(big_scene)} == set(layout.edges)
    # Other events ran between the slices: population did not hold the loop throughout.
    assert len(turns) > 3


def test_small_charts_are_built_at_once(qapp: object) -> None:
    chart = generate_chart(200, seed=1)
    layout = compute_layout(chart, cache=None)
    scene = ChartScene(chart, layout, get_theme("nhs"))
    assert scene.items_ready
    assert {b.key for b in _boxes(scene)} == set(layout.boxes)


def test_far_out_picture_at_first_paint_equals_the_one_after_population(
    qtbot: QtBot, big_scene: ChartScene
) -> None:
    before = _far_out(big_scene)
    assert not big_scene.items_ready
    with qtbot.waitSignal(big_scene.items_completed, timeout=60_000):
        pass
    # Drawn again from the items alone.
    big_scene.set_theme(big_scene.theme)
    after = _far_out(big_scene)
    assert before == after


def test_selecting_and_going_to_a_body_mid_population(
    big: tuple[Chart, Layout], big_scene: ChartScene
) -> None:
    chart, layout = big
    last = chart.bodies[-1].id  # made last, if at all before it is asked for
    box = layout.boxes[last]
    view = ChartView(big_scene)
    view.resize(800, 600)
    assert big_scene.body_rect(last) == QRectF(box.x, box.y, box.width, box.height)
    view.centre_on_body(last)
    assert (
        view.mapToScene(view.viewport().rect())
        .boundingRect()
        .contains(QRectF(box.x, box.y, box.width, box.height).center())
    )
    big_scene.select_bodies([last])
    assert big_scene.selected_body_ids() == [last]
    item = big_scene.body_item(last)
    assert item is not None and item.scene_rect() == big_scene.body_rect(last)
    assert big_scene.items_ready


def test_body_under_the_mouse_and_emphasis_mid_population(
    big: tuple[Chart, Layout], big_scene: ChartScene
) -> None:
    chart, layout = big
    last = chart.bodies[-1].id
    box = layout.boxes[last]
    assert big_scene.body_at(QRectF(box.x, box.y, box.width, box.height).center()) == last
    big_scene.set_emphasis({last})
    dimmed = [b for b in _boxes(big_scene) if b.opacity() < 1.0]
    assert len(dimmed) == len(layout.boxes) - 1


def test_an_edit_mid_population_reaches_the_items(
    big: tuple[Chart, Layout], big_scene: ChartScene
) -> None:
    chart, _layout = big
    last = chart.bodies[-1]
    chart.replace_body(replace(last, name="Renamed body"))
    item = big_scene.body_item(last.id)
    assert item is not None
    assert "Renamed" in " ".join(item.lines)
    # The edit made only the item it needed; the rest still comes in slices.
    assert not big_scene.items_ready


def test_a_structural_edit_mid_population_does_not_wait_for_the_items(
    qtbot: QtBot, big: tuple[Chart, Layout], big_scene: ChartScene
) -> None:
    chart, _layout = big
    removed = chart.bodies[-1].id
    chart.remove_body(removed)
    chart.add_body(Body(id="new_board", name="A newly added partnership board", kind="committee"))
    patched = update_layout(big_scene.layout, chart)
    assert patched is not None
    big_scene.set_layout(patched)
    assert not big_scene.items_ready
    with qtbot.waitSignal(big_scene.items_completed, timeout=60_000):
        pass
    keys = {b.key for b in _boxes(big_scene)}
    assert keys == set(patched.boxes)
    assert "new_board" in keys and removed not in keys
    assert {line.key for line in _lines(big_scene)} == set(patched.edges)


def test_zooming_in_mid_population_draws_the_items(qtbot: QtBot, big_scene: ChartScene) -> None:
    view = ChartView(big_scene)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    view.grab()  # far out: the overview, no items needed
    assert not big_scene.items_ready
    view.reset_zoom()
    view.grab()  # at 100 %: the items themselves
    assert big_scene.items_ready


def _frames(scene: ChartScene) -> list[FrameItem]:
    return [i for i in scene.items() if isinstance(i, FrameItem)]


def test_group_frames_are_made_after_construction_and_every_one_arrives(
    qtbot: QtBot, big: tuple[Chart, Layout]
) -> None:
    chart, _layout = big
    # One group collapsed: its frame stands for its members' boxes and is there at once.
    folded = chart.groups[0]
    chart.set_groups([replace(folded, collapsed=True), *chart.groups[1:]])
    layout = compute_layout(chart, cache=None)
    scene = ChartScene(chart, layout, get_theme("nhs"))
    try:
        made = {f.key for f in _frames(scene)}
        assert folded.id in made
        assert len(made) < len(layout.frames)
        assert scene.collapsed_frame_of(folded.members[0]) is not None
        with qtbot.waitSignal(scene.items_completed, timeout=60_000):
            pass
        frames = _frames(scene)
        assert {f.key for f in frames} == set(layout.frames)
        assert all(f.label for f in frames)
    finally:
        scene.detach()


def test_everything_that_needs_the_frames_mid_population_finds_them(
    big: tuple[Chart, Layout], big_scene: ChartScene
) -> None:
    _chart, layout = big
    assert len(_frames(big_scene)) < len(layout.frames)
    big_scene.ensure_items()  # what a click, a double-click or a context menu does first
    assert {f.key for f in _frames(big_scene)} == set(layout.frames)
    assert big_scene.items_ready


def test_group_names_readable_far_out_are_drawn_mid_population(big_scene: ChartScene) -> None:
    """Far out the names are drawn by the frames' items once they are readable (before the
    boxes' labels are): zooming there mid-population makes the frames first."""
    before = _far_out(big_scene, 0.05)  # names too small to read: no frame needed
    assert len(_frames(big_scene)) < len(big_scene.layout.frames)
    _far_out(big_scene, 0.27)
    assert {f.key for f in _frames(big_scene)} == set(big_scene.layout.frames)
    assert _far_out(big_scene, 0.05) == before


def test_boxes_with_their_own_colours_look_the_same_far_out_before_and_after_population(
    qtbot: QtBot, big: tuple[Chart, Layout]
) -> None:
    chart, layout = big
    for body in chart.bodies[:40:3]:  # of several kinds, mostly plain bodies of the same kinds
        chart.replace_body(replace(body, style={"fill": "#D5281B", "stroke": "#231F20"}))
    scene = ChartScene(chart, layout, get_theme("nhs"))
    try:
        before = _far_out(scene)
        assert not scene.items_ready
        with qtbot.waitSignal(scene.items_completed, timeout=60_000):
            pass
        scene.set_theme(scene.theme)
        assert _far_out(scene) == before
        red = [b for b in _boxes(scene) if b.overview_entry()[0].fill == "#D5281B"]
        assert len(red) == len(chart.bodies[:40:3])
    finally:
        scene.detach()
