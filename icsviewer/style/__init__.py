"""Style: the one place that decides how bodies, relationships and frames look, per theme."""

from icsviewer.style.theme import (
    THEMES,
    BodyStyle,
    FrameStyle,
    RelationStyle,
    Theme,
    get_theme,
    resolve_body_style,
)

__all__ = [
    "THEMES",
    "BodyStyle",
    "FrameStyle",
    "RelationStyle",
    "Theme",
    "get_theme",
    "resolve_body_style",
]
