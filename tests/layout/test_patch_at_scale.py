"""Patching a big chart's tree layout: what the engines record about their layouts (which
frame each box is in, how far things reach, the structure drawn) agrees with the geometry,
and a patch that uses those records gives exactly the layout a patch working everything out
from the geometry gives."""

from __future__ import annotations

import dataclasses

import pytest

from icsviewer.layout import layout_facts
from icsviewer.layout.client import compute_layout
from icsviewer.layout.geometry import Layout
from icsviewer.layout.incremental import update_layout
from icsviewer.layout.layout_facts import drawn_in_frames, edge_reach, facts_of, item_reach
from icsviewer.model.chart import Body, Chart, Relationship
from icsviewer.model.generator import generate_chart


@pytest.fixture()
def big() -> tuple[Chart, Layout]:
    chart = generate_chart(1500, seed=3)
    return chart, compute_layout(chart, cache=None, engine="tree")


def _assert_facts_match_geometry(layout: Layout) -> None:
    facts = facts_of(layout)
    assert facts.drawn_in == drawn_in_frames(layout)
    assert facts.edge_reach == edge_reach(layout.edges.values())
    assert facts.item_reach == item_reach(layout)


def _same(a: Layout, b: Layout) -> bool:
    return dataclasses.astuple(a) == dataclasses.astuple(b)


def _patch_both_ways(previous: Layout, chart: Chart) -> Layout:
    """The patch using recorded facts, checked against one with the records forgotten."""
    fast = update_layout(previous, chart)
    assert fast is not None
    saved = dict(layout_facts._facts)
    layout_facts._facts.clear()  # as if `previous` came from the disk cache
    try:
        slow = update_layout(previous, chart)
    finally:
        layout_facts._facts.update(saved)
    assert slow is not None and _same(fast, slow)
    _assert_facts_match_geometry(fast)
    return fast


def test_the_tree_engine_records_true_facts(big: tuple[Chart, Layout]) -> None:
    _, layout = big
    assert facts_of(layout).structure is not None  # recorded by the engine, not worked out
    _assert_facts_match_geometry(layout)


def test_a_run_of_edits_patches_the_same_with_and_without_records(
    big: tuple[Chart, Layout],
) -> None:
    chart, layout = big
    ids = [b.id for b in chart.bodies]
    new_id = chart.new_body_id("x")
    chart.add_body(Body(new_id, "A newly added partnership board", "committee"))
    layout = _patch_both_ways(layout, chart)
    chart.add_relationship(Relationship(f"{new_id}--member_of--{ids[7]}", new_id, ids[7],
                                        "member_of"))
    layout = _patch_both_ways(layout, chart)
    assert f"{new_id}--member_of--{ids[7]}" in layout.edges
    chart.replace_body(dataclasses.replace(chart.body(ids[40]), name="Renamed"))
    layout = _patch_both_ways(layout, chart)
    assert layout.boxes[ids[40]].lines == ("Renamed",)
    chart.remove_body(ids[len(ids) // 2])
    layout = _patch_both_ways(layout, chart)
    assert ids[len(ids) // 2] not in layout.boxes


def test_a_patch_with_nothing_changed_changes_nothing(big: tuple[Chart, Layout]) -> None:
    chart, layout = big
    patched = update_layout(layout, chart)
    assert patched is not None
    assert patched.boxes == layout.boxes and patched.frames == layout.frames
    assert patched.edges == layout.edges
    assert (patched.width, patched.height) == (layout.width, layout.height)


def test_facts_of_a_layout_that_is_gone_are_forgotten() -> None:
    import gc

    chart = generate_chart(300, seed=5)
    layout = compute_layout(chart, cache=None, engine="tree")
    facts_of(layout)
    key = id(layout)
    del layout
    gc.collect()
    assert key not in layout_facts._facts
