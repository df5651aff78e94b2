"""Apply a theme to items: the one place where model records meet item looks.

Items take plain values (colours, widths, dashes); these functions read the record and the
theme and hand the item what it needs, so items never import the model.
"""

from __future__ import annotations

from icsviewer.canvas.items.body_item import BodyItem, BoxLook
from icsviewer.canvas.items.frame_item import FrameItem
from icsviewer.canvas.items.relation_item import RelationItem
from icsviewer.canvas.literal_text import literal_tooltip
from icsviewer.model.chart import Body, Group, Relationship
from icsviewer.model.kinds import body_kind, relation_kind
from icsviewer.style.theme import Theme, resolve_body_style


class _LookCache:
    """Box looks of one theme by kind and colour overrides: a big chart has a few dozen."""

    def __init__(self) -> None:
        self._theme: Theme | None = None
        self._looks: dict[tuple[object, ...], BoxLook] = {}

    def look(self, body: Body, theme: Theme) -> BoxLook:
        if theme is not self._theme:
            self._theme, self._looks = theme, {}
        key = (body.kind, *(body.style.get(k) for k in ("fill", "text", "stroke")))
        if not all(v is None or isinstance(v, str) for v in key):
            return _make_look(body, theme)  # hostile values: resolved (and refused) each time
        look = self._looks.get(key)
        if look is None:
            look = self._looks[key] = _make_look(body, theme)
        return look


def _make_look(body: Body, theme: Theme) -> BoxLook:
    st = resolve_body_style(theme, body)
    return BoxLook(
        st.fill, st.text, st.stroke, st.stroke_width, st.dash, st.corner_radius, st.bold,
        theme.highlight,
    )  # fmt: skip


_LOOKS = _LookCache()


def box_look(body: Body, theme: Theme) -> BoxLook:
    """The look a body's box has in `theme` (shared with every box of the same look)."""
    return _LOOKS.look(body, theme)


def style_body(item: BodyItem, body: Body, theme: Theme) -> None:
    """The body's kind style with its own overrides; the tooltip names it and its kind."""
    item.set_look(_LOOKS.look(body, theme))
    item.setToolTip(literal_tooltip(f"{body.name}\n{body_kind(body.kind).display_name}"))


def style_relation(item: RelationItem, record: Relationship | None, theme: Theme) -> None:
    """Line colour, width and dashes by kind; an arrowhead only where direction matters."""
    kind = record.kind if record else ""
    style = theme.relation_style(kind)
    directed = style.arrow and relation_kind(kind).directed
    item.set_look(style.colour, style.width, style.dash, directed)


def style_frame(item: FrameItem, group: Group | None, theme: Theme) -> None:
    fs = theme.frame_style(group.kind if group else "other")
    item.set_look(fs.fill, fs.stroke, fs.text, fs.dash)
