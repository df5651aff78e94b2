"""ICS Viewer: one YAML file as the living, editable chart of an NHS Integrated Care System."""

__version__ = "0.1.0"
