"""Strict checks on exported SVG: parse, find active content, collect text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def parse(data: bytes) -> ET.Element:
    """Parse strictly (ElementTree refuses anything not well-formed)."""
    return ET.fromstring(data)


def active_content(root: ET.Element) -> list[str]:
    """Every script, foreignObject, event attribute, external reference or bad link."""
    found = []
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag.lower() in ("script", "foreignobject", "iframe", "object", "embed", "image"):
            found.append(f"element {tag}")
        for name, value in el.attrib.items():
            local = name.split("}")[-1]
            if local.lower().startswith("on"):
                found.append(f"attribute {local}")
            if local == "href" and not value.startswith(("https://", "mailto:", "#")):
                found.append(f"link {value!r}")
            if local == "style":
                found.append("style attribute")
            if "url(" in value and not value.startswith("url(#"):
                found.append(f"external url in {local}")
    return found


def texts(root: ET.Element) -> list[str]:
    """The content of every <text> element."""
    return ["".join(el.itertext()) for el in root.iter(f"{SVG}text")]
