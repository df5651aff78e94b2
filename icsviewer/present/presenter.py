"""The presenter: full screen, the chart alone, stepped through a tour by keys and clicks.

`Presenter` is the controller the window owns (see `install.py`). `start()` strips the main
window to its chart view and goes full screen on the window's current screen (why the same
window rather than a new one: see `window_state.py`); `stop()` (Esc) puts everything back.
While presenting, an application-wide event filter takes the presenter's keys (so menu
shortcuts cannot steal Space or Return from a clicker) and the viewport's mouse events (so a
click advances the show and never starts an edit or a drag of a body).

What each step shows comes from `TourPlayer`; the camera glides to frame it; the caption and
the 'n / m' counter sit in a strip at the bottom. Without a tour the show is free
exploration: click a body to spotlight it and its relations, click the background to clear,
drag to pan, wheel to zoom.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QMainWindow, QWidget

from icsviewer.model.chart import Chart, Tour
from icsviewer.present.camera import DEFAULT_DURATION_MS, Camera, widen_scene_rect
from icsviewer.present.key_dispatch import perform_key
from icsviewer.present.keymap import APP_MODIFIERS, action_for
from icsviewer.present.overlay import CaptionOverlay, ScreenCover
from icsviewer.present.pointer import CURSOR_HIDE_MS, PresenterPointer
from icsviewer.present.presenter_view import PresenterView, open_for, show_step, swap_screens
from icsviewer.present.tour_player import TourPlayer
from icsviewer.present.window_state import (
    WhenShown,
    WindowSnapshot,
    restore_window,
    strip_window,
    take_snapshot,
)

EXPLORE_HINT = "Click a body to spotlight it and its relationships · click the background to clear"


class Presenter(QObject):
    """Runs presentations in a main window with `document`, `scene` and `view` attributes."""

    started = Signal()
    stopped = Signal()
    # Emitted after every change of what the audience sees (step, spotlight, cover).
    changed = Signal()

    def __init__(
        self,
        window: QMainWindow,
        animate: bool = True,
        cursor_hide_ms: int = CURSOR_HIDE_MS,
        use_presenter_view: bool = True,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.animate = animate
        self.use_presenter_view = use_presenter_view
        self.player: TourPlayer | None = None
        self.camera: Camera | None = None
        self.caption: CaptionOverlay | None = None
        self.cover_widget: ScreenCover | None = None
        self.presenter_view: PresenterView | None = None
        self.typed = ""  # digits typed so far for "number then Enter"
        self._snap: WindowSnapshot | None = None
        self._chart: Chart | None = None
        self._scene: Any = None
        self.pointer: PresenterPointer | None = None
        self._cursor_hide_ms = cursor_hide_ms

    # ----- what the window holds ----------
    @property
    def chart(self) -> Chart | None:
        """The chart being presented (while presenting), else the window's, if it has one."""
        if self._chart is not None:
            return self._chart
        chart = getattr(getattr(self.window, "document", None), "chart", None)
        return chart if isinstance(chart, Chart) else None

    @property
    def scene(self) -> Any:
        """The scene being presented (the window may swap in another when a file opens)."""
        return self._scene if self._scene is not None else getattr(self.window, "scene", None)

    @property
    def view(self) -> QGraphicsView:
        view: QGraphicsView = self.window.view  # type: ignore[attr-defined]
        return view

    @property
    def active(self) -> bool:
        return self._snap is not None

    @property
    def cover(self) -> str | None:
        """'black' or 'white' while the screen is covered, else None."""
        return self.cover_widget.colour if self.cover_widget else None

    def tours(self) -> tuple[Tour, ...]:
        chart = self.chart
        return chart.tours if chart is not None else ()

    # ----- starting and stopping ----------
    def start(self, tour_id: str | None = None, explore: bool = False, step: int = 1) -> bool:
        """Go full screen with a tour (the default one unless `tour_id`), or explore freely.

        A chart without tours, or `explore=True`, starts free exploration. Returns False if a
        presentation is already running or there is no chart to show. While the window is
        still arranging a new chart (its view hidden), the show starts when the view appears.
        """
        if self.active:
            return False
        chart, scene, view = self.chart, self.scene, self.view
        if chart is None or scene is None:
            return False
        if view.isHidden():
            WhenShown(view, lambda: self.start(tour_id, explore, step))
            return True
        tour: Tour | None = None
        if not explore:
            ids = [t.id for t in chart.tours]
            tour = chart.tour(tour_id) if tour_id in ids else chart.default_tour()
        self._chart, self._scene = chart, scene
        # Bodies hidden inside a collapsed group still count: the group's box stands in.
        drawn = [b for b in chart.body_ids() if not scene.body_rect(b).isEmpty()]
        self.player = TourPlayer(chart, tour, known=drawn)
        self.player.goto(step)
        self._snap = take_snapshot(self.window, view, scene)
        scene.select_bodies([])
        if hasattr(scene, "set_hovered"):
            scene.set_hovered(None)  # a hover glow left from before would fight the spotlight
        self.camera = Camera(view, DEFAULT_DURATION_MS if self.animate else 0, self)
        tiles = getattr(view, "tiles", None)  # the window's chart view draws from tiles
        if tiles is not None:
            self.camera.gliding.connect(tiles.hold)
        self.caption = CaptionOverlay(view)
        self.cover_widget = ScreenCover(view)
        self.pointer = PresenterPointer(view, self.click, self._stop_camera, self._cursor_hide_ms)
        self.typed = ""
        strip_window(self.window, view, self._snap)
        widen_scene_rect(self.view, self.scene)
        scene.sceneRectChanged.connect(self._on_relayout)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        self._open_presenter_view()
        self._show(animate=False)
        self.pointer.wake()
        self.started.emit()
        return True

    def stop(self) -> None:
        """Leave full screen and give the window back exactly as it was."""
        if self._snap is None:
            return
        snap, self._snap = self._snap, None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        view, scene = self.view, self._scene
        view.removeEventFilter(self)
        view.viewport().removeEventFilter(self)
        if self.pointer is not None:
            self.pointer.stop()
            self.pointer.deleteLater()
            self.pointer = None
        if self.camera is not None:
            self.camera.stop()
            self.camera.deleteLater()
        for widget in (self.caption, self.cover_widget, self.presenter_view):
            if widget is not None:
                widget.close()
                widget.deleteLater()
        self.camera = self.caption = self.cover_widget = self.presenter_view = None
        self.player = None
        self.typed = ""
        self._chart = self._scene = None
        if scene is not None and shiboken6.isValid(scene):
            scene.sceneRectChanged.disconnect(self._on_relayout)
        # The show's scene only gets its selection back if the window still shows it.
        same = scene is not None and shiboken6.isValid(scene) and scene is self.window.scene  # type: ignore[attr-defined]
        restore_window(self.window, view, scene if same else None, snap)
        self.stopped.emit()

    def _on_relayout(self, _rect: QRectF) -> None:
        """A new layout arrived mid-show (Graphviz finishing after a quick arrangement): frame
        the step again once the window has finished reacting to it."""
        QTimer.singleShot(0, self._reframe_after_relayout)

    def _reframe_after_relayout(self) -> None:
        if self.active:
            widen_scene_rect(self.view, self.scene)
            self._frame(animate=False)

    # ----- moving through the tour ----------
    def next(self) -> bool:
        return self._move(lambda p: p.next())

    def prev(self) -> bool:
        return self._move(lambda p: p.prev())

    def first(self) -> bool:
        return self._move(lambda p: p.first())

    def last(self) -> bool:
        return self._move(lambda p: p.last())

    def goto(self, number: int) -> bool:
        return self._move(lambda p: p.goto(number))

    def _move(self, how: Any) -> bool:
        if self.player is None or self.player.exploring:
            return False
        if self.cover is not None:
            # A step taken while the screen is black would be missed by the room: the first
            # key only brings the chart back.
            self.set_cover(None)
            return False
        moved = bool(how(self.player))
        if moved:
            self._show(animate=True)
        return moved

    def set_cover(self, colour: str | None) -> None:
        """Black out ('black'), white out ('white') or uncover (None) the screen."""
        if self.cover_widget is None:
            return
        self.cover_widget.cover(colour)
        self._sync_presenter_view()
        self.changed.emit()

    def toggle_cover(self, colour: str) -> None:
        self.set_cover(None if self.cover == colour else colour)

    # ----- free exploration ----------
    def spotlight(self, body_id: str | None) -> None:
        """Spotlight a body and its relations (None clears), in free exploration."""
        if self.player is None or self.caption is None:
            return
        focus = self.player.spotlight(body_id)
        self.scene.set_emphasis(set(focus) if focus else None)
        chart = self.chart
        name = chart.body(body_id).name if chart and focus and body_id else ""
        self.caption.show_text(name, "")
        self.changed.emit()

    # ----- keys ----------
    def press(
        self, key: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> bool:
        """Act on a key as the presenter would; True if the key was the presenter's."""
        action = action_for(key, modifiers)
        if action is None or not self.active:
            return False
        perform_key(self, action, key)
        return True

    # ----- drawing the current state ----------
    def _show(self, animate: bool) -> None:
        """Apply the current step (or exploration) to the scene, the camera and the caption."""
        if self.player is None or self.caption is None or self.camera is None:
            return
        scene = self.scene
        state = self.player.current()
        if state is None:
            scene.set_revealed(None)
            spotlit = self.player.spotlit
            focus = self.player.spotlight(spotlit)
            scene.set_emphasis(set(focus) if focus else None)
            chart = self.player.chart
            name = chart.body(spotlit).name if focus and spotlit else EXPLORE_HINT
            self.caption.show_text(name, "")
        else:
            scene.set_revealed(set(state.revealed) if state.revealed is not None else None)
            scene.set_emphasis(set(state.focus) if state.focus else None)
            self.caption.show_text(state.caption, state.counter)
        self._frame(animate)
        self._sync_presenter_view()
        self.changed.emit()

    def target_rect(self) -> QRectF:
        """The scene rectangle the current step frames: its bodies, or all that is shown."""
        scene = self.scene
        state = self.player.current() if self.player else None
        if state is not None and state.focus:
            return QRectF(scene.bodies_rect(sorted(state.focus)))
        if state is not None and state.revealed:
            return QRectF(scene.bodies_rect(sorted(state.revealed)))
        return QRectF(scene.bodies_rect(scene.body_ids()))

    def _frame(self, animate: bool) -> None:
        if self.camera is None or self.caption is None:
            return
        target = self.target_rect()
        if target.isEmpty():
            return
        duration = self.camera.duration_ms
        if not animate:
            self.camera.duration_ms = 0
        self.camera.frame(target, reserve_bottom_px=self.caption.reserved_height())
        self.camera.duration_ms = duration

    # ----- presenter view (second screen) ----------
    def _open_presenter_view(self) -> None:
        if self.use_presenter_view:
            self.presenter_view = open_for(self)

    def swap_screens(self) -> None:
        """Show the chart on the presenter view's screen and the presenter view on this one."""
        if self.presenter_view is not None:
            swap_screens(self.window, self.presenter_view)

    def _sync_presenter_view(self) -> None:
        if self.presenter_view is not None and self.player is not None:
            show_step(self.presenter_view, self.player, self.cover)

    # ----- events while presenting ----------
    def _owns(self, widget: QObject) -> bool:
        if not isinstance(widget, QWidget):
            return False  # the QWindow sees key events too; act once, on the widget
        top = widget.window()
        return top is self.window or (
            self.presenter_view is not None and top is self.presenter_view
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.active:
            return False
        if not shiboken6.isValid(self.window) or not shiboken6.isValid(self.view):
            # The window is being destroyed mid-show (the app quits): just stop listening.
            self._snap = None
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            return False
        if getattr(self.window, "scene", None) is not self._scene:
            # Another file was opened mid-show (Ctrl+O still works): end the show cleanly.
            QTimer.singleShot(0, self.stop)
            return False
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and self._owns(watched):
            assert isinstance(event, QKeyEvent)
            if action_for(event.key(), event.modifiers()) is None:
                # Other plain keys on the audience's screen do nothing: Tab would select a
                # body and Delete would delete one, mid-show. Ctrl/Alt shortcuts still work.
                plain = not event.modifiers() & APP_MODIFIERS
                if not (plain and isinstance(watched, QWidget) and watched.window() is self.window):
                    return False
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self.press(event.key(), event.modifiers())
            return True
        if watched is self.view and kind == QEvent.Type.Resize:
            QTimer.singleShot(0, self._after_resize)
            return False
        if watched is self.view.viewport() and self.pointer is not None:
            return self.pointer.handle(event)
        return False

    def _after_resize(self) -> None:
        """Full screen arrives after start (window managers are asynchronous): re-frame."""
        if not self.active:
            return
        for widget in (self.caption, self.cover_widget):
            if widget is not None:
                widget.place()
        self._frame(animate=False)

    def _stop_camera(self) -> None:
        if self.camera is not None:
            self.camera.stop()

    def click(self, pos: QPoint) -> None:
        """A left click at a viewport position: next step, or spotlight when exploring."""
        if self.cover is not None:
            self.set_cover(None)
            return
        if self.player is None:
            return
        if self.player.exploring:
            self.spotlight(self.scene.body_at(self.view.mapToScene(pos)))
        else:
            self.next()

    @property
    def cursor_hidden(self) -> bool:
        return self.pointer is not None and self.pointer.cursor_hidden
