"""Turn the Qt-free theme records (hex colours, dash lists in points) into Qt pens and brushes."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from icsviewer.style.contrast import is_hex_colour

_FALLBACK = "#425563"


@lru_cache(maxsize=512)
def qcolor(hex_colour: str) -> QColor:
    """A QColor for '#RRGGBB'; a neutral grey if the text is not a colour (hostile files)."""
    return QColor(hex_colour if is_hex_colour(hex_colour) else _FALLBACK)


@lru_cache(maxsize=512)
def with_alpha(hex_colour: str, alpha: float) -> QColor:
    """The colour at an opacity from 0 to 1 (cached and shared: do not change it).

    Built in the constructor on purpose: in PySide6 6.12 `QColor.setAlpha` and `setAlphaF`
    drop a reference to None on every call, which aborts the interpreter after a few hundred.
    """
    base = qcolor(hex_colour)
    return QColor(base.red(), base.green(), base.blue(), round(max(0.0, min(alpha, 1.0)) * 255))


@lru_cache(maxsize=2048)
def make_pen(colour: str, width: float, dash: tuple[float, ...] = ()) -> QPen:
    """A cosmetic-free pen in scene units (points) with an optional dash pattern in points.

    Qt's dash patterns are in multiples of the pen width, so the point lengths are divided.
    Pens are cached and shared between items (a 2,500-body chart uses a few dozen distinct
    ones), so callers must not change a pen they are given.
    """
    pen = QPen(qcolor(colour), width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap if dash else Qt.PenCapStyle.RoundCap)
    if dash and width > 0 and len(dash) % 2 == 0:
        pen.setDashPattern([max(d / width, 0.1) for d in dash])
    return pen


@lru_cache(maxsize=512)
def make_brush(colour: str) -> QBrush:
    """A solid brush of a '#RRGGBB' colour, cached and shared like the pens (do not change it)."""
    return QBrush(qcolor(colour))
