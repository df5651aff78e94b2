"""Hostile text in every field exports safely and is shown literally (issue 7, section 2)."""

from __future__ import annotations

import socket
from dataclasses import replace
from pathlib import Path

import pytest

from exporters.pdf import build_pdf
from exporters.safe_text import clean
from exporters.svg import render_svg
from icsviewer.layout.fallback import fallback_layout
from icsviewer.model.chart import Chart, Link, Member, SourceRef
from icsviewer.style.theme import get_theme
from tests.exporters.pdf_helpers import read_pdf, squash
from tests.exporters.sample import sample_chart
from tests.exporters.svg_helpers import SVG, active_content, parse, texts

CVE = (
    "<font color=\"[[[getattr(pow, Word('__globals__'))['os'].system('touch MARKER')]]]\">x</font>"
)
LABELS = [
    "<script>alert(1)</script>",
    "</text><script>alert(2)</script>",
    "]]> CDATA end",
    "Fish & Chips",
    "\"double\" and 'single' quotes",
    CVE,
    '<img src="http://127.0.0.1:9/x.png"/> Council',
    "Bell\x07 and NUL\x00 and ESC\x1b",
    "\u202eRTL override\u202c",
    "Emoji 🏥 and e\u0301",
    "<para><b>not bold</b></para>",
]
BAD_LINKS = [
    "javascript:alert(1)",
    "java\nscript:alert(2)",
    "data:text/html,<script>x</script>",
    "file:///etc/passwd",
    " JaVaScRiPt:alert(3)",
    "vbscript:x",
]


def hostile_chart(marker: Path) -> Chart:
    chart = sample_chart()
    labels = [label.replace("MARKER", str(marker)) for label in LABELS]
    for index, body in enumerate(list(chart.bodies)[: len(labels)]):
        label = labels[index]
        chart.replace_body(
            replace(
                body,
                name=label,
                short_name=label,
                description=label + "\n" + label,
                aliases=(label,),
                notes=label,
                members=(Member(label, label, label, label),),
                links=(*(Link(url, label) for url in BAD_LINKS), Link("https://ok.nhs.uk/", label)),
                sources=(SourceRef(label, "javascript:alert(9)"),),
            )
        )
    for rel in chart.relationships[:4]:
        chart.replace_relationship(replace(rel, label=labels[5], legal_basis=labels[0]))
    chart.set_groups(
        [replace(g, name=labels[1]) if i == 0 else g for i, g in enumerate(chart.groups)]
    )
    chart.set_meta(
        replace(
            chart.meta,
            title=labels[0],
            subtitle=labels[5],
            organisation=labels[3],
            marking=labels[1],
            description=labels[6],
        )
    )
    return chart


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(repr(address))
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


def test_svg_is_inert_and_shows_every_label_literally(
    tmp_path: Path, no_network: list[str]
) -> None:
    marker = tmp_path / "MARKER"
    chart = hostile_chart(marker)
    data = render_svg(chart, fallback_layout(chart), get_theme("nhs")).encode()
    root = parse(data)
    assert active_content(root) == []
    assert b"<script" not in data.lower() and b"javascript:" not in data.lower()
    titles = [el.text or "" for el in root.iter(f"{SVG}title")]
    for label in LABELS[: len(chart.bodies)]:
        shown = clean(label.replace("MARKER", str(marker)))
        assert " ".join(shown.split()) in titles, label
    drawn = squash("".join(texts(root)))
    assert squash("<script>alert(1)</script>") in drawn  # the title block, as text
    assert not marker.exists()
    assert no_network == []


def test_pdf_builds_fetches_nothing_and_shows_every_label_literally(
    tmp_path: Path, no_network: list[str]
) -> None:
    marker = tmp_path / "MARKER"
    chart = hostile_chart(marker)
    data, _ = build_pdf(chart, fallback_layout(chart), get_theme("nhs"))
    facts = read_pdf(data)
    # A character the font lacks (the emoji) prints as the font's blank glyph, read back as NUL.
    text = squash(facts.text).replace("\x00", "")
    assert "\u202e" not in text and "\x07" not in text
    for label in LABELS:
        shown = clean(label.replace("MARKER", str(marker)))
        if "🏥" in shown:
            shown = shown.replace("🏥", "")  # no glyph in the font; the rest must be there
        assert squash(shown) in text, label
    assert all(u.startswith(("https://", "mailto:")) for u in facts.uri_links)
    assert "https://ok.nhs.uk/" in facts.uri_links
    assert not marker.exists(), "the CVE-2023-33733 payload was evaluated"
    assert no_network == []
