"""pdf export (being written)."""
