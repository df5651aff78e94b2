"""Make user text safe for the formats we write: XML (SVG), reportlab markup, and links.

Everything in a chart file is data, never markup or code. Every exporter passes every piece of
user text through one of these functions at the point where it enters an output format, so a
label such as ``</text><script>`` or ``<font color="[[[...]]]">`` is shown literally.

- ``clean``: remove characters that XML 1.0 forbids even as ``&#...;`` references (C0
  controls except tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) and the invisible bidi
  embedding/override/isolate controls, which can make displayed text differ from what the file
  says (the "Trojan Source" trick). Ordinary right-to-left text is kept.
- ``xml_text`` / ``xml_attr``: escape for XML character data / attribute values.
- ``para_text``: escape for reportlab's Paragraph mini-markup (which otherwise parses tags,
  fetches ``<img src>`` and evaluates ``<font color>``).
- ``safe_url``: allow only https and mailto links, after undoing the usual disguises.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# C0 controls other than \t \n \r, DEL and C1 controls, lone surrogates, non-characters
# U+FFFE/U+FFFF; plus bidi embeddings/overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
# Line breaks and tabs become plain spaces in one-line contexts (labels, attributes).
_WHITESPACE = re.compile(r"[\t\n\r\u2028\u2029]+")

ALLOWED_SCHEMES = ("https", "mailto")
# Longest link we print: a hostile 100,000-character URL must not become a 100,000-character line.
MAX_URL_LENGTH = 2000


def clean(text: object) -> str:
    """The text with XML-illegal and bidi-control characters removed (never raises)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return _FORBIDDEN.sub("", text)


def one_line(text: object) -> str:
    """`clean` text with line breaks and tabs turned into single spaces."""
    if isinstance(text, str) and text.isascii() and text.isprintable():
        # Nothing to remove or fold (printable ASCII has no controls or line breaks): the
        # common case, tens of thousands of times in a national chart's exports.
        return text.strip()
    return _WHITESPACE.sub(" ", clean(text)).strip()


def xml_text(text: object) -> str:
    """Text safe as XML character data: cleaned, with & < > escaped."""
    return clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(text: object) -> str:
    """Text safe inside a double- or single-quoted XML attribute value, on one line."""
    return (
        one_line(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def para_text(text: object) -> str:
    """Text safe inside a reportlab Paragraph: cleaned and escaped so no tag is ever parsed.

    Line breaks in the text become ``<br/>`` (our markup, added after escaping).
    """
    escaped = xml_text(text)
    return re.sub(r"\r\n|\r|\n", "<br/>", escaped)


def safe_url(url: object) -> str | None:
    """The link normalised, or None unless it is an https or mailto link.

    Disguises are undone before the scheme is checked: control characters and white space
    inside the scheme (``java\\nscript:``), upper case (``JavaScript:``) and leading spaces.
    The returned URL has no white space or control characters, so it cannot break out of an
    attribute or a PDF string.
    """
    if not isinstance(url, str):
        return None
    text = unicodedata.normalize("NFKC", url)
    # Browsers drop tabs/newlines anywhere in a URL and trim C0 controls and spaces at the ends;
    # do the same so what we check is what a viewer would follow.
    text = re.sub(
        r"[\x00-\x20\x7f-\x9f\u00a0\u2000-\u200f\u2028-\u202f\u2066-\u2069\ufeff]", "", text
    )
    if not text or len(text) > MAX_URL_LENGTH:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        return None
    if scheme == "https" and not parts.netloc:
        return None
    if scheme == "mailto" and "@" not in parts.path:
        return None
    # Lower-case the scheme only; the rest is kept exactly (paths can be case sensitive).
    return scheme + text[len(parts.scheme) :]


def safe_id(text: object) -> str:
    """A string usable as an XML id / CSS class fragment: [a-z0-9_-], never empty."""
    value = re.sub(r"[^a-z0-9_-]+", "-", clean(text).lower()).strip("-")
    return value or "x"
