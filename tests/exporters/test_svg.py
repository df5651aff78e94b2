"""The designer's SVG: well-formed, restylable, accessible, inert, and renders everywhere."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from exporters.options import ExportOptions
from exporters.svg import export_svg, render_svg
from icsviewer.layout.fallback import fallback_layout
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Body, Chart, ChartMeta, Link, Relationship
from icsviewer.style.theme import Theme, get_theme
from tests.exporters.conftest import need_tool
from tests.exporters.svg_helpers import SVG, XLINK_HREF, active_content, parse, texts


def test_parses_strictly_with_mm_units_and_a_viewbox(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    root = parse(render_svg(chart, layout, theme).encode())
    assert root.tag == f"{SVG}svg"
    assert root.get("version") == "1.1"
    assert re.fullmatch(r"[0-9.]+mm", root.get("width", ""))
    assert re.fullmatch(r"[0-9.]+mm", root.get("height", ""))
    x, y, w, h = (float(v) for v in root.get("viewBox", "").split())
    assert (x, y) == (0, 0)
    # Width in mm is the viewBox in points converted: real print size.
    assert float(root.get("width", "")[:-2]) == pytest.approx(w * 25.4 / 72, abs=0.01)
    assert w >= layout.width and h >= layout.height


def test_every_body_is_a_group_with_id_classes_title_and_desc(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    root = parse(render_svg(chart, layout, theme).encode())
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids)), "ids are unique"
    for body in chart.bodies:
        group = root.find(f".//{SVG}g[@id='body-{body.id}']")
        assert group is not None, body.id
        assert group.get("class") == f"body kind-{body.kind}"
        assert group.findtext(f"{SVG}title") == body.name
        assert group.find(f"{SVG}desc") is not None
    # Each kind has a CSS rule a designer can change.
    css = root.findtext(f"{SVG}style") or ""
    for kind in {b.kind for b in chart.bodies}:
        assert f".kind-{kind} rect" in css


def test_labels_are_real_text_in_the_font_stack(chart: Chart, layout: Layout, theme: Theme) -> None:
    data = render_svg(chart, layout, theme)
    root = parse(data.encode())
    shown = " ".join(texts(root))
    for box in layout.boxes.values():
        for line in box.lines:
            assert line in shown
    assert 'font-family="Arial, &#39;Liberation Sans&#39;, sans-serif"' in data
    assert "Key" in texts(root)


def test_relationships_are_paths_with_arrow_markers(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    root = parse(render_svg(chart, layout, theme).encode())
    paths = root.findall(f".//{SVG}g[@id='relationships']/{SVG}path")
    assert len(paths) == len(layout.edges)
    markers = {m.get("id") for m in root.iter(f"{SVG}marker")}
    accountable = [p for p in paths if "rel-accountable_to" in (p.get("class") or "")]
    assert accountable
    assert all(p.get("marker-end") == "url(#arrow-accountable_to)" for p in accountable)
    assert "arrow-accountable_to" in markers
    # Undirected kinds (partners with) have no arrowhead.
    partners = [p for p in paths if "rel-partners_with" in (p.get("class") or "")]
    assert partners and all(p.get("marker-end") is None for p in partners)


def test_frames_and_legend_are_present(chart: Chart, layout: Layout, theme: Theme) -> None:
    root = parse(render_svg(chart, layout, theme).encode())
    frames = root.findall(f".//{SVG}g[@id='groups']/{SVG}g")
    assert {f.get("id") for f in frames} == {f"group-{g}" for g in layout.frames}
    legend = root.find(f".//{SVG}g[@id='legend']")
    assert legend is not None
    legend_text = texts(legend)
    assert "Integrated care board" in legend_text and "Accountable to" in legend_text


def test_no_active_content_and_only_safe_links(chart: Chart, layout: Layout, theme: Theme) -> None:
    root = parse(render_svg(chart, layout, theme).encode())
    assert active_content(root) == []
    hrefs = [a.get(XLINK_HREF) for a in root.iter(f"{SVG}a")]
    assert "https://www.cheshireandmerseyside.nhs.uk/" in hrefs


def test_transparent_option_drops_the_background(
    chart: Chart, layout: Layout, theme: Theme
) -> None:
    with_bg = parse(render_svg(chart, layout, theme).encode())
    without = parse(render_svg(chart, layout, theme, ExportOptions(transparent=True)).encode())
    assert with_bg.find(f".//{SVG}rect[@class='background']") is not None
    assert without.find(f".//{SVG}rect[@class='background']") is None


def test_same_input_gives_the_same_text(chart: Chart, layout: Layout, theme: Theme) -> None:
    assert render_svg(chart, layout, theme) == render_svg(chart, layout, theme)
    assert render_svg(chart, layout, theme) != render_svg(chart, layout, get_theme("greyscale"))


def test_colliding_ids_stay_unique() -> None:
    bodies = [Body("a-b", "One", "icb"), Body("a_b", "Two", "icb"), Body("A-B", "Three", "icb")]
    chart = Chart(ChartMeta(), bodies, [Relationship("r", "a-b", "a_b", "member_of")])
    root = parse(render_svg(chart, fallback_layout(chart), get_theme("nhs")).encode())
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))


def test_a_chart_of_2500_bodies_exports(theme: Theme) -> None:
    bodies = [
        Body(f"b{i}", f"Body {i}", "nhs_trust", links=(Link("https://x.nhs.uk/"),))
        for i in range(2500)
    ]
    rels = [Relationship(f"r{i}", f"b{i}", f"b{i // 2}", "member_of") for i in range(1, 2500)]
    chart = Chart(ChartMeta(), bodies, rels)
    root = parse(render_svg(chart, fallback_layout(chart), theme).encode())
    assert len(root.findall(f".//{SVG}g[@class='body kind-nhs_trust']")) == 2500


def _ink_fraction(png: Path) -> float:
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert not image.isNull()
    step = 4
    inked = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            if image.pixelColor(x, y).lightness() < 200:
                inked += 1
    return inked / total


def test_librsvg_renders_it_with_ink(
    chart: Chart, layout: Layout, theme: Theme, tmp_path: Path
) -> None:
    rsvg = need_tool("rsvg-convert")
    svg = export_svg(chart, layout, theme, tmp_path / "chart.svg")
    png = tmp_path / "chart.png"
    run = subprocess.run([rsvg, str(svg), "-o", str(png)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""  # no warnings about unsupported features
    assert _ink_fraction(png) > 0.03


def test_qtsvg_renders_it_with_ink(
    chart: Chart, layout: Layout, theme: Theme, tmp_path: Path
) -> None:
    from exporters.png import export_png

    out = tmp_path / "chart.png"
    export_png(chart, layout, theme, out, ExportOptions(scale=1.0))
    assert _ink_fraction(out) > 0.03
