"""svg export (being written)."""
