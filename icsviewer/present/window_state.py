"""Strip the main window down to the chart for presenting, and put it back exactly as it was.

Presenting reuses the main window and its view rather than moving the view into a new
full-screen window. Why: the view stays in the layout the window engineer built (a splitter
or a container we would otherwise have to take apart and rebuild in the same order), the
scene, its selection and its items are never re-parented, and window managers move the same
top-level window to full screen on the screen it is on, which is exactly "the current screen".
The cost is that we must hide and later restore everything around the view; this module does
that and nothing else.

What is saved and restored: window geometry and state (normal/maximised), dock and toolbar
layout (`saveState`), every widget hidden for the show (menu bar, status bar, docks, toolbars,
floating docks, siblings of the view inside the central widget), the view's frame, scroll bar
policies, transform, scroll position and scene rectangle, the viewport cursor and mouse
tracking, keyboard focus, the selection, and the emphasis/reveal when the scene can say what
they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QCursor, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QGraphicsView,
    QMainWindow,
    QStatusBar,
    QToolBar,
    QWidget,
)


@dataclass
class WindowSnapshot:
    """Everything presenting changes, as it was before."""

    geometry: QByteArray
    state: Qt.WindowState
    dock_state: QByteArray
    hidden: list[QWidget]
    frame_shape: QFrame.Shape
    h_policy: Qt.ScrollBarPolicy
    v_policy: Qt.ScrollBarPolicy
    transform: QTransform
    h_scroll: int
    v_scroll: int
    viewport_size: QSize
    scene_rect: QRectF
    scene_rect_followed: bool
    cursor: QCursor | None
    mouse_tracking: bool
    focus: QWidget | None
    selection: list[str]
    emphasis: Any = None  # set[str] | None, when the scene can report it
    revealed: Any = None
    has_emphasis: bool = False
    has_revealed: bool = False
    extras: dict[str, Any] = field(default_factory=dict)


def _scene_getter(scene: Any, name: str) -> tuple[bool, Any]:
    """(True, value) if the scene can report `name` (method or attribute), else (False, None)."""
    value = getattr(scene, name, None)
    if value is None and not hasattr(scene, name):
        return False, None
    if callable(value):
        try:
            value = value()
        except TypeError:
            return False, None
    return True, (set(value) if value is not None else None)


def take_snapshot(window: QMainWindow, view: QGraphicsView, scene: Any) -> WindowSnapshot:
    """Record the window before presenting."""
    viewport = view.viewport()
    has_emphasis, emphasis = _scene_getter(scene, "emphasis")
    has_revealed, revealed = _scene_getter(scene, "revealed")
    return WindowSnapshot(
        geometry=window.saveGeometry(),
        state=window.windowState(),
        dock_state=window.saveState(),
        hidden=[],
        frame_shape=view.frameShape(),
        h_policy=view.horizontalScrollBarPolicy(),
        v_policy=view.verticalScrollBarPolicy(),
        transform=QTransform(view.transform()),
        h_scroll=view.horizontalScrollBar().value(),
        v_scroll=view.verticalScrollBar().value(),
        viewport_size=QSize(viewport.size()),
        scene_rect=QRectF(view.sceneRect()),
        scene_rect_followed=view.sceneRect() == scene.sceneRect(),
        cursor=QCursor(viewport.cursor())
        if viewport.testAttribute(Qt.WidgetAttribute.WA_SetCursor)
        else None,
        mouse_tracking=viewport.hasMouseTracking(),
        focus=QApplication.focusWidget(),
        selection=list(scene.selected_body_ids()),
        emphasis=emphasis,
        revealed=revealed,
        has_emphasis=has_emphasis,
        has_revealed=has_revealed,
    )


def _chrome(window: QMainWindow, view: QGraphicsView) -> list[QWidget]:
    """Every widget around the view that a presentation hides."""
    widgets: list[QWidget] = []
    menu_bar = window.menuWidget()
    if menu_bar is not None:
        widgets.append(menu_bar)
    # window.statusBar() would create a status bar; look only for one the window has.
    for child in window.children():
        if isinstance(child, (QDockWidget, QToolBar, QStatusBar)):
            widgets.append(child)
    # Siblings of the view and of each of its ancestors inside the central widget: search
    # bars, banners, tabs. The central widget itself stays.
    central = window.centralWidget()
    node: QWidget | None = view
    while node is not None and node is not central and node is not window:
        parent = node.parentWidget()
        if parent is None:
            break
        for sibling in parent.children():
            if isinstance(sibling, QWidget) and sibling is not node and not sibling.isWindow():
                widgets.append(sibling)
        node = parent
    return widgets


def strip_window(window: QMainWindow, view: QGraphicsView, snap: WindowSnapshot) -> None:
    """Hide everything but the chart and go full screen on the window's current screen."""
    for widget in _chrome(window, view):
        if widget.isVisible():
            snap.hidden.append(widget)
            widget.hide()
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.viewport().setMouseTracking(True)
    window.showFullScreen()
    window.raise_()
    window.activateWindow()
    view.setFocus(Qt.FocusReason.OtherFocusReason)


