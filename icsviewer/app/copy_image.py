"""Edit > Copy Chart as Image: the chart sheet on the clipboard, for PowerPoint or Word.

The clipboard gets the same sheet the PNG exporter makes (title, chart, key) three ways, so
each application takes the best it understands: a Qt image (which the platform offers as a
bitmap: CF_DIB on Windows, TIFF on macOS), `image/png` bytes, and `image/svg+xml` with our own
SVG for applications that paste vectors (recent PowerPoint, Word and Inkscape).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication, QImage

from exporters.options import ExportOptions
from exporters.png import png_bytes, render_image
from exporters.svg import render_svg
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.style.theme import Theme

# Twice screen size, as the PNG export; a chart too big for that is copied smaller.
SCALES = (2.0, 1.0, 0.5, 0.25)


def chart_image(chart: Chart, layout: Layout, theme: Theme, options: ExportOptions) -> QImage:
    """The sheet at 2x, or the largest smaller scale that can be made.

    Raises ValueError if even the smallest is too large.
    """
    error: ValueError | None = None
    for scale in SCALES:
        try:
            return render_image(chart, layout, theme, replace(options, scale=scale, dpi=None))
        except ValueError as exc:
            error = exc
    raise error or ValueError("the chart could not be drawn")


def chart_mime_data(
    chart: Chart, layout: Layout, theme: Theme, options: ExportOptions | None = None
) -> tuple[QMimeData, QImage]:
    """The clipboard contents (bitmap, PNG and SVG) and the image put in them."""
    options = options or ExportOptions()
    image = chart_image(chart, layout, theme, options)
    data = QMimeData()
    data.setImageData(image)
    data.setData("image/png", png_bytes(image))
    data.setData("image/svg+xml", render_svg(chart, layout, theme, options).encode("utf-8"))
    return data, image


def copy_chart_image(
    chart: Chart,
    layout: Layout,
    theme: Theme,
    options: ExportOptions | None = None,
    clipboard: QClipboard | None = None,
) -> QImage:
    """Put the chart on the clipboard; returns the image copied. Raises ValueError or OSError."""
    data, image = chart_mime_data(chart, layout, theme, options)
    (clipboard or QGuiApplication.clipboard()).setMimeData(data)
    return image
