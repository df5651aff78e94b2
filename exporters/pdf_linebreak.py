"""Break a paragraph's runs of text into lines of a column width: the text pages' hot loop.

White space is collapsed as HTML does (a line break in the text is kept as a line break), and
lines break at spaces; a word wider than the column is cut between characters. Widths come
from each character's advance in the font (exactly how reportlab measures TrueType text),
summed once per hard line into running totals, so finding each break is a binary search
rather than a measurement of every word.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, chain

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from exporters.safe_text import clean

# A hard line break inside a field (the author's own paragraphs).
_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")

# One look of text: (font, colour, link).
Look = tuple[str, Color, str]
# A piece of a line: (look index, x from the line's left, text, width).
Piece = tuple[int, float, str, float]


class CharWidths(dict[str, float]):
    """Advance widths of one font's characters in thousandths of an em, looked up once each."""

    def __init__(self, font: str) -> None:
        super().__init__()
        self.font = font
        # TrueType faces carry a width per character; the standard fonts (the Helvetica
        # fallback) do not, and are measured through reportlab.
        face = getattr(getFont(font), "face", None)
        widths = getattr(face, "charWidths", None)
        self._ttf = widths.get if isinstance(widths, dict) else None
        self._default = getattr(face, "defaultWidth", 0)

    def __missing__(self, char: str) -> float:
        if self._ttf is not None:
            width = float(self._ttf(ord(char), self._default))
        else:
            width = stringWidth(char, self.font, 1000)
        self[char] = width
        return width


def _spans(texts: Sequence[tuple[int, str]], links: Sequence[bool]) -> list[list[tuple[int, str]]]:
    """Hard lines of (look, text) spans with white space collapsed: one space between words,
    none at either end. The space between two spans goes with the first unless it is a link
    (so a link's rectangle covers only its words)."""
    if len(texts) == 1:
        # One run of printable ASCII (most paragraphs): one hard line, its words re-spaced.
        look, text = texts[0]
        if text.isascii() and text.isprintable():
            words = text.split()
            return [[(look, " ".join(words))]] if words else []
    lines: list[list[tuple[int, str]]] = [[]]
    space = False
    for look, text in texts:
        # Printable ASCII has nothing `clean` removes and no line breaks: skip both scans.
        plain = text.isascii() and text.isprintable()
        for n, part in enumerate([text] if plain else _BREAK.split(clean(text))):
            if n:
                lines.append([])
                space = False
            words = part.split()
            line = lines[-1]
            if not words:
                space = space or bool(part)
                continue
            joined = " ".join(words)
            if line and (space or part[0].isspace()):
                last_look, last_text = line[-1]
                if links[last_look]:
                    joined = " " + joined
                else:
                    line[-1] = (last_look, last_text + " ")
            if line and line[-1][0] == look:
                line[-1] = (look, line[-1][1] + joined)
            else:
                line.append((look, joined))
            space = part[-1].isspace()
    # Several blank lines in a row print as one; none at the end.
    out: list[list[tuple[int, str]]] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def break_lines(
    texts: Sequence[tuple[int, str]],
    looks: Sequence[Look],
    widths: Sequence[CharWidths],
    size: float,
    available: float,
) -> list[list[Piece]]:
    """The lines of a paragraph made of (look index, text) runs, at `size` points, each line
    at most `available` points wide (a single character may exceed it)."""
    if len(looks) > 1:
        # Runs in the same look merge into one piece.
        same = [looks.index(look) for look in looks]
        texts = [(same[look], text) for look, text in texts]
    links = [bool(link) for _, _, link in looks]
    scale = size / 1000.0
    limit = available / scale
    out: list[list[Piece]] = []
    for spans in _spans(texts, links):
        # Most paragraphs (names, labels, short items) fit on one line: no break to find.
        span_widths = [sum(map(widths[look].__getitem__, t)) for look, t in spans]
        if sum(span_widths) <= limit:
            pieces: list[Piece] = []
            x = 0.0
            for (look, t), w in zip(spans, span_widths, strict=True):
                pieces.append((look, x * scale, t, w * scale))
                x += w
            out.append(pieces)
            continue
        text = "".join(t for _, t in spans)
        cum = list(
            accumulate(
                chain.from_iterable(map(widths[look].__getitem__, t) for look, t in spans),
                initial=0.0,
            )
        )
        bounds: list[tuple[int, int, int]] = []  # (look, start, end) in `text`
        start = 0
        for look, t in spans:
            bounds.append((look, start, start + len(t)))
            start += len(t)
        n, i = len(text), 0
        if n == 0:
            out.append([])
        while i < n:
            k = bisect_right(cum, cum[i] + limit) - 1  # text[i:k] fits
            if k >= n:
                end, after = n, n
            else:
                space = text.rfind(" ", i, k + 1)
                if space > i:
                    end, after = space, space + 1
                else:  # one word wider than the line: cut it
                    end = max(k, i + 1)
                    after = end + 1 if end < n and text[end] == " " else end
            pieces = []
            for look, lo, hi in bounds:
                a, b = max(lo, i), min(hi, end)
                if a < b:
                    pieces.append(
                        (look, (cum[a] - cum[i]) * scale, text[a:b], (cum[b] - cum[a]) * scale)
                    )
            out.append(pieces)
            i = after
    return out
