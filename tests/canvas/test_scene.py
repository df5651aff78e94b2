"""The scene draws what the layout says and follows the model's change notifications."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from icsviewer.canvas.items.body_item import BodyItem
from icsviewer.canvas.items.frame_item import FrameItem
from icsviewer.canvas.items.relation_item import RelationItem
from icsviewer.canvas.scene import ChartScene
from icsviewer.layout.fallback import fallback_layout
from icsviewer.model.chart import Chart
from icsviewer.style.theme import get_theme


def _items(scene: ChartScene, kind: type) -> list:
    return [i for i in scene.items() if isinstance(i, kind)]


def test_one_item_per_body_relationship_and_group(scene: ChartScene, chart: Chart) -> None:
    layout = scene.layout
    assert len(_items(scene, BodyItem)) == len(layout.boxes)
    assert len(_items(scene, RelationItem)) == len(layout.edges)
    assert len(_items(scene, FrameItem)) == len(layout.frames)
    assert set(scene.body_ids()) == {b.id for b in chart.bodies if b.id in layout.boxes}


def test_body_rect_is_where_the_layout_put_the_box(scene: ChartScene) -> None:
    body_id = scene.body_ids()[0]
    box = scene.layout.boxes[body_id]
    assert scene.body_rect(body_id) == QRectF(box.x, box.y, box.width, box.height)
    assert scene.body_rect("no_such_body").isEmpty()


def test_bodies_rect_is_the_union(scene: ChartScene) -> None:
    a, b = scene.body_ids()[:2]
    union = scene.bodies_rect([a, b])
    assert union.contains(scene.body_rect(a)) and union.contains(scene.body_rect(b))
    assert scene.bodies_rect([]).isEmpty()


def test_body_at_finds_the_box_under_a_point(scene: ChartScene) -> None:
    for body_id in scene.body_ids()[:5]:
        assert scene.body_at(scene.body_rect(body_id).center()) == body_id
    assert scene.body_at(scene.sceneRect().topLeft()) is None


def test_renaming_a_body_rewraps_its_label_and_asks_for_layout(
    qtbot: QtBot, scene: ChartScene, chart: Chart
) -> None:
    body = chart.bodies[0]
    with qtbot.waitSignal(scene.relayout_requested, timeout=1000):
        chart.replace_body(replace(body, name="A Completely Different Name"))
    item = scene.body_item(body.id)
    assert item is not None
    assert " ".join(item.lines) == "A Completely Different Name"


def test_removing_a_body_removes_its_box_and_lines(scene: ChartScene, chart: Chart) -> None:
    body_id = next(b for b in scene.body_ids() if chart.relationships_of(b))
    chart.remove_body(body_id)
    assert body_id not in scene.body_ids()
    lines = _items(scene, RelationItem)
    assert all(body_id not in (r.source, r.target) for r in lines)


def test_recolouring_needs_no_new_layout(qtbot: QtBot, scene: ChartScene, chart: Chart) -> None:
    body = chart.bodies[0]
    with qtbot.assertNotEmitted(scene.relayout_requested):
        chart.replace_body(replace(body, style={"fill": "#123456"}))
    item = scene.body_item(body.id)
    assert item is not None and item.look.fill == "#123456"


def test_emphasis_dims_everything_but_the_focus(scene: ChartScene, chart: Chart) -> None:
    focus = next(b for b in scene.body_ids() if chart.relationships_of(b))
    scene.set_emphasis({focus})
    dim = scene.theme.dim_opacity
    for body_id in scene.body_ids():
        item = scene.body_item(body_id)
        assert item is not None
        assert item.opacity() == (1.0 if body_id == focus else pytest.approx(dim))
    for line in _items(scene, RelationItem):
        touching = focus in (line.source, line.target)
        assert line.emphasised == touching
        assert line.opacity() == (1.0 if touching else pytest.approx(dim))
    scene.set_emphasis(None)
    assert all(i.opacity() == 1.0 for i in _items(scene, BodyItem))
    assert not any(line.emphasised for line in _items(scene, RelationItem))


def test_revealed_shows_only_those_bodies_their_frames_and_lines(
    scene: ChartScene, chart: Chart
) -> None:
    rel = next(
        r
        for r in chart.relationships
        if r.source in scene.body_ids() and r.target in scene.body_ids()
    )
    shown = {rel.source, rel.target}
    scene.set_revealed(shown)
    visible = {i.key for i in _items(scene, BodyItem) if i.isVisible()}
    assert visible == shown
    for line in _items(scene, RelationItem):
        assert line.isVisible() == ({line.source, line.target} <= shown)
    for frame in _items(scene, FrameItem):
        members = set(chart.group(frame.key).members)
        assert frame.isVisible() == bool(members & shown)
    scene.set_revealed(None)
    assert all(i.isVisible() for i in scene.items())


def test_selection_round_trip(scene: ChartScene) -> None:
    ids = scene.body_ids()[:3]
    scene.select_bodies(ids)
    assert sorted(scene.selected_body_ids()) == sorted(ids)
    scene.select_bodies([])
    assert scene.selected_body_ids() == []


def test_hovering_a_body_highlights_its_lines(scene: ChartScene, chart: Chart) -> None:
    body_id = next(b for b in scene.body_ids() if chart.relationships_of(b))
    scene.set_hovered(body_id)
    emphasised = {line.key for line in _items(scene, RelationItem) if line.emphasised}
    assert emphasised == {
        r.id for r in chart.relationships_of(body_id) if r.id in scene.layout.edges
    }
    scene.set_hovered(None)
    assert not any(line.emphasised for line in _items(scene, RelationItem))


def test_theme_switch_restyles_without_moving(scene: ChartScene) -> None:
    body_id = scene.body_ids()[0]
    before = scene.body_rect(body_id)
    scene.set_theme(get_theme("high_contrast"))
    item = scene.body_item(body_id)
    assert item is not None
    assert item.look.fill in ("#000000", "#FFFFFF")
    assert scene.body_rect(body_id) == before
    assert scene.backgroundBrush().color().name().upper() == get_theme("high_contrast").background


def test_a_collapsed_group_is_one_box_standing_for_its_members(qapp: object, chart: Chart) -> None:
    group = chart.groups[0]
    chart.set_groups([replace(g, collapsed=g.id == group.id) for g in chart.groups])
    scene = ChartScene(chart, fallback_layout(chart), get_theme("nhs"))
    member = group.members[0]
    assert member not in scene.body_ids()
    frame = scene.layout.frames[group.id]
    assert scene.body_rect(member) == QRectF(frame.x, frame.y, frame.width, frame.height)
    # Lines to hidden members stay, ending at the group, and light up with it.
    scene.set_emphasis({member})
    lit = {i.key for i in _items(scene, RelationItem) if i.emphasised}
    touching = {r.id for m in group.members for r in chart.relationships_of(m)}
    assert lit and lit == touching & set(scene.layout.edges)


def test_reading_order_goes_by_tier_then_left_to_right(scene: ChartScene, chart: Chart) -> None:
    from icsviewer.model.kinds import body_kind

    order = scene.reading_order()
    tiers = [body_kind(chart.body(b).kind).tier for b in order]
    assert tiers == sorted(tiers)
    assert set(order) == set(scene.body_ids())


def test_a_label_edit_that_still_fits_its_box_needs_no_new_layout(
    qtbot: QtBot, scene: ChartScene, chart: Chart
) -> None:
    body = chart.body(scene.body_ids()[0])
    before = scene.body_rect(body.id)
    with qtbot.assertNotEmitted(scene.relayout_requested):
        chart.replace_body(replace(body, name="NHS", short_name=""))
    item = scene.body_item(body.id)
    assert item is not None and item.lines == ("NHS",)
    assert scene.body_rect(body.id) == before


def test_a_new_kind_asks_for_layout_even_if_the_label_fits(
    qtbot: QtBot, scene: ChartScene, chart: Chart
) -> None:
    body = chart.body(scene.body_ids()[0])
    other_kind = "vcse" if body.kind != "vcse" else "committee"
    with qtbot.waitSignal(scene.relayout_requested, timeout=1000):
        chart.replace_body(replace(body, kind=other_kind))


def test_a_re_layout_moves_what_moved_and_leaves_the_rest(scene: ChartScene) -> None:
    moved, kept = scene.body_ids()[:2]
    box = scene.layout.boxes[moved]
    boxes = dict(scene.layout.boxes)
    boxes[moved] = replace(box, x=box.x + 500.0, y=box.y + 40.0)
    before = scene.body_rect(kept)
    scene.set_layout(replace(scene.layout, boxes=boxes))
    assert scene.body_rect(moved) == QRectF(box.x + 500.0, box.y + 40.0, box.width, box.height)
    assert scene.body_rect(kept) == before


def test_a_reload_restyles_every_box_at_the_next_layout(scene: ChartScene, chart: Chart) -> None:
    body_id = scene.body_ids()[0]
    reloaded = chart.copy()
    reloaded.replace_body(replace(reloaded.body(body_id), style={"fill": "#123456"}))
    chart.replace_contents(reloaded)
    scene.set_layout(fallback_layout(chart))
    item = scene.body_item(body_id)
    assert item is not None and item.look.fill == "#123456"


def test_a_frame_dropped_by_one_layout_and_back_in_the_next_is_drawn_again(
    scene: ChartScene,
) -> None:
    layout = scene.layout
    key, frame = next(iter(layout.frames.items()))
    scene.set_layout(replace(layout, frames={k: f for k, f in layout.frames.items() if k != key}))
    assert key not in {f.key for f in _items(scene, FrameItem)}
    scene.set_layout(layout)
    item = next(f for f in _items(scene, FrameItem) if f.key == key)
    assert item.frame_rect() == QRectF(frame.x, frame.y, frame.width, frame.height)
    assert item.label


def test_bodies_of_one_kind_keep_their_own_colours_and_hostile_ones_are_refused(
    scene: ChartScene, chart: Chart
) -> None:
    first, second = (chart.body(b) for b in scene.body_ids()[:2])
    chart.replace_body(replace(first, style={"fill": "#123456"}))
    chart.replace_body(replace(second, kind=first.kind, style={"fill": ["#654321"]}))  # type: ignore[dict-item]
    kind_fill = scene.theme.body_style(first.kind).fill
    first_item, second_item = scene.body_item(first.id), scene.body_item(second.id)
    assert first_item is not None and first_item.look.fill == "#123456"
    assert second_item is not None and second_item.look.fill == kind_fill
