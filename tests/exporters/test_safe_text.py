"""User text never becomes markup, and only https/mailto links survive."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from exporters.safe_text import clean, one_line, para_text, safe_id, safe_url, xml_attr, xml_text

HOSTILE = [
    "<script>alert(1)</script>",
    "</text><script>x</script>",
    "]]><![CDATA[",
    "a & b",
    "\"double\" 'single'",
    "<font color=\"[[[getattr(pow, Word('__globals__'))]]]\">x</font>",
    '<img src="http://127.0.0.1:9/x.png"/>',
    "ctl\x00\x01\x07\x0b\x0c\x1f\x7f\x85end",
    "\u202eevil\u202c \u2066iso\u2069",
    "emoji 🏥 and combining e\u0301",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_parses_as_xml_and_reads_back_cleaned(text: str) -> None:
    doc = f'<r a="{xml_attr(text)}">{xml_text(text)}</r>'
    root = ET.fromstring(doc)
    assert root.text == clean(text)
    assert root.get("a") == one_line(text)
    assert list(root) == []  # no element was smuggled in


def test_clean_removes_xml_illegal_and_bidi_controls_but_keeps_real_text() -> None:
    assert clean("a\x00b\x1fc\u202ed\ud800e") == "abcde"
    assert clean("tab\tnew\nline") == "tab\tnew\nline"
    assert clean("שלום عربى 🏥 e\u0301") == "שלום عربى 🏥 e\u0301"


def test_para_text_leaves_no_tag_for_reportlab() -> None:
    text = para_text('<font color="red">x</font> & <b>y</b>\nz')
    assert "<font" not in text and "<b>" not in text
    assert "&lt;font" in text and "&amp;" in text
    assert text.endswith("<br/>z")  # our own line-break markup only


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "java\nscript:alert(1)",
        "java\tscript:alert(1)",
        "\x01javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html,<script>x</script>",
        "file:///etc/passwd",
        "vbscript:msgbox(1)",
        "http://example.org/",
        "https://",
        "mailto:nobody",
        "ftp://example.org/",
        "//example.org/x",
        "",
        "ｊavascript:alert(1)",
    ],
)
def test_unsafe_links_are_refused(url: str) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.england.nhs.uk/", "https://www.england.nhs.uk/"),
        ("HTTPS://Example.org/Path", "https://Example.org/Path"),
        (" https://example.org/a b ", "https://example.org/ab"),
        ("mailto:enquiries@example.nhs.uk", "mailto:enquiries@example.nhs.uk"),
    ],
)
def test_safe_links_are_normalised(url: str, expected: str) -> None:
    assert safe_url(url) == expected


def test_safe_url_never_contains_quotes_or_spaces_unescaped_after_xml_attr() -> None:
    url = safe_url('https://example.org/"onmouseover="x')
    assert url is not None
    assert '"' not in xml_attr(url)


def test_safe_id_is_a_valid_xml_name_fragment() -> None:
    assert safe_id("cm_icb") == "cm_icb"
    assert safe_id('a"><script>') == "a-script"
    assert safe_id("") == "x"
