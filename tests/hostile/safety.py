"""Checks that an exported SVG or PDF is safe to open, and a guard that fails on any fetch.

`svg_violations` and `pdf_violations` return lists of plain-English findings (empty = safe), so
a failing test says every problem at once instead of the first.
"""

from __future__ import annotations

import re
import socket
import sys
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

# Elements that run code, pull in other documents or embed HTML.
FORBIDDEN_SVG_ELEMENTS = {"script", "foreignobject", "iframe", "object", "embed", "handler",
                          "listener", "set", "animate"}
EXTERNAL_CSS = re.compile(r"@import|url\s*\(\s*['\"]?\s*(?!#)", re.I)
ALLOWED_LINK = re.compile(r"^(https://[^\s\x00-\x1f]+|mailto:[^\s\x00-\x1f]+|#[^\s\x00-\x1f]+)$")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def svg_violations(svg: bytes) -> list[str]:
    """What makes this SVG unsafe or not well-formed."""
    found: list[str] = []
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        return [f"not well-formed XML: {exc}"]
    head = svg[:2000].lower()
    if b"<!doctype" in head or b"<!entity" in svg.lower():
        found.append("declares a DOCTYPE or ENTITY")
    if _local(root.tag) != "svg":
        found.append(f"root element is <{root.tag}>, not <svg>")
    for el in root.iter():
        tag = _local(el.tag)
        if tag in FORBIDDEN_SVG_ELEMENTS:
            found.append(f"forbidden element <{tag}>")
        if tag == "style" and el.text and EXTERNAL_CSS.search(el.text):
            found.append("a <style> block imports or references an external resource")
        for attr, value in el.attrib.items():
            name = _local(attr)
            if name.startswith("on"):
                found.append(f"event attribute {name}={value!r} on <{tag}>")
            if name in ("href", "src", "action", "formaction") and not ALLOWED_LINK.match(value):
                found.append(f"link outside https/mailto: <{tag} {name}={value!r}>")
            if name == "style":
                found.append(f"inline style attribute on <{tag}>: {value[:80]!r}")
            if re.search(r"url\s*\(\s*['\"]?\s*(?!#)", value, re.I):
                found.append(f"external url() in {name} on <{tag}>")
    return found


def svg_text(svg: bytes) -> str:
    """All character data of the SVG (what a viewer shows or reads out), as one string."""
    return " ".join(ET.fromstring(svg).itertext())


def squash(text: str) -> str:
    """Text without any white space, so line wrapping in a box cannot hide a match."""
    return re.sub(r"\s+", "", text)


def pdf_text_and_links(path: Path) -> tuple[str, list[str]]:
    """The PDF's extracted text and every URI its link annotations point to."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    texts: list[str] = []
    uris: list[str] = []
    for page in reader.pages:
        texts.append(page.extract_text() or "")
        for annot in page.get("/Annots") or []:
            obj: Any = annot.get_object()
            action = obj.get("/A")
            if action is not None:
                action = action.get_object()
                if action.get("/URI") is not None:
                    uris.append(str(action.get("/URI")))
                if action.get("/S") in ("/JavaScript", "/Launch", "/ImportData", "/SubmitForm"):
                    uris.append(f"ACTION {action.get('/S')}")
    return "\n".join(texts), uris


def pdf_violations(path: Path) -> list[str]:
    """What makes this PDF unsafe: active content, non-https links, or it does not open."""
    found: list[str] = []
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        return ["not a PDF"]
    for needle in (b"/JavaScript", b"/JS ", b"/JS(", b"/Launch", b"/EmbeddedFile",
                   b"/SubmitForm", b"/RichMedia"):
        if needle in data:
            found.append(f"PDF contains {needle.decode().strip()}")
    try:
        _, uris = pdf_text_and_links(path)
    except Exception as exc:  # pypdf could not read it: that is the finding
        return [*found, f"pypdf cannot read it: {exc!r}"]
    for uri in uris:
        if not ALLOWED_LINK.match(uri) or uri.startswith("#"):
            found.append(f"link outside https/mailto: {uri!r}")
    return found


class NetworkUsedError(AssertionError):
    """Raised (and so failing the test) when export code tries to reach the network."""


# Printed on stderr by a guarded child process, so the parent sees an attempt even when the
# code under test catches the exception we raise.
NETWORK_ATTEMPT = "NETWORK ATTEMPT:"
_GUARDED = (
    (urllib.request, "urlopen", "urllib.request.urlopen"),
    (socket, "create_connection", "socket.create_connection"),
    (socket.socket, "connect", "socket.connect"),
    (socket.socket, "connect_ex", "socket.connect_ex"),
    (socket, "getaddrinfo", "socket.getaddrinfo"),
)


def network_guards(attempts: list[str], announce: bool = False) -> list[tuple[Any, str, Any]]:
    """(owner, attribute, replacement) for every way to reach the network we know of.

    Each replacement records the attempt in `attempts` (and prints it when `announce`) and
    raises NetworkUsedError.
    """
    def refuse(what: str) -> Any:
        def _refuse(*args: Any, **kwargs: Any) -> Any:
            attempt = f"{what}{args[:2]!r}"
            attempts.append(attempt)
            if announce:
                print(NETWORK_ATTEMPT, attempt, file=sys.stderr, flush=True)
            raise NetworkUsedError(f"export tried to use the network: {attempt}")
        return _refuse

    return [(owner, name, refuse(label)) for owner, name, label in _GUARDED]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail on any attempt to open a URL or a socket connection; returns what was tried."""
    attempts: list[str] = []
    for owner, name, replacement in network_guards(attempts):
        monkeypatch.setattr(owner, name, replacement)
    return attempts
