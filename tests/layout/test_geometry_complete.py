"""Every body, relationship and group gets geometry; boxes and group frames never overlap,
frames hold their members and their names are never covered."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest

from icsviewer.layout.boxes import FRAME_LABEL_SIZE, MAX_FRAME_LABEL_WIDTH
from icsviewer.layout.client import compute_layout
from icsviewer.layout.fallback import fallback_layout
from icsviewer.layout.geometry import BoxLayout, FrameLayout, Layout
from icsviewer.layout.text_metrics import text_width
from icsviewer.model.chart import Chart, Group
from icsviewer.model.generator import generate_chart
from tests.layout.charts import small_ics
from tests.layout.flagship import load_chart

Rect = tuple[float, float, float, float]  # x, y, width, height
# Least clear space between two groups' frames: frames that merely share an edge draw their
# outlines on top of each other, and read as one frame overlapping the next.
MIN_FRAME_GAP = 4.0


def _rect(item: BoxLayout | FrameLayout) -> Rect:
    return (item.x, item.y, item.width, item.height)


def _overlap(a: Rect | BoxLayout, b: Rect | BoxLayout) -> bool:
    """Whether two rectangles share more than an edge (0.5 pt of rounding allowed)."""
    ax, ay, aw, ah = a if isinstance(a, tuple) else _rect(a)
    bx, by, bw, bh = b if isinstance(b, tuple) else _rect(b)
    return ax < bx + bw - 0.5 and bx < ax + aw - 0.5 and ay < by + bh - 0.5 and by < ay + ah - 0.5


def _label_box(frame: FrameLayout) -> Rect:
    """Where a group's name is drawn: from its baseline start, as wide as the bold text,
    from the top of capitals to the bottom of descenders."""
    x, baseline = frame.label_pos
    width = text_width(" ".join(frame.label.split()), FRAME_LABEL_SIZE, True)
    return (x, baseline - 0.8 * FRAME_LABEL_SIZE, width, FRAME_LABEL_SIZE)


def _grown(frame: FrameLayout, margin: float) -> Rect:
    return (
        frame.x - margin, frame.y - margin, frame.width + 2 * margin, frame.height + 2 * margin
    )


def _inside(inner: Rect, outer: Rect) -> bool:
    ix, iy, iw, ih = inner
    ox, oy, ow, oh = outer
    return ox <= ix and oy <= iy and ix + iw <= ox + ow and iy + ih <= oy + oh


def _check_frames(chart: Chart, layout: Layout) -> None:
    """Frames of different groups never overlap; a box outside a group stays outside its
    frame; a group's name lies inside its own frame and is covered by nothing else."""
    members = {g.id: set(g.members) for g in chart.groups}
    expanded = [f for f in layout.frames.values() if f.group_id in members]
    for a, b in itertools.combinations(layout.frames.values(), 2):
        assert not _overlap(_rect(a), _rect(b)), f"frames {a.group_id} and {b.group_id} overlap"
        assert not _overlap(_grown(a, MIN_FRAME_GAP), _rect(b)), (
            f"frames {a.group_id} and {b.group_id} touch"
        )
    for frame in expanded:
        label = _label_box(frame)
        assert _inside(label, _rect(frame)), f"the name of {frame.group_id} leaves its frame"
        for other in layout.frames.values():
            if other is not frame:
                assert not _overlap(label, _rect(other)), (
                    f"the name of {frame.group_id} is under the frame of {other.group_id}"
                )
        for box in layout.boxes.values():
            assert not _overlap(label, box), (
                f"the name of {frame.group_id} is under the box {box.body_id}"
            )
            if box.body_id not in members[frame.group_id]:
                assert not _overlap(_rect(frame), box), (
                    f"{box.body_id} is inside the frame of {frame.group_id}"
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
    _check_frames(chart, layout)


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


@pytest.mark.parametrize("engine", ["dot", "tree", "fallback"])
def test_the_flagship_chart_has_separate_frames_with_uncovered_names(
    engine: str, flagship_path: Path
) -> None:
    if not flagship_path.exists():
        pytest.skip(f"the flagship chart {flagship_path} has not been written yet")
    chart = load_chart(flagship_path)
    if engine == "fallback":
        layout = fallback_layout(chart)
    else:
        layout = compute_layout(chart, engine=engine, cache=None)
    assert len(layout.frames) >= 10  # nine Places, the collaboratives, the system
    _check(chart, layout)


def test_long_group_names_get_frames_wide_enough_for_them() -> None:
    chart = small_ics()
    chart.set_groups([
        Group(g.id, f"{g.name}: a group name much longer than its members are wide", g.members,
              g.kind)
        for g in chart.groups
    ])
    for layout in (
        compute_layout(chart, engine="dot", cache=None),
        compute_layout(chart, engine="tree", cache=None),
        fallback_layout(chart),
    ):
        _check(chart, layout)


@pytest.mark.parametrize("engine", ["dot", "tree", "fallback"])
def test_a_huge_group_name_is_cut_on_its_frame_and_the_frame_stays_page_sized(
    engine: str,
) -> None:
    chart = small_ics()
    hostile = "Liverpool " * 10_000
    chart.set_groups([
        Group(g.id, hostile if g.id == "place_liverpool" else g.name, g.members, g.kind)
        for g in chart.groups
    ])
    if engine == "fallback":
        layout = fallback_layout(chart)
    else:
        layout = compute_layout(chart, engine=engine, cache=None)
    _check(chart, layout)
    frame = layout.frames["place_liverpool"]
    assert frame.label.startswith("Liverpool Liverpool") and frame.label.endswith("\u2026")
    assert text_width(frame.label, FRAME_LABEL_SIZE, True) <= MAX_FRAME_LABEL_WIDTH
    assert frame.width < MAX_FRAME_LABEL_WIDTH + 50


@pytest.mark.parametrize("engine", ["dot", "tree", "fallback"])
def test_a_body_with_a_huge_name_and_no_short_name_gets_a_six_line_box(engine: str) -> None:
    chart = small_ics()
    body = chart.body("liverpool_council")
    chart.replace_body(replace(body, name="Liverpool City Council " * 5_000, short_name=""))
    if engine == "fallback":
        layout = fallback_layout(chart)
    else:
        layout = compute_layout(chart, engine=engine, cache=None)
    _check(chart, layout)
    box = layout.boxes["liverpool_council"]
    assert 1 < len(box.lines) <= 6 and box.lines[-1].endswith("\u2026")
    # The model keeps the whole name; only the box label is cut.
    assert len(chart.body("liverpool_council").name) > 100_000


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
