"""The Qt chart: a QGraphicsScene that follows the model and a view to zoom and pan it."""

# Must run before any other Qt use in the process: see the module's docstring.
from icsviewer.canvas import pyside_workaround as _pyside_workaround  # noqa: F401
