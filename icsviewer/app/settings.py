"""Remembered preferences: window geometry, dock layout, theme and recent files (QSettings).

Under tests (ICSVIEWER_TESTING=1), or when ICSVIEWER_HOME is set, settings go to an ini file
inside `appdirs.app_home()`, so tests and scripted runs never touch real preferences.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from icsviewer import appdirs
from icsviewer.canvas.literal_text import literal_tooltip
from icsviewer.style.theme import DEFAULT_THEME, THEMES

ORGANISATION = "ICS Viewer"
APPLICATION = "ICS Viewer"
MAX_RECENT = 10

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_THEME = "view/theme"
KEY_RECENT = "files/recent"


def open_settings() -> QSettings:
    """The app's settings store.

    The platform's usual place normally; an ini file in `appdirs.app_home()` when testing or
    when ICSVIEWER_HOME names a folder (so a scripted run or screenshot never changes the
    user's own preferences).
    """
    if os.environ.get("ICSVIEWER_TESTING") or os.environ.get("ICSVIEWER_HOME"):
        path = appdirs.app_home() / "settings.ini"
        path.parent.mkdir(parents=True, exist_ok=True)
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


class RecentFiles:
    """The most recently opened chart files, newest first, kept in settings."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        raw = self._settings.value(KEY_RECENT, [])
        if isinstance(raw, str):  # QSettings returns a lone string for a one-item list
            raw = [raw]
        if not isinstance(raw, list):
            return []
        return [Path(p) for p in raw if isinstance(p, str) and p]

    def add(self, path: Path) -> None:
        resolved = str(path.resolve())
        items = [str(p) for p in self.paths() if str(p) != resolved]
        self._settings.setValue(KEY_RECENT, [resolved, *items][:MAX_RECENT])

    def remove(self, path: Path) -> None:
        items = [str(p) for p in self.paths() if p != path]
        self._settings.setValue(KEY_RECENT, items)

    def clear(self) -> None:
        self._settings.setValue(KEY_RECENT, [])


def fill_recent_menu(menu: QMenu, recent: RecentFiles, open_path: Callable[[Path], object]) -> None:
    """Rebuild File > Open Recent: numbered entries (full path in the tip) and Clear."""
    menu.clear()
    paths = recent.paths()
    for index, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{index % 10} {path.name}")
        action.setToolTip(literal_tooltip(str(path)))
        action.setStatusTip(str(path))
        action.triggered.connect(lambda _checked=False, p=path: open_path(p))
    if paths:
        menu.addSeparator()
        menu.addAction("Clear Recent Files", recent.clear)
    else:
        menu.addAction("No recent files").setEnabled(False)


def saved_theme(settings: QSettings) -> str:
    """The theme the user chose last time, or the default if none (or an unknown one)."""
    name = settings.value(KEY_THEME, DEFAULT_THEME)
    return name if isinstance(name, str) and name in THEMES else DEFAULT_THEME


def restore_window_state(window: QMainWindow, settings: QSettings) -> None:
    """Size, place and panels as the user left them; the first time, 90 % of the screen."""
    geometry = settings.value(KEY_GEOMETRY)
    if geometry is None or not window.restoreGeometry(geometry):
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        if area is not None and area.width() > 0:
            w, h = int(area.width() * 0.9), int(area.height() * 0.9)
            window.resize(w, h)
            window.move(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2)
        else:
            window.resize(1280, 800)
    state = settings.value(KEY_STATE)
    if state is not None:
        window.restoreState(state)


def save_window_state(window: QMainWindow, settings: QSettings) -> None:
    """Remember size, place and panels for next time (written at once, not at exit)."""
    settings.setValue(KEY_GEOMETRY, window.saveGeometry())
    settings.setValue(KEY_STATE, window.saveState())
    settings.sync()
