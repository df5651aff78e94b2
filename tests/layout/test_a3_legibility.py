"""The flagship chart fits one A3 landscape page with no text under 7 pt, reading top-down."""

from __future__ import annotations

from pathlib import Path

import pytest

from icsviewer.layout.client import compute_layout
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.model.kinds import body_kind
from tests.layout.flagship import load_chart

MM = 72 / 25.4
# A3 landscape, less 15 mm margins all round and a 30 mm band for the title and legend.
USABLE_WIDTH = (420 - 2 * 15) * MM
USABLE_HEIGHT = (297 - 2 * 15 - 27) * MM
SMALLEST_READABLE_PT = 7.0


def smallest_font_at_fit(layout: Layout) -> float:
    """The smallest label size once the whole chart is scaled to the usable page area."""
    scale = min(USABLE_WIDTH / layout.width, USABLE_HEIGHT / layout.height)
    return min(box.font_size for box in layout.boxes.values()) * scale


def smallest_font_in_the_board_pack(layout: Layout, chart: Chart) -> float:
    """The smallest text on the chart page of the real A3 landscape PDF (header, footer and
    legend included), as the PDF exporter plans it."""
    from exporters.options import ExportOptions
    from exporters.pdf_plan import plan_pages
    from exporters.shapes import layout_legend
    from icsviewer.style.legend import build_legend
    from icsviewer.style.theme import get_theme

    legend = build_legend(chart, get_theme("nhs"))

    def legend_size(width: float) -> tuple[float, float]:
        placed = layout_legend(legend, width)
        return placed.width, placed.height

    options = ExportOptions(paper="A3", orientation="landscape", fit="one-page")
    return plan_pages(layout, options, legend_size).smallest_text


@pytest.fixture
def flagship_layout(flagship_path: Path) -> Layout:
    if not flagship_path.exists():
        pytest.skip(f"the flagship chart {flagship_path} has not been written yet")
    return compute_layout(load_chart(flagship_path), cache=None)


def test_flagship_fits_a3_landscape_with_no_text_under_7pt(flagship_layout: Layout) -> None:
    smallest = smallest_font_at_fit(flagship_layout)
    assert smallest >= SMALLEST_READABLE_PT, (
        f"at fit-to-A3 the smallest text is {smallest:.2f} pt "
        f"(chart {flagship_layout.width:.0f} x {flagship_layout.height:.0f} pt)"
    )


def test_flagship_on_the_a3_board_pack_page_has_no_text_under_7pt(
    flagship_layout: Layout, flagship_path: Path
) -> None:
    smallest = smallest_font_in_the_board_pack(flagship_layout, load_chart(flagship_path))
    assert smallest >= SMALLEST_READABLE_PT, f"smallest text on the A3 page: {smallest:.2f} pt"


def test_flagship_reads_top_down_from_national_bodies_to_places(
    flagship_layout: Layout, flagship_path: Path
) -> None:
    chart = load_chart(flagship_path)
    by_tier: dict[int, list[float]] = {}
    for body in chart.bodies:
        box = flagship_layout.boxes[body.id]
        by_tier.setdefault(body_kind(body.kind).tier, []).append(box.y)
    # Every national body is above every region, which is above every system body, which is
    # above every body at Place.
    for upper, lower in ((0, 1), (1, 2), (2, 3)):
        if upper in by_tier and lower in by_tier:
            assert max(by_tier[upper]) < min(by_tier[lower]), (upper, lower)


def test_a_long_single_rank_would_fail_the_measure() -> None:
    # The measure itself: a chart one box high and 3,000 pt wide cannot be read on A3.
    from icsviewer.layout.geometry import BoxLayout

    box = BoxLayout("b", 0, 0, 100, 30, ("B",), 10.0)
    wide = Layout({"b": box}, {}, {}, 3000.0, 40.0)
    assert smallest_font_at_fit(wide) < SMALLEST_READABLE_PT


def test_flagship_boxes_and_frames_do_not_overlap(flagship_layout: Layout) -> None:
    import itertools

    def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
        return (
            a[0] < b[0] + b[2] - 0.5
            and b[0] < a[0] + a[2] - 0.5
            and a[1] < b[1] + b[3] - 0.5
            and b[1] < a[1] + a[3] - 0.5
        )

    boxes = [(b.body_id, (b.x, b.y, b.width, b.height)) for b in flagship_layout.boxes.values()]
    for (ida, ra), (idb, rb) in itertools.combinations(boxes, 2):
        assert not overlap(ra, rb), (ida, idb)
    frames = [(f.group_id, (f.x, f.y, f.width, f.height)) for f in flagship_layout.frames.values()]
    for (ida, ra), (idb, rb) in itertools.combinations(frames, 2):
        assert not overlap(ra, rb), (ida, idb)
