"""The details page: escaped text, only safe links clickable, related bodies as jump links."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from icsviewer.app.details_html import body_details_html, is_safe_url
from icsviewer.app.docks.details_dock import DetailsPanel
from icsviewer.model.chart import Body, Chart, Link, Member, Relationship


def _chart() -> Chart:
    icb = Body(
        "icb",
        "Example <b>ICB</b>",
        "icb",
        short_name="ICB",
        description="Plans & funds care.",
        members=(Member("Chair", "A. Person"),),
        links=(
            Link("https://example.org/", "Website"),
            Link("javascript:alert(1)", "Sneaky"),
            Link("file:///etc/passwd", "Local"),
            Link("mailto:info@example.org", "Email"),
        ),
    )
    nhse = Body("nhse", "NHS England", "national_body")
    rel = Relationship("icb--accountable_to--nhse", "icb", "nhse", "accountable_to")
    return Chart(bodies=[icb, nhse], relationships=[rel])


def test_only_http_https_and_mailto_are_safe() -> None:
    assert is_safe_url("https://www.england.nhs.uk/")
    assert is_safe_url("http://example.org/x")
    assert is_safe_url("mailto:someone@nhs.net")
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "ftp://x.org", "https://", "data:x"):
        assert not is_safe_url(bad), bad


def test_page_escapes_text_and_links_only_safe_urls() -> None:
    html = body_details_html(_chart(), "icb")
    assert "Example &lt;b&gt;ICB&lt;/b&gt;" in html
    assert 'href="https://example.org/"' in html
    assert 'href="mailto:info@example.org"' in html
    assert 'href="javascript' not in html and 'href="file' not in html
    assert "Plans &amp; funds care." in html
    assert "Chair" in html and "A. Person" in html
    assert "href='body:nhse'" in html


def test_panel_opens_safe_links_and_jumps_to_related_bodies(qtbot: QtBot) -> None:
    opened: list[str] = []
    panel = DetailsPanel(open_url=lambda url: opened.append(url.toString()))
    qtbot.addWidget(panel)
    panel.show_body(_chart(), "icb")
    assert "Is accountable to NHS England" in panel.toPlainText()
    with qtbot.waitSignal(panel.body_requested) as signal:
        panel.anchorClicked.emit(QUrl("body:nhse"))
    assert signal.args == ["nhse"]
    panel.anchorClicked.emit(QUrl("https://example.org/"))
    panel.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == ["https://example.org/"]


def test_incoming_relationships_read_the_other_way(qtbot: QtBot) -> None:
    panel = DetailsPanel(open_url=lambda url: None)
    qtbot.addWidget(panel)
    panel.show_body(_chart(), "nhse")
    assert "Example <b>ICB</b> is accountable to this" in panel.toPlainText()


def test_with_nothing_selected_the_panel_describes_the_chart(qtbot: QtBot) -> None:
    import datetime as dt

    from icsviewer.model.chart import ChartMeta

    chart = _chart()
    chart.set_meta(ChartMeta(title="Example ICS", subtitle="Structure", as_at=dt.date(2025, 11, 1)))
    panel = DetailsPanel(open_url=lambda url: None)
    qtbot.addWidget(panel)
    panel.show_body(chart, "")
    text = panel.toPlainText()
    assert "Example ICS" in text and "1 November 2025" in text
    assert "2 bodies, 1 relationship, 0 groups" in text
