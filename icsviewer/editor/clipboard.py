"""Cut, copy and paste of bodies as chart YAML text, within one chart and between charts.

The clipboard holds an ordinary chart file with the copied bodies and the relationships among
them, so a paste into another chart, or into a text editor, just works. Converting is pure
(text <-> `Fragment`); only `put_text`/`get_text` touch Qt's clipboard.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication

from icsviewer.editor import storage
from icsviewer.model.chart import Body, Chart, ChartMeta, Relationship

CLIPBOARD_LABEL = "clipboard"
# Clipboard text is not a file the user chose; refuse anything far larger than a chart.
MAX_CLIPBOARD_CHARS = 5_000_000


class ClipboardError(Exception):
    """The clipboard does not hold chart bodies; the message says so in plain words."""


@dataclass(frozen=True)
class Fragment:
    """Bodies and the relationships among them, as copied."""

    bodies: tuple[Body, ...]
    relationships: tuple[Relationship, ...]


def fragment_of(chart: Chart, body_ids: Iterable[str]) -> Fragment:
    """The chosen bodies (in chart order) and every relationship with both ends among them."""
    chosen = set(body_ids)
    bodies = tuple(b for b in chart.bodies if b.id in chosen)
    rels = tuple(r for r in chart.relationships if r.source in chosen and r.target in chosen)
    return Fragment(bodies, rels)


def fragment_to_text(fragment: Fragment, source_title: str = "") -> str:
    """The fragment as a small chart file."""
    title = f"Copied from {source_title}" if source_title else "Copied bodies"
    return storage.chart_to_text(Chart(ChartMeta(title=title), fragment.bodies,
                                       fragment.relationships))


def fragment_from_text(text: str) -> Fragment:
    """The bodies and relationships in clipboard text; ClipboardError if there are none."""
    if not text.strip():
        raise ClipboardError("The clipboard is empty.")
    if len(text) > MAX_CLIPBOARD_CHARS:
        raise ClipboardError("The clipboard holds too much text to be copied bodies.")
    try:
        chart, problems = storage.chart_from_text(text, CLIPBOARD_LABEL)
    except Exception as err:  # the reader is hardened, but a paste must never crash the app
        raise ClipboardError(f"The clipboard text could not be read as a chart ({err}).") from err
    if chart is None or not chart.bodies:
        first = next((p for p in problems if p.is_error), None)
        detail = f" ({first.message})" if first else ""
        raise ClipboardError(f"The clipboard does not hold any chart bodies{detail}.")
    return Fragment(chart.bodies, chart.relationships)


def put_text(text: str) -> None:
    """Put text on the system clipboard (a QGuiApplication must exist)."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)


def get_text() -> str:
    """The system clipboard's text ('' when it holds none)."""
    return QGuiApplication.clipboard().text()
