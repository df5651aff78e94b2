"""Editing widgets and actions for the main window: in-place rename, forms, Edit menu."""
