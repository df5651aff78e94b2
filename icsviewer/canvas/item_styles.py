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


def style_body(item: BodyItem, body: Body, theme: Theme) -> None:
    """The body's kind style with its own overrides; the tooltip names it and its kind."""
    st = resolve_body_style(theme, body)
    look = BoxLook(
        st.fill, st.text, st.stroke, st.stroke_width, st.dash, st.corner_radius, st.bold,
        theme.highlight,
    )  # fmt: skip
    item.set_look(look)
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
