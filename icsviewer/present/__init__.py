"""Presenter mode: tours, camera moves and clicker keys, full screen."""
