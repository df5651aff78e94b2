"""PNG for slides: our own SVG rendered by QtSvg, so the PNG shows exactly what the SVG shows.

    export_png(chart, layout, theme, path, options) -> PngResult
    render_image(chart, layout, theme, options) -> QImage   (Edit > Copy Chart as Image)

Runs without a window: a QGuiApplication is created if none exists (offscreen is fine), and the
bundled Liberation Sans is loaded into QFontDatabase first so text is measured and drawn with
the font the layout used. Scale is pixels per point (default 2, "twice screen size", 144 dpi);
`--dpi` sets it from dots per inch. The background is white unless `transparent`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from exporters.atomic import write_bytes_atomic
from exporters.options import MAX_PNG_PIXELS, MAX_PNG_SIDE, ExportOptions
from exporters.svg import plan_sheet, render_svg
from icsviewer import paths
from icsviewer.layout.geometry import Layout
from icsviewer.model.chart import Chart
from icsviewer.style.theme import Theme

_fonts_loaded = False
# QtSvg takes font-family as one name (a list falls back to its default font), so the PNG
# names only the bundled font, the one the layout measured.
PNG_FONT_STACK = "Liberation Sans"


@dataclass(frozen=True)
class PngResult:
    """What was written."""

    path: Path | None
    width: int
    height: int
    dpi: float

    def summary(self) -> str:
        name = self.path.name if self.path else "PNG"
        return f"Wrote {name}: {self.width}×{self.height} pixels at {self.dpi:g} dpi."


def _ensure_qt() -> None:
    """A QGuiApplication (offscreen if nothing else was chosen) and the bundled fonts."""
    global _fonts_loaded
    if QGuiApplication.instance() is None:
        import os
        import sys

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Kept alive on the module: Qt needs the application object for the whole run.
        globals()["_app"] = QGuiApplication(sys.argv[:1])
    if not _fonts_loaded:
        for font in (paths.FONT_REGULAR, paths.FONT_BOLD):
            if font.exists():
                QFontDatabase.addApplicationFont(str(font))
        _fonts_loaded = True


def render_image(
    chart: Chart, layout: Layout, theme: Theme, options: ExportOptions | None = None
) -> QImage:
    """The chart sheet (title, chart, legend) as an ARGB image at the chosen scale.

    Raises ValueError if the image would be too large to allocate (see MAX_PNG_PIXELS).
    """
    options = options or ExportOptions()
    _ensure_qt()
    sheet = plan_sheet(chart, layout, theme, options)
    scale = options.png_scale
    width, height = round(sheet.width * scale), round(sheet.height * scale)
    if max(width, height) > MAX_PNG_SIDE or width * height > MAX_PNG_PIXELS:
        raise ValueError(
            f"the image would be {width}×{height} pixels, too large to make "
            f"(at most {MAX_PNG_PIXELS // 1_000_000} million pixels); "
            "choose a smaller --scale or --dpi, or export SVG or PDF instead"
        )
    svg = render_svg(chart, layout, theme, options, PNG_FONT_STACK).encode("utf-8")
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("could not render the chart image")
    image = QImage(max(width, 1), max(height, 1), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    dpm = round(scale * 72 / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, width, height))
    finally:
        painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # stubs say bytes
        raise OSError("could not encode the PNG image")
    buffer.close()
    return bytes(data.data())


def export_png(
    chart: Chart,
    layout: Layout,
    theme: Theme,
    path: str | Path,
    options: ExportOptions | None = None,
) -> PngResult:
    """Render and write the PNG atomically."""
    options = options or ExportOptions()
    image = render_image(chart, layout, theme, options)
    written = write_bytes_atomic(Path(path), png_bytes(image))
    return PngResult(written, image.width(), image.height(), options.png_scale * 72)
