"""The bundled Liberation Sans registered with reportlab, for the PDF exporter.

Layout measures text from the generated `font_widths` table and never needs reportlab; a PDF
draws with the same fonts, registered here under fixed names the first time it asks. reportlab
is imported only when this function runs, so nothing on the start-up path pays for it.
"""

from __future__ import annotations

from functools import cache

from icsviewer import paths

FONT_NAME_REGULAR = "LiberationSans"
FONT_NAME_BOLD = "LiberationSans-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    """(regular, bold) reportlab font names of the bundled fonts, registered once.

    Falls back to Helvetica (Arial-compatible widths, built into reportlab) for a font whose
    file is missing or unreadable, so a damaged install still exports rather than crashing.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names: list[str] = []
    for name, path, fallback in (
        (FONT_NAME_REGULAR, paths.FONT_REGULAR, "Helvetica"),
        (FONT_NAME_BOLD, paths.FONT_BOLD, "Helvetica-Bold"),
    ):
        if name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception:  # any damage to the file: reportlab raises many kinds
                name = fallback
        names.append(name)
    return names[0], names[1]
