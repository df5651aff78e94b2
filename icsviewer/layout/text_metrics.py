"""Measure and wrap label text with the bundled Liberation Sans, without Qt.

The layout sizes every box from these numbers, and every renderer (Qt canvas, reportlab PDF,
SVG viewers, PowerPoint) draws with the same font or its metric twin Arial, so text measured
here fits its box everywhere. reportlab reads the TrueType metrics; nothing is rasterised.
"""

from __future__ import annotations

from functools import cache, lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from icsviewer import paths

# Names under which the bundled fonts are registered with reportlab. The PDF exporter may use
# them too (registering the same file twice under one name is harmless).
FONT_NAME_REGULAR = "LiberationSans"
FONT_NAME_BOLD = "LiberationSans-Bold"


@cache
def _font_name(bold: bool) -> str:
    """Register the bundled font once and return its reportlab name.

    Falls back to Helvetica (Arial-compatible widths, built into reportlab) if the bundled
    file is missing or unreadable, so a damaged install still lays out rather than crashing.
    """
    name = FONT_NAME_BOLD if bold else FONT_NAME_REGULAR
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    path = paths.FONT_BOLD if bold else paths.FONT_REGULAR
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except Exception:
        return "Helvetica-Bold" if bold else "Helvetica"
    return name


@lru_cache(maxsize=65536)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` in points at `size` points."""
    return float(pdfmetrics.stringWidth(text, _font_name(bold), size))


def line_height(size: float) -> float:
    """Baseline-to-baseline distance used for wrapped labels (1.2 x the font size)."""
    return size * 1.2


@lru_cache(maxsize=65536)
def wrap_label(text: str, max_width: float, size: float, bold: bool = False) -> tuple[str, ...]:
    """Split `text` into lines no wider than `max_width` points.

    Words are kept whole where they fit; a word wider than the line on its own is broken
    between characters (a hyphen is not added: names such as URLs must stay exact). Runs of
    white space collapse to one space. An empty label gives one empty line, so a box always
    has a line to draw.
    """
    words = text.split()
    if not words:
        return ("",)
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= max_width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if text_width(word, size, bold) <= max_width:
            current = word
        else:
            pieces = _break_word(word, max_width, size, bold)
            lines.extend(pieces[:-1])
            current = pieces[-1]
    lines.append(current)
    return tuple(lines)


def _break_word(word: str, max_width: float, size: float, bold: bool) -> list[str]:
    """Cut one over-long word into pieces that each fit (at least one character a piece)."""
    pieces: list[str] = []
    piece = ""
    for char in word:
        if piece and text_width(piece + char, size, bold) > max_width:
            pieces.append(piece)
            piece = char
        else:
            piece += char
    pieces.append(piece)
    return pieces
