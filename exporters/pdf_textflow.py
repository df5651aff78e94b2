"""The text pages' building blocks and their line breaking, without reportlab's platypus.

A text page is made of `Para`graphs (styled `Run`s of plain text, some linked), `Table`s (the
directory's seat lists), `Keep` groups (kept in one column when they fit) and `PageBreak`s.
`lines_of` breaks a paragraph into `Line`s for a column width and `rows_of` a table into rows;
`pdf_text_pages` puts them on pages and `pdf_text_draw` draws them.

Why not platypus: its Paragraph parses markup, re-measures every word for every wrap, and
KeepTogether wraps each paragraph again; a 2,500-body directory spent seconds there. Here each
word's width is measured once per font and size (`Measure`), and text is never markup, so user
text needs no escaping beyond `safe_text.clean` (reportlab escapes PDF strings itself).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth

from exporters.pdf_text_styles import TextStyle
from exporters.safe_text import clean

# A hard line break inside a field (the author's own paragraphs).
_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_TOKENS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph in one look. `link` is '#name' (a place in this PDF) or a URL
    already checked by `safe_text.safe_url`; '' for plain text."""

    text: str
    font: str = ""  # '' means the paragraph style's font
    colour: Color | None = None  # None means the paragraph style's colour
    link: str = ""


@dataclass(frozen=True)
class Bookmark:
    """A named destination at a heading, with its outline (bookmarks panel) entry."""

    key: str
    title: str  # plain text, one line
    level: int
    closed: bool = False


@dataclass
class Para:
    """A paragraph: runs of text in a style, an optional bullet and bookmark."""

    style: TextStyle
    runs: Sequence[Run]
    bullet: str = ""
    bookmark: Bookmark | None = None


@dataclass
class Table:
    """A table of plain-text cells with a rule under each row (and a heavier one under the
    header, which is repeated at the top of each column the table continues into)."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    shares: Sequence[float]  # column widths as fractions of the text column
    style: TextStyle
    header_style: TextStyle
    rule: Color
    pad_left: float = 2.0
    pad_right: float = 6.0
    pad_y: float = 1.5


@dataclass
class Keep:
    """Items kept in one column when they fit in one (else they flow on)."""

    items: list[Para | Table]


@dataclass(frozen=True)
class PageBreak:
    """The next item starts on a new page."""


Item = Para | Table | Keep | PageBreak


@dataclass(frozen=True)
class Frag:
    """A piece of one line in one look: x from the line's left, plain text, its width."""

    x: float
    text: str
    font: str
    size: float
    colour: Color
    link: str
    width: float


@dataclass
class Line:
    """One line (or one table row) of a column: what it draws, relative to its top-left."""

    height: float
    # (x, baseline drop below the top, fragment)
    frags: list[tuple[float, float, Frag]] = field(default_factory=list)
    # Rules under the row (table rows only): (line width, colour), drawn at the row's bottom.
    rules: list[tuple[float, Color]] = field(default_factory=list)
    rule_width: float = 0.0
    repeat: bool = False  # a table header row, repeated after a column break


class Measure:
    """String widths, each (font, size, text) measured once per export."""

    def __init__(self) -> None:
        self._faces: dict[tuple[str, float], dict[str, float]] = {}
        self._ascents: dict[tuple[str, float], float] = {}

    def face(self, font: str, size: float) -> dict[str, float]:
        """The width cache of one font at one size (text -> width), filled as it is used."""
        found = self._faces.get((font, size))
        if found is None:
            found = self._faces[(font, size)] = {}
        return found

    def width(self, text: str, font: str, size: float) -> float:
        widths = self.face(font, size)
        found = widths.get(text)
        if found is None:
            found = widths[text] = stringWidth(text, font, size)
        return found

    def ascent(self, font: str, size: float) -> float:
        key = (font, size)
        found = self._ascents.get(key)
        if found is None:
            found = self._ascents[key] = getAscentDescent(font, size)[0]
        return found


# A word: pieces of runs with no space between them, as (run index, text).
_Word = list[tuple[int, str]]


def _words(runs: Sequence[Run]) -> list[list[_Word]]:
    """The paragraph's hard lines, each a list of words (white space collapsed, as HTML)."""
    lines: list[list[_Word]] = [[]]
    word: _Word = []
    for index, run in enumerate(runs):
        for n, part in enumerate(_BREAK.split(clean(run.text))):
            if n:
                if word:
                    lines[-1].append(word)
                word = []
                lines.append([])
            for token in _TOKENS.findall(part):
                if token.isspace():
                    if word:
                        lines[-1].append(word)
                    word = []
                else:
                    word.append((index, token))
    if word:
        lines[-1].append(word)
    # Several blank lines in a row print as one.
    out: list[list[_Word]] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


