"""Draw laid-out text pages (`pdf_text_pages.TextPage`) on a reportlab canvas, quickly.

Text is real PDF text in the embedded font (searchable, copyable), written through
`pdf_ops.Ops`: each word is encoded and escaped once per export, where reportlab's own text
calls re-encode, re-escape and re-measure every string (about 50 microseconds a line, and a
400-page directory has tens of thousands of lines). Links become link annotations over their
words; bookmarks become named destinations with outline entries, in page order.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from exporters.pdf_links import Links
from exporters.pdf_ops import Ops, TextEncoder
from exporters.pdf_text_pages import TextPage

# Link rectangles reach this far below the baseline and above it, in font sizes.
LINK_BELOW = 0.22
LINK_ABOVE = 0.93


def draw_text_page(canv: Canvas, page: TextPage, encoder: TextEncoder, links: Links) -> None:
    """The page's lines, table rules, links and bookmarks (not its header and footer)."""
    frags = [
        (x + fx, top - drop, frag) for x, top, line in page.lines for fx, drop, frag in line.frags
    ]
    ops = Ops(canv, encoder)
    ops.texts((x, y, f.font, f.size, f.colour, f.text) for x, y, f in frags)
    for x, top, line in page.lines:
        # The rules under table rows, across the table's width.
        y = top - line.height
        for width, colour in line.rules:
            ops.stroke(colour)
            ops.line_width(width)
            ops.raw(f"{x:.2f} {y:.2f} m {x + line.rule_width:.2f} {y:.2f} l S")
    ops.flush()
    for x, y, frag in frags:
        if frag.link:
            rect = (x, y - LINK_BELOW * frag.size, x + frag.width, y + LINK_ABOVE * frag.size)
            if frag.link.startswith("#"):
                links.to_place(rect, frag.link[1:])
            else:
                links.to_url(rect, frag.link)
    for left, top, mark in page.bookmarks:
        links.place(mark.key, left, top)
        links.outline.add(mark.title, mark.key, mark.level, mark.closed)
