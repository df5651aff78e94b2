"""Text styles for the PDF's text pages (the description and the directory of bodies).

Plain values read by the canvas-level text flow (`pdf_textflow`): font, size, line spacing,
colour, space around a paragraph, indents, and whether a paragraph must stay with the next
one (headings and list labels never end a column alone).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.colors import Color

from exporters.pdf_setup import MUTED, TEXT


@dataclass(frozen=True)
class TextStyle:
    """How one kind of paragraph looks. Lengths are points."""

    font: str
    size: float
    leading: float  # baseline to baseline
    colour: Color
    space_before: float = 0.0  # dropped at the top of a column
    space_after: float = 0.0
    indent: float = 0.0  # left indent of every line
    bullet_indent: float = 0.0  # where a bullet, if any, starts
    keep_with_next: bool = False


@dataclass(frozen=True)
class Fonts:
    """The registered font names the text pages use."""

    regular: str
    bold: str
    italic: str


def make_styles(fonts: Fonts, accent: Color) -> dict[str, TextStyle]:
    """The text-page styles, in the bundled font, headings in the theme's accent colour."""
    body = TextStyle(fonts.regular, 9.5, 13, TEXT, space_after=4)
    small = replace(body, size=8.5, leading=11)
    return {
        "body": body,
        "title": TextStyle(fonts.bold, 18, 22, accent, space_after=10),
        "h2": TextStyle(fonts.bold, 13, 17, accent, space_before=10, space_after=4),
        "h3": TextStyle(fonts.bold, 11, 14, accent, space_before=10, space_after=2),
        "meta": replace(small, colour=MUTED, space_after=3),
        "label": replace(
            small, font=fonts.bold, colour=MUTED, space_before=3, space_after=1, keep_with_next=True
        ),
        "item": replace(body, size=9, leading=12, indent=10, bullet_indent=2, space_after=1),
        "cell": replace(small, space_after=0),
        "cellhead": replace(small, font=fonts.bold, colour=MUTED, space_after=0),
        "note": replace(small, colour=MUTED),
    }
