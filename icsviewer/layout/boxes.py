"""Box sizes for bodies: the wrapped label plus padding, in points; and group names as
drawn on their frames (one line, cut with an ellipsis if very long).

One rule for every layout engine (Graphviz, the fallback rows, the large-chart tree), so a
body's box is the same size whichever engine placed it. Labels are measured in bold because
some themes (high contrast) draw every label bold: a box sized for bold text fits its label in
every theme, and re-theming never needs a new layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from icsviewer.layout.text_metrics import line_height, text_width, wrap_label, wrap_measured
from icsviewer.model.chart import Body

# The label size every box is laid out at. The A3 legibility rule (no text under 7 pt at
# fit-to-page) is measured against this.
BASE_FONT_SIZE = 10.0
# Widest a line of label may be before it wraps: about 20 characters, a comfortable reading
# width for a box in an organisation chart.
MAX_LABEL_WIDTH = 118.0
# Most lines a full name may take; beyond this the short name is used, if there is one.
MAX_LINES = 3
# Most lines any box label takes (a very long name with no short name): the last line ends
# with an ellipsis. The full name stays in the chart, the details panel and the directory.
MAX_BOX_LINES = 6
ELLIPSIS = "\u2026"
# Only this much of a name is wrapped: far more than six lines can show, so a hostile
# 100,000-character name costs no more than a normal one.
WRAP_CHARS = 1000
# The size a group's name is laid out for on its frame, in bold; renderers draw it at this size.
FRAME_LABEL_SIZE = 10.0
# Widest a group's name may be on its frame (about 60 characters); a longer one is cut with an
# ellipsis, so a hostile name cannot make a frame (and the chart) metres wide.
MAX_FRAME_LABEL_WIDTH = 360.0
# Padding between the label and the box edge.
PAD_X = 7.0
PAD_Y = 4.0
# Smallest box, so short names ("NHSE") still give a box big enough to click and read.
MIN_BOX_WIDTH = 64.0
MIN_BOX_HEIGHT = 26.0
# Labels are measured in the heaviest weight any theme uses (see module docstring).
MEASURE_BOLD = True
# Box sizes remembered by label text: re-laying out a chart, or a copy of it, after an edit
# wraps only the labels that changed. Emptied when full (a few MB at most).
SIZE_CACHE_LIMIT = 50_000
_SIZE_CACHE: dict[tuple[str, str, str], BoxSize] = {}


@dataclass(frozen=True, init=False)
class BoxSize:
    """The size of one body's box and the label lines it holds."""

    width: float
    height: float
    lines: tuple[str, ...]
    font_size: float = BASE_FONT_SIZE

    # Written out for speed, as geometry.BoxLayout's (one per body of a national chart).
    def __init__(
        self, width: float, height: float, lines: tuple[str, ...],
        font_size: float = BASE_FONT_SIZE,
    ) -> None:
        fields = self.__dict__
        fields["width"] = width
        fields["height"] = height
        fields["lines"] = lines
        fields["font_size"] = font_size


def label_lines(body: Body, font_size: float = BASE_FONT_SIZE) -> tuple[str, ...]:
    """The label of a body, wrapped: its name, or its short name if the name is too long;
    never more than MAX_BOX_LINES lines."""
    return _measured_label(body, font_size)[0]


def _measured_label(body: Body, font_size: float) -> tuple[tuple[str, ...], float]:
    """The label's lines and the width of the widest, in points."""
    lines, widest = _measured_wrap(body.name.strip() or body.id, font_size)
    short = body.short_name.strip()
    if len(lines) > MAX_LINES and short:
        lines, widest = _measured_wrap(short, font_size)
    return lines, widest


def _measured_wrap(text: str, font_size: float) -> tuple[tuple[str, ...], float]:
    """`capped_wrap` and the widest line's width; the common case (a name that fits in
    MAX_BOX_LINES lines) is measured once, while wrapping."""
    if len(text) <= WRAP_CHARS:
        lines, widest = wrap_measured(text, MAX_LABEL_WIDTH, font_size, MEASURE_BOLD)
        if len(lines) <= MAX_BOX_LINES:
            return lines, widest
    lines = capped_wrap(text, font_size)
    return lines, _widest(lines, font_size)


