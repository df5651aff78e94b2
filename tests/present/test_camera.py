"""Camera framing: what rectangle a step shows, and that an eased move ends on its target."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, QSizeF

from icsviewer.present.camera import Camera, camera_rect, visible_scene_rect


def test_frames_the_target_with_the_viewport_aspect_and_margins() -> None:
    target = QRectF(100, 100, 400, 100)
    shown = camera_rect(target, QSizeF(1000, 500), margin_px=50, max_scale=10)
    assert shown.width() / shown.height() == pytest.approx(2.0)
    assert shown.contains(target)
    assert shown.center().x() == pytest.approx(target.center().x())
    # Width-limited: the target spans the viewport less the two margins.
    assert target.width() * 1000 / shown.width() == pytest.approx(900)


def test_keeps_the_caption_strip_clear() -> None:
    target = QRectF(0, 0, 200, 200)
    shown = camera_rect(target, QSizeF(800, 800), margin_px=0, reserve_bottom_px=200, max_scale=10)
    scale = 800 / shown.width()
    bottom_on_screen = (target.bottom() - shown.top()) * scale
    assert bottom_on_screen <= 600 + 1e-6


def test_a_single_small_body_is_not_blown_up_beyond_the_cap() -> None:
    shown = camera_rect(QRectF(0, 0, 10, 5), QSizeF(1600, 1000), max_scale=3.0)
    assert 1600 / shown.width() == pytest.approx(3.0)


def test_animated_move_arrives_on_its_target(window, qtbot) -> None:
    camera = Camera(window.view, duration_ms=200)
    target = window.scene.bodies_rect(["lpool_hwb", "one_lpool"])
    with qtbot.waitSignal(camera.arrived, timeout=5000):
        shown = camera.frame(target)
        assert camera.moving
    assert not camera.moving
    visible = visible_scene_rect(window.view)
    assert visible.contains(target)
    assert visible.width() == pytest.approx(shown.width(), rel=0.02)


def test_a_glide_tells_whoever_listens_when_it_starts_and_stops(window, qtbot) -> None:
    camera = Camera(window.view, duration_ms=300)
    seen: list[bool] = []
    camera.gliding.connect(seen.append)
    target = window.scene.bodies_rect(["lpool_hwb", "one_lpool"])
    with qtbot.waitSignal(camera.arrived, timeout=5000):
        camera.frame(target)
    assert seen == [True, False]
    camera.frame(window.scene.bodies_rect(["one_lpool"]))
    camera.stop()  # stopped halfway (the presenter pans by hand)
    assert seen == [True, False, True, False]
    camera.stop()  # nothing moving: nothing to tell
    assert seen == [True, False, True, False]
