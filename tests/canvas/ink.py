"""Drawing into images and reading back which pixels took ink, for canvas tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from icsviewer.canvas.scene import ChartScene


def drawn_on_white(
    width: float, height: float, transform: QTransform, draw: Callable[[QPainter], object]
) -> QImage:
    """A white image of the given size with `draw` run on an antialiased painter."""
    image = QImage(int(width), int(height), QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setTransform(transform)
    draw(painter)
    painter.end()
    return image


def inked(image: QImage, darker_than: int = 200) -> set[tuple[int, int]]:
    """The pixels darker than `darker_than` (lightness, 0-255)."""
    return {
        (x, y)
        for x in range(image.width())
        for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < darker_than
    }


def far_out_picture(scene: ChartScene, scale: float) -> QImage:
    """The scene's far-out picture (`paint_overview`) of the whole chart at `scale`, on its
    background."""
    source = scene.sceneRect()
    image = QImage(
        round(source.width() * scale), round(source.height() * scale), QImage.Format.Format_RGB32
    )
    image.fill(scene.backgroundBrush().color())
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.translate(-source.left(), -source.top())
    scene.paint_overview(painter, source, scale)
    painter.end()
    return image
