"""Draw laid-out text pages (`pdf_text_pages.TextPage`) on a reportlab canvas, quickly.

Text is real PDF text in the embedded font (searchable, copyable), written as one text object
per page. reportlab's own `textOut` re-encodes, re-escapes and re-measures every string it is
given (about 50 microseconds a line); a 400-page directory has tens of thousands of lines. Here
each word is encoded for the font's subsets and escaped once per export (`TextEncoder`), and a
line's operators are joined from those pieces. Fonts other than TrueType (the Helvetica
fallback when the bundled font is missing) go through reportlab's own text object instead.

Links become link annotations over their words; bookmarks become named destinations with
outline entries, in page order.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from exporters.pdf_text_pages import TextPage
from exporters.pdf_textflow import Frag

# Link rectangles reach this far below the baseline and above it, in font sizes.
LINK_BELOW = 0.22
LINK_ABOVE = 0.93


def _num(value: float) -> str:
    """A number for a PDF operator: two decimals, trailing zeros dropped."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _rgb(colour: Color) -> str:
    return f"{_num(colour.red)} {_num(colour.green)} {_num(colour.blue)} rg"


class TextEncoder:
    """Encodes text for TrueType fonts' subsets once per word, for one document."""

    def __init__(self, canv: Canvas) -> None:
        # The document the font subsets are counted in (reportlab's text object uses the same).
        self._doc = canv._doc
        self._words: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self._fast: dict[str, bool] = {}

    def fast(self, font: str) -> bool:
        """Whether the font is a TrueType font this encoder can write directly."""
        found = self._fast.get(font)
        if found is None:
            found = self._fast[font] = bool(getattr(getFont(font), "_dynamicFont", False))
        return found

    def _word(self, font: str, word: str) -> list[tuple[str, str]]:
        key = (font, word)
        found = self._words.get(key)
        if found is None:
            face = getFont(font)
            found = [
                (face.getSubsetInternalName(subset, self._doc), escapePDF(data))
                for subset, data in face.splitString(word, self._doc)
            ]
            self._words[key] = found
        return found

    def pieces(self, font: str, text: str) -> list[tuple[str, str]]:
        """(subset font name, escaped bytes) runs that draw `text`, neighbours merged."""
        out: list[tuple[str, str]] = []
        for n, word in enumerate(text.split(" ")):
            parts = self._word(font, word) if word else []
            if n:
                parts = self._word(font, " ") + parts
            for name, data in parts:
                if out and out[-1][0] == name:
                    out[-1] = (name, out[-1][1] + data)
                else:
                    out.append((name, data))
        return out


def draw_text_page(canv: Canvas, page: TextPage, encoder: TextEncoder) -> None:
    """The page's lines, table rules, links and bookmarks (not its header and footer)."""
    frags = [
        (x + fx, top - drop, frag) for x, top, line in page.lines for fx, drop, frag in line.frags
    ]
    _text(canv, frags, encoder)
    _rules(canv, page)
    for x, y, frag in frags:
        if frag.link:
            rect = (
                x,
                y - LINK_BELOW * frag.size,
                x + frag.width,
                y + LINK_ABOVE * frag.size,
            )
            if frag.link.startswith("#"):
                canv.linkAbsolute("", frag.link[1:], Rect=rect, Border="[0 0 0]")
            else:
                canv.linkURL(frag.link, rect, Border="[0 0 0]")
    for left, top, mark in page.bookmarks:
        canv.bookmarkHorizontalAbsolute(mark.key, top, left=left)
        canv.addOutlineEntry(mark.title, mark.key, mark.level, closed=mark.closed or None)


def _text(canv: Canvas, frags: Iterable[tuple[float, float, Frag]], encoder: TextEncoder) -> None:
    ops: list[str] = []
    font_now: tuple[str, float] | None = None
    colour_now: Color | None = None
    slow: list[tuple[float, float, Frag]] = []
    for x, y, frag in frags:
        if not frag.text:
            continue
        if not encoder.fast(frag.font):
            slow.append((x, y, frag))
            continue
        if frag.colour != colour_now:
            ops.append(_rgb(frag.colour))
            colour_now = frag.colour
        ops.append(f"1 0 0 1 {_num(x)} {_num(y)} Tm")
        for name, data in encoder.pieces(frag.font, frag.text):
            if font_now != (name, frag.size):
                ops.append(f"{name} {_num(frag.size)} Tf")
                font_now = (name, frag.size)
            ops.append(f"({data}) Tj")
    if ops:
        # q/Q: the font and colour set here do not leak into what the canvas draws next.
        canv.addLiteral("q BT\n" + "\n".join(ops) + "\nET Q")
    for x, y, frag in slow:
        canv.setFillColor(frag.colour)
        canv.setFont(frag.font, frag.size)
        canv.drawString(x, y, frag.text)


def _rules(canv: Canvas, page: TextPage) -> None:
    """The rules under table rows, across the table's width."""
    for x, top, line in page.lines:
        y = top - line.height
        for width, colour in line.rules:
            canv.setStrokeColor(colour)
            canv.setLineWidth(width)
            canv.line(x, y, x + line.rule_width, y)
