"""The Qt chart: a QGraphicsScene that follows the model and a view to zoom and pan it."""
