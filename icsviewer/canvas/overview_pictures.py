"""Pictures of the whole far-out chart, kept per zoom band and patched where it changes.

Far out, the chart view keeps one image of the whole chart per zoom band (bands a factor of
BAND_STEP apart) and scales it to the exact zoom: zooming and panning then cost one scaled copy
of pixels a frame (map viewers keep tiles per zoom level the same way). A picture is drawn
when the zoom enters a new band; after an edit only the changed area of each kept picture is
cleared and drawn again (a body added to a 10,000-body chart redraws a few boxes' worth of
pixels, not the whole chart). Pictures cover the chart with a margin, so a body placed at
its edge is patched in as well.

The drawing itself is the overview's: `draw(painter, lod, dim)` with the painter mapping scene
points to the picture's pixels.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QRegion

# Bands of zoom a factor of this apart; a picture is shown at most this much smaller.
BAND_STEP = 2**0.5
# A picture has at most this many pixels (48 MB); a bigger one is drawn afresh each frame.
# At most KEPT pictures, together of at most that size, are kept.
MAX_PIXELS = 12_000_000
KEPT = 4
# A change over more than this share of the picture redraws kept pictures whole.
BIG_CHANGE = 0.25
# Pictures show this much more than the chart on each side (a share of its longer side).
PAD = 0.03

# Draws the chart: (painter mapping scene points to pixels, pixels per point, dim or None).
Draw = Callable[[QPainter, float, "float | None"], None]
Key = tuple[float, "float | None"]  # (zoom band, dim opacity or None)


def band_scale(lod: float, limit: float) -> float:
    """The scale of the zoom band holding `lod`: limit / BAND_STEP**k, the smallest not below it."""
    if lod >= limit:
        return limit
    steps = math.floor(math.log(limit / max(lod, 1e-6), BAND_STEP) + 1e-9)
    return float(limit / BAND_STEP**steps)


class BandPictures:
    """The kept pictures of one chart, by zoom band and dimming."""

    def __init__(self, draw: Draw) -> None:
        self._draw = draw
        # Each picture with its pixels per point, the most recently used last.
        self._images: dict[Key, tuple[QImage, float]] = {}
        # The scene area the pictures show, and the parts of it changed since they were drawn.
        self._area = QRectF()
        self._dirty: list[QRectF] = []
        # Draw kept pictures with their changed parts not yet redrawn; `patch()` redraws them
        # later (the view does, in its own event-loop turn, so an edit's cost and the patch's
        # do not add up in one stall).
        self.defer_patches = False

    @property
    def stale(self) -> bool:
        """Kept pictures have changed parts not redrawn yet."""
        return bool(self._dirty) and bool(self._images)

    def patch(self) -> None:
        """Redraw the changed parts of the kept pictures now."""
        if self._dirty:
            self._patch()

    def forget(self, area: QRectF | None = None) -> None:
        """Something changed inside `area` (scene coordinates), or anywhere if None."""
        if area is None or area.width() * area.height() > BIG_CHANGE * _size(self._area):
            self._images = {}
            self._dirty = []
        elif not area.isEmpty():
            self._dirty.append(area)

    def draw(
        self, painter: QPainter, chart: QRectF, scale: float, dim: float | None, ratio: float
    ) -> bool:
        """Draw the picture of band `scale` (made if need be) over `chart`; False if it would
        be too big to keep (the caller then draws the chart itself)."""
        if not self._area.contains(chart):
            pad = PAD * max(chart.width(), chart.height())
            self._images, self._dirty = {}, []
            self._area = chart.adjusted(-pad, -pad, pad, pad)
        if self._dirty and not self.defer_patches:
            self._patch()
        key = (scale, dim)
        kept = self._images.pop(key, None)
        if kept is None:
            image = self._render(scale * ratio, dim)
            if image is None:
                return False
            kept = (image, scale * ratio)
        self._keep(key, kept)
        image, pixels_per_point = kept
        area = self._area
        target = QRectF(area.left(), area.top(), image.width() / pixels_per_point,
                        image.height() / pixels_per_point)  # fmt: skip
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(target, image, QRectF(image.rect()))
        painter.restore()
        return True

    def _render(self, pixels_per_point: float, dim: float | None) -> QImage | None:
        area = self._area
        width, height = area.width() * pixels_per_point, area.height() * pixels_per_point
        if width * height > MAX_PIXELS or width < 1 or height < 1:
            return None
        image = QImage(int(width) + 1, int(height) + 1, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = self._painter(image, pixels_per_point)
        self._draw(painter, pixels_per_point, dim)
        painter.end()
        return image

    def _patch(self) -> None:
        """Clear the changed areas of every kept picture and draw them again."""
        for (_scale, dim), (image, pixels_per_point) in self._images.items():
            grow = 3.0 / pixels_per_point  # antialiasing and one-pixel lines reach past edges
            clip = QRegion()
            for rect in self._dirty:
                clip = clip.united(QRegion(rect.adjusted(-grow, -grow, grow, grow).toAlignedRect()))
            painter = self._painter(image, pixels_per_point)
            painter.setClipRegion(clip)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
            painter.fillRect(clip.boundingRect(), Qt.GlobalColor.transparent)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            self._draw(painter, pixels_per_point, dim)
            painter.end()
        self._dirty = []

    def _painter(self, image: QImage, pixels_per_point: float) -> QPainter:
        painter = QPainter(image)
        painter.scale(pixels_per_point, pixels_per_point)
        painter.translate(-self._area.left(), -self._area.top())
        return painter

    def _keep(self, key: Key, kept: tuple[QImage, float]) -> None:
        """Keep a few recent pictures: zooming back and forth across a band edge, or hovering
        on and off (dimmed or not), then reuses them."""
        self._images[key] = kept
        while len(self._images) > KEPT or (
            sum(i.width() * i.height() for i, _ in self._images.values()) > MAX_PIXELS
            and len(self._images) > 1
        ):
            del self._images[next(iter(self._images))]


def _size(rect: QRectF) -> float:
    return rect.width() * rect.height()
