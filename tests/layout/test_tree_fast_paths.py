"""The tree engine's fast paths draw exactly what the general rules draw.

The national-scale tree layout routes all lines in one loop, measures each group's frame while
placing its block and sizes common labels without the general wrapping path. A user would see
any difference as a line that no longer meets its box, a frame cutting through a box, or a box
that a Graphviz layout of the same chart sizes differently; so each is compared, number for
number, with the general function it stands in for.
"""

from __future__ import annotations

import dataclasses

import pytest

from icsviewer.layout import boxes
from icsviewer.layout.boxes import (
    BASE_FONT_SIZE,
    MAX_LINES,
    _box,
    _measured_label,
    box_size,
    label_lines,
)
from icsviewer.layout.client import compute_layout
from icsviewer.layout.frames import frame_around
from icsviewer.layout.geometry import Layout
from icsviewer.layout.routing import route
from icsviewer.layout.structure import build_structure
from icsviewer.model.chart import Body, Chart
from icsviewer.model.generator import generate_chart
from icsviewer.model.kinds import relation_kind


@pytest.fixture(scope="module")
def laid_out() -> tuple[Chart, Layout]:
    chart = generate_chart(1500, seed=5)
    return chart, compute_layout(chart, cache=None, engine="tree")


def test_every_line_is_the_one_route_draws(laid_out: tuple[Chart, Layout]) -> None:
    chart, layout = laid_out
    structure = build_structure(chart)
    assert len(layout.edges) == len(structure.links) > 1000
    bowed = 0
    for link in structure.links:
        kind = relation_kind(link.kind)
        bow = 0.0 if kind.structural else 0.12
        bowed += bow > 0
        expected = route(
            link.rel_id, link.source, link.target, layout.boxes[link.tail],
            layout.boxes[link.head], kind.directed, bow,
        )
        assert layout.edges[link.rel_id] == expected
    assert bowed  # both kinds of line were compared


def test_every_frame_fits_its_boxes_as_frame_around_measures(
    laid_out: tuple[Chart, Layout],
) -> None:
    chart, layout = laid_out
    clusters = build_structure(chart).clusters
    assert len(clusters) > 100
    for cluster in clusters:
        assert layout.frames[cluster.id] == frame_around(cluster, layout.boxes)
    # Listed in the groups' order, as the other engines list them.
    assert [f for f in layout.frames if f in {c.id for c in clusters}] == [
        c.id for c in clusters
    ]


@pytest.mark.parametrize(
    "name, short_name",
    [
        ("NHS England", ""),
        ("Liverpool Place Partnership Board", "LPPB"),
        ("  Padded   name with   odd spacing  ", ""),
        ("", ""),  # the id stands in
        ("A very long name " * 6, "Short"),  # too many lines: the short name is used
        ("A very long name " * 6, ""),  # too many lines and no short name
        ("Supercalifragilisticexpialidocious-Organisation-Without-Spaces", ""),
        ("x" * 5000, ""),  # a hostile name is cut
    ],
)
def test_box_sizes_match_the_general_label_rules(
    name: str, short_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(boxes, "_SIZE_CACHE", {})  # measured now, not remembered from before
    body = Body("some_body", name, "committee", short_name=short_name)
    general = _box(*_measured_label(body, BASE_FONT_SIZE), BASE_FONT_SIZE)
    assert box_size(body) == general
    assert box_size(dataclasses.replace(body)) == general  # and again, from the cache
    assert box_size(body).lines == label_lines(body)
    if len(general.lines) > MAX_LINES:
        assert not short_name  # a short name would have replaced a long label
