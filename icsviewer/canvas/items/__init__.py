"""Graphics items for bodies, relationships and group frames.

Items know nothing of the model: the scene gives them geometry and colours through setters
and keeps the mapping from items to body ids.
"""
