"""The chart's right-click menu: details for a body, collapse or expand its group, fit."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from icsviewer.app.main_window import MainWindow


class ViewContextMenu:
    """Builds the menu for what was right-clicked and shows it."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.last_menu: QMenu | None = None
        # Features installed later (editing) add their entries through these callbacks:
        # extender(menu, kind, key) may insert actions at the top of the menu.
        self.extenders: list[Callable[[QMenu, str, str], None]] = []

    def build(self, kind: str, key: str) -> QMenu:
        window = self._window
        menu = QMenu(window)
        chart = window.document.chart if window.document else None
        if kind == "body" and chart is not None and chart.has_body(key):
            menu.addAction("Show Details", window.show_selected_details)
            for member_of in chart.groups_of(key):
                menu.addAction(
                    f"Collapse “{member_of.name}”", partial(window.toggle_group, member_of.id)
                )
        elif kind == "group" and chart is not None:
            group = next((g for g in chart.groups if g.id == key), None)
            if group is not None:
                verb = "Expand" if group.collapsed else "Collapse"
                menu.addAction(f"{verb} “{group.name}”", lambda: window.toggle_group(key))
        if not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(window.window_actions["fit"])
        menu.addAction(window.window_actions["collapse_all"])
        menu.addAction(window.window_actions["expand_all"])
        for extend in self.extenders:
            extend(menu, kind, key)
        return menu

    def popup_for(self, kind: str, key: str, screen_pos: QPoint) -> None:
        self.last_menu = self.build(kind, key)
        self.last_menu.popup(screen_pos)
