"""Walking a tour with the keys presenters and clickers use (animations off).

Every key goes through Qt as a real key event to the focused widget, so these tests also
prove that the presenter gets its keys before the window's shortcuts and the view's own keys.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from icsviewer.present.camera import visible_scene_rect

K = Qt.Key


def keys(window, qtbot, *names: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    for key in names:
        target = QApplication.focusWidget() or window.view
        qtbot.keyClick(target, key)


def full_strength(scene) -> set[str]:  # type: ignore[no-untyped-def]
    """Bodies drawn at full opacity (the rest are dimmed)."""
    return {b for b in scene.body_ids() if scene.body_item(b).opacity() == 1.0}


def shown(scene) -> set[str]:  # type: ignore[no-untyped-def]
    return {b for b in scene.body_ids() if scene.body_item(b).isVisible()}


def fills_screen(window) -> bool:  # type: ignore[no-untyped-def]
    """Whether the window covers its screen and the chart view covers the window."""
    screen = window.screen().geometry()
    view_origin = window.view.mapTo(window, QPoint(0, 0))
    return (
        window.geometry() == screen
        and view_origin == QPoint(0, 0)
        and (window.view.size() == window.size())
    )


def screen_colours(window) -> set[str]:  # type: ignore[no-untyped-def]
    """The colours on a coarse grid over what the audience sees."""
    image = window.grab().toImage()
    w, h = image.width(), image.height()
    return {image.pixelColor(x * w // 20, y * h // 20).name() for x in range(20) for y in range(20)}


def framed(window, ids) -> bool:  # type: ignore[no-untyped-def]
    """Whether the view shows all of these bodies' boxes."""
    return visible_scene_rect(window.view).contains(window.scene.bodies_rect(ids))


def test_f5_presents_the_default_tour_full_screen(window, presenter, qtbot) -> None:
    keys(window, qtbot, K.Key_F5)
    assert presenter.active and window.isFullScreen()
    qtbot.waitUntil(lambda: fills_screen(window))
    assert not window.menuBar().isVisible()
    assert not window.details.isVisible() and not window.statusBar().isVisible()
    assert window.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert presenter.caption.counter == "1 / 3"
    assert presenter.caption.caption == "NHS England sets the rules"
    assert full_strength(window.scene) == {"nhse"}
    assert framed(window, ["nhse"])


def test_next_keys_step_frame_and_dim(window, presenter, qtbot) -> None:
    presenter.start()
    everything = window.scene.bodies_rect(window.scene.body_ids())
    keys(window, qtbot, K.Key_Right)
    assert presenter.caption.counter == "2 / 3"
    assert full_strength(window.scene) == {"cm_icb", "cm_icp"}
    assert presenter.camera.target.contains(window.scene.bodies_rect(["cm_icb", "cm_icp"]))
    assert framed(window, ["cm_icb", "cm_icp"])
    # Framed large: the step fills the view, it is not the whole chart shrunk.
    assert not visible_scene_rect(window.view).contains(everything)
    keys(window, qtbot, K.Key_Space)
    assert presenter.caption.counter == "3 / 3"
    assert full_strength(window.scene) == {"lpool_council", "lpool_hwb", "one_lpool"}
    assert framed(window, ["lpool_council", "lpool_hwb", "one_lpool"])


def test_every_next_and_previous_key(window, presenter, qtbot) -> None:
    presenter.start()
    for key in (K.Key_Down, K.Key_PageDown, K.Key_Return, K.Key_Enter, K.Key_N):
        presenter.first()
        keys(window, qtbot, key)
        assert presenter.caption.counter == "2 / 3", key
    for key in (K.Key_Left, K.Key_Up, K.Key_PageUp, K.Key_Backspace, K.Key_P):
        presenter.last()
        keys(window, qtbot, key)
        assert presenter.caption.counter == "2 / 3", key


def test_first_and_last_steps_clamp(window, presenter, qtbot) -> None:
    presenter.start()
    keys(window, qtbot, K.Key_Left, K.Key_Up)
    assert presenter.caption.counter == "1 / 3"
    keys(window, qtbot, K.Key_End)
    assert presenter.caption.counter == "3 / 3"
    keys(window, qtbot, K.Key_Right, K.Key_Space)
    assert presenter.caption.counter == "3 / 3"
    assert full_strength(window.scene) == {"lpool_council", "lpool_hwb", "one_lpool"}
    keys(window, qtbot, K.Key_Home)
    assert presenter.caption.counter == "1 / 3"


