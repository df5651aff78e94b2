"""The details panel: everything known about the selected body, with working links.

Related bodies are links that jump to them (select and centre); web and mail links open in the
user's browser or mail program, and only for http, https and mailto addresses.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from icsviewer.app.details_html import (
    BODY_SCHEME,
    body_details_html,
    chart_summary_html,
    is_safe_url,
)
from icsviewer.model.chart import Chart


class DetailsPanel(QTextBrowser):
    """Shows one body's details; emits `body_requested` when a related body is clicked."""

    body_requested = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, open_url: Callable[[QUrl], object] | None = None
    ) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Details of the selected body")
        self._open_url = open_url or QDesktopServices.openUrl
        self._chart: Chart | None = None
        self._body_id = ""
        self.anchorClicked.connect(self._on_link)
        self.show_body(None, "")

    @property
    def body_id(self) -> str:
        return self._body_id

    def show_body(self, chart: Chart | None, body_id: str) -> None:
        self._chart, self._body_id = chart, body_id
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the page (after the chart changed)."""
        if self._chart is None:
            self.setHtml("<p style='color:#425563'>No chart is open.</p>")
            self.setAccessibleDescription("No chart is open")
            return
        if not self._body_id:
            self.setHtml(chart_summary_html(self._chart))
            self.setAccessibleDescription("No body selected")
            return
        self.setHtml(body_details_html(self._chart, self._body_id))
        self.setAccessibleDescription(self.toPlainText()[:500])

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == BODY_SCHEME:
            self.body_requested.emit(url.path())
            return
        text = url.toString()
        if is_safe_url(text):
            self._open_url(url)
