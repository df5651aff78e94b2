"""The Qt canvas: the chart drawn as a QGraphicsScene the model drives, and its view."""
