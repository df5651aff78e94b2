"""The main window, its actions, docks and dialogs."""

# Before anything else touches Qt: PySide6 6.12.0 leaks references to None (see the module).
from icsviewer.canvas import pyside_workaround as _pyside_workaround  # noqa: F401
