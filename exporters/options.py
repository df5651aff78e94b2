"""Export options shared by the command line, the Export dialog and the three exporters.

One frozen dataclass, so the dialog can remember the last choice and the CLI can build the same
thing from its flags. Paper sizes are in points (1/72 inch), portrait.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import pagesizes

PAPER_SIZES: dict[str, tuple[float, float]] = {
    "A4": pagesizes.A4,
    "A3": pagesizes.A3,
    "A2": pagesizes.A2,
    "A1": pagesizes.A1,
    "A0": pagesizes.A0,
    "Letter": pagesizes.LETTER,
    "Legal": pagesizes.LEGAL,
}
ORIENTATIONS = ("landscape", "portrait", "auto")
FIT_MODES = ("auto", "one-page", "tile")

# Smallest text a printed board pack may have; below this the chart is tiled (issue 5).
MIN_LEGIBLE_PT = 7.0
# PNG: "twice screen size" (a screen is 72 px per point-inch here, so 2x is 144 dpi).
DEFAULT_PNG_SCALE = 2.0
# Larger PNGs would exhaust memory (4 bytes a pixel) or Qt's limits; the exporter refuses.
MAX_PNG_SIDE = 32000
MAX_PNG_PIXELS = 80_000_000


@dataclass(frozen=True)
class ExportOptions:
    """What the user chose. Empty strings mean "use the chart's own value"."""

    paper: str = "A4"
    orientation: str = "landscape"
    fit: str = "auto"
    title: str = ""
    marking: str = ""
    directory: bool = True
    # Name of the chart file, printed in the PDF footer ("Source: chart.yaml").
    source_name: str = ""
    # PNG only: scale factor over 72 dpi, or an explicit dpi (dpi wins when set).
    scale: float = DEFAULT_PNG_SCALE
    dpi: float | None = None
    transparent: bool = False

    def __post_init__(self) -> None:
        if self.paper not in PAPER_SIZES:
            raise ValueError(
                f"unknown paper size {self.paper!r}; choose one of: {', '.join(PAPER_SIZES)}"
            )
        if self.orientation not in ORIENTATIONS:
            raise ValueError(
                f"unknown orientation {self.orientation!r}; "
                f"choose one of: {', '.join(ORIENTATIONS)}"
            )
        if self.fit not in FIT_MODES:
            raise ValueError(f"unknown fit {self.fit!r}; choose one of: {', '.join(FIT_MODES)}")
        if not 0.05 <= self.scale <= 20:
            raise ValueError("scale must be between 0.05 and 20")
        if self.dpi is not None and not 10 <= self.dpi <= 1200:
            raise ValueError("dpi must be between 10 and 1200")

    @property
    def png_scale(self) -> float:
        """Pixels per point for PNG output."""
        return self.dpi / 72.0 if self.dpi is not None else self.scale

    def page_size(self, orientation: str) -> tuple[float, float]:
        """(width, height) of the paper in points in a concrete orientation."""
        short, long_ = sorted(PAPER_SIZES[self.paper])
        return (long_, short) if orientation == "landscape" else (short, long_)