def _widest(lines: tuple[str, ...], font_size: float) -> float:
    return max((text_width(line, font_size, MEASURE_BOLD) for line in lines), default=0.0)


def capped_wrap(
    text: str, font_size: float = BASE_FONT_SIZE, max_lines: int = MAX_BOX_LINES
) -> tuple[str, ...]:
    """`text` wrapped to the label width in at most `max_lines` lines, the last ending with
    an ellipsis if the text does not fit."""
    cut = len(text) > WRAP_CHARS
    lines = wrap_label(text[:WRAP_CHARS], MAX_LABEL_WIDTH, font_size, MEASURE_BOLD)
    if len(lines) <= max_lines and not cut:
        return lines
    kept = list(lines[:max_lines])
    last = kept[-1]
    # Drop characters until the line and its ellipsis fit the label width.
    while last and text_width(last + ELLIPSIS, font_size, MEASURE_BOLD) > MAX_LABEL_WIDTH:
        last = last[:-1]
    kept[-1] = last.rstrip() + ELLIPSIS
    return tuple(kept)


def frame_label(name: str) -> str:
    """A group's name as its frame shows it: one line, at most MAX_FRAME_LABEL_WIDTH wide."""
    label = " ".join(name[:WRAP_CHARS].split())
    cut = len(name) > WRAP_CHARS
    if not cut and text_width(label, FRAME_LABEL_SIZE, True) <= MAX_FRAME_LABEL_WIDTH:
        return label
    while label and text_width(label + ELLIPSIS, FRAME_LABEL_SIZE, True) > MAX_FRAME_LABEL_WIDTH:
        label = label[:-1]
    return label.rstrip() + ELLIPSIS


def box_for_lines(lines: tuple[str, ...], font_size: float = BASE_FONT_SIZE) -> BoxSize:
    """The box that holds these label lines with padding."""
    return _box(lines, _widest(lines, font_size), font_size)


def _box(lines: tuple[str, ...], widest: float, font_size: float) -> BoxSize:
    width = max(MIN_BOX_WIDTH, round(widest + 2 * PAD_X, 1))
    return BoxSize(width, _box_height(len(lines), font_size), lines, font_size)


@lru_cache(maxsize=256)
def _box_height(line_count: int, font_size: float) -> float:
    """A box's height for this many label lines (the same few numbers for every box)."""
    return max(MIN_BOX_HEIGHT, round(line_count * line_height(font_size) + 2 * PAD_Y, 1))


def box_size(body: Body, font_size: float = BASE_FONT_SIZE) -> BoxSize:
    """The box for a body."""
    if font_size != BASE_FONT_SIZE:
        return _box(*_measured_label(body, font_size), font_size)
    name = body.name
    text = name.strip()
    # The id stands in for a blank name, so it is part of the key only then.
    key = (name, body.short_name, "" if text else body.id)
    size = _SIZE_CACHE.get(key)
    if size is not None:
        return size
    if len(_SIZE_CACHE) >= SIZE_CACHE_LIMIT:
        _SIZE_CACHE.clear()
    if text and len(text) <= WRAP_CHARS:
        # _measured_label's common case written out (a national chart sizes 10,000 boxes):
        # a name that wraps to at most MAX_LINES lines is the label.
        lines, widest = wrap_measured(text, MAX_LABEL_WIDTH, font_size, MEASURE_BOLD)
        if len(lines) <= MAX_LINES:
            size = _SIZE_CACHE[key] = _box(lines, widest, font_size)
            return size
    size = _SIZE_CACHE[key] = _box(*_measured_label(body, font_size), font_size)
    return size


def collapsed_group_box(name: str, member_count: int) -> BoxSize:
    """The box standing for a collapsed group: its name and how many bodies it hides."""
    lines = capped_wrap(name.strip() or "Group", BASE_FONT_SIZE, MAX_LINES)
    noun = "body" if member_count == 1 else "bodies"
    return box_for_lines((*lines, f"({member_count} {noun})"))
