"""A new layout moves only what changed, and nothing an edit removed is lost on the way."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF

from icsviewer.canvas.items.body_item import BodyItem
from icsviewer.canvas.items.relation_item import RelationItem
from icsviewer.canvas.placement import changed_area, changes_between, stable_scene_rect
from icsviewer.canvas.scene import ChartScene
from icsviewer.model.chart import Chart


def _items(scene: ChartScene, kind: type) -> list:  # type: ignore[type-arg]
    return [i for i in scene.items() if isinstance(i, kind)]


def test_changes_name_only_what_differs(scene: ChartScene) -> None:
    layout = scene.layout
    moved = scene.body_ids()[3]
    box = layout.boxes[moved]
    boxes = {k: v for k, v in layout.boxes.items() if k != scene.body_ids()[0]}
    boxes[moved] = replace(box, x=box.x + 10.0)
    changes = changes_between(layout, replace(layout, boxes=boxes))
    assert changes.boxes == [moved]
    assert changes.gone_boxes == [scene.body_ids()[0]]
    assert changes.lines == [] and changes.frames == []


def test_a_body_deleted_and_restored_before_the_next_layout_is_drawn_again(
    scene: ChartScene, chart: Chart
) -> None:
    body_id = next(b for b in scene.body_ids() if chart.relationships_of(b))
    body = chart.body(body_id)
    relationships = chart.relationships_of(body_id)
    rect = scene.body_rect(body_id)
    before = scene.layout
    chart.remove_body(body_id)
    assert scene.body_item(body_id) is None
    # Undo: the body and its lines come back, and the layout that arrives is the old one.
    chart.add_body(body)
    present = {r.id for r in chart.relationships}
    for rel in relationships:
        if rel.id not in present:
            chart.add_relationship(rel)
    scene.set_layout(before)
    assert scene.body_rect(body_id) == rect
    drawn = {line.key for line in _items(scene, RelationItem)}
    assert {r.id for r in relationships if r.id in before.edges} <= drawn
    assert len(_items(scene, BodyItem)) == len(before.boxes)


def test_a_relationship_label_edit_shows_without_a_new_layout(
    scene: ChartScene, chart: Chart
) -> None:
    rel = next(r for r in chart.relationships if r.id in scene.layout.edges)
    chart.replace_relationship(replace(rel, label="Funds"))
    line = next(i for i in _items(scene, RelationItem) if i.key == rel.id)
    assert line.label == "Funds"


def test_only_the_moved_box_is_moved(scene: ChartScene) -> None:
    moved, kept = scene.body_ids()[:2]
    kept_item = scene.body_item(kept)
    assert kept_item is not None
    layout = scene.layout
    box = layout.boxes[moved]
    scene.set_layout(replace(layout, boxes={**layout.boxes, moved: replace(box, y=box.y + 90)}))
    assert scene.body_rect(moved) == QRectF(box.x, box.y + 90, box.width, box.height)
    assert scene.body_item(kept) is kept_item


def test_a_big_charts_scene_rect_grows_with_slack_and_is_kept_while_the_chart_fits() -> None:
    first = stable_scene_rect(QRectF(), QRectF(0, 0, 1000, 800))
    assert first == QRectF(0, 0, 1000, 800)
    # A body added at the bottom edge: the rectangle grows there, with room for the next.
    grown = stable_scene_rect(first, QRectF(0, 0, 1000, 816))
    assert grown.top() == 0 and grown.left() == 0 and grown.right() == 1000
    assert grown.bottom() > 816
    # The next one fits: unchanged (a change would re-index the whole scene).
    assert stable_scene_rect(grown, QRectF(0, 0, 1000, 830)) == grown
    # The chart shrank a lot: the rectangle follows.
    assert stable_scene_rect(grown, QRectF(0, 0, 500, 400)) == QRectF(0, 0, 500, 400)


def test_a_first_layouts_changed_area_holds_everything_it_places(scene: ChartScene) -> None:
    """The first layout (nothing placed before) changes the whole chart: its area must hold
    every box, frame and line with its arrowhead, so no kept far-out picture misses any."""
    layout = scene.layout
    empty = replace(layout, boxes={}, edges={}, frames={})
    area = changed_area(empty, layout, changes_between(empty, layout))
    rects = [QRectF(b.x, b.y, b.width, b.height) for b in layout.boxes.values()]
    rects += [QRectF(f.x, f.y, f.width, f.height) for f in layout.frames.values()]
    assert rects and all(area.contains(rect) for rect in rects)
    for edge in layout.edges.values():
        for x, y in (*edge.points, *([edge.arrow_tip] if edge.arrow_tip else [])):
            assert area.contains(QRectF(x - 30.0, y - 10.0, 60.0, 20.0))
    nothing = changed_area(empty, empty, changes_between(empty, empty))
    assert nothing.isEmpty()
