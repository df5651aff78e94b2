"""Measure and wrap label text with the bundled Liberation Sans, without Qt or reportlab.

The layout sizes every box from these numbers, and every renderer (Qt canvas, reportlab PDF,
SVG viewers, PowerPoint) draws with the same font or its metric twin Arial, so text measured
here fits its box everywhere. Widths come from `font_widths`, a table generated from the
bundled TrueType files (`python -m icsviewer.layout.make_font_widths`): the same numbers
reportlab reads from them, so a width here equals reportlab's `stringWidth` to the last bit,
without importing reportlab or parsing a font at start-up. A character the fonts lack is as
wide as their missing-glyph box, as reportlab measures it.
"""

from __future__ import annotations

from functools import lru_cache

from icsviewer.layout import font_widths

# The PDF's reportlab names for these fonts, kept here for callers that import them from this
# module. Plain names: registering the fonts is `pdf_fonts.register_fonts()`'s job, so
# measuring text never imports reportlab.
from icsviewer.layout.pdf_fonts import FONT_NAME_BOLD as FONT_NAME_BOLD
from icsviewer.layout.pdf_fonts import FONT_NAME_REGULAR as FONT_NAME_REGULAR

# Words remembered with their widths, per weight: chart labels share most of their words
# ("NHS", "Health", "Care", "Partnership"), so a national chart measures each only once.
# Emptied when full, so hostile input cannot grow it without bound.
WORD_CACHE_LIMIT = 100_000


class _Widths(dict[str, float]):
    """Advance widths by character, in thousandths of the font size (reportlab's units);
    a character not in the font has the missing-glyph width. `words` remembers whole words."""

    __slots__ = ("default", "words")

    def __init__(self, runs: tuple[tuple[int, str], ...], default: int) -> None:
        super().__init__()
        # reportlab's own conversion (x * (1000 / units per em)), so the floats are identical.
        scale = 1000 / font_widths.UNITS_PER_EM
        self.default = default * scale
        self.words: dict[str, float] = {}
        for start, widths in runs:
            values = widths.split()
            chars = map(chr, range(start, start + len(values)))
            self.update(zip(chars, [int(units) * scale for units in values], strict=True))

    def __missing__(self, char: str) -> float:
        return self.default


_REGULAR = _Widths(font_widths.REGULAR_RUNS, font_widths.REGULAR_DEFAULT_WIDTH)
_BOLD = _Widths(font_widths.BOLD_RUNS, font_widths.BOLD_DEFAULT_WIDTH)


def units_width(text: str, bold: bool = False) -> float:
    """Width of `text` in thousandths of the font size.

    Every advance is a whole number of 1/256ths (font units times 1000/2048), so these sums
    are exact in any grouping: the width of "a b" is exactly that of "a" plus " " plus "b",
    which lets wrapping add up words instead of re-measuring whole lines.
    """
    return sum(map((_BOLD if bold else _REGULAR).__getitem__, text))


def points(units: float, size: float) -> float:
    """Thousandths of the font size as points at `size` (reportlab's arithmetic, bit for bit)."""
    return 0.001 * size * units


@lru_cache(maxsize=65536)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` in points at `size` points."""
    return 0.001 * size * sum(map((_BOLD if bold else _REGULAR).__getitem__, text))


def line_height(size: float) -> float:
    """Baseline-to-baseline distance used for wrapped labels (1.2 x the font size)."""
    return size * 1.2


def wrap_label(text: str, max_width: float, size: float, bold: bool = False) -> tuple[str, ...]:
    """Split `text` into lines no wider than `max_width` points.

    Words are kept whole where they fit; a word wider than the line on its own is broken
    between characters (a hyphen is not added: names such as URLs must stay exact). Runs of
    white space collapse to one space. An empty label gives one empty line, so a box always
    has a line to draw.
    """
    return wrap_measured(text, max_width, size, bold)[0]


def wrap_measured(
    text: str, max_width: float, size: float, bold: bool = False
) -> tuple[tuple[str, ...], float]:
    """`wrap_label`'s lines and the width of the widest, in points (no second measuring)."""
    words = text.split()
    if not words:
        return ("",), 0.0
    widths = _BOLD if bold else _REGULAR
    width_of = widths.__getitem__
    known = widths.words
    if len(known) > WORD_CACHE_LIMIT:
        known.clear()
    space = widths[" "]
    scale = 0.001 * size
    lines: list[str] = []
    widest = 0.0
    current = ""
    current_units = 0.0
    for word in words:
        word_units = known.get(word)
        if word_units is None:
            word_units = known[word] = sum(map(width_of, word))
        if current:
            # Exact: advances add up (see units_width), so this is the joined line's width.
            joined = current_units + space + word_units
            if scale * joined <= max_width:
                current = f"{current} {word}"
                current_units = joined
                continue
            lines.append(current)
            widest = max(widest, current_units)
        if scale * word_units <= max_width:
            current, current_units = word, word_units
        else:
            pieces = _break_word(word, max_width, scale, widths)
            lines.extend(pieces[:-1])
            widest = max([widest, *(sum(map(width_of, piece)) for piece in pieces[:-1])])
            current = pieces[-1]
            current_units = sum(map(width_of, current))
    lines.append(current)
    return tuple(lines), scale * max(widest, current_units)


def _break_word(word: str, max_width: float, scale: float, widths: _Widths) -> list[str]:
    """Cut one over-long word into pieces that each fit (at least one character a piece)."""
    pieces: list[str] = []
    piece = ""
    units = 0.0
    for char in word:
        char_units = widths[char]
        if piece and scale * (units + char_units) > max_width:
            pieces.append(piece)
            piece, units = char, char_units
        else:
            piece += char
            units += char_units
    pieces.append(piece)
    return pieces
