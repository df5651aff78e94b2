"""Link annotations for the board pack, written without reportlab's generic object formatting.

A national chart's PDF has over ten thousand internal links (each box to its directory entry,
each entry back to its box, each related body's name to its entry). reportlab builds a
dictionary object per link and formats every number and name through pure-Python helpers when
saving, which cost more than a second. `Links` adds each link as a small object that writes
itself in one go, and names places (`place`) with destinations formatted once and reused by
every link and outline entry to them. The PDF says what reportlab writes: a /Link annotation
with no border, a /Rect and either a /Dest array (page, /XYZ, left, top) or a /URI action
(the URL escaped as a PDF string by reportlab).
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import Destination, PDFObject, PDFString
from reportlab.pdfgen.canvas import Canvas

from exporters.pdf_outline import Outline

Rect = tuple[float, float, float, float]
_TAIL = b" /Subtype /Link /Type /Annot\n>>"


class _InternalLink(PDFObject):  # type: ignore[misc]  # reportlab is untyped
    """A /Link annotation to a named destination in this PDF, formatted directly."""

    def __init__(self, rect: Rect, dest: Destination, formatted: dict[str, bytes]) -> None:
        self.rect = rect
        self.dest = dest
        self.formatted = formatted

    def format(self, document: object) -> bytes:
        name = self.dest.name
        target = self.formatted.get(name)
        if target is None:
            # Bound by now: destinations are resolved before the document is written.
            target = self.formatted[name] = self.dest.format(document)
        x0, y0, x1, y1 = self.rect
        rect = f" /Rect [ {x0:.2f} {y0:.2f} {x1:.2f} {y1:.2f} ]".encode("ascii")
        return b"<<\n/Border [0 0 0] /Contents () /Dest " + target + rect + _TAIL


class _Place(PDFObject):  # type: ignore[misc]  # reportlab is untyped
    """An explicit /XYZ destination (page, left, top), formatted once: every link and outline
    entry to it repeats the same bytes. Stands in for reportlab's own `PDFDestinationXYZ`."""

    def __init__(self, left: float, top: float) -> None:
        self.left, self.top = left, top
        self.page: object = None  # set by reportlab's Destination before formatting
        self._bytes: bytes | None = None

    def format(self, document: object) -> bytes:
        if self._bytes is None:
            ref = document.Reference(self.page).format(document)  # type: ignore[attr-defined]
            self._bytes = b"[ " + ref + f" /XYZ {self.left:.2f} {self.top:.2f} 0 ]".encode()
        return self._bytes


class _WebLink(PDFObject):  # type: ignore[misc]  # reportlab is untyped
    """A /Link annotation with a /URI action, formatted directly (the URL by reportlab)."""

    def __init__(self, rect: Rect, url: str) -> None:
        self.rect, self.url = rect, url

    def format(self, document: object) -> bytes:
        x0, y0, x1, y1 = self.rect
        uri: bytes = PDFString(self.url).format(document)
        rect = f" /Border [0 0 0] /Rect [ {x0:.2f} {y0:.2f} {x1:.2f} {y1:.2f} ]".encode("ascii")
        return b"<<\n/A << /S /URI /Type /Action /URI " + uri + b" >>" + rect + _TAIL


class Links:
    """Adds link annotations and named places to the canvas's current page, and entries to
    the document's outline (`outline.add`)."""

    def __init__(self, canv: Canvas) -> None:
        self.canv = canv
        # Each destination's formatted /Dest array, shared by every link to it.
        self._formatted: dict[str, bytes] = {}
        self.outline = Outline(canv)

    def to_place(self, rect: Rect, key: str) -> None:
        """A link to the named destination `key` (defined before or after, anywhere)."""
        canv = self.canv
        # reportlab's own bookkeeping: the (possibly not yet defined) destination by name,
        # and the annotation added to the document and to this page's /Annots.
        dest = canv._bookmarkReference(key)
        canv._addAnnotation(_InternalLink(rect, dest, self._formatted))

    def to_url(self, rect: Rect, url: str) -> None:
        """A link to a web address or e-mail (already checked by `safe_text.safe_url`)."""
        self.canv._addAnnotation(_WebLink(rect, url))

    def place(self, key: str, left: float, top: float) -> None:
        """Name a place on the current page: the view from (left, top) at the current zoom."""
        canv = self.canv
        canv.bookmarkHorizontalAbsolute(key, top, left=left)
        # Same destination, formatted once however many links and outline entries use it.
        canv._bookmarkReference(key).fmt = _Place(left, top)
