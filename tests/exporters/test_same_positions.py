"""The PDF and the SVG put every box where the Layout says (so they match the window)."""

from __future__ import annotations

import pytest

from exporters.options import ExportOptions
from exporters.pdf import build_pdf
from exporters.svg import plan_sheet, render_svg
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.style.theme import Theme
from tests.exporters.pdf_helpers import read_pdf
from tests.exporters.svg_helpers import SVG, parse


def test_svg_boxes_are_at_layout_positions(chart: Chart, layout: Layout, theme: Theme) -> None:
    root = parse(render_svg(chart, layout, theme).encode())
    sheet = plan_sheet(chart, layout, theme, ExportOptions())
    group = root.find(f".//{SVG}g[@id='chart']")
    assert group is not None
    tx, ty = (float(v) for v in group.get("transform", "")[len("translate(") : -1].split(","))
    assert (tx, ty) == pytest.approx((sheet.chart_x, sheet.chart_y), abs=0.01)
    for box in layout.boxes.values():
        rect = root.find(f".//{SVG}g[@id='body-{box.body_id}']//{SVG}rect")
        assert rect is not None
        got = [float(rect.get(k, "nan")) for k in ("x", "y", "width", "height")]
        assert got == pytest.approx([box.x, box.y, box.width, box.height], abs=0.01)


def test_pdf_box_links_sit_on_the_layout_boxes_scaled_alike(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    data, result = build_pdf(chart, layout, theme, ExportOptions(paper="A3"))
    assert not result.tiled
    links = [rect for page, _, _, rect in read_pdf(data).internal_links if page == 0]
    boxes = sorted(layout.boxes.values(), key=lambda b: (b.y, b.x))
    rects = sorted(links, key=lambda r: (-r[3], r[0]))
    assert len(rects) == len(boxes)
    # One uniform scale and offset maps every layout box onto its link rectangle.
    scale = (rects[0][2] - rects[0][0]) / boxes[0].width
    x0 = rects[0][0] - boxes[0].x * scale
    top = rects[0][3] + boxes[0].y * scale
    for box, rect in zip(boxes, rects, strict=True):
        assert rect[0] == pytest.approx(x0 + box.x * scale, abs=0.05)
        assert rect[3] == pytest.approx(top - box.y * scale, abs=0.05)
        assert rect[2] - rect[0] == pytest.approx(box.width * scale, abs=0.05)
        assert rect[3] - rect[1] == pytest.approx(box.height * scale, abs=0.05)
