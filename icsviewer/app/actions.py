"""The window's menus and actions, with standard shortcuts wherever the platform has one.

Every command a user can give is an action in a menu (so it can be found, and a screen reader
can reach it), and the same action object carries the shortcut. `build_menus` returns the
menus by name; later features (export, editing, presenting) add their actions to them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from icsviewer.style.theme import THEMES

if TYPE_CHECKING:
    from icsviewer.app.main_window import MainWindow

StandardKey = QKeySequence.StandardKey


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcuts: list[QKeySequence | StandardKey | str] | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    keys: list[QKeySequence] = []
    for key in shortcuts or []:
        if isinstance(key, StandardKey):
            keys.extend(QKeySequence.keyBindings(key))
        else:
            keys.append(QKeySequence(key))
    # Remove duplicates while keeping order (Ctrl++ and Ctrl+= may coincide on some keymaps).
    unique = list(dict.fromkeys(k.toString() for k in keys if not k.isEmpty()))
    action.setShortcuts([QKeySequence(k) for k in unique])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: MainWindow) -> tuple[dict[str, QMenu], dict[str, QAction]]:
    """Create the menu bar; return (menus by name, actions by name)."""
    bar = window.menuBar()
    menus = {
        name: bar.addMenu(title)
        for name, title in (
            ("file", "&File"),
            ("edit", "&Edit"),
            ("view", "&View"),
            ("go", "&Go"),
            ("help", "&Help"),
        )
    }
    a: dict[str, QAction] = {}

    # ----- File ---------------------------------------------------------------------------
    a["open"] = _action(
        window, "&Open…", window.choose_and_open, [StandardKey.Open], "Open a chart file"
    )
    a["reload"] = _action(
        window, "&Reload", window.reload, ["Ctrl+R"], "Read the file again from disk"
    )
    a["quit"] = _action(window, "&Quit", window.close, [StandardKey.Quit, "Ctrl+Q"])
    a["quit"].setMenuRole(QAction.MenuRole.QuitRole)
    file_menu = menus["file"]
    file_menu.addAction(a["open"])
    recent = file_menu.addMenu("Open &Recent")
    recent.setObjectName("recent_menu")
    menus["recent"] = recent
    file_menu.addAction(a["reload"])
    file_menu.addSeparator()
    # Save and export actions go here, before Quit: file_menu.insertAction(a["quit_separator"], x)
    a["quit_separator"] = file_menu.addSeparator()
    file_menu.addAction(a["quit"])

    # ----- Edit ---------------------------------------------------------------------------
    a["undo"] = _action(window, "&Undo", window.undo, [StandardKey.Undo])
    a["redo"] = _action(window, "&Redo", window.redo, [StandardKey.Redo])
    a["find"] = _action(
        window, "&Find…", window.open_search, [StandardKey.Find], "Find a body by name"
    )
    a["find_next"] = _action(
        window, "Find &Next", lambda: window.search_bar.step(1), [StandardKey.FindNext]
    )
    a["find_previous"] = _action(
        window, "Find Pre&vious", lambda: window.search_bar.step(-1), [StandardKey.FindPrevious]
    )
    for name in ("undo", "redo", None, "find", "find_next", "find_previous"):
        if name is None:
            menus["edit"].addSeparator()
        else:
            menus["edit"].addAction(a[name])

    # ----- View ---------------------------------------------------------------------------
    view = window.view
    a["zoom_in"] = _action(
        window, "Zoom &In", lambda: view.zoom_by(1.25), [StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"]
    )
    a["zoom_out"] = _action(
        window, "Zoom &Out", lambda: view.zoom_by(0.8), [StandardKey.ZoomOut, "Ctrl+-"]
    )
    a["fit"] = _action(window, "&Fit Chart to Window", view.fit_all, ["Ctrl+0"])
    a["actual_size"] = _action(window, "&Actual Size (100%)", view.reset_zoom, ["Ctrl+1"])
    a["collapse_all"] = _action(
        window, "&Collapse All Groups", lambda: window.set_all_collapsed(True)
    )
    a["expand_all"] = _action(window, "&Expand All Groups", lambda: window.set_all_collapsed(False))
    view_menu = menus["view"]
    for name in ("zoom_in", "zoom_out", "fit", "actual_size"):
        view_menu.addAction(a[name])
    view_menu.addSeparator()
    theme_menu = view_menu.addMenu("&Theme")
    menus["theme"] = theme_menu
    themes = QActionGroup(window)
    themes.setExclusive(True)
    for theme in THEMES.values():
        action = QAction(theme.display_name, window, checkable=True)
        action.setData(theme.name)
        action.triggered.connect(lambda _c=False, n=theme.name: window.set_theme(n))
        themes.addAction(action)
        theme_menu.addAction(action)
        a[f"theme_{theme.name}"] = action
    view_menu.addSeparator()
    view_menu.addAction(a["collapse_all"])
    view_menu.addAction(a["expand_all"])
    view_menu.addSeparator()
    menus["panels"] = view_menu.addMenu("&Panels")

    # ----- Go: keyboard walking of the chart (active while the chart has focus) -------------
    a["next_body"] = _action(window, "&Next Body", lambda: view.step_selection(1), ["Tab"])
    a["previous_body"] = _action(
        window, "&Previous Body", lambda: view.step_selection(-1), ["Shift+Tab"]
    )
    a["show_details"] = _action(window, "Show &Details", window.show_selected_details, ["Return"])
    a["clear_selection"] = _action(window, "&Clear Selection", window.clear_selection)
    for name in ("next_body", "previous_body", "show_details"):
        # Only while the chart has focus, so Tab and Enter keep working in panels and fields.
        a[name].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        view.addAction(a[name])
    for name in ("next_body", "previous_body", "show_details", "clear_selection"):
        menus["go"].addAction(a[name])

    # ----- Help ---------------------------------------------------------------------------
    a["shortcuts"] = _action(window, "&Keyboard Shortcuts", window.show_shortcuts)
    a["about"] = _action(window, "&About ICS Viewer", window.show_about)
    a["about"].setMenuRole(QAction.MenuRole.AboutRole)
    menus["help"].addAction(a["shortcuts"])
    menus["help"].addAction(a["about"])
    return menus, a


def shortcut_summary(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    """(action text, shortcut) pairs for the help dialog, in menu order."""
    rows = []
    for action in actions.values():
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…"), keys))
    return rows
