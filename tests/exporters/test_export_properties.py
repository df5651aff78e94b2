"""Property: any Unicode in any text field gives an SVG that parses and a PDF that builds.

Charts come from the shared `tests.strategies.charts()` (every text field drawn from any
Unicode plus YAML traps); the layout is the instant fallback so each example is quick.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from exporters.options import ExportOptions
from exporters.pdf import build_pdf
from exporters.safe_text import one_line
from exporters.svg import render_svg
from icsviewer.layout.fallback import fallback_layout
from icsviewer.model.chart import Chart
from icsviewer.style.theme import THEMES, get_theme
from tests.exporters.pdf_helpers import read_pdf
from tests.exporters.svg_helpers import SVG, active_content, parse
from tests.strategies import charts, texts


@settings(max_examples=30)
@given(chart=charts(max_bodies=5), theme=st.sampled_from(sorted(THEMES)))
def test_any_chart_exports_to_svg_that_parses_and_is_inert(chart: Chart, theme: str) -> None:
    layout = fallback_layout(chart)
    data = render_svg(chart, layout, get_theme(theme)).encode("utf-8")
    root = parse(data)
    assert active_content(root) == []
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    titles = {el.text or "" for el in root.iter(f"{SVG}title")}
    for body_id in layout.boxes:  # bodies in a collapsed group have no box
        body = chart.body(body_id)
        assert (one_line(body.name) or body.id) in titles


@settings(max_examples=10)
@given(chart=charts(max_bodies=4), title=texts(max_size=30), marking=texts(max_size=12))
def test_any_chart_exports_to_a_pdf_that_builds(chart: Chart, title: str, marking: str) -> None:
    options = ExportOptions(title=title, marking=marking, source_name="c.yaml")
    data, result = build_pdf(chart, fallback_layout(chart), get_theme("nhs"), options)
    facts = read_pdf(data)
    assert len(facts.reader.pages) == result.pages
    assert all(u.startswith(("https://", "mailto:")) for u in facts.uri_links)
