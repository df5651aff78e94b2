"""WCAG 2.x relative luminance and contrast ratio, for checking text against box colours."""

from __future__ import annotations


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """'#005EB8' -> (0, 94, 184). Accepts #RGB and #RRGGBB; raises ValueError otherwise."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) != 6:
        raise ValueError(f"not a hex colour: {colour!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def relative_luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = hex_to_rgb(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, from 1.0 to 21.0."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def is_hex_colour(text: str) -> bool:
    try:
        hex_to_rgb(text)
    except ValueError:
        return False
    return text.strip().startswith("#")
