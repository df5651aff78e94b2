"""Smooth camera moves for presenting: frame a set of bodies with an eased, half-second glide.

The camera works on what the view shows (its visible scene rectangle), not on the view's
internal transform steps, so a move is one continuous interpolation from "what is on screen
now" to "what should be on screen". The centre moves linearly and the scale geometrically,
which makes a zoom feel even instead of rushing at the start. With a duration of 0 (tests,
or a user who turns animation off) the camera snaps straight to the end.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEasingCurve, QObject, QPointF, QRectF, QSizeF, QVariantAnimation, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsView

# About half a second: long enough to follow, short enough not to keep a room waiting.
DEFAULT_DURATION_MS = 500
# Largest magnification when framing a single small body: at 3 screen pixels per point a
# 10 pt label is 30 px tall, readable from the back of a room without one box filling it.
MAX_PRESENT_SCALE = 3.0


def camera_rect(
    target: QRectF,
    viewport: QSizeF,
    margin_px: float = 40.0,
    reserve_bottom_px: float = 0.0,
    max_scale: float = MAX_PRESENT_SCALE,
) -> QRectF:
    """The scene rectangle to show so `target` fills the viewport above a reserved strip.

    The result has the viewport's aspect ratio. `reserve_bottom_px` keeps the caption strip
    clear: the target is centred in the area above it.
    """
    width, height = max(viewport.width(), 1.0), max(viewport.height(), 1.0)
    usable_w = max(width - 2 * margin_px, 1.0)
    usable_h = max(height - reserve_bottom_px - 2 * margin_px, 1.0)
    scale = min(
        usable_w / max(target.width(), 1e-6),
        usable_h / max(target.height(), 1e-6),
        max_scale,
    )
    visible_w, visible_h = width / scale, height / scale
    centre = target.center()
    left = centre.x() - visible_w / 2
    # The target's centre sits in the middle of the area above the reserved strip.
    top = centre.y() - ((height - reserve_bottom_px) / 2) / scale
    return QRectF(left, top, visible_w, visible_h)


def visible_scene_rect(view: QGraphicsView) -> QRectF:
    """The part of the scene the view shows now."""
    return view.mapToScene(view.viewport().rect()).boundingRect()


def show_scene_rect(view: QGraphicsView, rect: QRectF) -> None:
    """Make the view show exactly `rect` (which should have the viewport's aspect ratio)."""
    if rect.width() <= 0 or rect.height() <= 0:
        return
    size = view.viewport().size()
    scale = min(size.width() / rect.width(), size.height() / rect.height())
    view.setTransform(QTransform.fromScale(scale, scale))
    view.centerOn(rect.center())


def _blend(start: QRectF, end: QRectF, t: float) -> QRectF:
    """A rectangle part way from `start` to `end`: centre linear, size geometric."""
    cx = start.center().x() + (end.center().x() - start.center().x()) * t
    cy = start.center().y() + (end.center().y() - start.center().y()) * t

    def geo(a: float, b: float) -> float:
        if a <= 0 or b <= 0:
            return a + (b - a) * t
        return math.exp(math.log(a) + (math.log(b) - math.log(a)) * t)

    w, h = geo(start.width(), end.width()), geo(start.height(), end.height())
    return QRectF(QPointF(cx - w / 2, cy - h / 2), QSizeF(w, h))


class Camera(QObject):
    """Moves a view to frame rectangles, eased over `duration_ms` (0 snaps)."""

    # Emitted when a move has reached its end (at once when snapping).
    arrived = Signal()
    # True when a glide starts, False when it ends or stops: a view drawing from tiles makes
    # none ahead meanwhile (each frame of a glide is a new zoom level).
    gliding = Signal(bool)

    def __init__(
        self,
        view: QGraphicsView,
        duration_ms: int = DEFAULT_DURATION_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.duration_ms = duration_ms
        # The scene rectangle the camera is heading for (or showing), for tests and callers.
        self.target: QRectF | None = None
        self._start = QRectF()
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._animation.valueChanged.connect(self._step)
        self._animation.finished.connect(self._finish)

    @property
    def moving(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def frame(
        self, target: QRectF, margin_px: float = 40.0, reserve_bottom_px: float = 0.0
    ) -> QRectF:
        """Glide so `target` fills the view (see `camera_rect`); return the final rect."""
        rect = camera_rect(
            target, QSizeF(self.view.viewport().size()), margin_px, reserve_bottom_px
        )
        self.move_to(rect)
        return rect

    def move_to(self, rect: QRectF) -> None:
        """Glide to show the scene rectangle `rect`."""
        self.stop()
        self.target = QRectF(rect)
        if self.duration_ms <= 0 or not self.view.isVisible():
            # Nothing to watch (tests, a hidden view): arrive at once.
            show_scene_rect(self.view, rect)
            self.arrived.emit()
            return
        self._start = visible_scene_rect(self.view)
        self._animation.setDuration(self.duration_ms)
        self._animation.start()
        self.gliding.emit(True)

    def stop(self) -> None:
        """Stop where the camera is (the view keeps what it shows now)."""
        if self.moving:
            self._animation.stop()
            self.gliding.emit(False)

    def _step(self, value: object) -> None:
        if self.target is None or not isinstance(value, float):
            return
        show_scene_rect(self.view, _blend(self._start, self.target, value))

    def _finish(self) -> None:
        if self.target is not None:
            show_scene_rect(self.view, self.target)
        self.gliding.emit(False)
        self.arrived.emit()


def widen_scene_rect(view: QGraphicsView, scene: Any) -> None:
    """Let the camera centre bodies at the chart's edges (the scroll range would stop it)."""
    whole = QRectF(scene.bodies_rect(scene.body_ids()))
    if whole.isEmpty():
        whole = scene.sceneRect()
    pad = max(whole.width(), whole.height(), 1000.0)
    view.setSceneRect(whole.adjusted(-pad, -pad, pad, pad))
