"""Fixtures for the hostile-file tests (the network guard lives in safety.py)."""

from tests.hostile.safety import no_network  # noqa: F401  (re-exported as a fixture)
