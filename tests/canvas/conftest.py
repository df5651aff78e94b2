"""Shared set-up for canvas tests: a generated ICS-shaped chart laid out without Graphviz."""

from __future__ import annotations

import pytest

from icsviewer.canvas.fonts import load_bundled_fonts
from icsviewer.canvas.scene import ChartScene
from icsviewer.layout.fallback import fallback_layout
from icsviewer.model.chart import Chart
from icsviewer.model.generator import generate_chart
from icsviewer.style.theme import get_theme


@pytest.fixture
def chart() -> Chart:
    return generate_chart(60, seed=3)


@pytest.fixture
def scene(qapp: object, chart: Chart) -> ChartScene:
    load_bundled_fonts()
    return ChartScene(chart, fallback_layout(chart), get_theme("nhs"))
