"""Paragraph styles and the bookmarking heading for the PDF's text pages.

`OutlinedHeading` is a Paragraph that, when drawn, becomes a named destination and an outline
(bookmark) entry, so the bookmark lands on the page the heading actually appears on.
`WrappedOnce` is a Paragraph that remembers its line breaks for the width it was last wrapped
at: reportlab wraps a paragraph inside `KeepTogether` (or a table) and then again when placing
it, at the same column width, and the text pages spent most of their time breaking lines.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from exporters.pdf_setup import MUTED, TEXT
from exporters.safe_text import one_line


def make_styles(regular: str, bold: str, accent: Color) -> dict[str, ParagraphStyle]:
    """The text-page styles, in the bundled font, headings in the theme's accent colour."""
    base = ParagraphStyle(
        "body",
        fontName=regular,
        bulletFontName=regular,
        fontSize=9.5,
        leading=13,
        textColor=TEXT,
        alignment=TA_LEFT,
        spaceAfter=4,
    )
    return {
        "body": base,
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=bold,
            fontSize=18,
            leading=22,
            textColor=accent,
            spaceAfter=10,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=bold,
            fontSize=13,
            leading=17,
            textColor=accent,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=bold,
            fontSize=11,
            leading=14,
            textColor=accent,
            spaceBefore=10,
            spaceAfter=2,
        ),
        "meta": ParagraphStyle(
            "meta", parent=base, fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=3
        ),
        "label": ParagraphStyle(
            "label",
            parent=base,
            fontName=bold,
            fontSize=8.5,
            leading=11,
            textColor=MUTED,
            spaceBefore=3,
            spaceAfter=1,
            keepWithNext=1,
        ),
        "item": ParagraphStyle(
            "item", parent=base, fontSize=9, leading=12, leftIndent=10, bulletIndent=2, spaceAfter=1
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0),
        "cellhead": ParagraphStyle(
            "cellhead",
            parent=base,
            fontName=bold,
            fontSize=8.5,
            leading=11,
            spaceAfter=0,
            textColor=MUTED,
        ),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
    }


class WrappedOnce(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A Paragraph that breaks its lines once per width.

    `Paragraph.wrap` depends only on the width (and the paragraph's own text and style, which
    never change after it is made), so repeating it at the same width gives the same lines;
    the result is reused instead. Pieces made by `split` are new paragraphs, wrapped afresh.
    """

    _wrapped_at: float | None = None
    _wrapped_size: tuple[float, float] = (0.0, 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_at == avail_width and getattr(self, "blPara", None) is not None:
            self.width, self.height = self._wrapped_size
            return self._wrapped_size
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        self._wrapped_at, self._wrapped_size = avail_width, size
        return size


class OutlinedHeading(WrappedOnce):
    """A heading that is also a link destination and an outline entry.

    `markup` must already be safe Paragraph markup (escaped user text); `outline_title` is
    plain text (reportlab writes it as a PDF string, escaping it itself). A heading too long
    for one column is split by reportlab into plain pieces; the first keeps the bookmark.
    """

    def __init__(
        self,
        markup: str | None,
        style: ParagraphStyle,
        key: str = "",
        outline_title: str = "",
        level: int = 0,
        **kw: Any,
    ) -> None:
        super().__init__(markup, style, **kw)
        self.key = key
        self.outline_title = one_line(outline_title)[:200] or key
        self.level = level
        self.keepWithNext = True

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        if parts:
            parts[0].key, parts[0].outline_title, parts[0].level = (
                self.key,
                self.outline_title,
                self.level,
            )
            for part in parts[1:]:
                part.key = ""
        return parts

    def draw(self) -> None:
        super().draw()
        if not self.key:
            return
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, self.height + self.style.spaceBefore)
        canv.addOutlineEntry(self.outline_title, self.key, self.level, closed=self.level >= 1)
