"""The computed Layout: plain data every consumer reads (canvas, PDF, SVG, PNG).

Units are PostScript points (1/72 inch) with y pointing down and the origin at the top left of
the chart's bounding box (everything lies within 0..width, 0..height). Boxes give their
top-left corner and size. Edge paths are cubic Bezier control points as Graphviz gives them:
p0, c1, c2, p1, c3, c4, p2, ... running from the relationship's source to its target.

Conventions every engine keeps (`icsviewer.layout.client` makes them):
- `boxes` has one entry per *visible* body. A body in a collapsed group has no box: the group
  is then a small frame in `frames` (sized like a box, holding only the group's name), and
  lines to the hidden body end at that frame; lines wholly inside it are left out.
- `frames` has one entry per group (expanded or collapsed); a body in two groups is drawn in
  the first only. A frame's `label_pos` is the left end of its name's baseline, inside the top.
- A directed line stops short of its target; `arrow_tip` is where the arrowhead's tip goes
  and the path's last point is the middle of the arrowhead's base (Graphviz's 'e' point).
  `arrow_tail` is the same at the source end (rarely set). Undirected lines have neither.
- `label_pos` of an edge is the middle of its path, for a centred label.
- A pinned body's box has its top-left corner exactly at the pin.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Point = tuple[float, float]


# The records below are frozen dataclasses with a hand-written __init__ that fills the
# instance dict directly: a national chart makes some 25,000 of them per layout, and the
# generated frozen __init__ (one object.__setattr__ per field) is about three times slower.
# Equality, hashing, repr, immutability and dataclasses.replace are unchanged.


@dataclass(frozen=True, init=False)
class BoxLayout:
    """Where one body's box is, and the label lines already wrapped to fit it."""

    body_id: str
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    font_size: float

    def __init__(
        self,
        body_id: str,
        x: float,
        y: float,
        width: float,
        height: float,
        lines: tuple[str, ...],
        font_size: float,
    ) -> None:
        fields = self.__dict__
        fields["body_id"] = body_id
        fields["x"] = x
        fields["y"] = y
        fields["width"] = width
        fields["height"] = height
        fields["lines"] = lines
        fields["font_size"] = font_size

    @property
    def center(self) -> Point:
        return (self.x + self.width / 2, self.y + self.height / 2)


@dataclass(frozen=True, init=False)
class EdgeLayout:
    """The drawn path of one relationship."""

    rel_id: str
    source: str
    target: str
    points: tuple[Point, ...]
    # Where an arrowhead's tip goes when the path stops short of the box (Graphviz 'e' point).
    arrow_tip: Point | None = None
    arrow_tail: Point | None = None
    label_pos: Point | None = None

    def __init__(
        self,
        rel_id: str,
        source: str,
        target: str,
        points: tuple[Point, ...],
        arrow_tip: Point | None = None,
        arrow_tail: Point | None = None,
        label_pos: Point | None = None,
    ) -> None:
        fields = self.__dict__
        fields["rel_id"] = rel_id
        fields["source"] = source
        fields["target"] = target
        fields["points"] = points
        fields["arrow_tip"] = arrow_tip
        fields["arrow_tail"] = arrow_tail
        fields["label_pos"] = label_pos


@dataclass(frozen=True)
class FrameLayout:
    """The frame drawn around a group (a Place, the collaboratives)."""

    group_id: str
    label: str
    x: float
    y: float
    width: float
    height: float
    label_pos: Point = (0.0, 0.0)


@dataclass(frozen=True)
class Layout:
    """A whole computed layout. `engine` says how it was made: dot, tree or fallback."""

    boxes: dict[str, BoxLayout]
    edges: dict[str, EdgeLayout]
    frames: dict[str, FrameLayout]
    width: float
    height: float
    engine: str = "dot"
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the worker answers with it; the cache stores it)."""
        return {
            "width": self.width,
            "height": self.height,
            "engine": self.engine,
            "warnings": list(self.warnings),
            "boxes": [
                [b.body_id, b.x, b.y, b.width, b.height, list(b.lines), b.font_size]
                for b in self.boxes.values()
            ],
            "edges": [
                [
                    e.rel_id,
                    e.source,
                    e.target,
                    [list(p) for p in e.points],
                    list(e.arrow_tip) if e.arrow_tip else None,
                    list(e.arrow_tail) if e.arrow_tail else None,
                    list(e.label_pos) if e.label_pos else None,
                ]
                for e in self.edges.values()
            ],
            "frames": [
                [f.group_id, f.label, f.x, f.y, f.width, f.height, list(f.label_pos)]
                for f in self.frames.values()
            ],
        }

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Layout:
        """Rebuild a Layout from `to_dict` output; raises ValueError on malformed data."""
        try:
            boxes = {
                str(b[0]): BoxLayout(
                    str(b[0]),
                    float(b[1]),
                    float(b[2]),
                    float(b[3]),
                    float(b[4]),
                    tuple(str(s) for s in b[5]),
                    float(b[6]),
                )
                for b in data["boxes"]
            }
            edges = {
                str(e[0]): EdgeLayout(
                    str(e[0]),
                    str(e[1]),
                    str(e[2]),
                    tuple((float(p[0]), float(p[1])) for p in e[3]),
                    _point(e[4]),
                    _point(e[5]),
                    _point(e[6]),
                )
                for e in data["edges"]
            }
            frames = {
                str(f[0]): FrameLayout(
                    str(f[0]),
                    str(f[1]),
                    float(f[2]),
                    float(f[3]),
                    float(f[4]),
                    float(f[5]),
                    (float(f[6][0]), float(f[6][1])),
                )
                for f in data["frames"]
            }
            return Layout(
                boxes,
                edges,
                frames,
                float(data["width"]),
                float(data["height"]),
                str(data.get("engine", "dot")),
                tuple(str(w) for w in data.get("warnings", [])),
            )
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise ValueError(f"malformed layout data: {exc}") from exc


def _point(value: Any) -> tuple[float, float] | None:
    if value is None:
        return None
    return (float(value[0]), float(value[1]))
