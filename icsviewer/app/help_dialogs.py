"""Help > Keyboard Shortcuts and Help > About: what the window can tell about itself."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction

from icsviewer import __version__
from icsviewer.app.actions import shortcut_summary
from icsviewer.app.prompts import Prompts


def show_shortcuts(prompts: Prompts, actions: dict[str, QAction]) -> None:
    """A table of every command that has a shortcut, as the menus name them."""
    rows = "".join(
        f"<tr><td>{escape(text)}</td><td><b>{escape(keys)}</b></td></tr>"
        for text, keys in shortcut_summary(actions)
    )
    prompts.info("Keyboard shortcuts", f"<table cellpadding=3>{rows}</table>")


def show_about(prompts: Prompts) -> None:
    prompts.info(
        "About ICS Viewer",
        f"<b>ICS Viewer</b> {__version__}<br>A chart of an "
        "NHS Integrated Care System, kept in one YAML file.",
    )
