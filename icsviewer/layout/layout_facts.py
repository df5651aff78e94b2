"""Facts about a layout that patching it needs, remembered per Layout object.

Patching a layout after a small edit checks that every surviving box is still drawn in the
frame of its group, and re-measures the chart. Worked out from the geometry that is a pass
over every box and every line point - too slow at 10,000 bodies to do on every edit. So the
engines that know the answer (the tree layout, `update_layout` itself) record it for the
layout they return, and any other layout (Graphviz's, one read from the cache) has it worked
out once, the first time it is patched. Layouts are immutable, so the facts never go stale;
entries hold the layout weakly and only the last few are kept.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from icsviewer.layout.frames import bounds, edge_bounds
from icsviewer.layout.geometry import BoxLayout, EdgeLayout, FrameLayout, Layout
from icsviewer.layout.patch_space import EPS, LocalIndex, Rect, contains, inflate, rect
from icsviewer.layout.structure import Structure

# Layouts whose facts are kept (the one on screen, its predecessor, a background result).
KEPT = 8
# Stands for "drawn inside more than one frame": equal to no group id.
SEVERAL = "\x00several"


@dataclass(frozen=True)
class Facts:
    """What patching needs to know about a layout.

    `drawn_in`: each box's id -> the frame drawn around it (None: no frame; SEVERAL).
    `edge_reach`: (right, bottom) of the lines, arrowheads included.
    `item_reach`: (right, bottom) of the boxes and frames.
    `structure`: the structure the layout was made from, when its engine says so (then an
    unchanged node has its box exactly as drawn, and an unchanged link its line).
    """

    drawn_in: dict[str, str | None]
    edge_reach: tuple[float, float]
    item_reach: tuple[float, float]
    structure: Structure | None = None


_lock = threading.RLock()  # re-entrant: a layout may be freed, and forgotten, while held
_facts: dict[int, tuple[weakref.ref[Layout], Facts]] = {}


def remember(layout: Layout, facts: Facts) -> None:
    """Record what an engine knows about the layout it made."""
    with _lock:
        _facts.pop(id(layout), None)
        while len(_facts) >= KEPT:
            _facts.pop(next(iter(_facts)))
        _facts[id(layout)] = (weakref.ref(layout, _forget), facts)


def _forget(ref: weakref.ref[Layout]) -> None:
    """Drop a layout's facts when the layout itself goes (unless its slot was reused)."""
    with _lock:
        for key, (kept, _) in list(_facts.items()):
            if kept is ref:
                del _facts[key]


def facts_of(layout: Layout) -> Facts:
    """The layout's facts: recorded by its engine, or worked out (once) from its geometry."""
    with _lock:
        entry = _facts.get(id(layout))
    if entry is not None and entry[0]() is layout:
        return entry[1]
    facts = Facts(
        drawn_in_frames(layout), edge_reach(layout.edges.values()), item_reach(layout)
    )
    remember(layout, facts)
    return facts


def item_reach(layout: Layout) -> tuple[float, float]:
    """(right, bottom) of the layout's boxes and frames (0, 0 with none)."""
    items: list[BoxLayout | FrameLayout] = [*layout.boxes.values(), *layout.frames.values()]
    if not items:
        return (0.0, 0.0)
    right_bottom = bounds(items)
    return (right_bottom[2], right_bottom[3])


def edge_reach(edges: Iterable[EdgeLayout]) -> tuple[float, float]:
    """(right, bottom) of the lines' points, arrowheads included (0, 0 with no lines)."""
    bounds = edge_bounds(edges)
    return (bounds[2], bounds[3]) if bounds is not None else (0.0, 0.0)


def drawn_in_frames(layout: Layout) -> dict[str, str | None]:
    """Each box's frame, from the geometry: the frame that contains it, if any."""
    frames = layout.frames
    if not frames:
        return dict.fromkeys(layout.boxes)
    # A frame that holds a box holds its top-left corner (within EPS): file each frame under
    # the grid cells its outline (grown by EPS) meets, then look in one cell per box.
    cell = LocalIndex.CELL
    cells: dict[tuple[int, int], list[tuple[str, Rect]]] = {}
    for key, frame in frames.items():
        outline = rect(frame)
        x0, y0, x1, y1 = inflate(outline, EPS)
        for i in range(int(x0 // cell), int(x1 // cell) + 1):
            for j in range(int(y0 // cell), int(y1 // cell) + 1):
                cells.setdefault((i, j), []).append((key, outline))
    drawn_in: dict[str, str | None] = {}
    for box_id, box in layout.boxes.items():
        outline = rect(box)
        around = [k for k, r in cells.get((int(box.x // cell), int(box.y // cell)), ())
                  if contains(r, outline)]
        drawn_in[box_id] = around[0] if len(around) == 1 else (SEVERAL if around else None)
    return drawn_in


def item_reach_after(
    previous: Layout,
    before: tuple[float, float],
    layout: Layout,
    removed: Iterable[BoxLayout],
    changed: Iterable[str],
) -> tuple[float, float]:
    """How far the boxes and frames of `layout`, a patch of `previous` (whose reach was
    `before`) with `removed` boxes gone and `changed` boxes re-drawn, reach. Everything is
    measured again only when something that went reached that far."""
    right, bottom = before
    changed = list(changed)
    gone = [rect(b) for b in removed]
    gone += [rect(previous.boxes[k]) for k in changed if k in previous.boxes]
    new_frames = [f for k, f in layout.frames.items() if previous.frames.get(k) is not f]
    gone += [rect(f) for k, f in previous.frames.items() if layout.frames.get(k) is not f]
    if any(r[2] >= right or r[3] >= bottom for r in gone):
        return item_reach(layout)
    added = [rect(layout.boxes[k]) for k in changed if k in layout.boxes]
    added += [rect(f) for f in new_frames]
    for r in added:
        right, bottom = max(right, r[2]), max(bottom, r[3])
    return right, bottom


def drawn_in_after(
    before: dict[str, str | None],
    layout: Layout,
    removed: Iterable[BoxLayout],
    placed: Iterable[str],
    pinned: Iterable[str],
    group_of: Callable[[str], str | None],
) -> dict[str, str | None]:
    """Which frame each box of a patched layout is drawn in, from the previous layout's
    `before`: `placed` boxes (new or re-sized) are in their group's frame (`group_of`), as
    the patch placed them; `pinned` ones may be anywhere, so they are looked up."""
    drawn_in = dict(before)
    for box in removed:
        drawn_in.pop(box.body_id, None)
    for node_id in placed:
        if node_id in layout.boxes:  # else a collapsed group's box, now a frame
            drawn_in[node_id] = group_of(node_id)
    for node_id in pinned:
        if node_id in layout.boxes:
            outline = rect(layout.boxes[node_id])
            around = [k for k, f in layout.frames.items() if contains(rect(f), outline)]
            drawn_in[node_id] = around[0] if len(around) == 1 else (SEVERAL if around else None)
    return drawn_in