def test_number_then_enter_jumps(window, presenter, qtbot) -> None:
    presenter.start()
    keys(window, qtbot, K.Key_3)
    assert presenter.caption.counter == "Go to 3…"  # feedback while typing
    keys(window, qtbot, K.Key_Return)
    assert presenter.caption.counter == "3 / 3"
    keys(window, qtbot, K.Key_2, K.Key_Enter)
    assert presenter.caption.counter == "2 / 3"
    assert full_strength(window.scene) == {"cm_icb", "cm_icp"}
    # Too large a number goes to the last step; Backspace edits the number, not the step.
    keys(window, qtbot, K.Key_1, K.Key_2, K.Key_Backspace, K.Key_Backspace, K.Key_9, K.Key_Return)
    assert presenter.caption.counter == "3 / 3"


def test_black_and_white_screens_toggle(window, presenter, qtbot) -> None:
    presenter.start()
    qtbot.waitUntil(lambda: fills_screen(window))
    assert len(screen_colours(window)) > 2  # the chart is on screen
    keys(window, qtbot, K.Key_B)
    assert presenter.cover == "black" and screen_colours(window) == {"#000000"}
    keys(window, qtbot, K.Key_Period)
    assert presenter.cover is None and not presenter.cover_widget.isVisible()
    keys(window, qtbot, K.Key_W)
    assert presenter.cover == "white" and screen_colours(window) == {"#ffffff"}
    keys(window, qtbot, K.Key_Comma)
    assert presenter.cover is None
    keys(window, qtbot, K.Key_Period, K.Key_W)
    assert presenter.cover == "white"  # W on a black screen turns it white


def test_a_step_key_on_a_black_screen_only_uncovers(window, presenter, qtbot) -> None:
    presenter.start()
    keys(window, qtbot, K.Key_B, K.Key_Right)
    assert presenter.cover is None
    assert presenter.caption.counter == "1 / 3"


def test_first_escape_clears_the_blackout_second_leaves(window, presenter, qtbot) -> None:
    presenter.start()
    keys(window, qtbot, K.Key_B, K.Key_Escape)
    assert presenter.active and presenter.cover is None
    keys(window, qtbot, K.Key_Escape)
    assert not presenter.active and not window.isFullScreen()


def test_left_click_advances(window, presenter, qtbot) -> None:
    presenter.start()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton)
    assert presenter.caption.counter == "2 / 3"


def test_build_tour_reveals_step_by_step(window, presenter, qtbot) -> None:
    presenter.start("money")
    assert shown(window.scene) == {"nhse"}
    keys(window, qtbot, K.Key_Right)
    assert shown(window.scene) == {"nhse", "cm_icb"}
    assert full_strength(window.scene) == {"cm_icb"}
    keys(window, qtbot, K.Key_Right)
    assert shown(window.scene) == {"nhse", "cm_icb", "one_lpool"}
    keys(window, qtbot, K.Key_Escape)
    assert shown(window.scene) == set(window.scene.body_ids())


def test_present_tour_menu_starts_the_chosen_tour(window, presenter) -> None:
    menu = window.findChild(type(window.menus["view"]), "menu_present_tour")
    menu.aboutToShow.emit()
    titles = [a.text() for a in menu.actions() if a.text()]
    assert titles[0].startswith("The ICS in five minutes (default)")
    chosen = next(a for a in menu.actions() if a.text().startswith("How money"))
    chosen.trigger()
    assert presenter.player.tour.id == "money"
    assert presenter.caption.caption == "Money starts nationally"


def test_cursor_hides_when_still(window, qtbot) -> None:
    from icsviewer.present.presenter import Presenter

    presenter = Presenter(window, animate=False, cursor_hide_ms=50)
    presenter.start()
    qtbot.waitUntil(lambda: presenter.cursor_hidden, timeout=3000)
    qtbot.mouseMove(window.view.viewport())
    assert not presenter.cursor_hidden
    presenter.stop()


def test_other_plain_keys_cannot_edit_or_select_mid_show(window, presenter, qtbot) -> None:
    presenter.start()
    keys(window, qtbot, K.Key_Tab, K.Key_Delete, K.Key_A)
    assert window.scene.selected_body_ids() == []
    assert len(window.document.chart) == 7
    assert presenter.active and presenter.caption.counter == "1 / 3"
