"""Fixtures for exporter tests: the sample chart, its quick layout, the themes, tool checks."""

from __future__ import annotations

import shutil

import pytest

from icsviewer.layout.fallback import fallback_layout
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.style.theme import Theme, get_theme
from tests.exporters.sample import sample_chart


@pytest.fixture
def chart() -> Chart:
    return sample_chart()


@pytest.fixture
def layout(chart: Chart) -> Layout:
    # The fallback engine: instant and deterministic, and shaped like a real layout.
    return fallback_layout(chart)


@pytest.fixture
def theme() -> Theme:
    return get_theme("nhs")


def need_tool(name: str) -> str:
    """The tool's path, or skip the test where it is not installed."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path
