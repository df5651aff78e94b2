"""Exporters: board-pack PDF, designer SVG and slide PNG from the chart and its Layout."""
