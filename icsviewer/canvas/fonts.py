"""Load the bundled Liberation Sans into Qt so the window draws with the font layout measured.

Box sizes come from Liberation Sans metrics (icsviewer.layout.text_metrics). If Qt drew with a
different family, labels would overflow their boxes, so the canvas always asks for this font.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

from icsviewer import paths
from icsviewer.style.theme import FONT_FAMILY


@lru_cache(maxsize=1)
def load_bundled_fonts() -> str:
    """Register the bundled font files once; return the family name to ask Qt for.

    Needs a QGuiApplication. A missing or damaged file is not fatal: Qt then substitutes the
    closest font it has, which is better than refusing to show the chart.
    """
    family = FONT_FAMILY
    for path in (paths.FONT_REGULAR, paths.FONT_BOLD, paths.FONT_ITALIC):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            if families:
                family = families[0]
    return family


@lru_cache(maxsize=64)
def chart_font(size: float, bold: bool = False, dpi: float = 72.0) -> QFont:
    """The label font, `size` scene units tall, for a paint device of `dpi` logical DPI.

    One scene unit is one layout point. Qt scales point sizes by the device's DPI/72, so the
    size asked for is divided back: text then takes exactly the width the layout measured.
    """
    font = QFont(load_bundled_fonts())
    font.setPointSizeF(max(size * 72.0 / max(dpi, 1.0), 0.5))
    font.setBold(bold)
    # Chart text is measured unhinted; hinting would change widths between zoom levels.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    return font
