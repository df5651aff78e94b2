"""reportlab set-up for the board-pack PDF: locked down, fonts registered, house colours.

`harden_reportlab` makes reportlab fetch nothing and evaluate nothing, whatever text reaches it:
no trusted hosts or URL schemes (so an ``<img src="http://...">`` could never be fetched, even
if markup slipped through), and no expression evaluation in colour names (the
CVE-2023-33733 route). We also never pass user text to Paragraph unescaped (see safe_text);
this is the second lock.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily, stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from icsviewer import paths
from icsviewer.layout.pdf_fonts import FONT_NAME_BOLD, FONT_NAME_REGULAR, register_fonts

FONT_NAME_ITALIC = "LiberationSans-Italic"

# House colours for the page furniture (NHS identity).
DARK_BLUE = HexColor("#003087")
NHS_BLUE = HexColor("#005EB8")
TEXT = HexColor("#231F20")
MUTED = HexColor("#425563")
RULE = HexColor("#AEB7BD")
LINK = HexColor("#005EB8")


# zlib level for page streams and font subsets. Measured on a 2,500-body pack's 374 page
# streams (4.3 MB of operators): level 6, zlib's default, 0.13 s CPU and 857 KB; level 1,
# 0.04 s and 1,000 KB (the whole file 3.7 -> 3.85 MB). Operator text compresses well either
# way, and the time was a twentieth of the export.
STREAM_LEVEL = 1


class _QuickFlate:
    """reportlab's Flate filter at `STREAM_LEVEL` (same /FlateDecode streams any reader opens)."""

    pdfname = "FlateDecode"

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        return zlib.compress(data, STREAM_LEVEL)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


# reportlab's `pdfdocEnc` encodes every object header, reference and number it writes
# through a Python-level PDFDocEncoding codec (over 50,000 calls for a national pack). On
# ASCII, that codec gives the ASCII bytes, except for 0x18-0x1F, which it maps elsewhere or
# refuses; so ASCII without those is encoded directly and everything else goes to reportlab.
_PDFDOC_ENCODE = pdfdoc.pdfdocEnc
_NOT_ASCII_IN_PDFDOC = re.compile("[\x18-\x1f]")


def _quick_pdfdoc(value: Any) -> Any:
    """reportlab's `pdfdocEnc`, byte for byte, with plain ASCII encoded directly."""
    if isinstance(value, str) and value.isascii() and not _NOT_ASCII_IN_PDFDOC.search(value):
        return value.encode("ascii")
    return _PDFDOC_ENCODE(value)


def harden_reportlab() -> None:
    """Forbid fetching and evaluation in reportlab (idempotent; call before every build).

    Also turns off ASCII85 stream wrapping, makes stream compression quicker (`STREAM_LEVEL`)
    and encodes plain ASCII object text directly (`_quick_pdfdoc`, the same bytes): speed
    settings that fit here because this is the one place reportlab's global settings are made.
    """
    rl_config.trustedHosts = []
    rl_config.trustedSchemes = []
    # None: toColor accepts only literal colours, never an evaluated expression.
    rl_config.toColorCanUse = None
    # Compressed streams stay binary rather than ASCII85-wrapped: about a fifth faster to
    # write and a smaller file (PDF has not needed 7-bit-clean streams for decades).
    rl_config.useA85 = 0
    # reportlab looks its Flate filter up by this module name each time it writes a stream.
    if not isinstance(pdfdoc.PDFZCompress, _QuickFlate):
        pdfdoc.PDFZCompress = _QuickFlate()
    pdfdoc.pdfdocEnc = _quick_pdfdoc


def font_names() -> tuple[str, str]:
    """(regular, bold) reportlab font names of the bundled Liberation Sans, registered.

    These are the font files the layout's width table was made from, so the PDF draws with
    exactly the font the boxes were measured with (Helvetica, both weights, if either bundled
    file is missing or damaged).
    """
    if register_fonts() != (FONT_NAME_REGULAR, FONT_NAME_BOLD):
        return "Helvetica", "Helvetica-Bold"
    registered = set(pdfmetrics.getRegisteredFontNames())
    italic = FONT_NAME_REGULAR
    if FONT_NAME_ITALIC in registered:
        italic = FONT_NAME_ITALIC
    elif paths.FONT_ITALIC.exists():
        try:
            pdfmetrics.registerFont(TTFont(FONT_NAME_ITALIC, str(paths.FONT_ITALIC)))
            italic = FONT_NAME_ITALIC
        except Exception:
            italic = FONT_NAME_REGULAR
    # So <b> and <i> in our own Paragraph markup stay in the embedded font.
    registerFontFamily(
        FONT_NAME_REGULAR,
        normal=FONT_NAME_REGULAR,
        bold=FONT_NAME_BOLD,
        italic=italic,
        boldItalic=FONT_NAME_BOLD,
    )
    return FONT_NAME_REGULAR, FONT_NAME_BOLD


def italic_font(regular: str) -> str:
    """The bundled italic font's name (registered by `font_names`), or `regular` without it."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    return FONT_NAME_ITALIC if FONT_NAME_ITALIC in registered else regular


def colour(value: str) -> Color:
    """A reportlab colour from a theme '#RRGGBB' string (themes only hold validated values)."""
    return HexColor(value)


def fit_text(text: str, font: str, size: float, max_width: float) -> str:
    """The text, cut with an ellipsis if it is wider than `max_width` (one-line furniture)."""
    if stringWidth(text, font, size) <= max_width:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid] + "…", font, size) <= max_width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"
