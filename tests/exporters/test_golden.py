"""Golden file: the SVG of a small fixed chart and layout, byte for byte.

A change to the SVG output shows up here as a diff to review. If the change is intended,
regenerate with `UPDATE_GOLDEN=1 pytest tests/exporters/test_golden.py` and commit the file.
The layout is built by hand, so only the exporter (not the layout engine) can change it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from exporters.options import ExportOptions
from exporters.svg import render_svg
from icsviewer.layout.geometry import BoxLayout, EdgeLayout, FrameLayout, Layout
from icsviewer.model.chart import Body, Chart, ChartMeta, Group, Link, Relationship
from icsviewer.style.theme import get_theme

GOLDEN = Path(__file__).parent / "golden" / "small_chart.svg"


def small_chart() -> tuple[Chart, Layout]:
    chart = Chart(
        ChartMeta(
            title="Small ICS",
            subtitle="Golden test",
            organisation="NHS Example",
            version="3",
            as_at=dt.date(2025, 11, 1),
            marking="OFFICIAL",
        ),
        [
            Body("nhse", "NHS England", "national_body"),
            Body(
                "icb",
                "NHS Example Integrated Care Board",
                "icb",
                links=(Link("https://example.nhs.uk/"),),
            ),
            Body("trust", "Example Hospitals NHS Foundation Trust", "nhs_trust"),
        ],
        [
            Relationship("r1", "icb", "nhse", "accountable_to", label="assessed"),
            Relationship("r2", "trust", "icb", "partners_with"),
        ],
        [Group("g", "Providers", ("trust",), "collaborative")],
    )
    layout = Layout(
        boxes={
            "nhse": BoxLayout("nhse", 80, 4, 90, 26, ("NHS England",), 10),
            "icb": BoxLayout(
                "icb", 60, 80, 130, 44, ("NHS Example", "Integrated Care", "Board"), 10
            ),
            "trust": BoxLayout(
                "trust", 62, 170, 126, 32, ("Example Hospitals NHS", "Foundation Trust"), 10
            ),
        },
        edges={
            "r1": EdgeLayout(
                "r1",
                "icb",
                "nhse",
                ((125, 80), (125, 65), (125, 55), (125, 40)),
                arrow_tip=(125, 30),
                label_pos=(150, 55),
            ),
            "r2": EdgeLayout(
                "r2", "trust", "icb", ((125, 170), (125, 155), (125, 140), (125, 124))
            ),
        },
        frames={"g": FrameLayout("g", "Providers", 50, 146, 150, 66, (58, 158))},
        width=250,
        height=216,
    )
    return chart, layout


def test_svg_matches_the_golden_file() -> None:
    chart, layout = small_chart()
    text = render_svg(chart, layout, get_theme("nhs"), ExportOptions(source_name="small.yaml"))
    if os.environ.get("UPDATE_GOLDEN") == "1" or not GOLDEN.exists():
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
