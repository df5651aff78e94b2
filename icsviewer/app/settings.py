"""Remembered preferences: window geometry, dock layout, theme and recent files (QSettings).

Under tests (ICSVIEWER_TESTING=1), or when ICSVIEWER_HOME is set, settings go to an ini file
inside `appdirs.app_home()`, so tests and scripted runs never touch real preferences.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

from icsviewer import appdirs
from icsviewer.canvas.literal_text import literal_tooltip

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
