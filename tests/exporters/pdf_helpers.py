"""Read facts back out of a PDF with pypdf: text, outline titles, links, destinations."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader


@dataclass
class PdfFacts:
    reader: PdfReader
    pages_text: list[str]
    outline: list[tuple[int, str]]  # (level, title)
    # (page the link is on, page it goes to, top of the view it opens, link rectangle)
    internal_links: list[tuple[int, int, float, tuple[float, ...]]]
    # (page it goes to, left, top) of each internal link's view, in the order of the links
    link_views: list[tuple[int, float, float]]
    uri_links: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.pages_text)


def _flatten(items: list[Any], level: int, out: list[tuple[int, str]]) -> None:
    for item in items:
        if isinstance(item, list):
            _flatten(item, level + 1, out)
        else:
            out.append((level, str(item.title)))


def read_pdf(data: bytes) -> PdfFacts:
    reader = PdfReader(io.BytesIO(data))
    outline: list[tuple[int, str]] = []
    _flatten(reader.outline, 0, outline)
    internal: list[tuple[int, int, float, tuple[float, ...]]] = []
    views: list[tuple[int, float, float]] = []
    uris: list[str] = []
    page_of = {
        page.indirect_reference.idnum: i
        for i, page in enumerate(reader.pages)
        if page.indirect_reference is not None  # pages read from a file always have one
    }
    for index, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/Subtype") != "/Link":
                continue
            rect = tuple(float(v) for v in obj["/Rect"])
            if "/Dest" in obj:
                dest = obj["/Dest"]
                xyz = len(dest) > 3 and dest[1] == "/XYZ"
                top = float(dest[3]) if xyz else 0.0
                left = float(dest[2]) if xyz else 0.0
                internal.append((index, page_of[dest[0].idnum], top, rect))
                views.append((page_of[dest[0].idnum], left, top))
            action = obj.get("/A")
            if action is not None:
                action = action.get_object()
                if "/URI" in action:
                    uris.append(str(action["/URI"]))
    texts = [page.extract_text() or "" for page in reader.pages]
    return PdfFacts(reader, texts, outline, internal, views, uris)


def squash(text: str) -> str:
    """Text with all white space removed (extraction breaks lines and words unpredictably)."""
    return "".join(text.split())
