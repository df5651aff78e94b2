"""The text pages' building blocks and their line breaking, without reportlab's platypus.

A text page is made of `Para`graphs (styled `Run`s of plain text, some linked), `Table`s (the
directory's seat lists), `Keep` groups (kept in one column when they fit) and `PageBreak`s.
`lines_of` breaks a paragraph into `Line`s for a column width (with `pdf_linebreak`) and
`rows_of` a table into rows;
`pdf_text_pages` puts them on pages and `pdf_text_draw` draws them.

Why not platypus: its Paragraph parses markup, re-measures every word for every wrap, and
KeepTogether wraps each paragraph again; a 2,500-body directory spent seconds there. Here each
character's width is looked up once per font (`Measure`), and text is never markup, so user
text needs no escaping beyond `safe_text.clean` (reportlab escapes PDF strings itself).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import getAscentDescent

from exporters.pdf_linebreak import CharWidths, break_lines
from exporters.pdf_text_styles import TextStyle


class Run(NamedTuple):
    """A piece of a paragraph in one look. `link` is '#name' (a place in this PDF) or a URL
    already checked by `safe_text.safe_url`; '' for plain text. (A named tuple: a national
    directory makes tens of thousands, and frozen dataclasses are slow to build.)"""

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


class Frag(NamedTuple):
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
    """Font metrics for the text pages: per-character widths and ascents, looked up once each."""

    def __init__(self) -> None:
        self._ascents: dict[tuple[str, float], float] = {}
        self._chars: dict[str, CharWidths] = {}
        # Paragraphs already broken, by (style id, width, bullet, *runs): a national directory
        # repeats the same headings, labels and kind names thousands of times. The style is
        # kept in the value so its id cannot be reused while this Measure lives.
        self.broken: dict[tuple[object, ...], tuple[TextStyle, list[Line]]] = {}

    def chars(self, font: str) -> CharWidths:
        """Per-character advance widths of a font (thousandths of an em)."""
        found = self._chars.get(font)
        if found is None:
            found = self._chars[font] = CharWidths(font)
        return found

    def width(self, text: str, font: str, size: float) -> float:
        """The text's width in points at `size`."""
        return sum(map(self.chars(font).__getitem__, text)) * size / 1000.0

    def ascent(self, font: str, size: float) -> float:
        """How far the font's tallest glyphs rise above the baseline at `size`."""
        key = (font, size)
        found = self._ascents.get(key)
        if found is None:
            found = self._ascents[key] = getAscentDescent(font, size)[0]
        return found


def lines_of(para: Para, width: float, measure: Measure) -> list[Line]:
    """The paragraph broken into lines for a column `width` points wide.

    The lines are shared by every paragraph with the same style, runs and bullet (they are
    never changed once made), so callers must not modify them."""
    key = (id(para.style), width, para.bullet, *para.runs)
    found = measure.broken.get(key)
    if found is not None:
        return found[1]
    out = _one_line(para, width, measure) or _lines(para, width, measure)
    measure.broken[key] = (para.style, out)
    return out


def _one_line(para: Para, width: float, measure: Measure) -> list[Line] | None:
    """The lines of the commonest paragraph, one run of printable ASCII that fits on one line
    and has no bullet, worked out without the general line breaker (same result); else None."""
    if len(para.runs) != 1 or para.bullet:
        return None
    run = para.runs[0]
    text = run.text
    if not (text.isascii() and text.isprintable()):
        return None
    style = para.style
    font = run.font or style.font
    text = " ".join(text.split())
    total = sum(map(measure.chars(font).__getitem__, text))
    scale = style.size / 1000.0
    if not text or total > max(width - style.indent, 1.0) / scale:
        return None
    frag = Frag(0.0, text, font, style.size, run.colour or style.colour, run.link, total * scale)
    drop = measure.ascent(style.font, style.size)
    return [Line(style.leading, [(style.indent, drop, frag)])]


def _lines(para: Para, width: float, measure: Measure) -> list[Line]:
    style = para.style
    looks = [(run.font or style.font, run.colour or style.colour, run.link) for run in para.runs]
    broken = break_lines(
        [(index, run.text) for index, run in enumerate(para.runs)],
        looks,
        [measure.chars(font) for font, _, _ in looks],
        style.size,
        max(width - style.indent, 1.0),
    )
    drop = measure.ascent(style.font, style.size)
    size, left = style.size, style.indent
    out = []
    for pieces in broken:
        frags = []
        for look, x, text, w in pieces:
            font, colour, link = looks[look]
            frags.append((left + x, drop, Frag(x, text, font, size, colour, link, w)))
        out.append(Line(style.leading, frags))
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
