"""Small SVG-writing helpers shared by the SVG modules: numbers, ids, text and dash attributes.

Every function that puts user text into the document escapes it here (`xml_text`).
"""

from __future__ import annotations

from collections.abc import Callable

from exporters.safe_text import safe_id, xml_text

Writer = Callable[[str], None]


def n(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (small, stable output)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Ids:
    """Unique, XML-safe ids: hostile files may have ids that collide once made safe."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def make(self, prefix: str, raw: str) -> str:
        base = f"{prefix}-{safe_id(raw)}"
        candidate, k = base, 2
        while candidate in self._taken:
            candidate, k = f"{base}-{k}", k + 1
        self._taken.add(candidate)
        return candidate


def dash(pattern: tuple[float, ...]) -> str:
    """A stroke-dasharray attribute (with its leading space), or '' for a solid line."""
    if not pattern:
        return ""
    return f' stroke-dasharray="{",".join(n(d) for d in pattern)}"'


def text_element(
    x: float,
    y: float,
    text: str,
    size: float,
    fill: str,
    *,
    bold: bool = False,
    anchor: str = "start",
    cls: str = "",
) -> str:
    """A <text> element with escaped content."""
    weight = ' font-weight="bold"' if bold else ""
    klass = f' class="{cls}"' if cls else ""
    return (
        f'<text{klass} x="{n(x)}" y="{n(y)}" font-size="{n(size)}"{weight} '
        f'text-anchor="{anchor}" fill="{fill}">{xml_text(text)}</text>\n'
    )
