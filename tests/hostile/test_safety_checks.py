"""The checks the hostile tests rely on catch what they claim to catch.

A safety test whose checker passes everything proves nothing, so each check is shown a
known-bad SVG or PDF and must object, and a clean one and must not.
"""

from __future__ import annotations

import socket
import urllib.request
from pathlib import Path

import pytest

from tests.hostile.corpus import load_cases, message_fragments_missing
from tests.hostile.safety import NetworkUsedError, pdf_violations, svg_text, svg_violations

CLEAN_SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
    b'<title>&lt;script&gt; &amp; co</title><style>.body { fill: #005EB8; }</style>'
    b'<a xlink:href="https://example.org/?a=1&amp;b=2"><text>x</text></a>'
    b'<a href="mailto:a@example.org"><text>y</text></a><a href="#body-x"><text>z</text></a></svg>'
)


def test_clean_svg_passes_and_shows_escaped_text_literally() -> None:
    assert svg_violations(CLEAN_SVG) == []
    assert "<script> & co" in svg_text(CLEAN_SVG)


@pytest.mark.parametrize(
    ("fragment", "finding"),
    [
        (b"<script>alert(1)</script>", "forbidden element <script>"),
        (b"<foreignObject><div/></foreignObject>", "forbidden element <foreignobject>"),
        (b'<rect onload="alert(1)"/>', "event attribute onload"),
        (b'<rect ONMOUSEOVER="x"/>', "event attribute onmouseover"),
        (b'<a href="javascript:alert(1)"/>', "link outside https/mailto"),
        (b'<a xlink:href="java&#10;script:alert(1)"/>', "link outside https/mailto"),
        (b'<a href="http://example.org/"/>', "link outside https/mailto"),
        (b'<image href="data:image/png;base64,AAAA"/>', "link outside https/mailto"),
        (b'<rect style="fill:red"/>', "inline style"),
        (b'<rect fill="url(http://evil/x)"/>', "external url()"),
        (b"<style>@import url(http://evil/x.css);</style>", "imports or references"),
        (b"<text>unclosed</tex>", "not well-formed"),
        (b"<text>\x01</text>", "not well-formed"),
    ],
)
def test_unsafe_svg_is_caught(fragment: bytes, finding: str) -> None:
    bad = CLEAN_SVG.replace(b"</svg>", fragment + b"</svg>")
    found = svg_violations(bad)
    assert any(finding in f for f in found), found


def _pdf_with_link(tmp_path: Path, url: str) -> Path:
    from reportlab.pdfgen import canvas

    path = tmp_path / "link.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 720, "click")
    c.linkURL(url, (72, 700, 200, 740))
    c.save()
    return path


def test_pdf_check_passes_https_and_catches_script_links(tmp_path: Path) -> None:
    assert pdf_violations(_pdf_with_link(tmp_path, "https://example.org/")) == []
    found = pdf_violations(_pdf_with_link(tmp_path, "javascript:alert(1)"))
    assert any("outside https/mailto" in f for f in found), found
    (tmp_path / "junk.pdf").write_bytes(b"not a pdf")
    assert pdf_violations(tmp_path / "junk.pdf") == ["not a PDF"]


def test_network_guard_fails_any_fetch(no_network: list[str]) -> None:
    with pytest.raises(NetworkUsedError):
        urllib.request.urlopen("http://127.0.0.1:9/x.png")
    with pytest.raises(NetworkUsedError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsedError), socket.socket() as s:
        s.connect(("127.0.0.1", 9))
    assert len(no_network) == 3


def test_message_fragments_accept_alternatives() -> None:
    case = next(c for c in load_cases() if c.name == "alias_bomb_billion_laughs")
    assert message_fragments_missing(case, "x.yaml:1:4: error: Aliases are not allowed") == []
    assert message_fragments_missing(case, "x.yaml: error: something else") != []


def test_generated_cases_are_built_at_full_size(tmp_path: Path) -> None:
    cases = {c.name: c for c in load_cases() if c.generated}
    big = cases["big_file_50mb"].materialise(tmp_path, tmp_path / "m")
    assert big.stat().st_size >= 50 * 1024 * 1024
    line = cases["single_line_20mb"].materialise(tmp_path, tmp_path / "m")
    assert line.stat().st_size == 20 * 1024 * 1024 and line.read_bytes().count(b"\n") == 0
    deep = cases["nesting_flow_100000"].materialise(tmp_path, tmp_path / "m").read_bytes()
    assert b"[" * 100_000 in deep
