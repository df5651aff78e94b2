"""Work around a PySide6 6.12.0 bug that aborts the interpreter after a few thousand Qt calls.

On Python 3.11 with PySide6/shiboken6 6.12.0, every call of a Qt method that returns nothing
(`QPen.setWidthF`, `QPainter.drawRect`, `QGraphicsItem.update`, ...) drops one reference to
`None` that it never took. `None` starts with a few thousand references, so after that many
calls CPython hits "Fatal Python error: none_dealloc" and the window vanishes: within seconds
of painting a chart. Python 3.12 and later made `None` immortal, so there it is harmless.

`apply()` checks for the leak with a harmless call and, only if it is there, gives `None` so
many references (2**40) that the leak can never use them up: what Python 3.12 does anyway.
Import this module before using Qt (the canvas and app packages do it on import).
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 40
_applied = False


def leaks_none() -> bool:
    """Whether a void Qt call drops a reference to None in this PySide6."""
    from PySide6.QtCore import QRectF

    rect = QRectF()
    before = sys.getrefcount(None)
    for _ in range(8):
        rect.setWidth(1.0)
    return sys.getrefcount(None) < before - 4


def apply() -> bool:
    """Protect `None` if this PySide6 has the leak; return whether protection is on."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not leaks_none():
        return False
    # ob_refcnt is the first field of every CPython object (a Py_ssize_t) in 3.11.
    ctypes.c_ssize_t.from_address(id(None)).value += _BALLAST
    _applied = True
    return True


apply()