class _LineBuilder:
    """Fills lines word by word; neighbouring pieces in the same look become one Frag.

    A line is built as segments [look, x, text pieces, width] (cheap to extend) and turned
    into Frags once it is full.
    """

    def __init__(self, para: Para, width: float, measure: Measure) -> None:
        self.width = width
        style = para.style
        self.size = style.size
        looks = [
            (run.font or style.font, run.colour or style.colour, run.link) for run in para.runs
        ]
        # Runs that look alike share one index, so their pieces merge into one Frag.
        self.looks = [looks[looks.index(look)] for look in looks]
        self.same = [looks.index(look) for look in looks]
        self.widths = [measure.face(font, style.size) for font, _, _ in looks]
        self.lines: list[list[Frag]] = []
        self.segs: list[list[Any]] = []
        self.x = 0.0

    def _w(self, look: int, text: str) -> float:
        widths = self.widths[look]
        found = widths.get(text)
        if found is None:
            found = widths[text] = stringWidth(text, self.looks[look][0], self.size)
        return found

    def _put(self, look: int, text: str, width: float, space: bool) -> None:
        segs = self.segs
        look = self.same[look]
        if segs:
            last = segs[-1]
            gap = self._w(last[0], " ") if space else 0.0
            if last[0] == look:
                if space:
                    last[2].append(" ")
                last[2].append(text)
                last[3] += gap + width
                self.x += gap + width
                return
            self.x += gap
        segs.append([look, self.x, [text], width])
        self.x += width

    def end_line(self) -> None:
        size = self.size
        frags = []
        for look, x, parts, width in self.segs:
            font, colour, link = self.looks[look]
            frags.append(Frag(x, "".join(parts), font, size, colour, link, width))
        self.lines.append(frags)
        self.segs, self.x = [], 0.0

    def add_word(self, word: _Word) -> None:
        w = self._w
        if len(word) == 1:
            look, text = word[0]
            widths = [w(look, text)]
        else:
            widths = [w(look, text) for look, text in word]
        total = sum(widths)
        if self.segs:
            space = w(self.segs[-1][0], " ")
            if self.x + space + total <= self.width:
                for n, (look, text) in enumerate(word):
                    self._put(look, text, widths[n], n == 0)
                return
            self.end_line()
        if total <= self.width:
            for n, (look, text) in enumerate(word):
                self._put(look, text, widths[n], False)
            return
        # A word wider than the column (a long link, a hostile string): cut it by characters.
        for look, text in word:
            font = self.looks[look][0]
            while text:
                cut = _fit(text, font, self.size, self.width - self.x)
                if cut == 0 and self.segs:
                    self.end_line()
                    continue
                cut = max(cut, 1)
                piece = text[:cut]
                self._put(look, piece, stringWidth(piece, font, self.size), False)
                text = text[cut:]
                if text:
                    self.end_line()


def _fit(text: str, font: str, size: float, room: float) -> int:
    """How many leading characters of `text` fit in `room` points (binary search)."""
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid], font, size) <= room:
            low = mid
        else:
            high = mid - 1
    return low


def lines_of(para: Para, width: float, measure: Measure) -> list[Line]:
    """The paragraph broken into lines for a column `width` points wide."""
    style = para.style
    builder = _LineBuilder(para, max(width - style.indent, 1.0), measure)
    for hard_line in _words(para.runs):
        for word in hard_line:
            builder.add_word(word)
        builder.end_line()
    drop = measure.ascent(style.font, style.size)
    out = [
        Line(style.leading, [(style.indent + f.x, drop, f) for f in frags])
        for frags in builder.lines
    ]
    if not out:
        out.append(Line(style.leading))
    if para.bullet:
        width_b = measure.width(para.bullet, style.font, style.size)
        bullet = Frag(0.0, para.bullet, style.font, style.size, style.colour, "", width_b)
        out[0].frags.insert(0, (style.bullet_indent, drop, bullet))
    return out


def rows_of(table: Table, width: float, measure: Measure) -> list[Line]:
    """The table as one Line per row; the header row is marked to be repeated."""
    lefts: list[float] = []
    x = 0.0
    for share in table.shares:
        lefts.append(x)
        x += share * width
    widths = [share * width for share in table.shares]
    out: list[Line] = []
    rows: list[tuple[Sequence[str], TextStyle, bool]] = []
    if table.header:
        rows.append((table.header, table.header_style, True))
    rows += [(row, table.style, False) for row in table.rows]
    for cells, style, is_header in rows:
        line = Line(0.0, repeat=is_header, rule_width=width)
        tallest = 0.0
        for left, col_w, text in zip(lefts, widths, cells, strict=False):
            inner = max(col_w - table.pad_left - table.pad_right, 1.0)
            cell_lines = lines_of(Para(style, [Run(text)]), inner, measure)
            for n, cell_line in enumerate(cell_lines):
                for fx, drop, frag in cell_line.frags:
                    line.frags.append(
                        (left + table.pad_left + fx, table.pad_y + n * style.leading + drop, frag)
                    )
            tallest = max(tallest, len(cell_lines) * style.leading)
        line.height = tallest + 2 * table.pad_y
        line.rules.append((0.3, table.rule))
        if is_header:
            line.rules.append((0.6, table.rule))
        out.append(line)
    return out
