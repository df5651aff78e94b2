"""Every body, relationship and group gets geometry, boxes never overlap, frames hold members."""

from __future__ import annotations

import itertools

import pytest

from icsviewer.layout.client import compute_layout
from icsviewer.layout.fallback import fallback_layout
from icsviewer.layout.geometry import BoxLayout, Layout
from icsviewer.model.chart import Chart, Group
from icsviewer.model.generator import generate_chart
from tests.layout.charts import small_ics


def _overlap(a: BoxLayout, b: BoxLayout) -> bool:
    return (
        a.x < b.x + b.width - 0.5
        and b.x < a.x + a.width - 0.5
        and a.y < b.y + b.height - 0.5
        and b.y < a.y + a.height - 0.5
    )


def _check(chart: Chart, layout: Layout) -> None:
    assert set(layout.boxes) == set(chart.body_ids())
    assert set(layout.edges) == {r.id for r in chart.relationships}
    assert set(layout.frames) == {g.id for g in chart.groups}
    for a, b in itertools.combinations(layout.boxes.values(), 2):
        assert not _overlap(a, b), (a.body_id, b.body_id)
    for box in layout.boxes.values():
        assert box.x >= 0 and box.x + box.width <= layout.width + 0.5
        assert box.y >= 0 and box.y + box.height <= layout.height + 0.5
        assert box.lines and box.font_size > 0
    for group in chart.groups:
        frame = layout.frames[group.id]
        for member in group.members:
            box = layout.boxes[member]
            assert frame.x <= box.x and box.x + box.width <= frame.x + frame.width + 0.5
            assert frame.y <= box.y and box.y + box.height <= frame.y + frame.height + 0.5
    for edge in layout.edges.values():
        assert len(edge.points) >= 4 and (len(edge.points) - 1) % 3 == 0


@pytest.mark.parametrize("engine", ["dot", "tree", "fallback"])
def test_small_chart_has_complete_non_overlapping_geometry(engine: str) -> None:
    chart = small_ics()
    if engine == "fallback":
        layout = fallback_layout(chart)
    else:
        layout = compute_layout(chart, engine=engine, cache=None)
    _check(chart, layout)
    assert layout.engine == engine


@pytest.mark.parametrize("engine", ["dot", "tree"])
def test_generated_system_has_complete_geometry(engine: str) -> None:
    chart = generate_chart(150, seed=3)
    _check(chart, compute_layout(chart, engine=engine, cache=None))


def test_big_charts_use_the_tree_engine_automatically() -> None:
    chart = generate_chart(62, seed=1)  # one system
    assert compute_layout(chart, cache=None, tree_threshold=50).engine == "tree"
    assert compute_layout(chart, cache=None, tree_threshold=1000).engine == "dot"


def test_charts_of_several_systems_use_the_tree_engine() -> None:
    # Eight systems' ICBs, ICPs and committees would make one very wide rank in dot.
    chart = generate_chart(400, seed=1)
    assert compute_layout(chart, cache=None).engine == "tree"


def test_a_collapsed_group_is_one_box_and_its_lines_end_there() -> None:
    chart = small_ics()
    groups = [
        Group(g.id, g.name, g.members, g.kind, collapsed=g.id == "place_wirral")
        for g in chart.groups
    ]
    chart.set_groups(groups)
    layout = compute_layout(chart, cache=None)
    assert "wirral_council" not in layout.boxes
    frame = layout.frames["place_wirral"]
    edge = layout.edges["wirral_pp_icb"]
    start = edge.points[0]
    assert frame.x - 1 <= start[0] <= frame.x + frame.width + 1
    assert frame.y - 1 <= start[1] <= frame.y + frame.height + 1
    # Lines wholly inside the collapsed group are not drawn.
    assert "wirral_hosts" not in layout.edges


def test_the_tree_engine_places_a_national_sized_chart_without_overlaps() -> None:
    chart = generate_chart(2500, seed=2)
    layout = compute_layout(chart, cache=None)  # above the threshold: tree, automatically
    assert layout.engine == "tree"
    assert set(layout.boxes) == set(chart.body_ids())
    assert set(layout.edges) == {r.id for r in chart.relationships}
    # Overlap check by grid buckets (pairwise would be 3 million comparisons).
    cell = 200.0
    buckets: dict[tuple[int, int], list[BoxLayout]] = {}
    for box in layout.boxes.values():
        for gx in range(int(box.x // cell), int((box.x + box.width) // cell) + 1):
            for gy in range(int(box.y // cell), int((box.y + box.height) // cell) + 1):
                buckets.setdefault((gx, gy), []).append(box)
    for boxes in buckets.values():
        for a, b in itertools.combinations(boxes, 2):
            assert not _overlap(a, b), (a.body_id, b.body_id)
    # Compact, not a strip: within a factor of three of square.
    assert 1 / 3 < layout.width / layout.height < 3
