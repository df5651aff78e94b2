"""The PDF's outline (the bookmarks panel), written without reportlab's generic formatting.

A national chart's board pack has an outline entry for every body (thousands); reportlab
formats each entry as a generic dictionary of objects when saving, about a tenth of a
millisecond apiece. `Outline` collects the entries as `canvas.addOutlineEntry` would (title,
destination name, level, closed) and stands in for reportlab's outline object in the
document, writing each entry in one go. What the PDF says is the same: /Title, /Dest,
/Parent, /Prev, /Next, /First, /Last and /Count (negative for a closed entry), per the PDF
specification's outline items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from reportlab.pdfbase.pdfdoc import PDFObject, PDFString
from reportlab.pdfgen.canvas import Canvas


@dataclass
class _Node:
    title: str
    key: str
    closed: bool
    children: list[_Node] = field(default_factory=list)
    ref: bytes = b""

    def visible(self) -> int:
        """How many descendants show when this entry is open."""
        return sum(1 + (0 if child.closed else child.visible()) for child in self.children)


class _Item(PDFObject):  # type: ignore[misc]  # reportlab is untyped
    """One outline entry; its neighbours' references are filled in before formatting."""

    def __init__(self, node: _Node, dest: PDFObject, parent: bytes) -> None:
        self.node, self.dest, self.parent = node, dest, parent
        self.prev = self.next = b""

    def format(self, document: object) -> bytes:
        node = self.node
        title = pdf_title(node.title, document)
        parts = [b"<<\n"]
        if node.children:
            count = node.visible()
            parts.append(b"/Count %d " % (-count if node.closed else count))
        parts += [b"/Dest ", self.dest.format(document)]
        if node.children:
            parts += [b" /First ", node.children[0].ref, b" /Last ", node.children[-1].ref]
        if self.next:
            parts += [b" /Next ", self.next]
        parts += [b" /Parent ", self.parent]
        if self.prev:
            parts += [b" /Prev ", self.prev]
        parts += [b" /Title ", title, b"\n>>"]
        return b"".join(parts)


# Printable ASCII escaped as reportlab's PDFString does it: only the backslash and brackets.
_ESCAPE_ASCII = str.maketrans({"\\": "\\\\", "(": "\\(", ")": "\\)"})


def pdf_title(text: str, document: object) -> bytes:
    """A PDF string of `text`, byte for byte as reportlab's `PDFString` writes it; printable
    ASCII (nearly every title) directly, as reportlab escapes it character by character in
    Python. Never encrypted (the pack is not)."""
    if text.isascii() and text.isprintable():
        return b"(" + text.translate(_ESCAPE_ASCII).encode("ascii") + b")"
    formatted: bytes = PDFString(text).format(document)
    return formatted


class Outline(PDFObject):  # type: ignore[misc]  # reportlab is untyped
    """The document's outline: entries added in page order, written when the PDF is saved."""

    def __init__(self, canv: Canvas) -> None:
        self.canv = canv
        self.roots: list[_Node] = []
        self._path: list[_Node] = []  # the last entry at each level
        self.ready = 0
        # reportlab's document writes its outline through these names (see pdfdoc).
        doc = canv._doc
        doc.outline = doc.Outlines = doc.Catalog.Outlines = self

    def add(self, title: str, key: str, level: int = 0, closed: bool = False) -> None:
        """An entry at `level` (0 = top) under the last entry one level up."""
        node = _Node(title, key, closed)
        level = max(0, min(level, len(self._path)))
        if level == 0:
            self.roots.append(node)
        else:
            self._path[level - 1].children.append(node)
        del self._path[level:]
        self._path.append(node)

    def prepare(self, document: object, canvas: Canvas) -> None:
        """Called by reportlab before writing: make every entry an object of the document."""
        if not self.roots:
            self.ready = -1
            return
        own = document.Reference(self).format(document)  # type: ignore[attr-defined]
        self._register(document, canvas, self.roots, own)
        self.ready = 1

    def _register(
        self, document: object, canvas: Canvas, nodes: list[_Node], parent: bytes
    ) -> None:
        items = []
        for node in nodes:
            item = _Item(node, canvas._bookmarkReference(node.key), parent)
            node.ref = document.Reference(item).format(document)  # type: ignore[attr-defined]
            items.append(item)
        for before, after in pairwise(items):
            before.next, after.prev = after.node.ref, before.node.ref
        for node in nodes:
            if node.children:
                self._register(document, canvas, node.children, node.ref)

    def format(self, document: object) -> bytes:
        count = sum(1 + (0 if n.closed else n.visible()) for n in self.roots)
        return b"<<\n/Count %d /First %s /Last %s /Type /Outlines\n>>" % (
            count,
            self.roots[0].ref,
            self.roots[-1].ref,
        )