def restore_window(
    window: QMainWindow, view: QGraphicsView, scene: Any, snap: WindowSnapshot
) -> None:
    """Undo `strip_window` and the presentation's changes to the view and scene."""
    # Window first, so the viewport has its old size again before the view is restored.
    window.setWindowState(snap.state)
    if not snap.state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        window.showNormal()
    window.restoreGeometry(snap.geometry)
    for widget in snap.hidden:
        widget.show()
    window.restoreState(snap.dock_state)
    view.setFrameShape(snap.frame_shape)
    view.setHorizontalScrollBarPolicy(snap.h_policy)
    view.setVerticalScrollBarPolicy(snap.v_policy)
    viewport = view.viewport()
    viewport.setMouseTracking(snap.mouse_tracking)
    if snap.cursor is None:
        viewport.unsetCursor()
    else:
        viewport.setCursor(snap.cursor)
    # A null rect makes the view follow the scene's rect again, as it did by default.
    view.setSceneRect(QRectF() if snap.scene_rect_followed else snap.scene_rect)
    if scene is not None:  # None: the window swapped in another chart mid-show
        scene.set_revealed(snap.revealed if snap.has_revealed else None)
        scene.set_emphasis(snap.emphasis if snap.has_emphasis else None)
        scene.select_bodies(snap.selection)
    restore_view(view, snap)
    # Under a window manager leaving full screen is asynchronous: the viewport gets its old
    # size back a little later, and scroll values set before that are clamped. Re-apply the
    # view once the size is right.
    ViewRestorer(view, snap)
    if snap.focus is not None:
        snap.focus.setFocus(Qt.FocusReason.OtherFocusReason)


def restore_view(view: QGraphicsView, snap: WindowSnapshot) -> None:
    view.setTransform(snap.transform)
    view.horizontalScrollBar().setValue(snap.h_scroll)
    view.verticalScrollBar().setValue(snap.v_scroll)
    # The status bar's zoom label and the minimap follow the view's signal, if it has one.
    zoom_changed = getattr(view, "zoom_changed", None)
    if zoom_changed is not None:
        zoom_changed.emit(float(view.transform().m11()))


class ViewRestorer(QObject):
    """Re-applies the saved transform and scroll when the viewport regains its old size."""

    # Long enough for any window manager to finish leaving full screen.
    GIVE_UP_MS = 3000

    def __init__(self, view: QGraphicsView, snap: WindowSnapshot) -> None:
        super().__init__(view)
        self._view = view
        self._snap = snap
        view.viewport().installEventFilter(self)
        QTimer.singleShot(self.GIVE_UP_MS, self._done)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and self._view.viewport().size() == self._snap.viewport_size
        ):
            # After the view has handled the resize itself.
            QTimer.singleShot(0, lambda: restore_view(self._view, self._snap))
        return False

    def _done(self) -> None:
        self._view.viewport().removeEventFilter(self)
        self.deleteLater()


class WhenShown(QObject):
    """Calls back once, when a widget is next shown (then goes away)."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            # After the window has finished showing it (and fitting the chart).
            QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False
