"""Decide whether a body edit needs a new layout, or only a re-wrapped label in its box.

`Chart.replace_body` reports a name change as structural (the layout sizes boxes to their
labels), and a full re-layout of a national chart is costly. While the new label still fits
the box the layout gave the body, and the body kept its kind and pin (which place it), the box
can stay where it is: the item re-wraps its text at once and nothing else moves.
"""

from __future__ import annotations

from collections.abc import Mapping

from icsviewer.layout.boxes import box_for_lines, label_lines
from icsviewer.layout.geometry import BoxLayout, Layout
from icsviewer.model.chart import Body, Chart
from icsviewer.model.events import ChartEvent

# What places a body, apart from its label: a change to either moves it (tier, pin).
Placement = tuple[str, tuple[float, float] | None]
# Rounding slack: box sizes are rounded to 0.1 pt by the layout.
SLACK = 0.05


def placement(body: Body) -> Placement:
    return (body.kind, body.pinned)


def fits_current_box(body: Body, box: BoxLayout, laid_out_as: Placement | None) -> bool:
    """True if the edited body needs no re-layout: same placement, and its label fits `box`."""
    if laid_out_as is None or placement(body) != laid_out_as:
        return False
    needed = box_for_lines(label_lines(body, box.font_size), box.font_size)
    return needed.width <= box.width + SLACK and needed.height <= box.height + SLACK


def needs_layout(
    event: ChartEvent, chart: Chart, layout: Layout, placed_as: Mapping[str, Placement]
) -> bool:
    """Whether a chart event asks for a new layout (a label edit that fits its box does not)."""
    if not event.structural or event.kind in ("meta_changed", "tours_changed"):
        return False
    if event.kind != "body_changed":
        return True
    for body_id in event.ids:
        box = layout.boxes.get(body_id)
        if box is None or not chart.has_body(body_id):
            return True
        if not fits_current_box(chart.body(body_id), box, placed_as.get(body_id)):
            return True
    return False
