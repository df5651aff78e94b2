"""Any chart, however odd, gets a complete layout from every engine (never an exception).

Charts here break the rules on purpose, as a file with problems does before it is fixed:
relationships to unknown bodies and to themselves, hierarchy cycles, bodies in several
groups, groups naming unknown bodies, collapsed groups, pins far off or negative.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from icsviewer.layout.client import compute_layout
from icsviewer.layout.fallback import fallback_layout
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Body, Chart, ChartMeta, Group, Relationship
from icsviewer.model.kinds import BODY_KINDS, RELATION_KINDS

KINDS = [*BODY_KINDS, "unknown_kind"]
RELS = [*RELATION_KINDS, "mystery"]


@st.composite
def odd_charts(draw: st.DrawFn) -> Chart:
    n = draw(st.integers(0, 14))
    ids = [f"b{i}" for i in range(n)]
    names = st.text(max_size=60) | st.sampled_from(["", "   ", "A" * 300, "NHS " * 30])
    pins = st.none() | st.tuples(st.floats(-500, 5000), st.floats(-500, 5000))
    bodies = [
        Body(i, draw(names), draw(st.sampled_from(KINDS)), draw(names), pinned=draw(pins))
        for i in ids
    ]
    ends = st.sampled_from([*ids, "ghost"]) if ids else st.just("ghost")
    rels = [
        Relationship(f"r{k}", draw(ends), draw(ends), draw(st.sampled_from(RELS)))
        for k in range(draw(st.integers(0, 20)))
    ]
    groups = [
        Group(
            f"g{k}",
            draw(names),
            tuple(draw(st.lists(ends, max_size=6))),
            draw(st.sampled_from(["place", "collaborative", "system", "other"])),
            collapsed=draw(st.booleans()),
        )
        for k in range(draw(st.integers(0, 4)))
    ]
    return Chart(ChartMeta(), bodies, rels, groups)


def _complete(chart: Chart, layout: Layout) -> None:
    ids = set(chart.body_ids())
    hidden = {m for g in chart.groups if g.collapsed for m in g.members if m in ids}
    # Every body is a box, unless a collapsed group hides it.
    assert ids - hidden <= set(layout.boxes) <= ids
    assert layout.width >= 0 and layout.height >= 0
    for box in layout.boxes.values():
        assert box.width > 0 and box.height > 0 and box.lines
    for edge in layout.edges.values():
        assert len(edge.points) >= 4
        for x, y in itertools.chain(edge.points):
            assert x == x and y == y  # not NaN


@given(odd_charts())
def test_fallback_and_tree_lay_out_any_chart(chart: Chart) -> None:
    _complete(chart, fallback_layout(chart))
    _complete(chart, compute_layout(chart, engine="tree", cache=None))


@settings(max_examples=8)
@given(odd_charts())
def test_graphviz_lays_out_any_chart(chart: Chart) -> None:
    _complete(chart, compute_layout(chart, engine="dot", cache=None))
