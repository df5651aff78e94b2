"""PNG for slides: the chosen scale or dpi, white or transparent."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from exporters.options import ExportOptions
from exporters.png import export_png, render_image
from exporters.svg import plan_sheet
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.style.theme import Theme


def test_default_is_twice_screen_size(
    chart: Chart, layout: Layout, theme: Theme, tmp_path: Path
) -> None:
    out = tmp_path / "chart.png"
    result = export_png(chart, layout, theme, out)
    sheet = plan_sheet(chart, layout, theme, ExportOptions())
    image = QImage(str(out))
    assert (image.width(), image.height()) == (round(sheet.width * 2), round(sheet.height * 2))
    assert result.dpi == pytest.approx(144)
    assert round(image.dotsPerMeterX() * 0.0254) == 144


def test_dpi_sets_the_pixel_size(chart: Chart, layout: Layout, theme: Theme) -> None:
    sheet = plan_sheet(chart, layout, theme, ExportOptions())
    image = render_image(chart, layout, theme, ExportOptions(dpi=300))
    assert image.width() == round(sheet.width * 300 / 72)


def test_white_or_transparent_background(chart: Chart, layout: Layout, theme: Theme) -> None:
    white = render_image(chart, layout, theme, ExportOptions(scale=0.5))
    clear = render_image(chart, layout, theme, ExportOptions(scale=0.5, transparent=True))
    assert white.pixelColor(1, 1).alpha() == 255
    assert white.pixelColor(1, 1).lightness() == 255
    assert clear.pixelColor(1, 1).alpha() == 0
    # The chart itself is drawn in both.
    cx, cy = white.width() // 2, white.height() // 2
    assert any(clear.pixelColor(x, cy).alpha() > 0 for x in range(0, clear.width(), 2)), cx


def test_absurd_sizes_are_refused_with_a_message(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    with pytest.raises(ValueError, match="too large"):
        render_image(chart, layout, theme, ExportOptions(dpi=1200))


def test_labels_are_drawn_in_the_measured_font_and_stay_inside_their_boxes() -> None:
    from icsviewer.layout.fallback import fallback_layout
    from icsviewer.model.chart import Body, ChartMeta
    from icsviewer.style.theme import get_theme

    # A white box with bold black text (high contrast): text spilling over the border would
    # show as dark pixels outside it.
    chart = Chart(
        ChartMeta(title="T"), [Body("p", "Wwwwww Mmmmmm Department", "place_partnership")]
    )
    layout = fallback_layout(chart)
    options = ExportOptions(scale=2.0)
    image = render_image(chart, layout, get_theme("high_contrast"), options)
    sheet = plan_sheet(chart, layout, get_theme("high_contrast"), options)
    box = layout.boxes["p"]
    left = round((sheet.chart_x + box.x) * 2)
    right = round((sheet.chart_x + box.x + box.width) * 2)
    top = round((sheet.chart_y + box.y) * 2)
    bottom = round((sheet.chart_y + box.y + box.height) * 2)
    spill = [
        (x, y)
        for y in range(top + 4, bottom - 4)
        for x in [*range(left - 12, left - 3), *range(right + 4, right + 13)]
        if image.pixelColor(x, y).lightness() < 160
    ]
    assert spill == []
    inside = [
        (x, y)
        for y in range(top + 4, bottom - 4)
        for x in range(left + 4, right - 4)
        if image.pixelColor(x, y).lightness() < 100
    ]
    assert inside, "the label was drawn"
