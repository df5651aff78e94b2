"""png export (being written)."""
