"""Fit-or-tile decisions: one page when text stays legible, tiles when it would not."""

from __future__ import annotations

import pytest

from exporters.options import MIN_LEGIBLE_PT, ExportOptions
from exporters.pdf_plan import MAX_TILES, OVERLAP, column_letter, plan_pages
from icsviewer.layout.geometry import BoxLayout, Layout


def grid_layout(columns: int, rows: int, font: float = 10.0) -> Layout:
    """A plain grid of 120 x 40 pt boxes, 20 pt apart."""
    boxes = {}
    for r in range(rows):
        for c in range(columns):
            key = f"b{r}_{c}"
            boxes[key] = BoxLayout(key, c * 140.0, r * 60.0, 120.0, 40.0, ("Body",), font)
    return Layout(boxes, {}, {}, columns * 140.0 - 20, rows * 60.0 - 20)


def no_legend(width: float) -> tuple[float, float]:
    return (0.0, 0.0)


def test_small_chart_fits_one_page_at_legible_size() -> None:
    plan = plan_pages(grid_layout(4, 3), ExportOptions(), no_legend)
    assert not plan.tiled
    assert plan.smallest_text >= MIN_LEGIBLE_PT
    assert (plan.page_width, plan.page_height) == pytest.approx((841.89, 595.28), abs=0.01)


def test_chart_too_big_for_a4_at_7pt_is_tiled_with_text_at_least_7pt() -> None:
    plan = plan_pages(grid_layout(20, 12), ExportOptions(paper="A4"), no_legend)
    assert plan.tiled
    assert plan.smallest_text >= MIN_LEGIBLE_PT - 1e-9
    # The tiles cover the whole chart.
    view_w = plan.chart_area.width / plan.scale
    view_h = plan.chart_area.height / plan.scale
    assert min(t.chart_x for t in plan.tiles) <= 0
    assert max(t.chart_x for t in plan.tiles) + view_w >= 20 * 140 - 20
    assert max(t.chart_y for t in plan.tiles) + view_h >= 12 * 60 - 20
    # Neighbouring tiles overlap by the overlap margin, on the page.
    a, b = plan.tiles[0], plan.tiles[1]
    assert (a.chart_x + view_w - b.chart_x) * plan.scale == pytest.approx(OVERLAP)
    assert plan.tile_label(plan.tiles[1]) == f"Tile B1 of {plan.columns}×{plan.rows}"


def test_forcing_one_page_never_tiles_and_forcing_tile_prints_actual_size() -> None:
    big = grid_layout(20, 12)
    assert not plan_pages(big, ExportOptions(fit="one-page"), no_legend).tiled
    forced = plan_pages(big, ExportOptions(fit="tile"), no_legend)
    assert forced.tiled and forced.scale == pytest.approx(1.0)


def test_bigger_paper_fits_what_smaller_paper_must_tile() -> None:
    layout = grid_layout(10, 8)
    assert plan_pages(layout, ExportOptions(paper="A4"), no_legend).tiled
    assert not plan_pages(layout, ExportOptions(paper="A2"), no_legend).tiled


def test_auto_orientation_picks_portrait_for_a_tall_chart() -> None:
    tall = grid_layout(3, 14)
    assert plan_pages(tall, ExportOptions(orientation="auto"), no_legend).orientation == "portrait"
    wide = grid_layout(8, 3)
    assert plan_pages(wide, ExportOptions(orientation="auto"), no_legend).orientation == "landscape"


def test_legend_space_is_kept_clear_of_the_chart() -> None:
    def legend(width: float) -> tuple[float, float]:
        return (min(width, 500.0), 90.0)

    plan = plan_pages(grid_layout(6, 3), ExportOptions(), legend)
    chart, key = plan.chart_area, plan.legend_area
    apart = key.top <= chart.y or key.x >= chart.right
    assert apart


def test_column_letters_run_like_a_spreadsheet() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_a_huge_chart_never_makes_more_than_the_page_limit() -> None:
    # Four boxes pinned a kilometre apart (a hostile or mistaken file).
    boxes = {
        f"b{i}": BoxLayout(f"b{i}", x, y, 120.0, 40.0, ("Body",), 10.0)
        for i, (x, y) in enumerate([(0, 0), (2.8e6, 0), (0, 2.8e6), (2.8e6, 2.8e6)])
    }
    layout = Layout(boxes, {}, {}, 2.8e6 + 120, 2.8e6 + 40)
    plan = plan_pages(layout, ExportOptions(fit="tile"), no_legend)
    assert plan.tiled
    assert len(plan.tiles) <= MAX_TILES
    view_w = plan.chart_area.width / plan.scale
    assert max(t.chart_x for t in plan.tiles) + view_w >= layout.width  # still all covered
    # By default such a chart is one overview page (see the next test).
    assert plan_pages(layout, ExportOptions(), no_legend).overview


def test_a_chart_too_big_to_tile_legibly_goes_on_one_overview_page() -> None:
    # 7,200 boxes: legible 7 pt tiles would take far more than MAX_TILES A4 pages.
    layout = grid_layout(120, 60)
    plan = plan_pages(layout, ExportOptions(), no_legend)
    assert not plan.tiled and plan.overview
    # The whole chart is on the page.
    tile, view_w = plan.tiles[0], plan.chart_area.width / plan.scale
    view_h = plan.chart_area.height / plan.scale
    assert tile.chart_x <= 0 and tile.chart_x + view_w >= layout.width - 1e-6
    assert tile.chart_y <= 0 and tile.chart_y + view_h >= layout.height - 1e-6
    # A chart that tiles legibly within the limit is still tiled, and no overview.
    smaller = plan_pages(grid_layout(20, 12), ExportOptions(), no_legend)
    assert smaller.tiled and not smaller.overview
    assert smaller.smallest_text >= MIN_LEGIBLE_PT - 1e-6
    # Asking for tiles still gives tiles (at most MAX_TILES, however small the text).
    forced = plan_pages(layout, ExportOptions(fit="tile"), no_legend)
    assert forced.tiled and len(forced.tiles) <= MAX_TILES and not forced.overview
